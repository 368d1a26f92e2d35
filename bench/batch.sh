#!/usr/bin/env bash
# Batch validation speed (issue 7): files per second of `juesuan batch` over a generated bureau folder of $N
# workbooks (bench Generate many: consistent, wrong-amount and unreadable files), beside a bare POI load of the
# same files on the same number of threads, measured one after the other in this run.
#   bench/batch.sh            # N=1000, all cores
#   N=200 JOBS=1 bench/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
JOBS=${JOBS:-$(nproc)}
DIR=${DIR:-bench/target/bureau-$N}
OUT=bench/target/batch
mkdir -p "$OUT"
if [ ! -f server/target/juesuan.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  mvn -q -B -Pbench package -DskipTests
fi
if [ ! -d "$DIR" ] || [ "$(find "$DIR" -name '*.xlsx' | wc -l)" -lt "$N" ]; then
  echo "generating $N workbooks in $DIR ..."
  rm -rf "$DIR"
  java -cp bench/target/benchmarks.jar cn.juesuan.bench.Generate many "$N" "$DIR" >/dev/null
fi
echo "load before: $(uptime)"
java -cp bench/target/benchmarks.jar cn.juesuan.bench.LoadAll "$DIR" "$JOBS" | tee "$OUT/baseline.txt"
set +e
java -Xmx2g -jar server/target/juesuan.jar batch "$DIR" -o "$OUT/summary.xlsx" --html "$OUT/summary.html" --jobs "$JOBS" \
  2> >(grep -v 'POIXMLDocumentPart' | tail -1 | tee "$OUT/batch.txt" >&2)
code=$?
set -e
echo "load after: $(uptime)"
echo "batch exit code $code (1 = some files have 错误 or are unreadable, as generated)"
[ "$code" -le 1 ]
