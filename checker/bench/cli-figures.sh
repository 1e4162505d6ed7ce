#!/usr/bin/env bash
# Wall-clock and peak-memory figures of `cvolsim check` on Porcupine's histories, with JVM
# start-up measured separately. Run from the repository root:  checker/bench/cli-figures.sh
# Each line printed is: what, wall seconds, CPU seconds (user+sys), peak RSS in MB, and the
# command's own last line. Best (lowest wall) of RUNS runs; RUNS=5 by default.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -pl checker,cli -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/target/check.cp" >/dev/null
CP="cli/target/classes:$(cat target/check.cp)"
DATA=checker/src/test/resources/peer-histories/porcupine/test_data
RUNS=${RUNS:-5}

measure() { # label, java options..., -- , arguments...
  local label=$1; shift
  local best_wall=999 best_rss=0 best_cpu=0 wall rss user sys
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o /tmp/cli-figures.time -f "%e %M %U %S" java "$@" >/tmp/cli-figures.out 2>&1 || true
    read -r wall rss user sys < <(tail -1 /tmp/cli-figures.time)
    if awk "BEGIN {exit !($wall < $best_wall)}"; then
      best_wall=$wall; best_rss=$rss; best_cpu=$(awk "BEGIN {print $user + $sys}")
    fi
  done
  printf '%-44s wall %5.2f s  cpu %5.2f s  peak %4d MB  | %s\n' "$label" "$best_wall" \
    "$best_cpu" $((best_rss / 1024)) \
    "$(tail -1 /tmp/cli-figures.out | cut -c1-90)"
}

CHECK=(-cp "$CP" io.cvolsim.cli.CheckCommand)
measure "JVM start-up (check --help)" "${CHECK[@]}" --help
measure "etcd: all 102 logs, one process" "${CHECK[@]}" --model cas-register "$DATA"/jepsen/*.log
for log in c01-ok c01-bad c10-ok c10-bad c50-ok c50-bad; do
  measure "kv $log per key" "${CHECK[@]}" --model key-value "$DATA/kv/$log.txt"
done
for log in c01-ok c01-bad c10-ok c10-bad; do
  measure "kv $log unpartitioned" "${CHECK[@]}" --model key-value --no-partition "$DATA/kv/$log.txt"
done
RUNS=1
for log in c50-ok c50-bad; do
  measure "kv $log unpartitioned, -Xmx2g, 60s budget" -Xmx2g "${CHECK[@]}" --model key-value \
    --no-partition --budget 60s "$DATA/kv/$log.txt"
done
