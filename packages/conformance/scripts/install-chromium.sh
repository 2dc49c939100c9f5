#!/usr/bin/env bash
# Installs Debian's Chromium for the HTML report's browser test. Idempotent: does nothing when
# /usr/bin/chromium is already there. Playwright never downloads a browser of its own here.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

# Use sudo only when not root (CI and developer machines may run as root).
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "install-chromium: $CHROMIUM is missing and this user is not root and has no sudo; install the Debian package 'chromium' by hand" >&2
    exit 1
  fi
fi

fail() {
  echo "install-chromium: $1 failed; install the Debian package 'chromium' by hand (apt-get install -y chromium)" >&2
  exit 1
}

echo "install-chromium: $CHROMIUM not found, installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >&2 || fail "apt-get update"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >&2 || fail "apt-get install chromium"

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: the chromium package installed but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
