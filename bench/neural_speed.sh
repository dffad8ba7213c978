#!/usr/bin/env bash
# neural_speed.sh — CPU time of the neural construction (greedy and best
# of 64 samples, `--construct-only`) on generated uniform CVRPs of several
# sizes (`corto train --generate`, Kool et al.'s distribution), for one or
# two corto binaries measured in turn on the same instances (so a change
# can be compared with its parent on an equally loaded machine). Times are
# the construction's CPU seconds from the solver's -v log (features,
# decoding the weights, encoder and decoder), averaged over instances and
# repeats. Writes a Markdown table and a CSV.
#
# usage: bench/neural_speed.sh [--corto BIN] [--baseline BIN] [--sizes "100 200 500"]
#            [--instances N] [--repeats N] [--seed N] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
baseline=""
sizes="100 200 500"
instances=10
repeats=3
seed=7
out="$here/bench/results/neural_speed.md"

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "neural_speed.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "neural_speed.sh: no corto binary at $corto" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="${out%.md}.csv"
echo "binary,n,instance,samples,repeat,cost,cpu_ms" >"$csv"
bins="current"
[ -z "$baseline" ] || bins="baseline current"
for n in $sizes; do
    mkdir -p "$tmp/n$n"
    "$corto" train --generate "$tmp/n$n" --instances "$instances" \
        --min-size "$n" --max-size "$n" --clustered 0 --seed "$seed"
    for file in "$tmp/n$n"/*.vrp; do
        for k in 0 64; do
            for r in $(seq 1 "$repeats"); do
                for b in $bins; do
                    bin=$corto
                    [ "$b" = current ] || bin=$baseline
                    "$bin" solve "$file" --init neural --samples "$k" \
                        --construct-only -v --out "$tmp/sol" 2>"$tmp/err"
                    line=$(grep 'construction: cost' "$tmp/err" | head -1)
                    cost=$(echo "$line" | sed 's/.*cost \([0-9]*\),.*/\1/')
                    ms=$(echo "$line" | sed 's/.*routes, \([0-9.]*\) s.*/\1/' |
                        awk '{ printf "%.1f", 1000 * $1 }')
                    echo "$b,$n,$(basename "$file" .vrp),$k,$r,$cost,$ms" >>"$csv"
                done
            done
        done
    done
done

{
    echo "# Neural construction CPU time"
    echo
    echo "$instances generated uniform CVRPs per size (\`corto train --generate\`,"
    echo "seed $seed), $repeats runs each, \`--construct-only\`; CPU ms of the"
    echo "construction from the solver's log (1 ms resolution), including"
    echo "features and decoding the compiled-in weights. Binaries measured in"
    echo "turn on the same instances. Produced by \`bench/neural_speed.sh\`;"
    echo "every run in \`$(basename "$csv")\`."
    echo
    echo "| binary | n | greedy ms | best of 64 ms | same costs as baseline |"
    echo "|---|---|---|---|---|"
    awk -F, 'NR > 1 {
        key = $1 "," $2 "," $4; t[key] += $7; c[key]++
        if (!(($1 "," $2) in seen)) { seen[$1 "," $2] = 1; order[++n] = $1 "," $2 }
        cost[$1 "," $3 "," $4 "," $5] = $6; inst[$2 "," $3 "," $4 "," $5] = 1
    }
    END {
        for (i = 1; i <= n; i++) {
            split(order[i], f, ",")
            same = "-"
            if (f[1] == "current" && ("baseline," f[2]) in seen) {
                same = "yes"
                for (k in inst) {
                    split(k, g, ",")
                    if (g[1] != f[2]) continue
                    if (cost["current," g[2] "," g[3] "," g[4]] != cost["baseline," g[2] "," g[3] "," g[4]]) same = "no"
                }
            }
            printf "| %s | %s | %.1f | %.1f | %s |\n", f[1], f[2],
                t[order[i] ",0"] / c[order[i] ",0"],
                t[order[i] ",64"] / c[order[i] ",64"], same
        }
    }' "$csv"
} >"$out"
cat "$out"
