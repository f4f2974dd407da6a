/* ChainSim C shims for GSL: static inline wrappers for GSL names that are mutable globals
 * or macros, which Swift 6 cannot import cleanly. No stable API: internal use only.
 * (The HDF5 wrappers are in CChainSimShims, so that SimKernel does not build against HDF5.) */
#ifndef CHAINSIM_GSL_SHIMS_H
#define CHAINSIM_GSL_SHIMS_H
#include <gsl/gsl_rng.h>
#include <gsl/gsl_errno.h>

/* GSL generator types (mutable globals). */
static inline const gsl_rng_type *cs_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline void cs_gsl_error_handler_off(void) { gsl_set_error_handler_off(); }
#endif
