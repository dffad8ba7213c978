#!/usr/bin/env bash
# neural_construct.sh — the value test of the neural construction on
# generated uniform CVRP100 instances (Kool et al.'s distribution: unit
# square, demands 1..9, capacity 50; `corto train --generate`): the cost
# and CPU time of the constructions — neural greedy, neural best of 64
# samples, neural best of 64 greedy starts (--starts 64), neural best of
# 100 starts on 8 symmetries (--starts 100 --augment 8), Clarke-Wright
# savings, nearest neighbour — as gaps to the ALNS
# at a short limit (there are no best-known values), then the ALNS at short
# limits from the savings start and from the neural start. Every solution
# is verified by `corto check`. Writes a Markdown table and a CSV.
#
# usage: bench/neural_construct.sh [--corto BIN] [--instances N] [--seed N]
#            [--reference-limit S] [--alns-limits "0.1 0.3 1"] [--out FILE.md]
#            [--model FILE]   (weights for the neural runs; default built in)
#            [--ref-cache FILE.csv]  (ALNS references kept between runs)
#            [--from A] [--to B]  (only instances A..B, for parallel workers)
#            [--refs-only]  (only fill the reference cache)
#            [--report-only]  (only write the table from FILE.csv, e.g. the
#                              concatenated CSVs of workers)
# The ALNS references do not depend on the model: they are kept in a CSV
# keyed by generator seed, instance, limit and ALNS seed (default
# bench/results/neural_construct_refs.csv), so a rerun with another
# --model only runs the constructions. --alns-limits "" skips the ALNS
# comparison. Workers on disjoint --from/--to ranges (each with its own
# --out) share the cache, which is read again for every instance; their
# CSVs concatenated then give the table with --report-only.
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
report_only=0
from=1
to=1000000000

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
    --to) to=$2; shift 2 ;;
    --report-only) report_only=1; shift ;;
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

methods="savings nearest neural neural64 starts64 starts100x8"
csv="${out%.md}.csv"
[ "$refs_only" = 0 ] || csv=/dev/null
[ "$report_only" = 1 ] || echo "instance,method,cost,cpu_ms,reference" >"$csv"

