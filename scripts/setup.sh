#!/usr/bin/env bash
# Installs everything the bot, its local client and its tests need on a fresh Debian machine:
# Debian's Chromium (for the end-to-end tests) and the node tools in tools/ (Cosmos DB protocol
# server, Microsoft 365 Agents Playground, JSON Schema validator). Safe to run again: it only
# installs what is missing or changed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Falta el SDK de .NET 10 / the .NET 10 SDK is missing: install it first (https://dot.net)." >&2
  exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "Instalando Node.js y npm (Debian) / installing Node.js and npm"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# The embedded store prefers the system's SQLite (docs/data-model.md, "SQLite engine"); it falls back to the bundled one.
if ! ldconfig -p 2>/dev/null | grep -q 'libsqlite3\.so\.0'; then
  say "Instalando SQLite (Debian) / installing SQLite"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-0 >/dev/null
fi

if [ "${PARTICIPABOT_SKIP_BROWSER:-0}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "Instalando Chromium (Debian) / installing Chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ ! -f tools/node_modules/.installed ] || [ tools/package-lock.json -nt tools/node_modules/.installed ]; then
  say "Instalando herramientas de node / installing node tools (tools/)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/node_modules/.installed
fi
