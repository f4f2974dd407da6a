/* ChainSim C shims for HDF5: static inline wrappers for HDF5 names that are macros or
 * mutable globals, which Swift 6 cannot import cleanly. No stable API: internal use only.
 * (The GSL wrappers are in CGSLShims, so that SimKernel does not build against HDF5.) */
#ifndef CHAINSIM_SHIMS_H
#define CHAINSIM_SHIMS_H
#include <hdf5.h>
#include <hdf5_hl.h>

/* HDF5 predefined types (macros that expand to globals needing H5open()). */
static inline hid_t cs_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t cs_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t cs_H5T_NATIVE_UINT64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t cs_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t cs_H5T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t cs_H5T_NATIVE_HBOOL(void) { return H5T_NATIVE_HBOOL; }
static inline hid_t cs_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t cs_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t cs_H5T_STD_U64LE(void) { return H5T_STD_U64LE; }
static inline hid_t cs_H5T_STD_I32LE(void) { return H5T_STD_I32LE; }
static inline hid_t cs_H5T_STD_U8LE(void) { return H5T_STD_U8LE; }
static inline hid_t cs_H5T_C_S1(void) { return H5T_C_S1; }
static inline size_t cs_H5T_VARIABLE(void) { return H5T_VARIABLE; }

/* HDF5 file access flags and property-list classes. */
static inline unsigned cs_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned cs_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }
static inline unsigned cs_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned cs_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline hid_t cs_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t cs_H5P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t cs_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t cs_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t cs_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t cs_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hid_t cs_H5P_ATTRIBUTE_CREATE(void) { return H5P_ATTRIBUTE_CREATE; }
static inline hid_t cs_H5S_ALL(void) { return H5S_ALL; }
static inline hsize_t cs_H5S_UNLIMITED(void) { return H5S_UNLIMITED; }

/* Silence HDF5's automatic error stack printing (errors are reported by return codes). */
static inline herr_t cs_H5Eset_auto_off(void) { return H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

/* --- Results (HDF5 writer/reader) task: added wrappers --- */
static inline hid_t cs_H5E_DEFAULT(void) { return H5E_DEFAULT; }
static inline hid_t cs_H5T_NATIVE_INT8(void) { return H5T_NATIVE_INT8; }
static inline unsigned cs_H5P_CRT_ORDER_TRACKED_INDEXED(void) {
  return H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
}
/* --- end Results --- */
/* --- Issue 10 (C) crash safety: datatype-creation list (committed types without timestamps) --- */
static inline hid_t cs_H5P_DATATYPE_CREATE(void) { return H5P_DATATYPE_CREATE; }
/* --- end Issue 10 (C) --- */
#endif
