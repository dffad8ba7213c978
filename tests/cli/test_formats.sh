#!/usr/bin/env bash
# --format sol|tour|json, and the default format following the problem:
# .sol for VRPs, .tour for TSPs. Every written file reads back through
# `corto check` with the same cost.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

tsp="$DATA/tiny10.tsp"
common=(--iterations 100 --time-limit 0 --seed 3 --quiet)

# A valid JSON document: checked with python3 or jq when one is present.
json_ok() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -m json.tool "$1" >/dev/null
    elif command -v jq >/dev/null 2>&1; then
        jq . "$1" >/dev/null
    else
        grep -q '^[[:space:]]*{' "$1"
    fi
}

# round_trip INSTANCE FILE: check accepts FILE with feasible: yes and
# returns its cost in $CHECKED_COST.
round_trip() {
    run check "$1" "$2"
    expect_rc 0
    [ "$(check_value feasible)" = yes ] || fail "$2 not feasible"
    CHECKED_COST=$(check_value cost)
}

# TSP: default is a TSPLIB tour.
run solve "$tsp" "${common[@]}"
expect_rc 0
cp "$OUT" "$TMP/tiny.tour"
grep -q '^TOUR_SECTION' "$TMP/tiny.tour" || fail "TSP default is not a tour"
grep -qx '[[:space:]]*-1[[:space:]]*' "$TMP/tiny.tour" ||
    fail "tour does not end with -1"
round_trip "$tsp" "$TMP/tiny.tour"
tsp_cost=$CHECKED_COST

run solve "$tsp" "${common[@]}" --format tour
expect_rc 0
cmp -s "$OUT" "$TMP/tiny.tour" || fail "--format tour differs from default"

run solve "$tsp" "${common[@]}" --format json
expect_rc 0
cp "$OUT" "$TMP/tiny.json"
json_ok "$TMP/tiny.json" || fail "TSP --format json is not JSON"
round_trip "$tsp" "$TMP/tiny.json"
[ "$CHECKED_COST" = "$tsp_cost" ] || fail "json cost differs from tour cost"

run solve "$tsp" "${common[@]}" --format sol
expect_rc 0
cp "$OUT" "$TMP/tiny.sol"
grep -q '^Route #1:' "$TMP/tiny.sol" || fail "TSP --format sol has no route"
round_trip "$tsp" "$TMP/tiny.sol"
[ "$CHECKED_COST" = "$tsp_cost" ] || fail "sol cost differs from tour cost"

# VRP: default is a CVRPLIB .sol; json round-trips too.
need_default_instance
run solve "${common[@]}"
expect_rc 0
cp "$OUT" "$TMP/vrp.sol"
grep -q '^Route #1:' "$TMP/vrp.sol" || fail "VRP default is not a .sol"
round_trip "$DEFAULT_INSTANCE" "$TMP/vrp.sol"
vrp_cost=$CHECKED_COST

run solve "${common[@]}" --format sol
cmp -s "$OUT" "$TMP/vrp.sol" || fail "--format sol differs from default"

run solve "${common[@]}" --format json
expect_rc 0
cp "$OUT" "$TMP/vrp.json"
json_ok "$TMP/vrp.json" || fail "VRP --format json is not JSON"
round_trip "$DEFAULT_INSTANCE" "$TMP/vrp.json"
[ "$CHECKED_COST" = "$vrp_cost" ] || fail "json cost differs from sol cost"

# A .tour holds one tour: refused for a VRP before solving.
run solve "${common[@]}" --format tour
expect_error_line "--format tour"
echo PASS
