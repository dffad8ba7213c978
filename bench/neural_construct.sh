#!/usr/bin/env bash
# neural_construct.sh — the value test of the neural construction on
# generated uniform CVRP100 instances (Kool et al.'s distribution: unit
# square, demands 1..9, capacity 50; `corto train --generate`): the cost
# and CPU time of the constructions — neural greedy, neural best of 64
# samples, Clarke-Wright savings, nearest neighbour — as gaps to the ALNS
# at a short limit (there are no best-known values), then the ALNS at short
# limits from the savings start and from the neural start. Every solution
# is verified by `corto check`. Writes a Markdown table and a CSV.
#
# usage: bench/neural_construct.sh [--corto BIN] [--instances N] [--seed N]
#            [--reference-limit S] [--alns-limits "0.1 0.3 1"] [--out FILE.md]
#            [--model FILE]   (weights for the neural runs; default built in)
#            [--ref-cache FILE.csv]  (ALNS references kept between runs)
#            [--refs-only --from K]  (only fill the cache, from instance K on)
# The ALNS references do not depend on the model: they are kept in a CSV
# keyed by generator seed, instance, limit and ALNS seed (default
# bench/results/neural_construct_refs.csv), so a rerun with another
# --model only runs the constructions. --alns-limits "" skips the ALNS
# comparison. A second copy with --refs-only --from K fills the cache for
# the later instances while the first one works on the earlier ones (the
# cache is read again for every instance).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
instances=100
seed=2026
ref_limit=2
alns_limits="0.1 0.3 1"
out="$here/bench/results/neural_construct.md"
model_args=()
model_name="neural/models/default.cnn (see neural/models/README.md)"
ref_cache="$here/bench/results/neural_construct_refs.csv"
refs_only=0
from=1

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --reference-limit) ref_limit=$2; shift 2 ;;
    --alns-limits) alns_limits=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --model) model_args=(--model "$2"); model_name=$(basename "$2"); shift 2 ;;
    --ref-cache) ref_cache=$2; shift 2 ;;
    --refs-only) refs_only=1; shift ;;
    --from) from=$2; shift 2 ;;
    *) echo "neural_construct.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "neural_construct.sh: no corto binary at $corto" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gen"
"$corto" train --generate "$tmp/gen" --instances "$instances" \
    --min-size 100 --max-size 100 --clustered 0 --seed "$seed"

# shellcheck source=bench/neural_lib.sh
. "$here/bench/neural_lib.sh"

# The reference cache: "gen_seed,instance,limit,alns_seed,cost" rows.
[ -s "$ref_cache" ] || echo "gen_seed,instance,limit,alns_seed,cost" >"$ref_cache"
cached=0

methods="savings nearest neural neural64"
csv="${out%.md}.csv"
[ "$refs_only" = 0 ] || csv=/dev/null
echo "instance,method,cost,cpu_ms,reference" >"$csv"
declare -A gsum gn msum wins
for m in $methods; do gsum[$m]=0; gn[$m]=0; msum[$m]=0; wins[$m]=0; done
declare -A asum an
for lim in $alns_limits; do
    for s in savings neural; do asum[$s$lim]=0; an[$s$lim]=0; done
done

