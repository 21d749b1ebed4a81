#!/usr/bin/env bash
# Supervisors' and auditors' queries with years of history: starts a throwaway PostgreSQL (as the
# tests do), works two seed rounds through the engine and copies their history in SQL into 100,000
# finished rounds (13 plans × 200 tasks × ten years × four quarters), opens the 10,800 unit
# tasks of bench/oversight.sh, and times the dashboard, ledger, register, audit search and one
# round's audit view as the office and as the auditor. Prints one line per call. Not part of CI.
# Usage: bench/history.sh [-Dduban.bench.jdbc-url=jdbc:postgresql://HOST:PORT/DB ...]
#   a server of one's own keeps the loaded rounds between runs (user postgres, no password);
#   -Dduban.bench.history-rounds=N (default 100000), -Dduban.bench.warm-up=N, -Dduban.bench.runs=N.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test -Dtest=HistoryBenchmark -Dduban.bench.excludes=none -Dduban.test.heap=-Xmx4g \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true "$@" 2>&1 \
  | grep --line-buffered -E '^(==|opened|open rounds|worked|seed|cloned|engine|oversight|audit|api|[0-9,]+ )|Tests run:|\[ERROR\]|BUILD FAILURE|Expect|expected' | awk '!seen[$0]++ { print; fflush() }' || true
