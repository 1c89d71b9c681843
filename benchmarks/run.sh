#!/usr/bin/env bash
# Runs the JMH benchmarks and prints their ratio tables.
#   benchmarks/run.sh                 the SDK-vs-web3j signing cases (about 3 minutes)
#   benchmarks/run.sh 'signDigest'    only the signing cases matching a JMH regex (extra args go to JMH)
#   benchmarks/run.sh --calls         the call-overhead cases, SDK vs plain Retrofit + OkHttp + Moshi
#                                     on loopback, with CPU time and allocation per call (about 13
#                                     minutes; forks, warm-up and measurement from
#                                     CallOverheadBenchmark's annotations; a first argument that is
#                                     not an option selects cases, the rest goes to JMH, e.g.
#                                     --calls 'sync_' -f 1)
# Builds benchmarks/target/benchmarks.jar first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
if [[ "${1:-}" == "--calls" ]]; then
  shift
  result=benchmarks/target/jmh-calls-result.json
  # JMH takes the union of the regexes given, so the class is the only one unless the user adds theirs.
  if [[ $# -gt 0 && "$1" != -* ]]; then
    selection=("CallOverheadBenchmark.*($1)")
    shift
  else
    selection=(CallOverheadBenchmark)
  fi
  java -jar "$jar" "${selection[@]}" -prof gc -prof zone.dimo.sdk.benchmarks.CpuTimeProfiler \
    -rf json -rff "$result" "$@"
  echo
  java -cp "$jar" zone.dimo.sdk.benchmarks.OverheadReport "$result"
  exit
fi
result=benchmarks/target/jmh-result.json
java -jar "$jar" -e CallOverheadBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -t 1 -tu s -rf json -rff "$result" "$@"
echo
java -cp "$jar" zone.dimo.sdk.benchmarks.RatioReport "$result"
