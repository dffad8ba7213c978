#!/usr/bin/env bash
# pool_compare.sh — the ALNS with and without the route pool (option
# route-pool) at equal CPU time: every instance of a suite up to a size is
# solved with --route-pool=true and =false for each time limit and seed,
# checked with `corto check`, and appended to a CSV. With --part K/N only
# every N-th instance starting at the K-th is run, so that N copies can
# share the work; --summary turns one or more such CSVs into the Markdown
# comparison table.
#
# usage: bench/pool_compare.sh [--suite x_all|FILE.csv] [--max-n 401]
#            [--time-limits "10 30"] [--seeds 1] [--part K/N]
#            [--corto BIN] [--shared DIR] [--out FILE.csv]
#        bench/pool_compare.sh --summary OUT.md IN.csv...
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
suite=x_all
max_n=401
limits="10 30"
seeds=1
part=1/1
out="$here/bench/results/pool_compare.csv"

# summary OUT.md IN.csv...: per time limit and seed, the mean gaps and
# the count of instances where each setting was strictly better; then
# one row per instance, time limit and seed.
summary() {
    local md=$1
    shift
    local prog='
        FNR == 1 || $1 == "instance" { next }
        {
            key = $1 "," $5 "," $4
            n[$1] = $2; bks[$1] = $3
            if ($6 == "on") on[key] = $7; else off[key] = $7
            keys[key] = 1
        }
        END {
            for (k in keys) {
                if (!(k in on) || !(k in off) || on[k] == "-" || off[k] == "-") continue
                split(k, f, ",")
                go = 100 * (off[k] - bks[f[1]]) / bks[f[1]]
                gn = 100 * (on[k] - bks[f[1]]) / bks[f[1]]
                if (mode == "rows") {
                    printf "%s,%s,%s,%s,%s,%s,%s,%.2f,%.2f\n", f[2], f[3], n[f[1]], f[1], bks[f[1]], off[k], on[k], go, gn
                    continue
                }
                t = f[2] "," f[3]
                c[t]++; goff[t] += go; gon[t] += gn
                if (on[k] + 0 < off[k] + 0) w[t]++
                else if (on[k] + 0 > off[k] + 0) l[t]++
                else e[t]++
            }
            if (mode == "rows") exit
            for (t in c) {
                split(t, f, ",")
                printf "%s,%s,%d,%.3f,%.3f,%d,%d,%d\n", f[1], f[2], c[t], goff[t] / c[t], gon[t] / c[t], w[t], l[t], e[t]
            }
        }'
    {
        echo "# Route pool on vs off (ALNS, equal CPU time)"
        echo
        echo "\`corto solve --time-limit T --seed S --route-pool=true|false\`, one"
        echo "thread, CPU seconds; gaps in % to the best-known value. \"on better\""
        echo "counts the instances where the pool gave a strictly lower cost."
        echo
        echo "| T (s) | seed | instances | mean gap off % | mean gap on % | on better | off better | equal |"
        echo "|---|---|---|---|---|---|---|---|"
        awk -F, -v mode=summary "$prog" "$@" | sort -t, -k1,1n -k2,2n |
            awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
        echo
        echo "| T (s) | seed | n | instance | BKS | cost off | cost on | gap off % | gap on % |"
        echo "|---|---|---|---|---|---|---|---|---|"
        awk -F, -v mode=rows "$prog" "$@" | sort -t, -k1,1n -k2,2n -k3,3n |
            awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
    } >"$md"
}

while [ $# -gt 0 ]; do
    case "$1" in
    --suite) suite=$2; shift 2 ;;
    --max-n) max_n=$2; shift 2 ;;
    --time-limits) limits=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --part) part=$2; shift 2 ;;
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --summary) shift; md=$1; shift; summary "$md" "$@"; exit 0 ;;
    *) echo "pool_compare.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "pool_compare.sh: no corto binary at $corto" >&2; exit 2; }
suite_file="$here/bench/suites/$suite.csv"
case "$suite" in */*) suite_file=$suite ;; esac
k=${part%/*}
parts=${part#*/}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

[ -s "$out" ] || echo "instance,n,bks,seed,time_limit_s,pool,cost,gap_pct,cpu_s,check" >"$out"
i=0
while IFS=, read -r rel bks; do
    case "$rel" in '' | '#'* | instance) continue ;; esac
    file="$shared/$rel"
    [ -f "$file" ] || continue
    n=$(bench_dimension "$file")
    [ "$n" -le "$max_n" ] || continue
    i=$((i + 1))
    [ $(((i - k) % parts)) -eq 0 ] || continue
    name=$(basename "$rel"); name=${name%%.*}
    for t in $limits; do
        for seed in $seeds; do
            for pool in on off; do
                flag=true; [ "$pool" = on ] || flag=false
                BENCH_EXTRA=(--route-pool="$flag")
                bench_run "$file" "$t" "$seed" "$bks"
                echo "$name,$n,$bks,$seed,$t,$pool,$B_COST,$B_GAP,$B_CPU,$B_VERDICT" >>"$out"
                echo "pool_compare: $name T=$t seed $seed pool $pool: $B_COST ($B_GAP %, $B_VERDICT)" >&2
            done
        done
    done
done <"$suite_file"
