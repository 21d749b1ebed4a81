#!/usr/bin/env bash
# What a round costs beside the bare engine (RoundCostBenchmark): the project's round end to end
# against a bare process of the same shape, interleaved, beside a backlog of 320 open rounds.
# Usage: bench/rounds.sh            on an H2 file database under target/bench-h2/
#        bench/rounds.sh postgres   on a throwaway durable PostgreSQL (fsync on), as the tests start it
#   -Dduban.bench.backlog=N -Dduban.bench.warm-up=N -Dduban.bench.runs=N change the counts;
#   -Dduban.bench.rating=EXCELLENT has the office commend all nine units (nine notices more).
# Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
database=h2
if [[ "${1:-}" == postgres || "${1:-}" == h2 ]]; then
  database=$1
  shift
fi
./mvnw -B -ntp -q test -Dtest=RoundCostBenchmark -Dduban.bench.excludes=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dduban.bench.database="$database" "$@" 2>&1 \
  | grep -E '^(==|rounds:)|Tests run:|\[ERROR\]|BUILD FAILURE' || true
