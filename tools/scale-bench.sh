#!/usr/bin/env bash
# Side-by-side scaling run: an EmulatorHost process and one client process against it, each under /usr/bin/time -v,
# so the emulator's and the client's CPU and peak RSS are measured separately in the same run.
#   tools/scale-bench.sh <repo-root> users 250000        # BatchUsers --emulator over 250,000 users
#   tools/scale-bench.sh <repo-root> export 1000000      # ConversationExport --emulator over 1,000,000 conversations
# Build first: for p in EmulatorHost BatchUsers ConversationExport; do dotnet build -c Release samples/$p; done
# Prints one line: kind n wall_s items items_per_s client_cpu_s client_cpu_s_per_1000 client_rss_mb host_cpu_s host_cpu_s_per_1000 host_rss_mb
set -euo pipefail
root=$1 kind=$2 n=$3
port=${PORT:-$((20000 + RANDOM % 20000))}
work=$(mktemp -d)
bin() { echo "$root/samples/$1/bin/Release/net10.0/$1.dll"; }

args=(--port "$port" --rate-limit 10000000 --fault-rate 0 --drop-rate 0 --token-lifetime 60s)
if [ "$kind" = users ]; then args+=(--users "$n" --conversations 0); else args+=(--users 10 --conversations "$n"); fi
/usr/bin/time -v -o "$work/host.time" dotnet "$(bin EmulatorHost)" "${args[@]}" >"$work/host.out" 2>&1 &
host=$!
for _ in $(seq 1 600); do grep -q "Press Ctrl+C" "$work/host.out" 2>/dev/null && break; sleep 0.5; done
grep -q "Press Ctrl+C" "$work/host.out" || { cat "$work/host.out"; kill "$host"; exit 1; }
hostpid=$(pgrep -P "$host" -f EmulatorHost.dll || echo "$host")

export GENESYS_CLIENT_SECRET=emulator-secret
start=$(date +%s.%N)
if [ "$kind" = users ]; then
  /usr/bin/time -v -o "$work/client.time" dotnet "$(bin BatchUsers)" --emulator "http://127.0.0.1:$port/" --client-id emulator-client \
    --concurrency 32 --pace 10000000 --checkpoint "$work/cp.json" --json "$work/summary.json" >"$work/client.out" 2>&1 || { tail -5 "$work/client.out"; }
  items=$(grep -o '"processed": *[0-9]*' "$work/summary.json" | grep -o '[0-9]*$')
else
  span=$(grep -o 'conversations: [0-9]* ([^)]*)' "$work/host.out" | sed 's/.*(\(.*\))/\1/')
  /usr/bin/time -v -o "$work/client.time" dotnet "$(bin ConversationExport)" --emulator "http://127.0.0.1:$port/" --client-id emulator-client \
    --interval "$span" --page-size 1000 --out "$work/out.ndjson" --json "$work/summary.json" >"$work/client.out" 2>&1 || { tail -5 "$work/client.out"; }
  items=$(grep -o '"exported": *[0-9]*' "$work/summary.json" | grep -o '[0-9]*$')
fi
end=$(date +%s.%N)
kill -TERM "$hostpid"; wait "$host" || true

cpu() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$1"; }
rss() { awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$1"; }
wall=$(echo "$end - $start" | bc -l)
ccpu=$(cpu "$work/client.time") hcpu=$(cpu "$work/host.time")
printf '%s %s %.1f %s %.0f %s %.3f %s %s %.3f %s\n' "$kind" "$n" "$wall" "$items" "$(echo "$items / $wall" | bc -l)" \
  "$ccpu" "$(echo "$ccpu * 1000 / $items" | bc -l)" "$(rss "$work/client.time")" \
  "$hcpu" "$(echo "$hcpu * 1000 / $items" | bc -l)" "$(rss "$work/host.time")"
rm -rf "$work"
