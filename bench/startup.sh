#!/usr/bin/env bash
# Start-up benchmark: first start on an empty H2 database (schema, five plans deployed, identity
# and demo seeded) and a restart on the same database (nothing new deployed). Prints the time
# Spring Boot reports, the resident memory and the used heap once started. Not part of CI.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/duban-0.1.0-SNAPSHOT.jar
[[ -f $jar ]] || ./mvnw -q -B package -DskipTests
port=18$((RANDOM % 900 + 100))

start_once() { # $1 = database dir, $2 = label
  local log; log=$(mktemp)
  java -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$1/duban" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 240); do
    grep -q "Started DubanApplication" "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  local seconds rss heap deployed
  seconds=$(grep -o "Started DubanApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" | head -1)
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -o "used [0-9]*K" | head -1 | awk '{printf "%.0f MiB", $2/1024}')
  deployed=$(grep -c "deployed as" "$log" || true)
  printf '%-8s started in %6ss   RSS %8s   heap used %8s   plans deployed %s\n' "$2" "$seconds" "$rss" "$heap" "$deployed"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

for run in $(seq 1 "$runs"); do
  db=$(mktemp -d)
  start_once "$db" "first"
  start_once "$db" "restart"
  rm -rf "$db"
done
