#!/usr/bin/env bash
# Runs PerijinanBot locally: Azurite (storage), the bot on 127.0.0.1:3978, and four Agents Playground
# instances, one per SOP role, each a different person. Ctrl+C stops everything this script started.
#
# Ports can be moved with environment variables (the tests do): BOT_PORT, PLAYGROUND_BASE_PORT (four
# consecutive ports), AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT. RUN_DIR moves the
# git-ignored folder that holds Azurite's data, the generated Playground configs and the logs.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
BOT_PORT=${BOT_PORT:-3978}
PLAYGROUND_BASE_PORT=${PLAYGROUND_BASE_PORT:-56150}
AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
AZURITE_TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
RUN_DIR=${RUN_DIR:-$ROOT/.dev}
LOGS="$RUN_DIR/logs"

say() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not installed"
command -v node >/dev/null || die "Node.js (node, npm) is not installed"

# Every child runs in its own session so one signal stops it with all of its children.
PGIDS=()
cleanup() {
  trap - EXIT INT TERM
  if ((${#PGIDS[@]})); then
    say "stopping ${#PGIDS[@]} processes"
    for pg in "${PGIDS[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done
    for _ in $(seq 50); do
      alive=0
      for pg in "${PGIDS[@]}"; do kill -0 -- "-$pg" 2>/dev/null && alive=1; done
      ((alive)) || break
      sleep 0.1
    done
    for pg in "${PGIDS[@]}"; do kill -KILL -- "-$pg" 2>/dev/null || true; done
  fi
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # name, workdir, command...
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && exec setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null) &
  PGIDS+=("$!")
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  die "$what did not come up within ${seconds}s (logs: $LOGS)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$LOGS" "$RUN_DIR/azurite"
for p in "$BOT_PORT" "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT" $(seq "$PLAYGROUND_BASE_PORT" $((PLAYGROUND_BASE_PORT + 3))); do
  port_free "$p" || die "port $p is already in use (another ./run.sh?)"
done

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the pinned Node tools (npm ci)"
  npm ci --no-audit --no-fund >"$LOGS/npm.log" 2>&1 || die "npm ci failed (see $LOGS/npm.log)"
fi

say "building the bot"
dotnet build src/Bot/Bot.csproj -c Debug -nologo -v quiet >"$LOGS/build.log" 2>&1 || { tail -n 30 "$LOGS/build.log"; die "build failed (see $LOGS/build.log)"; }

say "generating the four Playground configs"
PEOPLE=$(node tools/dev/playground-config.mjs --out "$RUN_DIR/playground")

say "starting Azurite (data in $RUN_DIR/azurite)"
start azurite "$ROOT" node node_modules/azurite/dist/src/azurite.js --location "$RUN_DIR/azurite" \
  --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" --skipApiVersionCheck --disableTelemetry
wait_for "Azurite" 30 port_open "$AZURITE_TABLE_PORT"

AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
say "starting the bot on http://127.0.0.1:$BOT_PORT"
start bot "$ROOT/src/Bot" env ASPNETCORE_ENVIRONMENT=Development \
  "Storage__ConnectionString=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$AZURITE_BLOB_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$AZURITE_TABLE_PORT/devstoreaccount1;" \
  dotnet bin/Debug/net10.0/PerijinanBot.Bot.dll --urls "http://127.0.0.1:$BOT_PORT"
wait_for "the bot" 60 curl -fsS "http://127.0.0.1:$BOT_PORT/healthz"

LINES=()
i=0
while IFS= read -r person; do
  port=$((PLAYGROUND_BASE_PORT + i))
  dir=$(node -e 'console.log(JSON.parse(process.argv[1]).dir)' "$person")
  label=$(node -e 'const p=JSON.parse(process.argv[1]); console.log(`${p.label} (${p.user.name})`)' "$person")
  slug=$(basename "$dir")
  start "playground-$slug" "$dir" env TEAMSAPPTESTER_BROWSER=none BOT_ENDPOINT="http://127.0.0.1:$BOT_PORT/api/messages" \
    node "$ROOT/node_modules/@microsoft/m365agentsplayground/cli.js" -p "$port" --dt
  LINES+=("$(printf '  %-40s http://127.0.0.1:%s' "$label" "$port")")
  i=$((i + 1))
done <<<"$PEOPLE"
for j in 0 1 2 3; do wait_for "Playground on port $((PLAYGROUND_BASE_PORT + j))" 60 curl -fsS "http://127.0.0.1:$((PLAYGROUND_BASE_PORT + j))/_debug/ping"; done

cat <<MSG

PerijinanBot is running. Open one browser tab per person:
$(printf '%s\n' "${LINES[@]}")

  bot        http://127.0.0.1:$BOT_PORT/api/messages   (health: http://127.0.0.1:$BOT_PORT/healthz)
  storage    Azurite, tables on 127.0.0.1:$AZURITE_TABLE_PORT, blobs on 127.0.0.1:$AZURITE_BLOB_PORT
  logs       $LOGS

Type "bantuan" in a tab to begin. Press Ctrl+C to stop everything.
MSG

# Stay until Ctrl+C. If Azurite stops, the bot keeps running and /healthz says 503; if the bot stops, so does everything.
azurite_told=0
while kill -0 -- "-${PGIDS[1]}" 2>/dev/null; do
  if ((!azurite_told)) && ! kill -0 -- "-${PGIDS[0]}" 2>/dev/null; then
    say "Azurite has stopped: the bot cannot reach storage (/healthz says 503). Logs: $LOGS/azurite.log"
    azurite_told=1
  fi
  sleep 1
done
say "the bot exited unexpectedly (logs: $LOGS/bot.log)"
exit 1
