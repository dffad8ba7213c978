# shellcheck shell=bash disable=SC2034
# qubo_lib.sh — helpers of the QUBO benchmark scripts: run one
# `corto qubo` and read its summary line. Sourced; the caller sets $corto
# and $tmp. Feasibility and objective come from corto's own recomputation
# in the original problem (not from the QUBO energy).

# qubo_bks FOLDER NAME: the bks column of FOLDER/bks.csv for NAME.
qubo_bks() {
    awk -F, -v name="$2" 'NR > 1 && $1 == name { print $2; exit }' "$1/bks.csv"
}

# qubo_gap OBJ BKS SENSE: gap in percent (positive = worse than BKS),
# SENSE max or min.
qubo_gap() {
    awk -v o="$1" -v b="$2" -v s="$3" 'BEGIN {
        if (o == "-" || b == "") { print "-"; exit }
        g = (s == "max") ? (b - o) / b : (o - b) / b
        printf "%.2f", 100 * g }'
}

# qubo_run FILE ARGS...: run corto qubo FILE ARGS; sets Q_OBJ, Q_FEAS
# (feasible / INFEASIBLE / error text), Q_REPAIRED (1 when the solver's
# answer needed repair), Q_SOLVED, Q_VARS and Q_CPU.
qubo_run() {
    local file=$1
    shift
    Q_OBJ=-; Q_FEAS=-; Q_SOLVED=-; Q_VARS=-; Q_CPU=-; Q_REPAIRED=-
    if ! "$corto" qubo "$file" "$@" --out "$tmp/answer" 2>"$tmp/err"; then
        Q_FEAS="error: $(head -c 100 "$tmp/err")"
        return
    fi
    read -r Q_OBJ Q_FEAS Q_SOLVED Q_VARS Q_CPU < <(sed -n \
        's/^corto qubo: objective \([^,]*\), \([A-Za-z]*\)[a-z ]*, \([0-9]*\) of \([0-9]*\) QUBO variables solved.*, \([0-9.]*\) s$/\1 \2 \3 \4 \5/p' \
        "$tmp/err")
    Q_REPAIRED=0
    if grep -q 'after repair' "$tmp/err"; then Q_REPAIRED=1; fi
}
