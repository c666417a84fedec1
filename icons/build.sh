#!/usr/bin/env bash
# Renders the icon from its SVG source: PNGs from 16 to 1024 px, a Windows .ico and a macOS .icns.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and python3. The outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" rollup-studio.svg -o "rollup-studio-$s.png"
done
convert rollup-studio-16.png rollup-studio-24.png rollup-studio-32.png rollup-studio-48.png rollup-studio-64.png rollup-studio-256.png rollup-studio.ico
# ICNS: 'icns' + total length, then one chunk per size: type, length (header included), PNG bytes.
python3 - <<'PY'
import struct
chunks = b""
for kind, size in [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)]:
    png = open(f"rollup-studio-{size}.png", "rb").read()
    chunks += kind + struct.pack(">I", len(png) + 8) + png
open("rollup-studio.icns", "wb").write(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)
PY
