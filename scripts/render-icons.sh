#!/usr/bin/env bash
# Renders the Teams app icons from their SVG sources (manifest/icons-src/) into manifest/color.png
# (192x192) and manifest/outline.png (32x32) with headless Chromium, then forces every visible pixel
# of the outline icon to pure white, as Teams requires (antialiased edges keep only their alpha).
# Run it again after editing an SVG and commit the PNGs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src="$root/manifest/icons-src"
out="$root/manifest"
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "No se encontró Chromium en $chromium / Chromium not found at $chromium (apt-get install chromium)." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() { # render NAME SIZE
  local name=$1 size=$2
  cat >"$work/$name.html" <<HTML
<!doctype html><html><head><style>
html,body{margin:0;padding:0;background:transparent;overflow:hidden}
img{display:block;width:${size}px;height:${size}px}
</style></head><body><img src="file://$src/$name.svg"></body></html>
HTML
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 --allow-file-access-from-files \
    --default-background-color=00000000 --window-size="$size,$size" \
    --screenshot="$work/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  node "$root/scripts/png-icon.cjs" "$work/$name.png" "$out/$name.png" "$size" "${3:-}"
}

render color 192
render outline 32 --white
echo "manifest/color.png, manifest/outline.png"
