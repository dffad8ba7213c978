#!/usr/bin/env bash
# run.sh — run a benchmark suite: every instance of bench/suites/SUITE.csv
# (paths relative to the shared instance folder, with best-known values)
# is solved with `corto solve` for each seed at a CPU time limit, checked
# with `corto check`, and reported as CSV and Markdown tables (instance, n,
# BKS, cost, gap %, CPU s, seed) plus an SVG of the gap over CPU time.
#
# usage: bench/run.sh SUITE [--time-limit S] [--seeds "1 2 3"]
#                    [--corto BIN] [--shared DIR] [--results DIR]
# Results go to RESULTS/SUITE-<S>s.{csv,md,svg} (default bench/results).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
results="$here/bench/results"
time_limit=10
seeds=1
suite=

while [ $# -gt 0 ]; do
    case "$1" in
    --time-limit) time_limit=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    -*) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
    *) [ -z "$suite" ] || { echo "run.sh: one suite at a time" >&2; exit 2; }
       suite=$1; shift ;;
    esac
done
[ -n "$suite" ] || { echo "usage: bench/run.sh SUITE [--time-limit S] [--seeds \"1 2\"]" >&2; exit 2; }
suite_file="$here/bench/suites/$suite.csv"
[ -f "$suite_file" ] || { echo "run.sh: no suite file $suite_file" >&2; exit 2; }
[ -x "$corto" ] || { echo "run.sh: no corto binary at $corto" >&2; exit 2; }
[ -d "$shared" ] || { echo "run.sh: no instances at $shared" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

mkdir -p "$results"
base="$results/$suite-${time_limit}s"
csv="$base.csv"
echo "instance,n,bks,cost,gap_pct,cpu_s,seed,time_limit_s,check" >"$csv"
: >"$tmp/traces" # instance,bks,cpu_s,cost for the plot (first seed)
first_seed=${seeds%% *}
total=0; accepted=0

while IFS=, read -r rel bks; do
    case "$rel" in '' | '#'* | instance) continue ;; esac
    file="$shared/$rel"
    name=$(basename "$rel"); name=${name%%.*}
    if [ ! -f "$file" ]; then
        echo "run.sh: $file missing, skipped" >&2
        continue
    fi
    n=$(bench_dimension "$file")
    for seed in $seeds; do
        total=$((total + 1))
        bench_run "$file" "$time_limit" "$seed" "$bks" "$tmp/trace.csv"
        accepted=$((accepted + B_ACCEPTED))
        echo "$name,$n,$bks,$B_COST,$B_GAP,$B_CPU,$seed,$time_limit,$B_VERDICT" >>"$csv"
        if [ "$seed" = "$first_seed" ] && [ -s "$tmp/trace.csv" ]; then
            awk -F, -v name="$name" -v bks="$bks" 'NR > 1 { print name "," bks "," $1 "," $3 }' \
                "$tmp/trace.csv" >>"$tmp/traces"
        fi
        echo "run.sh: $name seed $seed: cost $B_COST gap $B_GAP % cpu $B_CPU s ($B_VERDICT)" >&2
    done
done <"$suite_file"

# Markdown: the per-run table, then averages per seed and overall.
{
    echo "# Suite $suite at ${time_limit} s"
    echo
    echo "corto $("$corto" --version | head -1 | awk '{print $NF}'), \`corto solve --time-limit $time_limit --seed SEED\`,"
    echo "one thread, CPU seconds; seeds: $seeds. Run on $(date -u +%Y-%m-%d), $(nproc) cores."
    echo "Best-known values from the suite file (bench/suites/$suite.csv)."
    echo
    echo "Accepted by \`corto check\`: $accepted of $total."
    echo
    awk -F, 'NR > 1 && $5 != "-" { s[$7] += $5; c[$7] += $6; n[$7]++; S += $5; C += $6; N++ }
        END {
            print "| seed | runs | average gap % | average CPU s |"
            print "|---|---|---|---|"
            for (k in s) printf "| %s | %d | %.2f | %.2f |\n", k, n[k], s[k] / n[k], c[k] / n[k]
            if (N) printf "| all | %d | **%.2f** | %.2f |\n", N, S / N, C / N
        }' "$csv"
    echo
    echo "| instance | n | BKS | cost | gap % | CPU s | seed | check |"
    echo "|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $9 }' "$csv"
    echo
    echo "Gap over CPU time (seed $first_seed): ![gap over time]($(basename "$base").svg)"
} >"$base.md"

# SVG: gap % of the best solution so far against CPU seconds, one line per
# instance (first seed); gaps above 10 % are drawn at the top edge.
awk -F, -v tl="$time_limit" -v title="$suite, ${time_limit} s, seed $first_seed" '
    function px(t) { return 60 + 560 * t / tl }
    function py(g) { if (g > ymax) g = ymax; return 340 - 300 * g / ymax }
    BEGIN { ymax = 10; k = 0 }
    {
        if (!($1 in idx)) { idx[$1] = k; names[k++] = $1 }
        i = idx[$1]; m = cnt[i]++
        t[i, m] = $3; g[i, m] = 100 * ($4 - $2) / $2
    }
    END {
        split("#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f #bcbd22 #17becf", col, " ")
        h = 60 + 16 * k; if (h < 400) h = 400   # room for every legend line
        printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"820\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", h
        printf "<rect width=\"820\" height=\"%d\" fill=\"white\"/>\n", h
        printf "<text x=\"340\" y=\"20\" text-anchor=\"middle\" font-size=\"13\">gap to BKS over CPU time (%s)</text>\n", title
        printf "<line x1=\"60\" y1=\"340\" x2=\"620\" y2=\"340\" stroke=\"black\"/><line x1=\"60\" y1=\"40\" x2=\"60\" y2=\"340\" stroke=\"black\"/>\n"
        for (q = 0; q <= 5; q++) {
            y = py(q * ymax / 5); x = px(q * tl / 5)
            printf "<text x=\"54\" y=\"%.1f\" text-anchor=\"end\">%g%%</text>\n", y + 4, q * ymax / 5
            printf "<line x1=\"60\" y1=\"%.1f\" x2=\"620\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", y, y
            printf "<text x=\"%.1f\" y=\"356\" text-anchor=\"middle\">%g s</text>\n", x, q * tl / 5
        }
        for (i = 0; i < k; i++) {
            c = col[i % 10 + 1]; pts = ""
            for (m = 0; m < cnt[i]; m++) {
                if (m > 0) pts = pts sprintf(" %.1f,%.1f", px(t[i, m]), py(g[i, m - 1]))
                pts = pts sprintf(" %.1f,%.1f", px(t[i, m]), py(g[i, m]))
            }
            pts = pts sprintf(" %.1f,%.1f", px(tl), py(g[i, cnt[i] - 1]))
            printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n", c, pts
            printf "<text x=\"630\" y=\"%d\" fill=\"%s\">%s (%.2f%%)</text>\n", 50 + 16 * i, c, names[i], g[i, cnt[i] - 1]
        }
        printf "</svg>\n"
    }' "$tmp/traces" >"$base.svg"

echo "run.sh: $accepted of $total accepted; $base.{csv,md,svg}"
[ "$accepted" -eq "$total" ]
