#!/usr/bin/env bash
# --lower-bound: the summary line gives the LP bound and the gap next to
# the cost; the bound is no higher than the cost or the published optimum
# (A-n32-k5: 784); without the option the summary has no bound.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

inst="$CORTO_SOURCE_DIR/instances/A-n32-k5.vrp"
run solve "$inst" --lower-bound --time-limit 1 --iterations 200
expect_rc 0
line=$(grep "^corto: A-n32-k5: cost" "$ERR") || fail "no summary line"
bound=$(sed -n 's/.*, bound \([0-9]*\), gap [0-9.]*%.*/\1/p' <<<"$line")
[ -n "$bound" ] || fail "no bound and gap in: $line"
cost=$(sed -n 's/.*: cost \([0-9]*\),.*/\1/p' <<<"$line")
[ "$bound" -le "$cost" ] || fail "bound $bound above cost $cost"
[ "$bound" -le 784 ] || fail "bound $bound above the optimum 784"

run solve "$inst" --time-limit 1 --iterations 200
expect_rc 0
grep -q ", bound " "$ERR" && fail "bound reported without --lower-bound"
echo PASS
