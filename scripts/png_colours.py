#!/usr/bin/env python3
"""Counts pixels of given colours in a PNG, with the standard library only (zlib + PNG
filter reversal): used by ReportCLITests to check that headless Chromium drew the charts.

usage: scripts/png_colours.py FILE.png '#rrggbb' ... [--tolerance N]
prints JSON: width, height, non_white (pixels not near white), and per colour: count,
columns (distinct x with the colour), rows (distinct y), bbox [x0, y0, x1, y1] or null.
"""
import json
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour_type not in (2, 6):
        raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour_type}, interlace {interlace})")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise SystemExit(f"{path}: bad filter type {kind} in row {y}")
        rows.append(line)
        previous = line
    return width, height, bpp, rows


def main():
    args = sys.argv[1:]
    tolerance = 24
    if "--tolerance" in args:
        i = args.index("--tolerance")
        tolerance = int(args[i + 1])
        del args[i:i + 2]
    path, colours = args[0], args[1:]
    targets = [tuple(int(c.lstrip("#")[k:k + 2], 16) for k in (0, 2, 4)) for c in colours]
    width, height, bpp, rows = decode(path)
    stats = [{"count": 0, "columns": set(), "rows": set(), "bbox": None} for _ in targets]
    non_white = 0
    for y, line in enumerate(rows):
        for x in range(width):
            r, g, b = line[x * bpp], line[x * bpp + 1], line[x * bpp + 2]
            if r < 240 or g < 240 or b < 240:
                non_white += 1
            for s, (tr, tg, tb) in zip(stats, targets):
                if abs(r - tr) <= tolerance and abs(g - tg) <= tolerance and abs(b - tb) <= tolerance:
                    s["count"] += 1
                    s["columns"].add(x)
                    s["rows"].add(y)
                    box = s["bbox"]
                    s["bbox"] = [x, y, x, y] if box is None else [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    out = {"width": width, "height": height, "non_white": non_white, "colours": {}}
    for colour, s in zip(colours, stats):
        out["colours"][colour] = {"count": s["count"], "columns": len(s["columns"]), "rows": len(s["rows"]), "bbox": s["bbox"]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
