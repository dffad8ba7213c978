#!/usr/bin/env bash
# nn_models.sh — construction gaps of neural weight files side by side,
# to compare training runs without rerunning the ALNS references: neural
# greedy, best of 64 samples (seed 1) and best of 64 greedy starts
# (--starts 64) on the uniform CVRP100 instances
# of bench/neural_construct.sh (`corto train --generate`, seed 2026), as
# gaps to the 2 s ALNS references recorded in its committed CSV, and on
# CVRPLIB X instances as gaps to bks. The built-in model is always a
# column. With --road GRAPH, also on CVRP100s drawn on that road graph
# (`corto train --generate --road GRAPH --road-share 1`, seed 2027), as
# gaps to the savings construction (no references exist for them). Every
# solution is verified by `corto check`. Writes a Markdown table and a
# CSV of every run.
#
# usage: bench/nn_models.sh [--corto BIN] [--instances N] [--x "X-n101-k25 ..."]
#            [--road GRAPH] [--road-instances N] [--out FILE.md] MODEL...
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
instances=50
xdir="$here/../shared/instances/cvrp/X"
xlist="X-n101-k25 X-n148-k46 X-n190-k8 X-n233-k16 X-n280-k17 X-n336-k84 X-n384-k52 X-n429-k61 X-n459-k26 X-n480-k70"
refs="$here/bench/results/neural_construct.csv"
out="$here/bench/results/nn_models.md"
models=()
road=
road_instances=30

while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --x) xlist=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --road) road=$2; shift 2 ;;
    --road-instances) road_instances=$2; shift 2 ;;
    -*) echo "nn_models.sh: unknown argument '$1'" >&2; exit 2 ;;
    *) models+=("$1"); shift ;;
    esac
done
[ -x "$corto" ] || { echo "nn_models.sh: no corto binary at $corto" >&2; exit 2; }
[ -r "$refs" ] || { echo "nn_models.sh: no references in $refs" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gen"
"$corto" train --generate "$tmp/gen" --instances "$instances" \
    --min-size 100 --max-size 100 --clustered 0 --seed 2026
# shellcheck source=bench/neural_lib.sh
. "$here/bench/neural_lib.sh"

csv="${out%.md}.csv"
echo "set,instance,model,method,cost,reference,gap,cpu_ms" >"$csv"
# one_model SET FILE REF LABEL ARGS...: greedy, best of 64 samples and
# best of 64 starts of a model.
one_model() {
    local set=$1 file=$2 ref=$3 label=$4 name
    shift 4
    name=$(basename "$file" .vrp)
    run_one "$file" --init neural "$@" --construct-only --seed 1
    echo "$set,$name,$label,greedy,$R_COST,$ref,$(gap "$R_COST" "$ref"),$R_MS" >>"$csv"
    run_one "$file" --init neural --samples 64 "$@" --construct-only --seed 1
    echo "$set,$name,$label,best64,$R_COST,$ref,$(gap "$R_COST" "$ref"),$R_MS" >>"$csv"
    run_one "$file" --init neural --starts 64 "$@" --construct-only --seed 1
    echo "$set,$name,$label,starts64,$R_COST,$ref,$(gap "$R_COST" "$ref"),$R_MS" >>"$csv"
}
each_model() {
    one_model "$1" "$2" "$3" built-in
    for m in "${models[@]}"; do one_model "$1" "$2" "$3" "$(basename "$m")" --model "$m"; done
}
for file in "$tmp"/gen/*.vrp; do
    name=$(basename "$file" .vrp)
    ref=$(awk -F, -v i="$name" '$1 == i && $2 == "savings" { print $5; exit }' "$refs")
    [ -n "$ref" ] || { echo "$name: no reference in $refs, skipped" >&2; continue; }
    each_model uniform "$file" "$ref"
done
for name in $xlist; do
    file="$xdir/$name.vrp"
    bks=$(awk -F, -v i="$name" '$1 == i { print $2 }' "$xdir/bks.csv" 2>/dev/null)
    if [ ! -r "$file" ] || [ -z "$bks" ]; then
        echo "$name: no file or bks, skipped" >&2
        continue
    fi
    each_model X "$file" "$bks"
done
if [ -n "$road" ]; then
    mkdir -p "$tmp/road"
    "$corto" train --generate "$tmp/road" --road "$road" --road-share 1 \
        --instances "$road_instances" --min-size 100 --max-size 100 --seed 2027
    for file in "$tmp"/road/*.vrp; do
        run_one "$file" --init savings --construct-only --seed 1
        [ "$R_COST" != - ] || { echo "$file: savings failed, skipped" >&2; continue; }
        each_model road "$file" "$R_COST"
    done
fi

# mean SET MODEL METHOD COLUMN: mean of a CSV column over solved runs.
mean() {
    awk -F, -v s="$1" -v m="$2" -v k="$3" -v c="$4" \
        '$1 == s && $3 == m && $4 == k && $c != "-" { t += $c; n++ }
         END { if (n) printf "%.2f", t / n; else print "-" }' "$csv"
}
{
    echo "# Neural weight files compared: construction gaps"
    echo
    echo "uniform: $instances CVRP100 instances of \`bench/neural_construct.sh\`"
    echo "(\`corto train --generate\`, seed 2026), gaps to the ALNS 2 s references"
    echo "recorded in bench/results/neural_construct.csv. X: CVRPLIB X instances"
    echo "($xlist), gaps to bks. Seed 1; every solution verified by"
    echo "\`corto check\`. Best of 64: 64 sampled constructions and the greedy"
    echo "one (\`--samples 64\`); 64 starts: greedy constructions from the 64"
    echo "first clients the model rates most likely (\`--starts 64\`)."
    echo "Produced by \`bench/nn_models.sh\`; every run in"
    echo "\`$(basename "$csv")\`."
    echo
    if [ -n "$road" ]; then
        echo "road: $road_instances CVRP100s on $(basename "$road") (seed 2027), gaps"
        echo "to the savings construction of each."
        echo
    fi
    echo "| model | uniform greedy | uniform best of 64 | uniform 64 starts | X greedy | X best of 64 | X 64 starts |${road:+ road greedy | road best of 64 |} uniform greedy CPU ms |"
    echo "|---|---|---|---|---|---|---|${road:+---|---|}---|"
    for m in built-in "${models[@]}"; do
        l=$(basename "$m")
        r=
        [ -z "$road" ] || r=" $(mean road "$l" greedy 7)% | $(mean road "$l" best64 7)% |"
        echo "| $l | $(mean uniform "$l" greedy 7)% | $(mean uniform "$l" best64 7)% |" \
            "$(mean uniform "$l" starts64 7)% | $(mean X "$l" greedy 7)% |" \
            "$(mean X "$l" best64 7)% | $(mean X "$l" starts64 7)% |$r $(mean uniform "$l" greedy 8) |"
    done
} >"$out"
cat "$out"
