#!/usr/bin/env bash
# ch_bremen.sh — contraction hierarchies against igraph's Dijkstra: on the
# Bremen graphs (distance, time, and time with distances carried along),
# and as a check on every other shared road graph, build the hierarchy,
# answer 1,000 random point-to-point queries with both (seeded; lengths
# compared, CH paths unpacked) and compute a 1,000 x 1,000 matrix between
# random nodes. Writes bench/results/ch_bremen.{md,csv}.
#
# usage: bench/ch_bremen.sh [--build DIR] [--shared DIR] [--seed N]
#                           [--queries N] [--matrix N]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build"
shared="$here/../shared/instances"
seed=1
queries=1000
matrix=1000
while [ $# -gt 0 ]; do
    case "$1" in
    --build) build=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --matrix) matrix=$2; shift 2 ;;
    *) echo "ch_bremen.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
bench="$build/bench/ch_bench"
[ -x "$bench" ] || { echo "ch_bremen.sh: no $bench (build first)" >&2; exit 2; }
road="$shared/road"
[ -r "$road/bremen_dist.gr.gz" ] || { echo "ch_bremen.sh: no Bremen graph under $road" >&2; exit 2; }

md="$here/bench/results/ch_bremen.md"
csv="$here/bench/results/ch_bremen.csv"
load=$(cut -d" " -f1-3 /proc/loadavg)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "graph,nodes,arcs,shortcuts,prep_cpu_s,queries,unreachable_pairs,wrong_lengths,igraph_mean_us,ch_mean_us,ch_mean_settled,speedup,matrix,matrix_weights,matrix_cpu_s,matrix_wrong,seed,connected_pairs,conn_igraph_mean_us,conn_ch_mean_us,conn_speedup" >"$csv"
status=0
# run LABEL GRAPH [SECOND]: one ch_bench run, a CSV row.
run() {
    local label=$1 graph=$2 second=${3:-}
    local out="$tmp/$label.txt"
    if ! "$bench" "$graph" "$queries" "$matrix" "$seed" ${second:+"$second"} >"$out"; then
        status=1
    fi
    v() { awk -v k="$1" '$1 == k { print $2 }' "$out"; }
    echo "$label,$(v nodes),$(v arcs),$(v shortcuts),$(v prep_cpu_s),$(v queries),$(v unreachable_pairs),$(v wrong_lengths),$(v igraph_mean_us),$(v ch_mean_us),$(v ch_mean_settled),$(v speedup),$(v matrix),$(v matrix_weights),$(v matrix_cpu_s),$(v matrix_wrong),$(v seed),$(v connected_pairs),$(v conn_igraph_mean_us),$(v conn_ch_mean_us),$(v conn_speedup)" >>"$csv"
}
run bremen_dist "$road/bremen_dist.gr.gz"
run bremen_time "$road/bremen_time.gr.gz"
run bremen_time+dist "$road/bremen_time.gr.gz" "$road/bremen_dist.gr.gz"
for g in rome99.gr south_seattle_car.gr OL.cedge TG.cnode; do
    [ -r "$road/$g" ] && run "${g%%.*}" "$road/$g"
done

{
    echo "# Contraction hierarchies against igraph's Dijkstra"
    echo
    echo "For each graph: the hierarchy is built (CPU seconds), then $queries"
    echo "random point-to-point queries (nodes drawn uniformly with seed $seed,"
    echo "unreachable pairs included) are answered by igraph's Dijkstra"
    echo "(igraph_get_shortest_path_dijkstra, path returned) and by the CH"
    echo "query (bidirectional upward search with stall-on-demand, path"
    echo "unpacked to original nodes); every length is compared. Then a"
    echo "$matrix x $matrix matrix between random nodes by bucket many-to-many"
    echo "searches, 200 of its entries checked against one-to-one CH queries."
    echo "Times are CPU seconds of one process (bench/ch_bench.c), the default"
    echo "(RelWithDebInfo) build. bremen_time+dist: fastest routes with the"
    echo "distance carried along them (both matrices filled). The ratio is"
    echo "igraph's mean time over CH's; the connected-pairs column times both"
    echo "again on the pairs that have a path (igraph µs / CH µs). The machine"
    echo "is shared with other jobs: on rome99, OL and TG every pair is"
    echo "connected, so both columns time the same queries, and their spread"
    echo "shows the measurement noise."
    echo
    echo "Machine: $(uname -m), $(nproc) cores; corto $("$build/corto" --version | awk '{ print $2 }'); load average at the start $load."
    echo
    echo "| graph | nodes | arcs | shortcuts | preprocessing s | unreachable pairs | wrong lengths | igraph µs / query | CH µs / query | ratio | ratio, connected pairs | matrix | matrix s | wrong entries |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    tail -n +2 "$csv" | awk -F, '{
        printf "| %s | %d | %d | %d | %.2f | %d / %d | %d | %.0f | %.1f | %.0f x | %.0f / %.1f = %.0f x | %d x %d (%d weight%s) | %.3f | %d |\n",
            $1, $2, $3, $4, $5, $7, $6, $8, $9, $10, $12, $19, $20, $21,
            $13, $13, $14, ($14 > 1 ? "s" : ""), $15, $16 }'
    echo
    echo "Targets (issue 6): CH at least 100 x faster than igraph's Dijkstra per"
    echo "query on Bremen, and a 1,000 x 1,000 matrix in at most 2 s after"
    echo "preprocessing. Grid targets: bench/results/grid_scen.md."
} >"$md"
cat "$md"
exit $status
