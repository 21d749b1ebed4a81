#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries exist for the tests. It never leaves a server running:
# the tests' PostgresServer starts a throwaway one of its own.
# Source it from .ci/run (it returns a status, never exits the caller) or run it directly.
# A caller that has already run apt-get update sets DUBAN_APT_UPDATED=1 to skip a second one.

# Prints the directory with initdb, pg_ctl and postgres, searched in the same order as
# PostgresServer: $DUBAN_PG_BIN, pg_config --bindir, the newest /usr/lib/postgresql/*/bin.
duban_pg_bindir() {
  local dir
  # an explicit choice is not silently replaced by another installation
  if [[ -n ${DUBAN_PG_BIN:-} ]]; then
    if [[ -x $DUBAN_PG_BIN/initdb && -x $DUBAN_PG_BIN/pg_ctl && -x $DUBAN_PG_BIN/postgres ]]; then
      echo "$DUBAN_PG_BIN"
      return 0
    fi
    echo "DUBAN_PG_BIN=$DUBAN_PG_BIN lacks initdb, pg_ctl or postgres" >&2
    return 2
  fi
  for dir in "$(pg_config --bindir 2>/dev/null)" \
      $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -rV); do
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# The package creates and starts a "main" cluster; stop it and keep it from starting at boot,
# so it holds neither port 5432 nor memory.
duban_pg_stop_package_clusters() {
  local version cluster _port status _rest
  while read -r version cluster _port status _rest; do
    if [[ $status == online* ]]; then
      pg_ctlcluster "$version" "$cluster" stop || return 1
    fi
    # keeps start.conf's comments and leaves a "disabled" cluster alone
    sed -i 's/^[[:space:]]*auto\b/manual/' "/etc/postgresql/$version/$cluster/start.conf" || return 1
  done < <(pg_lsclusters --no-header 2>/dev/null)
}

duban_ensure_postgres() {
  local dir status=0
  # "|| status=" keeps a caller's set -e from aborting on the expected "not found"
  dir=$(duban_pg_bindir) || status=$?
  if ((status == 0)); then
    echo "PostgreSQL server binaries: $dir"
    return 0
  elif ((status == 2)); then
    return 1
  fi
  echo "PostgreSQL server binaries not found; installing Debian package postgresql"
  if [[ -z ${DUBAN_APT_UPDATED:-} ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    DUBAN_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql || return 1
  duban_pg_stop_package_clusters || return 1
  if ! dir=$(duban_pg_bindir); then
    echo "PostgreSQL server binaries still not found after installing postgresql" >&2
    return 1
  fi
  echo "PostgreSQL server binaries: $dir"
}

duban_ensure_postgres
