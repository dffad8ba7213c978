#!/usr/bin/env bash
# tsp_quick.sh — a quick look at TSP/ATSP quality against time: solve six
# TSPLIB TSPs and three ATSPs with known optima at a few CPU time limits
# with `corto solve`, verify each answer with `corto check`, and write a
# table of cost, gap to the optimum and CPU seconds.
#
# usage: bench/tsp_quick.sh [--corto BIN] [--shared DIR] [--seed N]
#                           [--time-limits "1 5 10"] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
seed=1
time_limits="1 5 10"
out="$here/bench/results/tsp_quick.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --time-limits) time_limits=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "tsp_quick.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "tsp_quick.sh: no corto binary at $corto" >&2; exit 2; }
[ -d "$shared" ] || { echo "tsp_quick.sh: no instances at $shared" >&2; exit 2; }

instances="tsp/berlin52.tsp tsp/kroA100.tsp tsp/a280.tsp tsp/lin318.tsp
tsp/pr1002.tsp tsp/pr2392.tsp atsp/ftv70.atsp atsp/kro124p.atsp
atsp/rbg443.atsp"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

rows=()
total=0; accepted=0
for limit in $time_limits; do
    gap_sum=0; gap_n=0
    for rel in $instances; do
        file="$shared/$rel"
        bench_instance "$file" tsp_quick.sh || continue
        total=$((total + 1))
        bench_run "$file" "$limit" "$seed" "$bks"
        accepted=$((accepted + B_ACCEPTED))
        if [ "$B_GAP" != - ]; then
            gap_sum=$(awk -v s="$gap_sum" -v g="$B_GAP" 'BEGIN { print s + g }')
            gap_n=$((gap_n + 1))
        fi
        rows+=("| $name | $n | ${bks:--} | $limit | $B_COST | $B_GAP | $B_CPU | $seed | $B_VERDICT |")
    done
    avg=$(bench_mean "$gap_sum" "$gap_n")
    rows+=("| **average** | | | $limit | | **$avg** | | | |")
done

{
    echo "# corto solve on TSPLIB TSPs and ATSPs with known optima"
    echo
    echo "corto $("$corto" --version | head -1 | awk '{print $NF}'), seed $seed, CPU time limits $time_limits s."
    echo "CPU s is the solve's own CPU time (reading excluded). Optima from the"
    echo "bks.csv of the shared instance folders (TSPLIB95)."
    echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores."
    echo
    echo "Accepted by \`corto check\`: $accepted of $total."
    echo
    echo "| instance | n | optimum | limit s | cost | gap % | CPU s | seed | check |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} >"$out"
echo "tsp_quick.sh: $accepted of $total accepted; table in $out"
[ "$accepted" -eq "$total" ]
