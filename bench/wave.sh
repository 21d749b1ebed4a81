#!/usr/bin/env bash
# The year-end wave (WaveBenchmark): a generated plan's co-unit tasks (200 tasks x 7 years x 8
# co-units = 11,200) all due the same day, the clock moved past the ladder, the job executor let loose; prints
# jobs/s and checks every rung once per unit task, no incident.
# Usage: bench/wave.sh [h2|postgres] [baseline]
#   baseline: the job executor as configured before it was tuned for the wave, to compare
#   -Dduban.bench.wave-tasks=N -Dduban.bench.wave-years=N -Dduban.bench.wave-co-units=N: the size.
# Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
database=h2
executor=configured
for arg in "$@"; do
  case "$arg" in
    h2|postgres) database=$arg; shift ;;
    baseline) executor=baseline; shift ;;
    *) break ;;
  esac
done
./mvnw -B -ntp -q test -Dtest=WaveBenchmark -Dduban.bench.excludes=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dduban.bench.database="$database" -Dduban.bench.executor="$executor" "$@" 2>&1 \
  | grep -E '^(==|wave:)|Tests run:|\[ERROR\]|BUILD FAILURE' || true
