#!/usr/bin/env bash
# Installs what the spec's compiler cross-checks need, from Debian's packages: cross compilers
# for i386 (i686) and s390x with their UAPI headers, and the UAPI headers of the arches whose
# constants differ (alpha, arm64, hppa, mips, powerpc, sparc64).
# Why i686-linux-gnu-gcc rather than gcc -m32: on Debian 12 gcc-multilib conflicts with every
# cross compiler (installing one removes the other); the i686 cross compiler targets the same ABI.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-toolchain: need root or sudo to apt-get install" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
PKGS="gcc binutils linux-libc-dev gcc-i686-linux-gnu linux-libc-dev-i386-cross gcc-s390x-linux-gnu linux-libc-dev-s390x-cross"
for a in alpha arm64 hppa mips powerpc sparc64; do PKGS="$PKGS linux-libc-dev-$a-cross"; done
missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"; done
if [ -z "$missing" ]; then echo "install-toolchain: all present" >&2; exit 0; fi
echo "install-toolchain: installing$missing" >&2
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >&2
echo "install-toolchain: done" >&2
