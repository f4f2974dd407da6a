/* libyaml's public C API (Debian libyaml-dev, pkg-config yaml-0.1), for the scenario
 * loader's event-level prescan (Scenario/Tree/_YAMLPrescan.swift). Yams uses its own copy
 * of libyaml internally and offers no event API; this module is the stable public one. */
#include <yaml.h>
