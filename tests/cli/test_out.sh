#!/usr/bin/env bash
# --out FILE: the solution goes to FILE, nothing to stdout, one summary line
# to stderr (none with --quiet); the file equals what stdout would carry.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

tsp="$DATA/tiny10.tsp"
common=(--iterations 100 --time-limit 0 --seed 5)

run solve "$tsp" "${common[@]}"
expect_rc 0
cp "$OUT" "$TMP/stdout.tour"

run solve "$tsp" "${common[@]}" --out "$TMP/file.tour"
expect_rc 0
[ ! -s "$OUT" ] || fail "stdout not empty with --out"
[ -s "$TMP/file.tour" ] || fail "--out file missing or empty"
cmp -s "$TMP/file.tour" "$TMP/stdout.tour" || fail "--out file != stdout"
[ "$(n_lines "$ERR")" -eq 1 ] || fail "expected one summary line"
grep -q 'cost' "$ERR" || fail "summary lacks the cost"

run solve "$tsp" "${common[@]}" --quiet --out="$TMP/quiet.tour"
expect_rc 0
if [ -s "$OUT" ] || [ -s "$ERR" ]; then
    fail "--quiet --out printed something"
fi
cmp -s "$TMP/quiet.tour" "$TMP/stdout.tour" || fail "--out= file differs"

run solve "$tsp" "${common[@]}" -q -o "$TMP/short.json" --format json
expect_rc 0
[ -s "$TMP/short.json" ] || fail "-o wrote nothing"
run check "$tsp" "$TMP/short.json"
expect_rc 0

# An --out path that cannot be written: exit 2, one line naming it.
run solve "$tsp" "${common[@]}" --out "$TMP/no/such/dir/x.tour"
expect_error_line "$TMP/no/such/dir/x.tour"
echo PASS
