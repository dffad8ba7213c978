#!/usr/bin/env bash
# corto matrix: text, JSON and TSPLIB matrices on hand-made graphs
# (entries equal to `corto path`, unreachable pairs written as such with
# exit 1, fastest routes with distances along them), the bundled town
# pipeline graph + addresses -> matrix -> corto solve -> corto check,
# and malformed points, demands and second-weight files as one
# "FILE:LINE" error line with exit 2.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

G="$CORTO_SOURCE_DIR/tests/data/graph"
T="$CORTO_SOURCE_DIR/instances/road"

# Text: n lines of n entries; the isolated node 7 is unreachable.
run matrix "$G/small.gr" --points "$G/points_ids.txt" --quiet
expect_rc 1
[ "$(n_lines "$OUT")" -eq 4 ] || fail "expected 4 lines"
[ "$(sed -n 1p "$OUT")" = "0 9 20 unreachable" ] || fail "row 1: $(sed -n 1p "$OUT")"
[ ! -s "$ERR" ] || fail "stderr not empty with --quiet"
# Each reachable entry is what corto path finds.
ids=(1 3 5 7)
for i in 0 1 2; do
    for j in 0 1 2; do
        want=$(awk -v r=$((i + 1)) -v c=$((j + 1)) 'NR == r { print $c }' "$OUT")
        got=$("$CORTO" path "$G/small.gr" --from "${ids[$i]}" --to "${ids[$j]}" | head -1 || true)
        [ "$want" = "$got" ] || fail "entry ${ids[$i]}->${ids[$j]}: $want, path says $got"
    done
done

# JSON: fastest routes on the time graph, distances along them, null for
# no path.
run matrix "$G/small_time.gr" --weights durations --distances "$G/small.gr" \
    --points "$G/points_ids.txt" --format json
expect_rc 1
grep -q '"code":"Ok"' "$OUT" || fail "no code Ok"
grep -qF '[0,90,140,null]' "$OUT" || fail "durations row 1"
grep -qF '[0,9,23,null]' "$OUT" || fail "distances along the fastest routes"
grep -q 'unreachable pairs' "$ERR" || fail "no summary line"
# Shortest routes instead, durations along them, written as text.
run matrix "$G/small.gr" --durations "$G/small_time.gr" --metric durations \
    --points "$G/points_ids.txt" --quiet
[ "$(sed -n 1p "$OUT")" = "0 90 200 unreachable" ] || fail "durations along shortest: $(sed -n 1p "$OUT")"
# Coordinates snap to the nearest node that has an arc.
run matrix "$G/small.gr" --points "$G/points_xy.txt" --format json --quiet
expect_rc 1
grep -qF '{"node":6,"location":[1,2],"snap_distance":2.828427125}' "$OUT" ||
    fail "snapping: $(cat "$OUT")"

# The pipeline: road graph + addresses -> CVRP file -> routes -> check.
run matrix "$T/town.gr" --points "$T/town.points" --format tsplib \
    --capacity 10 --demands "$T/town.demands" --out "$TMP/town.vrp"
expect_rc 0
[ ! -s "$OUT" ] || fail "stdout not empty with --out"
grep -q '^TYPE : CVRP' "$TMP/town.vrp" || fail "not a CVRP file"
run solve "$TMP/town.vrp" --iterations 300 --time-limit 0 --out "$TMP/town.sol"
expect_rc 0
run check "$TMP/town.vrp" "$TMP/town.sol"
expect_rc 0
[ "$(check_value feasible)" = yes ] || fail "pipeline solution infeasible"
# Fastest routes as an ATSP in seconds.
run matrix "$T/town_time.gr" --coords "$T/town.co" --weights durations \
    --distances "$T/town.gr" \
    --points "$T/town.points" --format tsplib --out "$TMP/town.atsp"
expect_rc 0
run solve "$TMP/town.atsp" --iterations 100 --time-limit 0
expect_rc 0

# A TSPLIB matrix cannot hold an unreachable pair: exit 1, no file.
run matrix "$G/small.gr" --points "$G/points_ids.txt" --format tsplib \
    --out "$TMP/none.vrp"
expect_rc 1
[ ! -e "$TMP/none.vrp" ] || fail "file written despite an unreachable pair"
grep -q 'points_ids.txt: no path from the point on line 2' "$ERR" ||
    fail "unreachable pair not named"

# Malformed files and bad usage: one line naming file and line.
run matrix "$G/small.gr" --points "$G/bad_points_fields.txt"
expect_error_line "bad_points_fields.txt:3:"
run matrix "$G/small.gr" --points "$G/bad_points_id.txt"
expect_error_line "bad_points_id.txt:2: node id 'five'"
run matrix "$G/small.gr" --points "$G/bad_points_range.txt"
expect_error_line "bad_points_range.txt:2: node 99 is not in the graph"
run matrix "$G/small.gr" --points "$G/bad_points_coord.txt"
expect_error_line "bad_points_coord.txt:2:"
run matrix "$G/small.gr" --points "$G/bad_points_empty.txt"
expect_error_line "bad_points_empty.txt: no points"
run matrix "$G/small0.gr" --points "$G/points_xy.txt"
expect_error_line "points_xy.txt:1: coordinates given"
run matrix "$G/small.gr" --durations "$G/bad_second.gr" --points "$G/points_ids.txt"
expect_error_line "bad_second.gr:7:"
run matrix "$G/small.gr" --points "$G/points_ids.txt" --format tsplib \
    --capacity 5 --demands "$G/bad_demands.txt"
expect_error_line "bad_demands.txt:3:"
run matrix "$G/bad_range.gr" --points "$G/points_ids.txt"
expect_error_line "bad_range.gr:3:"
run matrix "$G/small.gr" --points "$TMP/missing.txt"
expect_error_line "$TMP/missing.txt"
run matrix "$G/small.gr"
expect_error_line "--points"
run matrix "$G/small.gr" --points "$G/points_ids.txt" --format csv
expect_error_line "csv"
run matrix "$G/small.gr" --points "$G/points_ids.txt" --capacity 5
expect_error_line "--demands"
run matrix "$G/small.gr" --points "$G/points_ids.txt" --metric durations
expect_error_line "--durations"
run matrix --help
expect_rc 0
grep -q "unreachable" "$OUT" || fail "help does not explain unreachable"
echo PASS
