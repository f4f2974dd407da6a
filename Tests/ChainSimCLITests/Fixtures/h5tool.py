#!/usr/bin/env python3
"""Helpers for DamagedResultsTests and ExtremeInputTests (needs h5py and numpy).

Usage:
  h5tool.py offsets FILE             one line per dataset with stored bytes: "<name> <offset> <size> <kind>"
                                     (absolute file offsets of the raw data: the first chunk of a
                                     chunked dataset, the data of a contiguous one)
  h5tool.py foreign OUT              a valid HDF5 file that is not a ChainSim file
  h5tool.py missing-dataset GOOD OUT a new HDF5 file with GOOD's root attributes and datasets,
                                     except /time (a ChainSim look-alike with a part missing)
  h5tool.py summary FILE             JSON: every /summary dataset's values (flattened; NaN as null,
                                     infinities as "inf"/"-inf") and the names of failed /checks
"""
import json
import sys

import h5py
import numpy as np


def offsets(path):
    found = []

    def visit(name, obj):
        if not isinstance(obj, h5py.Dataset):
            return
        if obj.chunks is not None:
            if obj.id.get_num_chunks() > 0:
                info = obj.id.get_chunk_info(0)
                found.append((name, info.byte_offset, info.size, "chunked"))
        else:
            offset = obj.id.get_offset()
            if offset is not None:
                found.append((name, offset, obj.id.get_storage_size(), "contiguous"))

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    for name, offset, size, kind in found:
        print(name, offset, size, kind)


def foreign(out):
    with h5py.File(out, "w") as f:
        f.attrs["title"] = "temperature log"
        f.create_dataset("temperature", data=np.linspace(10.0, 20.0, 50), chunks=(10,), compression="gzip")
        f.create_group("station").attrs["name"] = "Tanggu"


def missing_dataset(good, out):
    with h5py.File(good, "r") as src, h5py.File(out, "w") as dst:
        for key, value in src.attrs.items():
            dst.attrs[key] = value
        for name in src:
            if name != "time":
                src.copy(src[name], dst, name=name)


def summary(path):
    def number(v):
        v = float(v)
        if np.isnan(v):
            return None
        if np.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v

    out = {"summary": {}, "failed_checks": []}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and obj.dtype.kind == "f":
                out["summary"][name] = [number(v) for v in np.asarray(obj[()]).ravel()]
        f["summary"].visititems(visit)
        for sub in f["checks"]:
            for check in f["checks"][sub]:
                if not bool(f["checks"][sub][check].attrs["passed"]):
                    out["failed_checks"].append(f"{sub}/{check}")
    print(json.dumps(out, sort_keys=True))


def main(argv):
    if len(argv) >= 3 and argv[1] == "offsets":
        offsets(argv[2])
    elif len(argv) >= 3 and argv[1] == "foreign":
        foreign(argv[2])
    elif len(argv) >= 3 and argv[1] == "summary":
        summary(argv[2])
    elif len(argv) >= 4 and argv[1] == "missing-dataset":
        missing_dataset(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
