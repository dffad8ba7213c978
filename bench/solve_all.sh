#!/usr/bin/env bash
# solve_all.sh — solve every routing instance of the shared benchmark sets
# (cvrp/*, tsp up to a node limit, atsp) with `corto solve`, verify each
# answer with `corto check`, and write a table of cost, gap to the
# best-known value, CPU seconds and the checker's verdict.
#
# usage: bench/solve_all.sh [--corto BIN] [--shared DIR] [--time-limit S]
#                           [--seed N] [--max-nodes N] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
time_limit=5
seed=1
max_nodes=2000
out="$here/bench/results/solve_all.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --time-limit) time_limit=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --max-nodes) max_nodes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "solve_all.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "solve_all.sh: no corto binary at $corto" >&2; exit 2; }
[ -d "$shared" ] || { echo "solve_all.sh: no instances at $shared" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# bks VALUE for an instance from the bks.csv of its folder.
bks_of() {
    awk -F, -v name="$2" 'NR > 1 && $1 == name { print $2; exit }' "$1/bks.csv"
}

# Node count from the DIMENSION line of a (possibly gzipped) instance.
dimension_of() {
    { zcat -f "$1" 2>/dev/null || true; } | awk -F: '/^[ \t]*DIMENSION/ { gsub(/[ \t\r]/, "", $2); print $2; exit }'
}

rows=()
total=0; accepted=0; gap_sum=0; gap_n=0
run_one() { # set file folder
    local set=$1 file=$2 folder=$3
    local base name n bks sol status cost secs gap verdict
    base=$(basename "$file")
    name=${base%%.*}
    n=$(dimension_of "$file")
    if [ -n "$n" ] && [ "$n" -gt "$max_nodes" ]; then
        return
    fi
    bks=$(bks_of "$folder" "$name")
    sol="$tmp/$name.out"
    total=$((total + 1))
    if "$corto" solve "$file" --time-limit "$time_limit" --seed "$seed" \
        --out "$sol" 2>"$tmp/err"; then status=ok; else status="exit $?"; fi
    # CPU seconds of the solve, from the summary line on stderr.
    secs=$(sed -n 's/.*, \([0-9.]*\) s CPU.*/\1/p' "$tmp/err" | tail -1)
    secs=${secs:--}
    verdict="-"; cost="-"; gap="-"
    if [ -s "$sol" ]; then
        if "$corto" check "$file" "$sol" >"$tmp/check" 2>&1; then
            verdict=feasible
            accepted=$((accepted + 1))
        else
            verdict="REJECTED"
        fi
        cost=$(awk '/^cost/ { print $2; exit }' "$tmp/check")
        if [ -n "$bks" ] && [ -n "$cost" ]; then
            gap=$(awk -v c="$cost" -v b="$bks" 'BEGIN { printf "%.2f", 100 * (c - b) / b }')
            gap_sum=$(awk -v s="$gap_sum" -v g="$gap" 'BEGIN { print s + g }')
            gap_n=$((gap_n + 1))
        fi
    else
        verdict="no solution ($status: $(head -c 120 "$tmp/err"))"
    fi
    rows+=("| $set | $name | $n | ${bks:--} | $cost | $gap | $secs | $verdict |")
}

for set in A B E P X; do
    for f in "$shared/cvrp/$set"/*.vrp; do run_one "cvrp/$set" "$f" "$shared/cvrp/$set"; done
done
for f in "$shared"/tsp/*.tsp "$shared"/tsp/*.tsp.gz; do
    [ -e "$f" ] && run_one tsp "$f" "$shared/tsp"
done
for f in "$shared"/atsp/*.atsp; do run_one atsp "$f" "$shared/atsp"; done

avg=$(awk -v s="$gap_sum" -v n="$gap_n" 'BEGIN { if (n) printf "%.2f", s / n; else print "-" }')
{
    echo "# corto solve on the shared routing instances"
    echo
    echo "corto $("$corto" --version | head -1 | awk '{print $NF}'), seed $seed, --time-limit $time_limit (CPU s),"
    echo "instances up to $max_nodes nodes; CPU s is the solve's own CPU time (reading excluded)."
    echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores."
    echo
    echo "Accepted by \`corto check\`: $accepted of $total. Average gap to BKS: $avg %."
    echo
    echo "| set | instance | n | BKS | cost | gap % | CPU s | check |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} >"$out"
echo "solve_all.sh: $accepted of $total accepted, average gap $avg %; table in $out"
[ "$accepted" -eq "$total" ]
