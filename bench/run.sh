#!/usr/bin/env bash
# The JMH suite of issue 7, side by side in one run, then the ratio table (bench/target/ratios.md).
#   bench/run.sh                         # all benchmarks, settings from the annotations (2 forks, 5×2 s + 5×2 s)
#   bench/run.sh 'FillBench' -f 3        # any JMH arguments: a pattern, forks, -prof …
# Measure on a quiet machine (check `uptime`): the ratios are only as good as the run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bench/target/benchmarks.jar ] || [ -n "${REBUILD:-}" ]; then
  mvn -q -B -Pbench package -DskipTests
fi
pattern='cn\.juesuan\.bench\.(FillBench|ReadBench)\.'
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  pattern=$1
  shift
fi
echo "load before: $(uptime)"
java -jar bench/target/benchmarks.jar "$pattern" -prof gc -rf json -rff bench/target/jmh.json "$@" | tee bench/target/jmh.txt
echo "load after: $(uptime)"
java -cp bench/target/benchmarks.jar cn.juesuan.bench.Ratios bench/target/jmh.json | tee bench/target/ratios.md
