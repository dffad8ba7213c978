#!/usr/bin/env bash
# qubo.sh — the QUBO benchmark: Beasley bqp50 / bqp250, Gset G1-G10 (those
# in the shared tree), QAPLIB instances with n <= 100 (the one-hot QUBO
# limit), mknapcb1 (slack and Lagrangian penalties), mknap2 (Lagrangian; only
# with --sets mknap2), BHOSLIB frb30 and (only with --sets misall) every
# MIS instance in the shared tree, each
# solved once with `corto qubo` at a CPU time limit and seed, against the
# bks.csv values. Writes a Markdown table and a CSV.
#
# QAP uses tabu, which for an unshrunk one-hot QUBO moves by swaps that
# keep the permutation (heuristics/qubo_swap.c).
#
# usage: bench/qubo.sh [--corto BIN] [--shared DIR] [--seed N]
#                      [--scale F] [--sets "bqp gset qap mdkp mis"]
#                      [--polish] [--mis-search M] [--out FILE.md]
# --scale multiplies every time limit (default 1: bqp 1 s, Gset 10 s,
# QAP 10 s, mknapcb1 2 s, mknap2 1 s, frb30 5 s); --sets picks the sets to run;
# --polish improves QAP answers by pairwise swaps after repair;
# --mis-search picks the graph local search after the MIS QUBO search
# (numvc, corto's default, ils or none; the solver column shows it).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corto="$here/build/corto"
shared="$here/../shared/instances"
seed=1
scale=1
sets="bqp gset qap mdkp mis"
polish=()
mis_search=numvc
out="$here/bench/results/qubo.md"
while [ $# -gt 0 ]; do
    case "$1" in
    --corto) corto=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --polish) polish=(--polish); shift ;;
    --mis-search) mis_search=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "qubo.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$corto" ] || { echo "qubo.sh: no corto binary at $corto" >&2; exit 2; }
[ -d "$shared" ] || { echo "qubo.sh: no instances at $shared" >&2; exit 2; }
csv=${out%.md}.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/qubo_lib.sh
. "$here/bench/qubo_lib.sh"

