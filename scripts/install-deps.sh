#!/usr/bin/env bash
# install-deps.sh — install the Debian packages corto needs to build and
# test, but only those that are missing. Runs apt-get (through sudo when
# not root) only if something is missing; otherwise says so and does
# nothing. Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail

packages=(build-essential cmake pkg-config libglpk-dev libigraph-dev check
    zlib1g-dev libjansson-dev "$@")

installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = \
        installed ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: dpkg-query not found; this script is for Debian" \
        "and its derivatives. Install by hand: ${packages[*]}" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    # gcc and make are enough where build-essential is not installed.
    if [ "$p" = build-essential ] && ! installed "$p" &&
        installed gcc && installed make && installed libc6-dev; then
        continue
    fi
    installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present (${packages[*]})"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: not root and no sudo; as root run:" \
            "apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
