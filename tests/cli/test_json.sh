#!/usr/bin/env bash
# JSON problems (VROOM's input format): `corto solve problem.json` writes the
# VROOM-like JSON solution by default, --format json --out FILE too, and
# `corto check problem.json solution.json` accepts it with the same cost.
# A malformed problem is one error line naming the JSON path.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

JSON="$CORTO_SOURCE_DIR/tests/data/json"
hand="$JSON/hand.json"
common=(--iterations 200 --time-limit 0 --seed 2 --quiet)

run solve "$hand" "${common[@]}"
expect_rc 0
cp "$OUT" "$TMP/default.json"
grep -q '"summary"' "$TMP/default.json" || fail "default output is not JSON"
grep -q '"steps"' "$TMP/default.json" || fail "JSON output has no steps"
if command -v python3 >/dev/null 2>&1; then
    python3 -m json.tool "$TMP/default.json" >/dev/null ||
        fail "default output is not valid JSON"
fi

run check "$hand" "$TMP/default.json"
expect_rc 0
[ "$(check_value feasible)" = yes ] || fail "solution not feasible"
# The hand-computed optimum (see tests/test_vroom.c).
[ "$(check_value cost)" = 310400 ] || fail "cost $(check_value cost)"

run solve "$hand" "${common[@]}" --format json --out "$TMP/out.json"
expect_rc 0
[ ! -s "$OUT" ] || fail "stdout not empty with --out"
cmp -s "$TMP/out.json" "$TMP/default.json" || fail "--out differs from stdout"

# Malformed problems: exit 2, one line naming the JSON path.
run solve "$JSON/bad_unknown_key.json" "${common[@]}"
expect_error_line 'jobs[1]: unknown key "servcie"'
run solve "$JSON/bad_window.json" "${common[@]}"
expect_error_line 'jobs[0].time_windows[0]'
run solve "$JSON/bad_no_matrices.json" "${common[@]}"
expect_error_line 'no routing engine'
echo PASS
