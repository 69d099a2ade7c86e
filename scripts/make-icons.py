"""Draws the toolbar icons (a rounded square with a pulse line) at 16/32/48/128 px as PNG.

Kept as a script so the icons can be redrawn; it needs only Python's standard library.
"""
import math
import struct
import sys
import zlib
from pathlib import Path

BG = (204, 120, 92)  # Claude-like terracotta
FG = (255, 255, 255)


def pulse_y(x):
    """A heartbeat line across the icon, in unit coordinates."""
    if x < 0.3 or x > 0.78:
        return 0.55
    if x < 0.42:
        return 0.55 - (x - 0.3) / 0.12 * 0.3
    if x < 0.56:
        return 0.25 + (x - 0.42) / 0.14 * 0.5
    if x < 0.66:
        return 0.75 - (x - 0.56) / 0.1 * 0.2
    return 0.55


def pixel(size, px, py):
    samples = 4
    cover_bg = cover_fg = 0
    for sx in range(samples):
        for sy in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            r = 0.22
            dx = max(r - x, 0, x - (1 - r))
            dy = max(r - y, 0, y - (1 - r))
            if math.hypot(dx, dy) <= r:
                cover_bg += 1
                width = max(0.07, 1.6 / size)
                if 0.12 <= x <= 0.88 and abs(y - pulse_y(x)) < width:
                    cover_fg += 1
    total = samples * samples
    a = cover_bg / total
    f = cover_fg / max(cover_bg, 1)
    rgb = tuple(round(BG[i] * (1 - f) + FG[i] * f) for i in range(3))
    return (*rgb, round(a * 255))


def png(size):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(size, x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body))

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')


if __name__ == '__main__':
    out = Path(sys.argv[1] if len(sys.argv) > 1 else 'public/icon')
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f'{size}.png').write_bytes(png(size))
