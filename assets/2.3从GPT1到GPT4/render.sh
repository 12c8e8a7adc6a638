#!/bin/sh
# Redraws the five figures: SVG from figures.py, then PNG at 2400 px wide with only the book's bundled fonts.
set -eu
cd "$(dirname "$0")"
python3 figures.py
export FONTCONFIG_FILE="$PWD/fonts.conf"
for svg in Untitled*.svg; do
  rsvg-convert --zoom=2 --format=png --output="${svg%.svg}.png" "$svg"
  echo "rendered ${svg%.svg}.png"
done
