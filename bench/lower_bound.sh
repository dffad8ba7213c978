#!/usr/bin/env bash
# lower_bound.sh — the lower-bound option (--lower-bound) on TSPLIB,
# ATSP and CVRPLIB instances with known optima: `corto solve` at a CPU
# time limit reports the bound it computed in at most 10% of that
# limit; the table gives the bound, its gap below the best-known value
# (bks - bound) / bks, the CPU seconds the bound took, and the heuristic's
# cost and gap, each answer verified with `corto check`.
#
# usage: bench/lower_bound.sh [--corto BIN] [--shared DIR] [--time-limit S]
#                             [--results DIR]
# Results go to RESULTS/lower_bound.{csv,md} (default bench/results).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
results="$here/bench/results"
time_limit=10

# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
bench_args lower_bound.sh "$@"

instances="tsp/eil51.tsp tsp/pr76.tsp tsp/kroA100.tsp tsp/kroA200.tsp
tsp/a280.tsp tsp/lin318.tsp tsp/pr439.tsp tsp/rat783.tsp tsp/pr1002.tsp
atsp/ftv70.atsp atsp/ft70.atsp atsp/ftv170.atsp
cvrp/A/A-n32-k5.vrp cvrp/E/E-n51-k5.vrp cvrp/P/P-n101-k4.vrp
cvrp/X/X-n101-k25.vrp cvrp/X/X-n148-k46.vrp cvrp/X/X-n256-k16.vrp"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2034 # read by bench_run in lib.sh
BENCH_EXTRA=(--lower-bound --verbose)

mkdir -p "$results"
csv="$results/lower_bound.csv"
md="$results/lower_bound.md"
echo "instance,n,bks,bound,bound_gap_pct,bound_cpu_s,cost,gap_pct,cpu_s,time_limit_s,check" >"$csv"
total=0; accepted=0

for rel in $instances; do
    file="$shared/$rel"
    bench_instance "$file" lower_bound.sh || continue
    total=$((total + 1))
    bench_run "$file" "$time_limit" 1 "$bks"
    accepted=$((accepted + B_ACCEPTED))
    # "corto: lower bound: B, T s" (the CPU time since the start).
    line=$(grep "^corto: lower bound: " "$tmp/err" | tail -1 || true)
    bound=$(sed -n 's/^corto: lower bound: \([-0-9]*\), .*/\1/p' <<<"$line")
    bcpu=$(sed -n 's/^corto: lower bound: [-0-9]*, \([0-9.]*\) s$/\1/p' <<<"$line")
    bgap=-
    if [ -z "$bound" ] || [ "$bound" = "-9223372036854775808" ]; then
        bound=-
    elif [ -n "$bks" ]; then
        bgap=$(awk -v b="$bound" -v k="$bks" 'BEGIN { printf "%.2f", 100 * (k - b) / k }')
    fi
    echo "$name,$n,${bks:--},$bound,$bgap,${bcpu:--},$B_COST,$B_GAP,$B_CPU,$time_limit,$B_VERDICT" >>"$csv"
    echo "lower_bound.sh: $name: bound $bound ($bgap% below bks, ${bcpu:--} s), cost $B_COST ($B_VERDICT)" >&2
done

{
    echo "# Lower bounds (--lower-bound) on TSPLIB, ATSP and CVRPLIB instances"
    echo
    echo "corto $("$corto" --version | head -1 | awk '{print $NF}'), \`corto solve FILE --lower-bound --time-limit $time_limit --seed 1\`,"
    echo "one thread. The bound is computed before the search in at most 10% of the"
    echo "time limit: an LP relaxation (TSP/ATSP up to 400 nodes: subtour and, for"
    echo "symmetric weights, blossom cuts; CVRP: two-index model with rounded capacity"
    echo "cuts) or, for larger symmetric TSPs, the Held-Karp 1-tree bound."
    echo "\"bound gap\" is (bks - bound) / bks; \"bound CPU s\" the CPU seconds from the"
    echo "start of the solve to the end of the bound (construction included)."
    echo "Best-known values from the bks.csv of the shared instance folders."
    echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores (shared with other jobs; limits are CPU time)."
    echo
    echo "Accepted by \`corto check\`: $accepted of $total."
    echo
    echo "| instance | n | bks | bound | bound gap % | bound CPU s | cost | gap % | CPU s | check |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $11 }' "$csv"
} >"$md"
echo "lower_bound.sh: $accepted of $total accepted; $csv, $md"
[ "$accepted" -eq "$total" ]
