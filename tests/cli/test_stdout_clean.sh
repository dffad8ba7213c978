#!/usr/bin/env bash
# stdout carries nothing but the solution: with -v the log goes to stderr
# and stdout is byte-identical to the file --out writes.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

tsp="$DATA/tiny10.tsp"
common=(--iterations 100 --time-limit 0 --seed 9)

run solve "$tsp" "${common[@]}" --quiet --out "$TMP/ref.tour"
expect_rc 0

for v in "-v" "-vv" "--verbose 2" "--verbose"; do
    # shellcheck disable=SC2086 # $v is one or two words on purpose
    run solve "$tsp" "${common[@]}" $v
    expect_rc 0
    cmp -s "$OUT" "$TMP/ref.tour" || fail "stdout with $v is not the solution"
    # Log lines and the summary, all on stderr and all prefixed.
    [ "$(n_lines "$ERR")" -ge 2 ] || fail "$v: no log line on stderr"
    if grep -qv '^corto: ' "$ERR"; then
        fail "$v: stderr line without the 'corto: ' prefix"
    fi
done

run solve "$tsp" "${common[@]}"
expect_rc 0
cmp -s "$OUT" "$TMP/ref.tour" || fail "stdout is not the solution"
[ "$(n_lines "$ERR")" -eq 1 ] || fail "without -v stderr should be one line"
# stderr is not a terminal here: no progress line redrawn with \r.
if grep -q $'\r' "$ERR"; then
    fail "progress line written although stderr is not a terminal"
fi
echo PASS
