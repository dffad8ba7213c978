#!/usr/bin/env bash
# `corto solve` with no FILE solves the bundled default instance and prints
# a CVRPLIB .sol that `corto check` accepts, with the checker's cost; the
# summary goes to stderr as one line.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
need_default_instance

run solve --iterations 200 --time-limit 0 --seed 7
expect_rc 0
cp "$OUT" "$TMP/default.sol"
grep -q '^Route #1:' "$TMP/default.sol" || fail "no 'Route #1:' line"
cost=$(sol_cost "$TMP/default.sol")
[ -n "$cost" ] || fail "no Cost line in the solution"

# One summary line on stderr (stderr is not a terminal: no progress line).
[ "$(n_lines "$ERR")" -eq 1 ] || fail "expected one summary line on stderr"
grep -q "cost $cost" "$ERR" || fail "summary lacks 'cost $cost'"
grep -q ' feasible\| optimal' "$ERR" || fail "summary lacks feasibility"
grep -q 'seed 7' "$ERR" || fail "summary lacks the seed"
grep -q 's CPU' "$ERR" || fail "summary lacks the CPU time"
grep -q 'route' "$ERR" || fail "summary lacks the route count"

run check "$DEFAULT_INSTANCE" "$TMP/default.sol"
expect_rc 0
[ "$(check_value feasible)" = yes ] || fail "checker: not feasible"
[ "$(check_value cost)" = "$cost" ] ||
    fail "checker cost $(check_value cost) != stated Cost $cost"
routes=$(grep -c '^Route #' "$TMP/default.sol")
[ "$(check_value routes)" = "$routes" ] ||
    fail "checker counts $(check_value routes) routes, file has $routes"

# The same instance named explicitly gives the same answer.
run solve "$DEFAULT_INSTANCE" --iterations 200 --time-limit 0 --seed 7
expect_rc 0
cmp -s "$OUT" "$TMP/default.sol" || fail "explicit FILE differs from default"

# --quiet: nothing on stderr at all.
run solve --iterations 50 --time-limit 0 --quiet
expect_rc 0
[ ! -s "$ERR" ] || fail "--quiet still wrote to stderr"
[ -s "$OUT" ] || fail "--quiet wrote no solution"

# --construct-only as a bare flag is accepted and still feasible.
run solve --construct-only --quiet
expect_rc 0
cp "$OUT" "$TMP/construct.sol"
run check "$DEFAULT_INSTANCE" "$TMP/construct.sol"
expect_rc 0
echo PASS