for file in "$tmp"/gen/*.vrp; do
    [ "$report_only" = 0 ] || break
    name=$(basename "$file" .vrp)
    index=$((10#${name##*-}))
    [ "$index" -ge "$from" ] && [ "$index" -le "$to" ] || continue
    key="$seed,$name,$ref_limit,1"
    ref=$(awk -F, -v k="$key" '$1 "," $2 "," $3 "," $4 == k { print $5; exit }' \
        "$ref_cache")
    if [ -z "$ref" ]; then
        run_one "$file" --time-limit "$ref_limit" --seed 1
        ref=$R_COST
        [ "$ref" = - ] || echo "$key,$ref" >>"$ref_cache"
    fi
    [ "$ref" != - ] || { echo "$name: no reference, skipped" >&2; continue; }
    [ "$refs_only" = 0 ] || { echo "$name reference" >&2; continue; }
    for m in $methods; do
        case $m in
        savings) args=(--init savings) ;;
        nearest) args=(--init nearest) ;;
        neural) args=(--init neural "${model_args[@]}") ;;
        neural64) args=(--init neural --samples 64 "${model_args[@]}") ;;
        starts64) args=(--init neural --starts 64 "${model_args[@]}") ;;
        starts100x8) args=(--init neural --starts 100 --augment 8 "${model_args[@]}") ;;
        esac
        run_one "$file" "${args[@]}" --construct-only --seed 1
        echo "$name,$m,$R_COST,$R_MS,$ref" >>"$csv"
    done
    for lim in $alns_limits; do
        for s in savings neural; do
            args=(--init "$s")
            [ "$s" = savings ] || args+=("${model_args[@]}")
            run_one "$file" "${args[@]}" --time-limit "$lim" --seed 1
            echo "$name,alns-$lim-from-$s,$R_COST,-,$ref" >>"$csv"
        done
    done
    echo "$name done" >&2
done

[ "$refs_only" = 0 ] || exit 0
n_done=$(awk -F, 'NR > 1 && $2 == "savings"' "$csv" | wc -l)
{
    echo "# Neural construction on uniform CVRP100"
    echo
    echo "$n_done instances from \`corto train --generate\` (seed $seed;"
    echo "Kool et al.'s distribution: depot and clients uniform in the unit"
    echo "square scaled by 1000, demands 1..9, capacity 50). Gaps are to the"
    echo "ALNS at ${ref_limit} s CPU, seed 1 (no best-known values exist for"
    echo "these instances). Every solution verified by \`corto check\`."
    echo "References are kept in \`$(basename "$ref_cache")\` (keyed by"
    echo "generator seed, instance, limit and ALNS seed; a rerun with another"
    echo "model reads them instead of running the ALNS again)."
    echo "CPU ms: the construction's CPU time from the solver's log, at 1 ms"
    echo "resolution (nearest neighbour takes less); the neural rows include"
    echo "decoding the compiled-in weight file and computing the features."
    echo "Model: $model_name."
    echo "Produced by \`bench/neural_construct.sh\`; per-instance rows in"
    echo "\`$(basename "$csv")\`."
    echo
    echo "| construction | solved | mean gap to ALNS ${ref_limit} s | median gap | within 4% | mean CPU ms |"
    echo "|---|---|---|---|---|---|"
    awk -F, 'NR > 1 && $2 !~ /^alns-/ {
        k = $2; tot[k]++
        if ($3 == "-") next
        g = 100 * ($3 - $5) / $5
        n[k]++; s[k] += g; t[k] += $4; w[k] += g <= 4; v[k, n[k]] = g
        c[$1, k] = $3
    }
    END {
        split("savings nearest neural neural64 starts64 starts100x8", order, " ")
        lab["neural"] = "neural greedy"; lab["neural64"] = "neural best of 64 samples"
        lab["starts64"] = "neural best of 64 starts"
        lab["starts100x8"] = "neural best of 100 starts x 8 symmetries"
        lab["savings"] = "savings"; lab["nearest"] = "nearest neighbour"
        for (i = 1; i <= 6; i++) {
            k = order[i]
            if (!(k in tot)) continue
            for (a = 1; a <= n[k]; a++) x[a] = v[k, a]
            m = n[k]
            for (a = 2; a <= m; a++) {
                y = x[a]
                for (b = a - 1; b >= 1 && x[b] > y; b--) x[b + 1] = x[b]
                x[b + 1] = y
            }
            med = m ? (m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2) : 0
            printf "| %s | %d of %d | %.2f%% | %.2f%% | %d | %.2f |\n", lab[k], n[k],
                tot[k], m ? s[k] / m : 0, med, w[k], m ? t[k] / m : 0
        }
        for (key in c) {
            split(key, f, SUBSEP)
            if (f[2] == "neural" && ((f[1], "savings") in c)) {
                both++
                if (c[key] + 0 < c[f[1], "savings"] + 0) wins++
            }
        }
        printf "\nNeural greedy cheaper than savings on %d of %d instances.\n", wins, both
    }' "$csv"
    if [ -n "$alns_limits" ]; then
        echo
        echo "ALNS (seed 1) started from each construction; the limit includes the"
        echo "construction's own time."
        echo
        echo "| ALNS limit (CPU s) | from savings: mean gap | from neural greedy: mean gap |"
        echo "|---|---|---|"
        for lim in $alns_limits; do
            awk -F, -v l="$lim" 'NR > 1 && $3 != "-" {
                if ($2 == "alns-" l "-from-savings") { s += 100 * ($3 - $5) / $5; n++ }
                if ($2 == "alns-" l "-from-neural") { t += 100 * ($3 - $5) / $5; m++ }
            }
            END { printf "| %s | %s | %s |\n", l, n ? sprintf("%.2f%%", s / n) : "-",
                m ? sprintf("%.2f%%", t / m) : "-" }' "$csv"
        done
    fi
} >"$out"
cat "$out"
