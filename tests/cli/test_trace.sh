#!/usr/bin/env bash
# --trace FILE: a CSV of the best cost over CPU time, with a header, costs
# that never rise, and a last cost equal to the solution's; a path that
# cannot be written is refused with one line naming it.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

need_default_instance
run solve --iterations 50 --time-limit 0 --quiet --trace "$TMP/trace.csv"
expect_rc 0
[ "$(head -1 "$TMP/trace.csv")" = "cpu_s,iteration,best_cost" ] ||
    fail "trace header missing"
[ "$(n_lines "$TMP/trace.csv")" -ge 2 ] || fail "trace has no data line"
awk -F, 'NR > 2 && $3 > prev { exit 1 } { prev = $3 }' \
    "$TMP/trace.csv" || fail "trace cost rises"
last=$(tail -1 "$TMP/trace.csv" | cut -d, -f3)
cost=$(awk '/^Cost/ { print $2 }' "$OUT")
[ "$last" = "$cost" ] || fail "last traced cost $last != solution cost $cost"

run solve --iterations 5 --time-limit 0 --trace "$TMP/no/such/dir/t.csv"
expect_error_line "$TMP/no/such/dir/t.csv"
echo PASS
