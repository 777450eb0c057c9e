#!/usr/bin/env bash
# Runs ParticipaBot on the embedded SQLite store (./data) together with the Microsoft 365 Agents
# Playground, a Teams-like web client, and prints the address to open. Ctrl+C stops both.
# Environment: BOT_PORT (3978), PLAYGROUND_PORT (56150), PLAYGROUND_LANG (es_CO.UTF-8; en_US.UTF-8 for English).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"

PARTICIPABOT_SKIP_BROWSER=1 scripts/setup.sh

bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
set -a; . scripts/runtime.env; set +a

echo "==> Compilando / building"
dotnet build src/Bot/ParticipaBot.Bot.csproj -c Release -nologo -clp:ErrorsOnly

# Background jobs share this script's process group: stopping the group stops the bot, the Playground and its helpers.
cleanup() { trap - EXIT INT TERM; kill 0 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo "==> Iniciando el bot / starting the bot on http://127.0.0.1:$bot_port"
ASPNETCORE_ENVIRONMENT=Development dotnet src/Bot/bin/Release/net10.0/ParticipaBot.Bot.dll \
  serve --urls "http://127.0.0.1:$bot_port" --contentRoot "$root/src/Bot" &

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done

echo "==> Iniciando Agents Playground / starting the Agents Playground"
# The Playground exits when its standard input closes, so it gets one that stays open; it writes a devTools
# folder where it runs, so it runs in the data directory rather than in the checkout.
mkdir -p "$root/data/playground"
(cd "$root/data/playground" && tail -f /dev/null | LANG=${PLAYGROUND_LANG:-es_CO.UTF-8} "$root/tools/node_modules/.bin/agentsplayground" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt -p "$playground_port") &

cat <<MSG

  Abra / open:  http://127.0.0.1:$playground_port
  Bot:          http://127.0.0.1:$bot_port/api/messages   (datos / data: $root/data)
  Ctrl+C detiene todo / stops everything.

MSG
wait
