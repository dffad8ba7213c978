#!/usr/bin/env bash
# Same instance + seed + iteration limit (no time limit) twice gives
# byte-identical output, for the TSP and the default VRP.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

same_twice() {
    run "$@"
    expect_rc 0
    cp "$OUT" "$TMP/first"
    run "$@"
    expect_rc 0
    cmp -s "$OUT" "$TMP/first" || fail "two runs of corto $* differ"
    [ -s "$OUT" ] || fail "corto $* printed no solution"
}

same_twice solve "$DATA/tiny10.tsp" --seed 11 --iterations 300 \
    --time-limit 0 --quiet
need_default_instance
same_twice solve --seed 11 --iterations 300 --time-limit 0 --quiet
same_twice solve --seed 12345678901 --iterations 100 --time-limit=0 \
    --quiet --format json
echo PASS
