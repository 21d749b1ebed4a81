#!/usr/bin/env bash
# Makes sure node and npm exist for the BPMN lint (.ci/bpmnlint/run), installing Debian's nodejs and
# npm when either is missing. bpmnlint 11 asks for node 20 or later; an older one is reported.
# Source it from .ci/run (it returns a status, never exits the caller) or run it directly.
# A caller that has already run apt-get update sets DUBAN_APT_UPDATED=1 to skip a second one.

duban_ensure_node() {
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "node or npm not found; installing Debian packages nodejs npm"
    if [[ -z ${DUBAN_APT_UPDATED:-} ]]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
      DUBAN_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm || return 1
  fi
  local version major
  version="$(node --version)" || return 1
  echo "node: $version, npm: $(npm --version)"
  major="${version#v}"
  major="${major%%.*}"
  if [[ $major =~ ^[0-9]+$ ]] && (( major < 20 )); then
    echo "node $version is older than bpmnlint's minimum (20); the lint may fail" >&2
  fi
}

duban_ensure_node
