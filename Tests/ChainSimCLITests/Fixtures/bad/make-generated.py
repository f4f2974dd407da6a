#!/usr/bin/env python3
"""Regenerates the bad-input fixtures that are not written by hand (deep nesting, alias
bombs, binary junk). Usage: python3 make-generated.py (from any folder). Deterministic."""
import os, random

here = os.path.dirname(os.path.abspath(__file__))

def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

n = 10_000
write("deep-lists.yaml", "# 10,000 nested flow lists.\nrun: " + "[" * n + "]" * n + "\n")
write("deep-mappings.yaml", "# 10,000 nested flow mappings.\nrun: " + "{a: " * n + "1" + "}" * n + "\n")
write("deep-block-lists.yaml", "# 100 nested block lists.\nrun:\n" + "".join("  " * (i + 1) + "-\n" for i in range(99)) + "  " * 100 + "- 1\n")

# Billion laughs: 9 levels of 10 aliases each (10^9 values if expanded).
lines = ["# Billion laughs: an alias bomb.", 'a0: &a0 "lol"']
for i in range(1, 10):
    lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
lines.append("run: *a9")
write("alias-bomb.yaml", "\n".join(lines) + "\n")
# Aliases that are small in nodes but deep once expanded.
lines = ["# Aliases nested 100 deep once expanded.", "d0: &d0 [x]"]
for i in range(1, 100):
    lines.append(f"d{i}: &d{i} [*d{i-1}]")
lines.append("run: *d99")
write("alias-deep.yaml", "\n".join(lines) + "\n")

rng = random.Random(10)
write("bin-random.yaml", bytes(rng.randrange(256) for _ in range(512)))
write("bin-png.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
write("bin-hdf5.h5", b"\x89HDF\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(120)))
text = "extends: ../../../../scenarios/tianjin-2024.yaml\nrun:\n  horizon: 3d\n"
write("bin-utf16-bom.yaml", b"\xff\xfe" + text.encode("utf-16-le"))
write("bin-nul-bytes.yaml", "extends: ../../../../scenarios/tianjin-2024.yaml\nrun:\n  horizon: 3d\x00\x00\x00\n")
write("bin-latin1.yaml", "# Saved as Latin-1: cold room at 4 °C.\nextends: ../../../../scenarios/tianjin-2024.yaml\n".encode("latin-1"))
