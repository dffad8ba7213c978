#!/usr/bin/env bash
# neural_arm.sh — the neural policy as an arm of the ALNS bandit (option
# --neural-arm, heuristics/repair_neural.c) against the ALNS without it,
# on CVRPLIB X instances (Uchoa et al. 2017) with best-known values:
# final gap to bks at CPU-second limits for several seeds, both runs from
# the default (savings) start, every solution verified by `corto check`;
# also how often the bandit pulled a neural arm and how many new best
# solutions those pulls gave (from the -v report). The runs without the
# arm do not depend on the model: they are kept in a CSV keyed by
# instance, limit and seed (default bench/results/neural_arm_off.csv), so
# a rerun with another --model only runs the arm. Instances run in
# --jobs parallel workers (limits are CPU seconds). Writes a Markdown
# table and a CSV of every run.
#
# usage: bench/neural_arm.sh [--corto BIN] [--dir DIR] [--instances "X-n101-k25 ..."]
#            [--seeds N] [--limits "1 3"] [--model FILE] [--jobs J]
#            [--off-cache FILE.csv] [--out FILE.md]
#            [--report-only]   (only write the table from FILE.csv)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/neural_lib.sh
. "$here/bench/neural_lib.sh"
corto="$here/build/corto"
dir="$here/../shared/instances/cvrp/X"
instances=$NEURAL_X_INSTANCES
seeds=5
limits="1 3"
jobs=1
report_only=0
out="$here/bench/results/neural_arm.md"
off_cache="$here/bench/results/neural_arm_off.csv"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --limits) limits=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --model) neural_model_arg "$2"; shift 2 ;;
    --off-cache) off_cache=$2; shift 2 ;;
    --report-only) report_only=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "neural_arm.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
neural_start neural_arm.sh "$dir"
work=$tmp # each worker runs in its own folder below
[ -s "$off_cache" ] || echo "instance,limit,seed,cost" >"$off_cache"

# run_instance NAME: every run of one instance, as CSV rows on stdout.
run_instance() {
    local name=$1 file="$dir/$1.vrp" bks n lim s cost key pulls best iters
    tmp="$work/$name"
    mkdir -p "$tmp"
    bks=$(awk -F, -v i="$name" '$1 == i { print $2 }' "$dir/bks.csv")
    n=$(awk -F, -v i="$name" '$1 == i { print $5 }' "$dir/bks.csv")
    [ -r "$file" ] && [ -n "$bks" ] || { echo "$name: no file or bks, skipped" >&2; return; }
    for lim in $limits; do
        for s in $(seq 1 "$seeds"); do
            key="$name,$lim,$s"
            cost=$(awk -F, -v k="$key" '$1 "," $2 "," $3 == k { print $4; exit }' \
                "$off_cache")
            if [ -z "$cost" ]; then
                run_one "$file" --time-limit "$lim" --seed "$s"
                cost=$R_COST
                [ "$cost" = - ] || echo "$key,$cost" >>"$off_cache"
            fi
            echo "$name,$n,$bks,off,$s,$lim,$cost,$(gap "$cost" "$bks"),-,-,-"
            run_one "$file" --neural-arm "${model_args[@]}" --time-limit "$lim" --seed "$s"
            iters=$(sed -n 's/.*alns: \([0-9]*\) iterations.*/\1/p' "$tmp/err" | head -1)
            read -r pulls best < <(awk '/ \+ neural / {
                    for (i = 1; i <= NF; i++) {
                        if ($i == "pulls") p += $(i + 1)
                        if ($i == "best") b += $(i + 1) * $(i - 3) / 100
                    }
                } END { printf "%d %.0f\n", p, b }' "$tmp/err")
            echo "$name,$n,$bks,on,$s,$lim,$R_COST,$(gap "$R_COST" "$bks"),${iters:--},$pulls,$best"
        done
    done
    echo "$name done" >&2
}

