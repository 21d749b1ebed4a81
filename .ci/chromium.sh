#!/usr/bin/env bash
# Makes sure Debian's Chromium and its WebDriver exist for TasklistBrowserTest, plus a CJK font so
# Chinese is not drawn as boxes in its screenshots. The test expects /usr/bin/chromium and
# /usr/bin/chromedriver; with CI set it fails rather than skips when they are missing.
# Source it from .ci/run (it returns a status, never exits the caller) or run it directly.
# A caller that has already run apt-get update sets DUBAN_APT_UPDATED=1 to skip a second one.

duban_ensure_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    return 0
  fi
  echo "Chromium or chromedriver not found; installing Debian packages chromium chromium-driver fonts-wqy-zenhei"
  if [[ -z ${DUBAN_APT_UPDATED:-} ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    DUBAN_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium chromium-driver fonts-wqy-zenhei || return 1
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    echo "/usr/bin/chromium or /usr/bin/chromedriver still missing after installing chromium-driver" >&2
    return 1
  fi
  echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
}

duban_ensure_chromium