for file in "$tmp"/gen/*.vrp; do
    name=$(basename "$file" .vrp)
    index=$((10#${name##*-}))
    [ "$index" -ge "$from" ] || continue
    key="$seed,$name,$ref_limit,1"
    ref=$(awk -F, -v k="$key" '$1 "," $2 "," $3 "," $4 == k { print $5; exit }' \
        "$ref_cache")
    if [ -n "$ref" ]; then
        cached=$((cached + 1))
    else
        run_one "$file" --time-limit "$ref_limit" --seed 1
        ref=$R_COST
        [ "$ref" = - ] || echo "$key,$ref" >>"$ref_cache"
    fi
    [ "$ref" != - ] || { echo "$name: no reference, skipped" >&2; continue; }
    [ "$refs_only" = 0 ] || { echo "$name reference" >&2; continue; }
    declare -A cost=()
    for m in $methods; do
        case $m in
        savings) args=(--init savings) ;;
        nearest) args=(--init nearest) ;;
        neural) args=(--init neural "${model_args[@]}") ;;
        neural64) args=(--init neural --samples 64 "${model_args[@]}") ;;
        esac
        run_one "$file" "${args[@]}" --construct-only --seed 1
        cost[$m]=$R_COST
        echo "$name,$m,$R_COST,$R_MS,$ref" >>"$csv"
        if [ "$R_COST" != - ]; then
            gsum[$m]=$(awk -v s="${gsum[$m]}" -v c="$R_COST" -v r="$ref" \
                'BEGIN { print s + 100 * (c - r) / r }')
            msum[$m]=$(awk -v s="${msum[$m]}" -v t="$R_MS" 'BEGIN { print s + t }')
            gn[$m]=$((gn[$m] + 1))
        fi
    done
    if [ "${cost[neural]}" != - ] && [ "${cost[savings]}" != - ] &&
        [ "${cost[neural]}" -lt "${cost[savings]}" ]; then
        wins[neural]=$((wins[neural] + 1))
    fi
    for lim in $alns_limits; do
        for s in savings neural; do
            args=(--init "$s")
            [ "$s" = savings ] || args+=("${model_args[@]}")
            run_one "$file" "${args[@]}" --time-limit "$lim" --seed 1
            echo "$name,alns-$lim-from-$s,$R_COST,-,$ref" >>"$csv"
            if [ "$R_COST" != - ]; then
                asum[$s$lim]=$(awk -v s="${asum[$s$lim]}" -v c="$R_COST" \
                    -v r="$ref" 'BEGIN { print s + 100 * (c - r) / r }')
                an[$s$lim]=$((an[$s$lim] + 1))
            fi
        done
    done
    echo "$name done" >&2
done

[ "$refs_only" = 0 ] || exit 0
mean() { awk -v s="$1" -v n="$2" 'BEGIN { if (n) printf "%.2f", s / n; else print "-" }'; }
{
    echo "# Neural construction on uniform CVRP100"
    echo
    echo "$instances instances from \`corto train --generate\` (seed $seed;"
    echo "Kool et al.'s distribution: depot and clients uniform in the unit"
    echo "square scaled by 1000, demands 1..9, capacity 50). Gaps are to the"
    echo "ALNS at ${ref_limit} s CPU, seed 1 (no best-known values exist for"
    echo "these instances). Every solution verified by \`corto check\`."
    echo "References are kept in \`$(basename "$ref_cache")\` ($cached of this"
    echo "run's read from it, computed by an earlier run of the same script)."
    echo "CPU ms: the construction's CPU time from the solver's log, at 1 ms"
    echo "resolution (nearest neighbour takes less); the neural rows include"
    echo "decoding the compiled-in weight file and computing the features."
    echo "Model: $model_name."
    echo "Produced by \`bench/neural_construct.sh\`; per-instance rows in"
    echo "\`$(basename "$csv")\`."
    echo
    echo "| construction | solved | mean gap to ALNS ${ref_limit} s | mean CPU ms |"
    echo "|---|---|---|---|"
    for m in $methods; do
        case $m in
        neural) label="neural greedy" ;;
        neural64) label="neural best of 64" ;;
        nearest) label="nearest neighbour" ;;
        *) label=$m ;;
        esac
        echo "| $label | ${gn[$m]} | $(mean "${gsum[$m]}" "${gn[$m]}")% | $(mean "${msum[$m]}" "${gn[$m]}") |"
    done
    echo
    echo "Neural greedy cheaper than savings on ${wins[neural]} of ${gn[neural]} instances."
    if [ -n "$alns_limits" ]; then
        echo
        echo "ALNS (seed 1) started from each construction; the limit includes the"
        echo "construction's own time."
        echo
        echo "| ALNS limit (CPU s) | from savings: mean gap | from neural greedy: mean gap |"
        echo "|---|---|---|"
        for lim in $alns_limits; do
            echo "| $lim | $(mean "${asum[savings$lim]}" "${an[savings$lim]}")% | $(mean "${asum[neural$lim]}" "${an[neural$lim]}")% |"
        done
    fi
} >"$out"
cat "$out"
