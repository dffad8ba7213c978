#!/usr/bin/env bash
# exact_tsp.sh — the exact TSP/ATSP engine on TSPLIB instances with known
# optima: `corto solve --exact` at a CPU time limit on 13 symmetric TSPs
# (51-105 nodes) and the 13 ATSPs up to ftv70/ft70, each answer verified
# with `corto check`. Reports per instance whether optimality was proven,
# the cost, the published optimum, the proven lower bound and the CPU
# seconds, as CSV and Markdown.
#
# usage: bench/exact_tsp.sh [--corto BIN] [--shared DIR] [--time-limit S]
#                           [--results DIR]
# Results go to RESULTS/exact_tsp.{csv,md} (default bench/results).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
results="$here/bench/results"
time_limit=60

# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
bench_args exact_tsp.sh "$@"

instances="tsp/eil51.tsp tsp/berlin52.tsp tsp/st70.tsp tsp/eil76.tsp
tsp/pr76.tsp tsp/kroA100.tsp tsp/kroB100.tsp tsp/kroC100.tsp
tsp/kroD100.tsp tsp/kroE100.tsp tsp/rd100.tsp tsp/eil101.tsp
tsp/lin105.tsp atsp/br17.atsp atsp/ftv33.atsp atsp/ftv35.atsp
atsp/ftv38.atsp atsp/p43.atsp atsp/ftv44.atsp atsp/ftv47.atsp
atsp/ry48p.atsp atsp/ft53.atsp atsp/ftv55.atsp atsp/ftv64.atsp
atsp/ftv70.atsp atsp/ft70.atsp"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2034 # read by bench_run in lib.sh
BENCH_EXTRA=(--exact)

mkdir -p "$results"
csv="$results/exact_tsp.csv"
md="$results/exact_tsp.md"
echo "instance,kind,n,bks,cost,bound,optimal,gap_pct,cpu_s,time_limit_s,check" >"$csv"
total=0; accepted=0; proven=0

for rel in $instances; do
    file="$shared/$rel"
    bench_instance "$file" exact_tsp.sh || continue
    kind=${base##*.}
    total=$((total + 1))
    bench_run "$file" "$time_limit" 1 "$bks"
    accepted=$((accepted + B_ACCEPTED))
    # The summary line says "optimal" when proven, else "bound B, gap G%"
    # when the exact engine proved a bound.
    summary=$(grep "^corto: .* s CPU" "$tmp/err" | tail -1 || true)
    optimal=no; bound=-
    if [[ "$summary" == *", optimal,"* ]]; then
        optimal=yes; bound=$B_COST; proven=$((proven + 1))
    else
        bound=$(sed -n 's/.*, bound \([-0-9.]*\), gap .*/\1/p' <<<"$summary")
        bound=${bound:--}
    fi
    echo "$name,$kind,$n,${bks:--},$B_COST,$bound,$optimal,$B_GAP,$B_CPU,$time_limit,$B_VERDICT" >>"$csv"
    echo "exact_tsp.sh: $name: cost $B_COST bound $bound optimal $optimal cpu $B_CPU s ($B_VERDICT)" >&2
done

{
    echo "# Exact TSP/ATSP (GLPK branch-and-cut) on TSPLIB instances"
    echo
    echo "corto $("$corto" --version | head -1 | awk '{print $NF}'), \`corto solve FILE --exact --time-limit $time_limit --seed 1\`,"
    echo "one thread, CPU seconds of the solve (reading excluded). Optima from the bks.csv"
    echo "of the shared instance folders (TSPLIB95). \"bound\" is the lower bound the"
    echo "branch-and-cut proved (equal to the cost when optimal)."
    echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores (shared with other jobs; limits are CPU time)."
    echo
    echo "Proven optimal: $proven of $total. Accepted by \`corto check\`: $accepted of $total."
    echo
    echo "| instance | kind | n | optimum | cost | bound | optimal | gap to optimum % | CPU s | check |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $11 }' "$csv"
} >"$md"
echo "exact_tsp.sh: $proven of $total proven optimal, $accepted accepted; $csv, $md"
[ "$accepted" -eq "$total" ]
