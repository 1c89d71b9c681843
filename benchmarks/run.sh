#!/usr/bin/env bash
# Runs the SDK-vs-web3j signing benchmarks once (about 3 minutes) and prints the ratio table.
#   benchmarks/run.sh                 all cases
#   benchmarks/run.sh 'signDigest'    only the cases matching a JMH regex (extra args go to JMH)
# Builds benchmarks/target/benchmarks.jar first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
result=benchmarks/target/jmh-result.json
java -jar "$jar" -f 1 -wi 5 -w 2s -i 5 -r 2s -t 1 -tu s -rf json -rff "$result" "$@"
echo
java -cp "$jar" zone.dimo.sdk.benchmarks.RatioReport "$result"