t() { awk -v a="$1" -v s="$scale" 'BEGIN { print a * s }'; }
# want SET: 1 when SET is among --sets.
want() { case " $sets " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
qap_label=tabu
[ ${#polish[@]} -gt 0 ] && qap_label=tabu+polish

echo "set,instance,problem,solver,penalty,time_limit,seed,qubo_vars,bks,objective,gap_pct,cpu_s,feasible" >"$csv"
# row SET NAME PROBLEM SOLVER PENALTY LIMIT BKS SENSE
row() {
    local gap
    gap=$(qubo_gap "$Q_OBJ" "$7" "$8")
    echo "$1,$2,$3,$4,$5,$6,$seed,$Q_VARS,$7,$Q_OBJ,$gap,$Q_CPU,$Q_FEAS" >>"$csv"
    echo "qubo.sh: $2 $4 $5: $Q_OBJ (bks $7, gap $gap%) $Q_FEAS" >&2
}

for set in bqp50 bqp250 bqp100; do
    want bqp || break
    file="$shared/maxcut/$set.txt"
    [ -f "$file" ] || continue
    for k in $(seq 1 10); do
        bks=$(qubo_bks "$shared/maxcut" "$set.txt#$k")
        qubo_run "$file" --problem bqp --index "$k" --solver tabu \
            --time-limit "$(t 1)" --seed "$seed"
        row "$set" "$set#$k" bqp tabu - "$(t 1)" "$bks" max
    done
done
for k in 1 2 3 4 5 6 7 8 9 10; do
    file="$shared/maxcut/G$k.txt"
    want gset && [ -f "$file" ] || continue
    qubo_run "$file" --problem maxcut --solver sa --time-limit "$(t 10)" --seed "$seed"
    row gset "G$k" maxcut sa - "$(t 10)" "$(qubo_bks "$shared/maxcut" "G$k.txt")" max
done
for file in "$shared"/qap/*.dat; do
    name=$(basename "$file" .dat)
    n=$(awk 'NF { print $1; exit }' "$file")
    want qap && [ "$n" -le 100 ] || continue
    qubo_run "$file" --problem qap --solver tabu --time-limit "$(t 10)" \
        --seed "$seed" "${polish[@]}"
    row qaplib "$name" qap "$qap_label" - "$(t 10)" "$(qubo_bks "$shared/qap" "$name")" min
done
for pen in lagrange slack; do
    want mdkp || break
    for k in $(seq 1 30); do
        qubo_run "$shared/mdkp/mknapcb1.txt" --problem mdkp --index "$k" \
            --penalty "$pen" --solver tabu --time-limit "$(t 2)" --seed "$seed"
        row mknapcb1 "mknapcb1#$k" mdkp tabu "$pen" "$(t 2)" \
            "$(qubo_bks "$shared/mdkp" "mknapcb1.txt#$k")" max
    done
done
for k in $(seq 1 48); do
    want mknap2 && [ -f "$shared/mdkp/mknap2.txt" ] || break
    qubo_run "$shared/mdkp/mknap2.txt" --problem mdkp --index "$k" \
        --penalty lagrange --solver tabu --time-limit "$(t 1)" --seed "$seed"
    row mknap2 "mknap2#$k" mdkp tabu lagrange "$(t 1)" \
        "$(qubo_bks "$shared/mdkp" "mknap2.txt#$k")" max
done
# mis_set SET LIMIT FILES...: MIS runs, tabu then the graph local search.
mis_set() {
    local set=$1 limit=$2 file name
    shift 2
    for file in "$@"; do
        [ -f "$file" ] || continue
        name=$(basename "$file")
        qubo_run "$file" --problem mis --solver tabu --mis-search "$mis_search" \
            --time-limit "$(t "$limit")" --seed "$seed"
        row "$set" "${name%.*}" mis "tabu+$mis_search" - "$(t "$limit")" \
            "$(qubo_bks "$shared/mis" "$name")" max
    done
}
if want mis; then mis_set frb30 5 "$shared"/mis/frb30-*.mis; fi
if want misall; then mis_set misall 5 "$shared"/mis/*.clq "$shared"/mis/*.mis; fi

# The Markdown table: per set the mean gap, optima reached, feasibility.
{
    echo "# QUBO benchmark"
    echo
    echo "Generated by \`bench/qubo.sh --seed $seed --scale $scale --sets \"$sets\" ${polish[*]}\` on $(date -u +%Y-%m-%d)."
    echo "One run per instance, seed $seed, one thread; time limits are CPU seconds"
    echo "(each set's limit is in the table; the issue's targets are bqp 1 s, Gset 60 s"
    echo "and QAP 30 s). Objective and feasibility are"
    echo "recomputed by corto in the original problem from the final, repaired answer."
    echo "Gap = (bks - objective) / bks for maximisation, (objective - bks) / bks for QAP."
    echo "QAP: tabu on the one-hot QUBO (n^2 variables) moving by location swaps that keep"
    echo "the permutation; MDKP: tabu on the slack or Lagrangian QUBO; MIS: tabu on the"
    echo "QUBO for 10% of the time, then the graph local search named after the '+'"
    echo "(numvc, ils: \`--mis-search\`) for the rest, or tabu alone (none); others as"
    echo "listed."
    echo
    echo "| set | solver | penalty | limit s | instances | mean gap % | max gap % | at bks | feasible |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { k = $1 "|" $4 "|" $5 "|" $6; n[k]++; if ($11 != "-") { s[k] += $11; if ($11 > m[k]) m[k] = $11; if ($11 <= 0) z[k]++ } if ($13 == "feasible") f[k]++; if (!(k in o)) { o[k] = ++c; key[c] = k } }
        END { for (i = 1; i <= c; i++) { k = key[i]; split(k, p, "|")
            printf "| %s | %s | %s | %s | %d | %.2f | %.2f | %d | %d |\n", p[1], p[2], p[3], p[4], n[k], s[k] / n[k], m[k], z[k], f[k] } }' "$csv"
    echo
    echo "## Every run"
    echo
    echo "| instance | problem | solver | penalty | limit s | QUBO vars | bks | objective | gap % | CPU s | feasible |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $8, $9, $10, $11, $12, $13 }' "$csv"
} >"$out"
echo "qubo.sh: wrote $out and $csv" >&2
