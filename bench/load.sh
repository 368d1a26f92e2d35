#!/usr/bin/env bash
# Server under load (issue 7): wrk against POST /api/validate on 127.0.0.1 with the standard generated workbook
# (the "full" sichuan-2020 unit-year of the benchmarks). Reports throughput, latency percentiles, the server's CPU
# time per request and the heap after a full GC before and after at least $REQUESTS requests. Loopback only; every
# phase is bounded in time.
#
#   bench/load.sh                      # 10,000 requests, 8 connections, 2 wrk threads
#   REQUESTS=2000 CONNECTIONS=4 bench/load.sh
#   ENDPOINT=/api/read bench/load.sh   # the same load on another workbook endpoint
#   MAX_CONCURRENT=4 bench/load.sh     # the server's own cap (2 × cores): the extra connections get 503 busy
#
# Needs: JDK 17 (java, jcmd), Maven, curl, wrk (Debian package "wrk"; installed here when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-10000}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
PORT=${PORT:-18087}
ENDPOINT=${ENDPOINT:-/api/validate}
HEAP=${HEAP:-1g}
MAX_SECONDS=${MAX_SECONDS:-900}
# the server answers 503 beyond its concurrency cap (2 × cores by default); let every connection in so that the
# run measures validations, not refusals
MAX_CONCURRENT=${MAX_CONCURRENT:-$CONNECTIONS}
OUT=bench/target/load
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null; }
  else
    echo "需要 wrk：sudo apt-get install wrk" >&2
    exit 2
  fi
fi
if [ ! -f server/target/juesuan.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  mvn -q -B -Pbench package -DskipTests
fi

WORKBOOK="$OUT/standard.xlsx"
java -cp bench/target/benchmarks.jar cn.juesuan.bench.Generate one full "$WORKBOOK" >/dev/null
export WORKBOOK

java -Xms"$HEAP" -Xmx"$HEAP" -jar server/target/juesuan.jar serve --host 127.0.0.1 --port "$PORT" --max-concurrent "$MAX_CONCURRENT" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fsS "$URL/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server did not start:"; cat "$OUT/server.log"; exit 3; }
  sleep 0.5
done
code=$(curl -s -o "$OUT/one-response.json" -w '%{http_code}' --data-binary @"$WORKBOOK" \
  -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' "$URL$ENDPOINT")
if [ "$code" != 200 ]; then
  echo "POST $ENDPOINT answered $code:"; head -c 600 "$OUT/one-response.json"; echo
  exit 3
fi

# heap in use after a full GC (G1 "used"), in MiB
heap_after_gc() {
  jcmd "$SERVER" GC.run >/dev/null
  sleep 1
  jcmd "$SERVER" GC.run >/dev/null
  jcmd "$SERVER" GC.heap_info | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024 } }'
}

run_wrk() { # seconds
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 30s --latency -s bench/load.lua "$URL$ENDPOINT" | tee -a "$OUT/wrk.txt" | grep '^RESULT'
}
: >"$OUT/wrk.txt"

# CPU time the server process has used (all its threads: requests, GC, JIT), in clock ticks
cpu_ticks() {
  awk '{ print $14 + $15 }' /proc/"$SERVER"/stat
}

echo "load before: $(uptime)"
echo "warm-up (20 s) ..."
warm=$(run_wrk 20)
warm_rps=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$warm")
heap_start=$(heap_after_gc)

# long enough for REQUESTS at the warm-up rate, plus a third; never longer than MAX_SECONDS
seconds=$(awk -v n="$REQUESTS" -v r="$warm_rps" -v m="$MAX_SECONDS" 'BEGIN { s = int(n / (r > 0 ? r : 1) * 1.33) + 5; print (s > m ? m : s) }')
echo "measured run: $seconds s (warm-up rate $warm_rps/s) ..."
cpu_start=$(cpu_ticks)
result=$(run_wrk "$seconds")
cpu_end=$(cpu_ticks)
heap_end=$(heap_after_gc)
requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
cpu_per_request=$(awk -v a="$cpu_start" -v b="$cpu_end" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "%.1f", (b - a) * 1000 / hz / (n > 0 ? n : 1) }')

summary="endpoint=$ENDPOINT workbook=$(stat -c %s "$WORKBOOK")B connections=$CONNECTIONS max_concurrent=$MAX_CONCURRENT threads=$THREADS heap=-Xmx$HEAP cores=$(nproc)
${result#RESULT }
server_cpu_ms_per_request=$cpu_per_request (all server threads, measured run)
heap_after_gc_start_mb=$heap_start heap_after_gc_end_mb=$heap_end
load after: $(uptime)"
echo "$summary" | tee "$OUT/summary.txt"

bad=$(sed 's/.*not_200=\([0-9]*\).*/\1/' <<<"$result")
if [ "$requests" -lt "$REQUESTS" ]; then
  echo "warning: only $requests requests in $seconds s (wanted $REQUESTS)" >&2
  exit 1
fi
if [ "$bad" != 0 ]; then
  echo "error: $bad answers were not 200" >&2
  exit 1
fi