csv="${out%.md}.csv"
if [ "$report_only" = 0 ]; then
    for name in $instances; do
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
        run_instance "$name" >"$work/$name.rows" &
    done
    wait
    {
        echo "instance,n,bks,arm,seed,limit,cost,gap,iterations,neural_pulls,neural_new_best"
        for name in $instances; do cat "$work/$name.rows" 2>/dev/null || true; done
    } >"$csv"
fi

{
    echo "# The neural policy as an ALNS bandit arm"
    echo
    echo "\`corto solve --neural-arm\` against the same ALNS without it, on"
    echo "$(awk -F, 'NR > 1 { print $1 }' "$csv" | sort -u | wc -l) CVRPLIB X instances (Uchoa et al. 2017) from"
    echo "../shared/instances/cvrp/X; gaps to the best-known values of its"
    echo "bks.csv; seeds 1 to $(awk -F, 'NR > 1 && $5 > m { m = $5 } END { print m }' "$csv");"
    echo "default options otherwise (savings start,"
    echo "Thompson sampling selector). Every solution verified by \`corto check\`."
    echo "Time limits are CPU seconds and include the construction and, with the"
    echo "arm, the one encoder pass over the instance. Model: $model_name."
    echo "Produced by \`bench/neural_arm.sh\`; every run in \`$(basename "$csv")\`"
    echo "(runs without the arm cached in \`$(basename "$off_cache")\`)."
    echo
    echo "| limit (CPU s) | runs | without arm: mean gap | with arm: mean gap | arm cheaper | arm dearer | equal | neural pulls / iterations | new bests from neural arms |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 {
        key = $1 "," $5 "," $6
        if ($4 == "off") { c0[key] = $7; g0[key] = $8 }
        else { c1[key] = $7; g1[key] = $8; it[key] = $9; pu[key] = $10; nb[key] = $11 }
        lim[key] = $6
        if (!($6 in seenl)) { seenl[$6] = 1; lorder[++nl] = $6 }
    }
    END {
        for (key in c0) {
            if (!(key in c1) || c0[key] == "-" || c1[key] == "-") continue
            l = lim[key]; runs[l]++; s0[l] += g0[key]; s1[l] += g1[key]
            if (c1[key] + 0 < c0[key] + 0) w1[l]++
            else if (c0[key] + 0 < c1[key] + 0) w0[l]++
            else eq[l]++
            if (it[key] != "-") { P[l] += pu[key]; I[l] += it[key]; B[l] += nb[key] }
        }
        for (i = 1; i <= nl; i++) {
            l = lorder[i]
            printf "| %s | %d | %.2f%% | %.2f%% | %d | %d | %d | %.1f%% | %d |\n", l,
                runs[l], runs[l] ? s0[l] / runs[l] : 0, runs[l] ? s1[l] / runs[l] : 0,
                w1[l], w0[l], eq[l], I[l] ? 100 * P[l] / I[l] : 0, B[l]
        }
    }' "$csv"
    echo
    echo "Per instance (mean gap to bks over the seeds, %):"
    echo
    echo "| instance | n | limit | without arm | with arm |"
    echo "|---|---|---|---|---|"
    awk -F, 'NR > 1 && $7 != "-" {
        k = $1 "," $6
        if (!(k in seen)) { seen[k] = 1; order[++cnt] = k; nn[k] = $2 }
        s[k, $4] += $8; c[k, $4]++
    }
    END {
        for (i = 1; i <= cnt; i++) {
            k = order[i]; split(k, f, ",")
            printf "| %s | %s | %s | %s | %s |\n", f[1], nn[k], f[2],
                c[k, "off"] ? sprintf("%.2f", s[k, "off"] / c[k, "off"]) : "-",
                c[k, "on"] ? sprintf("%.2f", s[k, "on"] / c[k, "on"]) : "-"
        }
    }' "$csv"
} >"$out"
cat "$out"
