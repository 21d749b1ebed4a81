#!/usr/bin/env bash
# Start-up benchmark, beside the smallest Camunda application with the same starters
# (bench/bare-app: webapps, REST, H2 file database, an admin user). Each run starts, interleaved,
# the bare application on an empty H2 database, Duban on an empty one (schema, five plans deployed,
# identity and demo seeded), the bare application again on its database, and Duban again on its
# own (nothing new deployed). Prints the time Spring Boot reports, the resident memory and the used
# heap once started, and at the end the median of each and the ratios Duban/bare. Not part of CI.
# Usage: bench/startup.sh [runs]   (builds both jars first if they are missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
# DUBAN_JAR=... compares another build (e.g. of an earlier commit) with the same bare app
jar=${DUBAN_JAR:-target/duban-0.1.0-SNAPSHOT.jar}
bare=bench/bare-app/target/bare-app.jar
[[ -f $jar ]] || ./mvnw -q -B package -DskipTests
[[ -f $bare ]] || ./mvnw -f bench/bare-app/pom.xml -q -B package
port=18$((RANDOM % 900 + 100))
declare -A times

start_once() { # $1 = jar, $2 = main class's simple name, $3 = database file, $4 = label
  local log; log=$(mktemp)
  java -jar "$1" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$3" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 240); do
    grep -q "Started $2" "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  local seconds rss heap deployed
  seconds=$(grep -o "Started $2 in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" | head -1)
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -o "used [0-9]*K" | head -1 | awk '{printf "%.0f MiB", $2/1024}')
  deployed=$(grep -c "deployed as" "$log" || true)
  printf '%-15s started in %6ss   RSS %8s   heap used %8s   plans deployed %s\n' "$4" "$seconds" "$rss" "$heap" "$deployed"
  grep -o "Start-up steps: .*" "$log" | sed 's/^/                '/ || true
  times[$4]="${times[$4]:-} $seconds"
  last=$seconds
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for run in $(seq 1 "$runs"); do
  echo "run $run"
  db=$(mktemp -d)
  for kind in first restart; do
    start_once "$bare" BareApplication "$db/bare" "bare $kind"; b=$last
    start_once "$jar" DubanApplication "$db/duban" "duban $kind"
    awk -v d="$last" -v b="$b" -v k="$kind" 'BEGIN {printf "%-15s duban/bare %.2f\n", k, d/b}'
  done
  rm -rf "$db"
done

echo "median of $runs runs"
for kind in first restart; do
  b=$(echo "${times[bare $kind]}" | median)
  d=$(echo "${times[duban $kind]}" | median)
  printf '%-8s bare %6ss   duban %6ss   duban/bare %s\n' "$kind" "$b" "$d" "$(awk -v d="$d" -v b="$b" 'BEGIN {printf "%.2f", d/b}')"
done
