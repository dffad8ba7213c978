#!/usr/bin/env bash
# `corto check` on broken solutions: a missing client and a wrong stated
# cost give exit 1 with the violation named; an unreadable solution gives
# exit 2 with one line naming it.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
need_default_instance

run solve --iterations 100 --time-limit 0 --seed 2 --quiet
expect_rc 0
cp "$OUT" "$TMP/good.sol"

# Drop the last client of the first route (the whole route when it has
# one client, renumbering the rest) and the Cost line, so a client is
# missing and nothing else is wrong.
awk '/^Cost/ { next }
     /^Route #/ {
         if (!done) {
             done = 1
             if (NF <= 3) next
             NF = NF - 1
         }
         $2 = "#" (++k) ":"
     }
     { print }' "$TMP/good.sol" >"$TMP/missing.sol"
clients() { awk '/^Route #/ { n += NF - 2 } END { print n + 0 }' "$1"; }
[ "$(clients "$TMP/missing.sol")" -eq $(($(clients "$TMP/good.sol") - 1)) ] ||
    fail "could not drop exactly one client"
run check "$DEFAULT_INSTANCE" "$TMP/missing.sol"
expect_rc 1
[ "$(check_value feasible)" = no ] || fail "missing client: not 'feasible: no'"
grep -q '^violations:.*missing 1' "$OUT" || fail "no 'missing 1' violation"
grep -q '^first violation: ' "$OUT" || fail "no first violation"
[ ! -s "$ERR" ] || fail "check wrote to stderr"

# A stated cost one above the real one.
awk '/^Cost/ { print "Cost " $2 + 1; next } { print }' "$TMP/good.sol" \
    >"$TMP/cost.sol"
run check "$DEFAULT_INSTANCE" "$TMP/cost.sol"
expect_rc 1
grep -q '^violations:.*cost 1' "$OUT" || fail "no 'cost 1' violation"
[ "$(check_value 'claimed cost')" = "$(($(sol_cost "$TMP/good.sol") + 1))" ] ||
    fail "claimed cost not reported"

# The good one passes.
run check "$DEFAULT_INSTANCE" "$TMP/good.sol"
expect_rc 0
[ "$(check_value feasible)" = yes ] || fail "good solution not feasible"

# Garbage as a solution: unreadable input.
printf 'this is not a solution\n' >"$TMP/garbage.sol"
run check "$DEFAULT_INSTANCE" "$TMP/garbage.sol"
expect_error_line "$TMP/garbage.sol"
run check "$DEFAULT_INSTANCE" "$TMP/absent.sol"
expect_error_line "$TMP/absent.sol"
echo PASS
