#!/usr/bin/env bash
# Regenerates the raster application icons from resources/icons/automl-workbench.svg:
#   resources/icons/automl-workbench-<N>.png   N = 16 24 32 48 64 128 256 512 1024
#   resources/icons/automl-workbench.ico       Windows: 16 24 32 48 64 128 256
#   resources/icons/automl-workbench.icns      macOS: 16@2x .. 512@2x, PNG entries
#
# Needs python3 and ImageMagick (Debian: imagemagick). Renders the SVG with rsvg-convert
# (librsvg2-bin) when it is installed, else with ImageMagick; shrinks the PNGs with optipng
# (optipng) when it is installed. Runs from any directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icons="$root/resources/icons"
svg="$icons/automl-workbench.svg"
name="$icons/automl-workbench"
png_sizes=(16 24 32 48 64 128 256 512 1024)
ico_sizes=(16 24 32 48 64 128 256)

[[ -f "$svg" ]] || { echo "make-icons: no $svg" >&2; exit 1; }
command -v python3 >/dev/null || { echo "make-icons: needs python3" >&2; exit 1; }

# ImageMagick: 'magick' (7) or 'convert' (6); a 'convert' that is not ImageMagick does not count.
if command -v magick >/dev/null; then
  im=(magick)
elif command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; then
  im=(convert)
else
  echo "make-icons: needs ImageMagick (apt-get install imagemagick)" >&2
  exit 1
fi

if command -v rsvg-convert >/dev/null; then
  renderer=rsvg-convert
else
  renderer=imagemagick
  echo "make-icons: rsvg-convert not found (apt-get install librsvg2-bin), rendering with ImageMagick" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $renderer == imagemagick ]]; then
  # ImageMagick draws an SVG well only at a large size: draw it once big, then average it down
  # (a box filter, i.e. pixel coverage, as an SVG renderer would). 288 dpi gives 1536 px where
  # ImageMagick takes an SVG's units as 96 dpi and 2048 px where it takes them as 72: both a
  # multiple of 16 px, so that the icon's 32-unit grid stays on whole pixels.
  "${im[@]}" -background none -density 288 "$svg" "PNG32:$work/master.png"
fi

# render SIZE OUT: the SVG as a SIZE x SIZE 8-bit RGBA PNG without metadata.
render() {
  local size=$1 out=$2
  if [[ $renderer == rsvg-convert ]]; then
    rsvg-convert --width "$size" --height "$size" --output "$work/render.png" "$svg"
  else
    "${im[@]}" "$work/master.png" -filter Box -resize "${size}x${size}!" "PNG32:$work/render.png"
  fi
  "${im[@]}" "$work/render.png" -strip "PNG32:$out"
  if command -v optipng >/dev/null; then
    # Lossless recompression only; -nx keeps 8-bit RGBA, which every icon reader takes.
    optipng -quiet -o2 -nx -strip all "$out"
  fi
}

for size in "${png_sizes[@]}"; do
  render "$size" "$name-$size.png"
done

ico_inputs=()
for size in "${ico_sizes[@]}"; do
  ico_inputs+=("$name-$size.png")
done
"${im[@]}" "${ico_inputs[@]}" "$name.ico"

# ICNS: 'icns', big-endian total length, then entries of type, big-endian length (with the
# 8-byte header) and PNG data. ImageMagick 6 does not write ICNS, so it is put together here.
python3 - "$name" <<'PY'
import struct
import sys

name = sys.argv[1]
entries = [  # type, pixels
    (b"ic11", 32),    # 16@2x
    (b"ic12", 64),    # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),   # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),   # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
]
body = b""
for kind, size in entries:
    with open(f"{name}-{size}.png", "rb") as f:
        png = f.read()
    body += kind + struct.pack(">I", 8 + len(png)) + png
with open(f"{name}.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

echo "make-icons: rendered with $renderer into ${icons#"$root"/}/"
ls -l "$name"-*.png "$name.ico" "$name.icns" | awk '{ printf "  %8d  %s\n", $5, $NF }' | sed "s|$icons/||"
