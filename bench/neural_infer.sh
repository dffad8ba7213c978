#!/usr/bin/env bash
# neural_infer.sh — CPU time of the neural greedy construction for n = 100
# measured inside one process (bench/nn_infer.c): generated uniform CVRP100
# instances (`corto train --generate`, Kool et al.'s distribution), each
# constructed REPEATS times through corto_solve with a model loaded from
# the shipped weight file, then REPEATS times with the compiled-in model
# (decoded at its first use). The per-instance medians and their mean are
# tabulated; the first decode of the compiled-in model is in the mean of
# its first instance only. With --baseline DIR, the nn_infer of another
# build (e.g. the parent commit's) also runs each instance with the same
# weight file, right after the current one, so a change is compared on
# an equally loaded machine. Writes a Markdown table and a CSV.
#
# usage: bench/neural_infer.sh [--build DIR] [--baseline DIR] [--instances N]
#            [--repeats N] [--seed N] [--out FILE.md]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build"
baseline=
instances=10
repeats=100
seed=7
out="$here/bench/results/neural_infer.md"
while [ $# -gt 0 ]; do
    case "$1" in
    --build) build=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "neural_infer.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
infer="$build/bench/nn_infer"
[ -x "$infer" ] || { echo "neural_infer.sh: no $infer (build the tests' targets)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/corto" train --generate "$tmp" --instances "$instances" \
    --min-size 100 --max-size 100 --clustered 0 --seed "$seed" -q
csv="${out%.md}.csv"
if [ -n "$baseline" ]; then
    [ -x "$baseline/bench/nn_infer" ] || { echo "neural_infer.sh: no $baseline/bench/nn_infer" >&2; exit 2; }
fi
echo "instance,loaded_median_ms,loaded_mean_ms,builtin_median_ms,builtin_mean_ms,cost,baseline_median_ms,baseline_mean_ms,baseline_cost" >"$csv"
for file in "$tmp"/*.vrp; do
    "$infer" "$file" "$here/neural/models/default.cnn" "$repeats" >"$tmp/r"
    v() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/r"; }
    [ "$(v cost_loaded)" = "$(v cost_builtin)" ] || { echo "$file: costs differ" >&2; exit 1; }
    row="$(basename "$file" .vrp),$(v loaded_median_ms),$(v loaded_mean_ms),$(v builtin_median_ms),$(v builtin_mean_ms),$(v cost_loaded)"
    if [ -n "$baseline" ]; then
        "$baseline/bench/nn_infer" "$file" "$here/neural/models/default.cnn" "$repeats" >"$tmp/r"
        row="$row,$(v loaded_median_ms),$(v loaded_mean_ms),$(v cost_loaded)"
    else
        row="$row,-,-,-"
    fi
    echo "$row" >>"$csv"
done
{
    echo "# Neural greedy construction CPU time, n = 100"
    echo
    echo "$instances generated uniform CVRP100 instances (\`corto train --generate\`,"
    echo "seed $seed), each constructed $repeats times in one process by"
    echo "\`bench/nn_infer\` through \`corto_solve\` (\`--init neural --construct-only\`,"
    echo "greedy): corto_solve's set-up, features, encoder, decoder and building the"
    echo "solution; CPU"
    echo "milliseconds from CLOCK_PROCESS_CPUTIME_ID. \"loaded\": a model read once"
    echo "with corto_neural_model_load from neural/models/default.cnn; \"built-in\":"
    echo "the compiled-in copy of the same file, decoded at its first use and shared"
    echo "after. Produced by \`bench/neural_infer.sh\` on $(date -u +%Y-%m-%d); every"
    echo "instance in \`$(basename "$csv")\`."
    if [ -n "$baseline" ]; then
        echo "Baseline: \`bench/nn_infer\` built from commit"
        echo "$(git -C "$baseline/.." rev-parse --short HEAD 2>/dev/null || echo unknown), run on each instance right after the current one"
        echo "with the same weight file."
    fi
    echo
    echo "| model | mean of the medians ms | slowest median ms | mean of the means ms |"
    echo "|---|---|---|---|"
    awk -F, 'NR > 1 { n++; lm += $2; la += $3; bm += $4; ba += $5
            if ($2 > lx) lx = $2; if ($4 > bx) bx = $4
            if ($7 != "-") { m++; qm += $7; qa += $8; same += $9 == $6
                if ($7 > qx) qx = $7 } }
        END { printf "| loaded | %.2f | %.2f | %.2f |\n", lm / n, lx, la / n
              printf "| built-in | %.2f | %.2f | %.2f |\n", bm / n, bx, ba / n
              if (m) printf "| baseline build, loaded (same cost on %d of %d) | %.2f | %.2f | %.2f |\n",
                  same, m, qm / m, qx, qa / m }' "$csv"
} >"$out"
echo "neural_infer.sh: wrote $out and $csv" >&2
