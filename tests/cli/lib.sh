# shellcheck shell=bash disable=SC2034
# lib.sh — helpers shared by the end-to-end tests of the corto command.
# Sourced by each tests/cli/test_*.sh; ctest sets CORTO (the binary),
# CORTO_SOURCE_DIR and CORTO_TEST_TMP (a scratch folder for this test).
set -euo pipefail

: "${CORTO:?CORTO must name the corto binary}"
: "${CORTO_SOURCE_DIR:?CORTO_SOURCE_DIR must name the source tree}"
TMP=${CORTO_TEST_TMP:-$(mktemp -d)}
rm -rf "$TMP"
mkdir -p "$TMP"
DATA="$CORTO_SOURCE_DIR/tests/cli/data"
DEFAULT_INSTANCE="$CORTO_SOURCE_DIR/instances/default.vrp"
OUT="$TMP/stdout"
ERR="$TMP/stderr"
RC=0

fail() {
    echo "FAIL: $*" >&2
    if [ -s "$ERR" ]; then
        echo "--- stderr of the last run:" >&2
        head -20 "$ERR" >&2
    fi
    exit 1
}

skip() {
    echo "SKIP: $*"
    exit 77
}

# run ARGS...: run corto with no stdin; stdout in $OUT, stderr in $ERR,
# exit status in $RC.
run() {
    set +e
    "$CORTO" "$@" >"$OUT" 2>"$ERR" </dev/null
    RC=$?
    set -e
}

# n_lines FILE: number of lines, counting a last line without newline.
n_lines() {
    awk 'END { print NR }' "$1"
}

expect_rc() {
    [ "$RC" -eq "$1" ] || fail "corto ${LAST_ARGS:-}: exit $RC, expected $1"
}

# expect_error_line WHAT: exit 2, empty stdout, exactly one stderr line
# starting with "corto: " (and containing WHAT when given).
expect_error_line() {
    [ "$RC" -eq 2 ] || fail "exit $RC, expected 2"
    [ ! -s "$OUT" ] || fail "stdout not empty on error"
    [ "$(n_lines "$ERR")" -eq 1 ] ||
        fail "expected one stderr line, got $(n_lines "$ERR")"
    grep -q '^corto: ' "$ERR" || fail "stderr line lacks the 'corto: ' prefix"
    if [ -n "${1:-}" ]; then
        grep -qF -- "$1" "$ERR" || fail "stderr does not mention '$1'"
    fi
}

need_default_instance() {
    [ -r "$DEFAULT_INSTANCE" ] || skip "no $DEFAULT_INSTANCE yet"
}

# sol_cost FILE: the number on the "Cost" line of a CVRPLIB .sol file.
sol_cost() {
    awk '/^Cost/ { print $2; exit }' "$1"
}

# check_value KEY: value of "KEY: value" in the last run's stdout.
check_value() {
    awk -v k="$1" -F': ' '$1 == k { print $2; exit }' "$OUT"
}
