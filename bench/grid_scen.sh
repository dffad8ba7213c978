#!/usr/bin/env bash
# grid_scen.sh — every scenario of the shared Moving AI grid benchmarks:
# solve each .scen file with `corto path MAP --scen`, compare every length
# with the optimum the file states (relative tolerance 1e-5), and write a
# table of scenarios, mismatches, total and mean wall time per scenario.
#
# usage: bench/grid_scen.sh [--corto BIN] [--shared DIR] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
out="$here/bench/results/grid_scen.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "grid_scen.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "grid_scen.sh: no corto binary at $corto" >&2; exit 2; }
[ -d "$shared/grid" ] || { echo "grid_scen.sh: no grid maps under $shared" >&2; exit 2; }

load=$(cut -d" " -f1-3 /proc/loadavg)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=()
total_bad=0
for map in "$shared"/grid/*.map; do
    name=$(basename "$map" .map)
    scen="$map.scen"
    [ -r "$scen" ] || continue
    # bash's time: wall, user and system seconds to the millisecond
    TIMEFORMAT='%3R %3U %3S'
    { time "$corto" path "$map" --scen "$scen" --out "$tmp/len" || true; } 2>"$tmp/time"
    read -r wall user sys < <(tail -1 "$tmp/time")
    row=$(tail -n +2 "$scen" | cut -f9 | paste - "$tmp/len" |
        awk -v name="$name" -v wall="$wall" -v cpu="$(echo "$user + $sys" | bc -l)" '
            { n++; d = $1 - $2; if (d < 0) d = -d
              m = $1 > 1 ? $1 : 1
              if ($2 == "unreachable" || d > 1e-5 * m) bad++ }
            END { printf "| %s | %d | %d | %.3f | %.3f | %.1f |", name, n,
                  bad, wall, cpu, 1e6 * cpu / n }')
    bad=$(echo "$row" | awk -F'|' '{ print $4 + 0 }')
    total_bad=$((total_bad + bad))
    rows+=("$row")
done

printf '%s\n' "${rows[@]}" | awk -F'|' 'BEGIN { print "map,scenarios,wrong,wall_s,cpu_s,mean_cpu_us" }
    { gsub(/ /, ""); print $2 "," $3 "," $4 "," $5 "," $6 "," $7 }' >"${out%.md}.csv"
{
    echo "# Moving AI grid scenarios: corto path MAP --scen"
    echo
    echo "8-connected A* with the octile heuristic, diagonal cost sqrt(2), no"
    echo "corner cutting. Every scenario of every shared .scen file; a length"
    echo "counts as wrong when it differs from the stated optimum by more than"
    echo "a relative 1e-5. Times are those of one corto process per map"
    echo "(reading the map and the scenario file included): wall seconds, and"
    echo "CPU seconds (user + system), from which the mean per scenario is"
    echo "taken, as the machine is shared; the default (RelWithDebInfo) CMake"
    echo "build."
    echo
    echo "Machine: $(uname -m), $(nproc) cores; corto $("$corto" --version | awk '{ print $2 }'); load average at the start $load."
    echo
    echo "| map | scenarios | wrong | wall s | CPU s | mean CPU µs / scenario |"
    echo "|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Wrong lengths in all: $total_bad."
} >"$out"
cat "$out"
[ "$total_bad" -eq 0 ]
