# shellcheck shell=bash disable=SC2034,SC2154
# lib.sh — helpers shared by the benchmark scripts: look up best-known
# values, read an instance's size, and run one `corto solve` whose answer
# is verified by `corto check`. Sourced; the caller sets $corto and $tmp.

BENCH_EXTRA=()

# bench_bks FOLDER NAME: the bks column of FOLDER/bks.csv for NAME.
bench_bks() {
    awk -F, -v name="$2" 'NR > 1 && $1 == name { print $2; exit }' "$1/bks.csv"
}

# bench_dimension FILE: nodes of a (possibly gzipped) instance: its
# DIMENSION, or for a Solomon table the rows after the CUSTOMER header.
bench_dimension() {
    { zcat -f "$1" 2>/dev/null || true; } |
        awk -F: '/^[ \t]*DIMENSION/ { gsub(/[ \t\r]/, "", $2); print $2; done = 1; exit }
                 /^[ \t]*CUST/ { rows = 1; next }
                 rows && $0 ~ /[0-9]/ { n++ }
                 END { if (!done && n) print n }'
}

# bench_instance FILE SCRIPT: set base, name, n and bks for an instance
# file; when it is missing, say so in SCRIPT's name and return 1.
bench_instance() {
    [ -f "$1" ] || { echo "$2: no $1, skipped" >&2; return 1; }
    base=$(basename "$1")
    name=${base%%.*}
    n=$(bench_dimension "$1")
    bks=$(bench_bks "$(dirname "$1")" "$name")
}

# bench_gap COST BKS: gap in percent with two decimals.
bench_gap() {
    awk -v c="$1" -v b="$2" 'BEGIN { printf "%.2f", 100 * (c - b) / b }'
}

# bench_mean SUM N: SUM/N with two decimals, "-" when N is 0.
bench_mean() {
    awk -v s="$1" -v n="$2" 'BEGIN { if (n) printf "%.2f", s / n; else print "-" }'
}

# bench_run FILE LIMIT SEED [BKS [TRACE]]: solve FILE with a CPU time limit
# and a seed, check the answer, and set B_COST, B_CPU (the solve's CPU
# seconds from its summary line), B_GAP (when BKS is given) and B_VERDICT
# ("feasible", "REJECTED" or why there is no solution). B_ACCEPTED is 1
# when the checker accepted the solution. With TRACE, the best cost over
# time goes to that file (corto solve --trace). Further solve options can
# be given in the array BENCH_EXTRA.
bench_run() {
    local file=$1 limit=$2 seed=$3 bks=${4:-} trace=${5:-}
    local sol="$tmp/solution" status extra=("${BENCH_EXTRA[@]}")
    rm -f "$sol"
    [ -n "$trace" ] && extra+=(--trace "$trace")
    B_COST=-; B_CPU=-; B_GAP=-; B_ACCEPTED=0
    if "$corto" solve "$file" --time-limit "$limit" --seed "$seed" \
        "${extra[@]}" --out "$sol" 2>"$tmp/err"; then status=ok; else status="exit $?"; fi
    B_CPU=$(sed -n 's/.*, \([0-9.]*\) s CPU.*/\1/p' "$tmp/err" | tail -1)
    B_CPU=${B_CPU:--}
    if [ ! -s "$sol" ]; then
        B_VERDICT="no solution ($status: $(head -c 120 "$tmp/err"))"
        return
    fi
    if "$corto" check "$file" "$sol" >"$tmp/check" 2>&1; then
        B_VERDICT=feasible
        B_ACCEPTED=1
    else
        B_VERDICT=REJECTED
    fi
    B_COST=$(awk '/^cost/ { print $2; exit }' "$tmp/check")
    if [ -n "$bks" ] && [ -n "$B_COST" ]; then
        B_GAP=$(bench_gap "$B_COST" "$bks")
    fi
}

# bench_args NAME "$@": the options the single-table scripts share
# (--corto BIN, --shared DIR, --time-limit S, --results DIR) into $corto,
# $shared, $time_limit and $results; an unknown option, a missing binary
# or a missing instance folder ends the script with status 2.
bench_args() {
    local me=$1
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
        --corto) corto=$2; shift 2 ;;
        --shared) shared=$2; shift 2 ;;
        --time-limit) time_limit=$2; shift 2 ;;
        --results) results=$2; shift 2 ;;
        *) echo "$me: unknown argument '$1'" >&2; exit 2 ;;
        esac
    done
    [ -x "$corto" ] || { echo "$me: no corto binary at $corto" >&2; exit 2; }
    [ -d "$shared" ] || { echo "$me: no instances at $shared" >&2; exit 2; }
}
