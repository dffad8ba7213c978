#!/usr/bin/env bash
# neural_real.sh — the neural construction on real-matrix instances: the
# ORTEC VRPTW instances of the EURO Meets NeurIPS 2022 competition
# (asymmetric road-duration matrices, time windows, a fleet limit), read
# from ../shared/instances/real and never copied (CC BY-NC). For each
# construction — neural greedy, neural best of 64 samples and of 64
# greedy starts, Clarke-Wright savings, nearest neighbour; seed 1,
# --construct-only — the cost, routes
# and CPU time, whether `corto check` accepts the solution (and its first
# violation when not), and the gap to the best-known value of bks.csv.
# Writes a Markdown table and a CSV of every run.
#
# usage: bench/neural_real.sh [--corto BIN] [--dir DIR] [--model FILE] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/neural_lib.sh
. "$here/bench/neural_lib.sh"
corto="$here/build/corto"
dir="$here/../shared/instances/real"
out="$here/bench/results/neural_real.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --model) neural_model_arg "$2"; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "neural_real.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
neural_start neural_real.sh "$dir"

# construct FILE ARGS...: --construct-only run checked by `corto check`,
# feasible or not; sets C_COST, C_ROUTES, C_FEAS (yes/no), C_VIOL (the
# checker's first violation), C_MS (construction CPU ms), "-" when the
# solve wrote no solution.
construct() {
    local file=$1
    shift
    C_COST=-; C_ROUTES=-; C_FEAS=-; C_VIOL=; C_MS=-
    rm -f "$tmp/sol"
    # exit 1 for an infeasible solution, which is still written and checked
    "$corto" solve "$file" "$@" --construct-only --seed 1 -v --out "$tmp/sol" \
        2>"$tmp/err" || true
    [ -s "$tmp/sol" ] || return 0
    "$corto" check "$file" "$tmp/sol" >"$tmp/check" 2>&1 || true
    C_COST=$(awk '/^(cost|duration):/ { print $2; exit }' "$tmp/check")
    C_ROUTES=$(awk '/^routes:/ { print $2; exit }' "$tmp/check")
    C_FEAS=$(awk '/^feasible:/ { print $2; exit }' "$tmp/check")
    C_VIOL=$(sed -n 's/^first violation: //p' "$tmp/check" | tr ',' ';' | head -1)
    C_MS=$(sed -n 's/.*construction: cost [0-9]*, [0-9]* routes, \([0-9.]*\) s.*/\1/p' \
        "$tmp/err" | head -1 | awk '{ printf "%.1f", 1000 * $1 }')
}

csv="${out%.md}.csv"
echo "instance,n,bks,bks_routes,vehicles,method,cost,routes,feasible,gap,cpu_ms,violation" >"$csv"
tail -n +2 "$dir/bks.csv" | while IFS=, read -r name bks _ _ n bks_routes file; do
    path="$dir/$file"
    [ -r "$path" ] || { echo "$name: no $file, skipped" >&2; continue; }
    veh=$(zcat -f "$path" | awk -F': *' '/^VEHICLES/ && !v { v = $2 } END { print v }')
    for m in neural neural64 starts64 savings nearest; do
        case $m in
        neural) args=(--init neural "${model_args[@]}") ;;
        neural64) args=(--init neural --samples 64 "${model_args[@]}") ;;
        starts64) args=(--init neural --starts 64 "${model_args[@]}") ;;
        *) args=(--init "$m") ;;
        esac
        construct "$path" "${args[@]}"
        echo "$name,$n,$bks,$bks_routes,${veh:--},$m,$C_COST,$C_ROUTES,$C_FEAS,$(gap "$C_COST" "$bks"),$C_MS,$C_VIOL" >>"$csv"
    done
    echo "$name done" >&2
done

{
    echo "# Neural construction on real-matrix instances (ORTEC VRPTW)"
    echo
    echo "The 12 ORTEC instances of ../shared/instances/real (EURO Meets NeurIPS"
    echo "2022; real asymmetric road-duration matrices, time windows, a fleet of"
    echo "VEHICLES vehicles; read in place, not copied: CC BY-NC). Construction"
    echo "only (\`--construct-only --seed 1\`), every solution given to"
    echo "\`corto check\`; gaps are to the best-known durations of bks.csv and"
    echo "are averaged over the solutions the checker accepts. CPU ms: the"
    echo "construction's CPU time from the solver's log. Model: $model_name,"
    echo "trained only on generated CVRPs without time windows. Produced by"
    echo "\`bench/neural_real.sh\`; every run in \`$(basename "$csv")\`."
    echo
    echo "| construction | feasible | mean gap to bks (feasible) | mean gap to bks (all) | mean routes | mean CPU ms |"
    echo "|---|---|---|---|---|---|"
    awk -F, 'NR > 1 {
        k = $6; tot[k]++
        if ($7 == "-") next
        all[k] += $10; na[k]++; r[k] += $8; t[k] += $11
        if ($9 == "yes") { f[k]++; g[k] += $10 }
    }
    END {
        split("neural neural64 starts64 savings nearest", order, " ")
        lab["neural"] = "neural greedy"; lab["neural64"] = "neural best of 64 samples"
        lab["starts64"] = "neural best of 64 starts"
        lab["savings"] = "savings"; lab["nearest"] = "nearest neighbour"
        for (i = 1; i <= 5; i++) {
            k = order[i]
            printf "| %s | %d of %d | %s | %s | %.1f | %.1f |\n", lab[k], f[k], tot[k],
                f[k] ? sprintf("%.2f%%", g[k] / f[k]) : "-",
                na[k] ? sprintf("%.2f%%", all[k] / na[k]) : "-",
                na[k] ? r[k] / na[k] : 0, na[k] ? t[k] / na[k] : 0
        }
    }' "$csv"
    echo
    echo "Per instance: gap to bks % (routes; \"inf.\" when the checker refuses"
    echo "the solution), and the neural greedy CPU ms:"
    echo
    echo "| instance | n | vehicles | bks routes | neural greedy | best of 64 samples | best of 64 starts | savings | nearest | greedy ms |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 {
        if (!($1 in nn)) { order[++cnt] = $1; nn[$1] = $2; v[$1] = $5; br[$1] = $4 }
        c[$1, $6] = $7 == "-" ? "-" : sprintf("%.2f (%d)%s", $10, $8, $9 == "yes" ? "" : " inf.")
        if ($6 == "neural") ms[$1] = $11
    }
    END {
        for (i = 1; i <= cnt; i++) {
            k = order[i]
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", k, nn[k], v[k],
                br[k], c[k, "neural"], c[k, "neural64"], c[k, "starts64"],
                c[k, "savings"], c[k, "nearest"], ms[k]
        }
    }' "$csv"
    echo
    echo "Checker violations of the refused solutions:"
    echo
    awk -F, 'NR > 1 && $9 == "no" { printf "- %s, %s: %s\n", $1, $6, $12 }' "$csv"
} >"$out"
cat "$out"
