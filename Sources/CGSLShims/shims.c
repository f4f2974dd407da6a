/* The shim header holds only static inline functions; this file gives the target a body. */
#include "chainsim_gsl_shims.h"
