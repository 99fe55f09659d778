#!/usr/bin/env bash
# A local fleet: redis-server + the emulator host + WORKERS BatchUsers workers on one OAuth client; one worker is
# SIGKILLed when a third of the users are done and started again; then the ledger. Everything it starts, it stops.
#   bash samples/fleet-demo.sh                       (defaults: 4 workers, 3000 users, 3 s tokens, 1200/min, 3% 5xx, 2% drops)
#   USERS=600 RATE=6000 bash samples/fleet-demo.sh   (quicker)
# Without redis: NO_REDIS=1 runs the same workers without --redis (each its own token, budget and run: the contrast).
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS=${WORKERS:-4} USERS=${USERS:-3000} TOKEN=${TOKEN:-3s} RATE=${RATE:-1200} FAULT=${FAULT:-0.03} DROP=${DROP:-0.02}
PACE=${PACE:-$((RATE * 95 / 100))} KILL=${KILL:-1} OUTAGE=${OUTAGE:-0} RUN=${RUN:-demo-$(date +%s)}
out=${OUT:-artifacts/fleet-demo}
rm -rf "$out"; mkdir -p "$out"
command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build samples/EmulatorHost -c Release -v q -nologo >/dev/null
  dotnet build samples/BatchUsers -c Release -v q -nologo >/dev/null
fi
host_dll=samples/EmulatorHost/bin/Release/net10.0/EmulatorHost.dll
worker_dll=samples/BatchUsers/bin/Release/net10.0/BatchUsers.dll

pids=()
redis_dir=""
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 0.5; [ -n "$redis_dir" ] && rm -rf "$redis_dir"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis_dir=$(mktemp -d)
start_redis() {
  redis-server --port "$port" --bind 127.0.0.1 --dir "$redis_dir" --save "" --appendonly yes --appendfsync everysec > "$out/redis.log" 2>&1 &
  redis_pid=$!; pids+=("$redis_pid")
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
}
start_redis

dotnet "$host_dll" --users "$USERS" --token-lifetime "$TOKEN" --rate-limit "$RATE" --rate-limit-key client \
  --fault-rate "$FAULT" --drop-rate "$DROP" --client-id fleet-client --client-secret fleet-secret > "$out/emulator.log" 2>&1 &
pids+=($!)
address=""
for _ in $(seq 1 100); do
  address=$(grep -oE "http://127\.0\.0\.1:[0-9]+/" "$out/emulator.log" | head -1 || true); [ -n "$address" ] && break; sleep 0.2
done
[ -n "$address" ] || { cat "$out/emulator.log"; exit 1; }

export GENESYS_CLIENT_SECRET=fleet-secret
export GENESYS_TOKEN_KEY=${GENESYS_TOKEN_KEY:-$(head -c 32 /dev/urandom | base64)}
fleet=(--redis "127.0.0.1:$port" --run-id "$RUN" --lease 5s)
[ "${NO_REDIS:-0}" = 1 ] && fleet=()
declare -A worker_pid
worker() {  # $1 = name
  dotnet "$worker_dll" --emulator "$address" --client-id fleet-client --pace "$PACE" --concurrency 8 --page-size 100 \
    "${fleet[@]}" --json "$out/$1.json" --checkpoint "$out/$1.checkpoint.json" > "$out/$1.log" 2>&1 &
  worker_pid[$1]=$!; pids+=($!)
}
started=$(date +%s.%N)
for i in $(seq 1 "$WORKERS"); do worker "w$i"; done

changed() { curl -s "${address}emulator/stats" | jq '.usersChangedOnce + .usersChangedMoreThanOnce'; }
if [ "$KILL" = 1 ] && [ "${NO_REDIS:-0}" != 1 ]; then
  until [ "$(changed)" -ge $((USERS / 3)) ]; do sleep 0.2; done
  kill -9 "${worker_pid[w1]}"; echo "SIGKILLed worker w1 at $(changed) users changed"
  sleep 1
  worker w1b; echo "started worker w1b"
fi
if [ "$OUTAGE" != 0 ]; then
  until [ "$(changed)" -ge $((USERS / 2)) ]; do sleep 0.2; done
  kill -9 "$redis_pid"; echo "Redis stopped for ${OUTAGE}s at $(changed) users changed"; sleep "$OUTAGE"; start_redis; echo "Redis back"
fi
status=0
for name in "${!worker_pid[@]}"; do
  [ "$name" = w1 ] && [ "$KILL" = 1 ] && [ "${NO_REDIS:-0}" != 1 ] && continue
  wait "${worker_pid[$name]}" || { code=$?; echo "worker $name exited $code"; status=1; }
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
curl -s "${address}emulator/stats" > "$out/stats.json"
echo "== Workers"
for f in "$out"/w*.json; do jq -c '{worker: input_filename, processed, updated, unchanged, failed, throttled, run: (.run | del(.failures)), fleet}' "$f" 2>/dev/null; done
echo "== Ledger (emulator)"
jq -c --arg elapsed "$elapsed" '{elapsedSeconds: ($elapsed|tonumber), usersChangedOnce, usersChangedMoreThanOnce, usersUnchanged,
  tokenRequests: .totalTokenRequests, apiRequests: .totalApiRequests, throttled,
  requestsPerMinute: (.totalApiRequests / ($elapsed|tonumber) * 60 | floor), faults}' "$out/stats.json"
exit $status
