#!/usr/bin/env bash
# build.sh — build and run the consumer program against a corto installed
# under PREFIX, once with find_package(corto) and once with pkg-config
# (shared with LD_LIBRARY_PATH, and the static archive). Usage: build.sh PREFIX [WORKDIR]
set -euo pipefail

prefix=$(cd "${1:?usage: build.sh PREFIX [WORKDIR]}" && pwd)
work=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
cc=${CC:-cc}

echo "-- consumer with find_package(corto)"
cmake -S "$here" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake" -j2 >/dev/null
"$work/cmake/consumer"
"$work/cmake/consumer_static"

libdir=$(find "$prefix" -name corto.pc -path '*/pkgconfig/*' -printf '%h\n' |
    head -1)
[ -n "$libdir" ] || {
    echo "corto.pc not found under $prefix" >&2
    exit 1
}
export PKG_CONFIG_PATH="$libdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
libdir=$(pkg-config --variable=libdir corto)

echo "-- consumer with pkg-config, shared library"
# shellcheck disable=SC2046 # word splitting of pkg-config output is wanted
"$cc" -std=c11 -Wall -Wextra -Werror -o "$work/consumer_pc" \
    "$here/consumer.c" $(pkg-config --cflags --libs corto)
LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$work/consumer_pc"

echo "-- consumer with pkg-config flags, static archive"
# pkg-config --static would also expand igraph's private libraries, which
# Debian ships only as shared objects; link corto's archive and the shared
# dependencies instead.
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -o "$work/consumer_pc_static" \
    "$here/consumer.c" $(pkg-config --cflags corto) "$libdir/libcorto.a" \
    -ljansson -ligraph -lglpk -lz -lm
"$work/consumer_pc_static"
echo "-- consumer: all builds ran"
