#!/usr/bin/env bash
# neural_x.sh — the neural construction on CVRPLIB X instances (Uchoa et
# al. 2017) with best-known values: construction gap to bks and CPU time
# (neural greedy, neural best of 64 samples, of 64 greedy starts and of
# 100 starts on 8 symmetries, Clarke-Wright savings, nearest neighbour;
# seed 1), then the ALNS gap to bks at several CPU-second
# limits started from the neural greedy solution versus the savings one,
# for several seeds. Every solution is verified by `corto check`. Writes
# a Markdown table and a CSV of every run.
#
# usage: bench/neural_x.sh [--corto BIN] [--dir DIR] [--instances "X-n101-k25 ..."]
#            [--seeds N] [--limits "0.1 0.3 1 3"] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
dir="$here/../shared/instances/cvrp/X"
instances="X-n101-k25 X-n148-k46 X-n190-k8 X-n233-k16 X-n280-k17 X-n336-k84 X-n384-k52 X-n429-k61 X-n459-k26 X-n480-k70"
seeds=5
limits="0.1 0.3 1 3"
out="$here/bench/results/neural_x.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --limits) limits=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "neural_x.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "neural_x.sh: no corto binary at $corto" >&2; exit 2; }
[ -r "$dir/bks.csv" ] || { echo "neural_x.sh: no $dir/bks.csv" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/neural_lib.sh
. "$here/bench/neural_lib.sh"

csv="${out%.md}.csv"
echo "instance,n,bks,run,seed,limit,cost,gap,construction_ms" >"$csv"
for name in $instances; do
    file="$dir/$name.vrp"
    bks=$(awk -F, -v i="$name" '$1 == i { print $2 }' "$dir/bks.csv")
    n=$(awk -F, -v i="$name" '$1 == i { print $5 }' "$dir/bks.csv")
    [ -r "$file" ] && [ -n "$bks" ] || { echo "$name: no file or bks, skipped" >&2; continue; }
    for m in savings nearest neural neural64 starts64 starts100x8; do
        case $m in
        neural64) args=(--init neural --samples 64) ;;
        starts64) args=(--init neural --starts 64) ;;
        starts100x8) args=(--init neural --starts 100 --augment 8) ;;
        *) args=(--init "$m") ;;
        esac
        run_one "$file" "${args[@]}" --construct-only --seed 1
        echo "$name,$n,$bks,$m,1,-,$R_COST,$(gap "$R_COST" "$bks"),$R_MS" >>"$csv"
    done
    for lim in $limits; do
        for s in $(seq 1 "$seeds"); do
            for start in savings neural; do
                run_one "$file" --init "$start" --time-limit "$lim" --seed "$s"
                echo "$name,$n,$bks,alns-from-$start,$s,$lim,$R_COST,$(gap "$R_COST" "$bks"),$R_MS" >>"$csv"
            done
        done
    done
    echo "$name done" >&2
done

{
    echo "# Neural construction on CVRPLIB X instances"
    echo
    range=$(awk -F, 'NR > 1 { if (!lo || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
        END { print lo " to " hi }' "$csv")
    echo "Instances: $(echo "$instances" | wc -w) X instances (Uchoa et al. 2017)"
    echo "of $range clients from ../shared/instances/cvrp/X; gaps are to"
    echo "the best-known values of its bks.csv. Every solution verified by"
    echo "\`corto check\`. Model: neural/models/default.cnn, trained only on"
    echo "generated uniform/clustered CVRPs of 20 to 100 clients (see"
    echo "neural/models/README.md). Produced by \`bench/neural_x.sh\`; every run"
    echo "in \`$(basename "$csv")\`. Time limits are CPU seconds and include the"
    echo "construction."
    echo
    echo "## Construction (seed 1)"
    echo
    echo "| construction | solved | mean gap to bks | mean CPU ms |"
    echo "|---|---|---|---|"
    awk -F, 'NR > 1 && $6 == "-" {
        k = $4; seen[k] = 1
        if ($7 != "-") { n[k]++; g[k] += $8; t[k] += $9 }
        tot[k]++
    }
    END {
        split("neural neural64 starts64 starts100x8 savings nearest", order, " ")
        lab["neural"] = "neural greedy"; lab["neural64"] = "neural best of 64 samples"
        lab["starts64"] = "neural best of 64 starts"
        lab["starts100x8"] = "neural best of 100 starts x 8 symmetries"
        lab["savings"] = "savings"; lab["nearest"] = "nearest neighbour"
        for (i = 1; i <= 6; i++) {
            k = order[i]
            if (!seen[k]) continue
            printf "| %s | %d of %d | %.2f%% | %.1f |\n", lab[k], n[k], tot[k],
                n[k] ? g[k] / n[k] : 0, n[k] ? t[k] / n[k] : 0
        }
    }' "$csv"
    echo
    echo "Per instance (gap to bks, %; neural greedy CPU ms):"
    echo
    echo "| instance | n | neural greedy | best of 64 samples | best of 64 starts | 100 starts x 8 | savings | nearest | greedy ms |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 && $6 == "-" {
        if (!($1 in nn)) { order[++cnt] = $1; nn[$1] = $2 }
        g[$1, $4] = ($8 == "-" ? "-" : sprintf("%.2f", $8))
        if ($4 == "neural") ms[$1] = $9
    }
    END {
        for (i = 1; i <= cnt; i++) {
            k = order[i]
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", k, nn[k],
                g[k, "neural"], g[k, "neural64"], g[k, "starts64"],
                g[k, "starts100x8"], g[k, "savings"], g[k, "nearest"], ms[k]
        }
    }' "$csv"
    echo
    echo "## ALNS from the neural greedy start versus the savings start"
    echo
    echo "Seeds 1 to $seeds on each instance; a win is a cheaper final solution"
    echo "on the same instance, seed and limit."
    echo
    echo "| limit (CPU s) | runs | from savings: mean gap | from neural: mean gap | neural cheaper | savings cheaper | equal |"
    echo "|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 && $6 != "-" {
        key = $1 "," $5 "," $6
        if ($4 == "alns-from-savings") { cs[key] = $7; gs[key] = $8 }
        else { cn[key] = $7; gn[key] = $8 }
        lim[key] = $6
        if (!($6 in seenl)) { seenl[$6] = 1; lorder[++nl] = $6 }
    }
    END {
        for (key in cs) {
            if (!(key in cn) || cs[key] == "-" || cn[key] == "-") continue
            l = lim[key]; runs[l]++; ss[l] += gs[key]; sn[l] += gn[key]
            if (cn[key] + 0 < cs[key] + 0) wn[l]++
            else if (cs[key] + 0 < cn[key] + 0) ws[l]++
            else eq[l]++
        }
        for (i = 1; i <= nl; i++) {
            l = lorder[i]
            printf "| %s | %d | %.2f%% | %.2f%% | %d | %d | %d |\n", l, runs[l],
                runs[l] ? ss[l] / runs[l] : 0, runs[l] ? sn[l] / runs[l] : 0,
                wn[l], ws[l], eq[l]
        }
    }' "$csv"
} >"$out"
cat "$out"
