#!/usr/bin/env bash
# Supervisors' views at scale: starts a throwaway PostgreSQL (as the tests do), opens a synthetic
# plan's 1,200 rounds (10,800 open unit tasks, about 1,000 of them overdue) beside the five real
# plans, and times the dashboard, the overdue ledger and the notice register as the office and as
# an auditor (20 warm-up calls, then 50 measured). Prints one line per call. Not part of CI.
# Usage: bench/oversight.sh [-Dduban.bench.jdbc-url=jdbc:postgresql://HOST:PORT/DB ...]
#   a server of one's own keeps the loaded rounds between runs (user postgres, no password);
#   -Dduban.bench.warm-up=N and -Dduban.bench.runs=N change the number of calls.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test -Dtest=OversightBenchmark -Dduban.bench.excludes=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true "$@" 2>&1 \
  | grep -E '^(==|opened|engine|oversight|api)|Tests run:|\[ERROR\]|BUILD FAILURE' || true
