#!/usr/bin/env bash
# corto path: length then node ids on a hand-made road graph with every
# algorithm, "unreachable" with exit 1, a scenario file solved line by
# line to its stated lengths, and malformed inputs as one "FILE:LINE"
# error line with exit 2.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

G="$CORTO_SOURCE_DIR/tests/data/graph"

for alg in dijkstra bidir astar igraph ch; do
    run path "$G/small.gr" --from 1 --to 5 --algorithm "$alg"
    expect_rc 0
    [ "$(sed -n 1p "$OUT")" = 20 ] || fail "$alg: length $(sed -n 1p "$OUT")"
    [ "$(sed -n 2p "$OUT")" = "1 3 6 5" ] || fail "$alg: nodes $(sed -n 2p "$OUT")"
    [ "$(n_lines "$OUT")" -eq 2 ] || fail "$alg: expected two lines"
done
run path "$G/small0.gr" --from 0 --to 4 --algorithm=astar
expect_rc 0
[ "$(sed -n 2p "$OUT")" = "0 2 5 4" ] || fail "0-based ids: $(sed -n 2p "$OUT")"
run path "$G/small.cedge" --from 4 --to 0
expect_rc 0
[ "$(sed -n 1p "$OUT")" = 10.75 ] || fail "cedge length $(sed -n 1p "$OUT")"

# No path: the word, exit 1, no node line.
run path "$G/small.gr" --from 5 --to 1
expect_rc 1
[ "$(cat "$OUT")" = unreachable ] || fail "unreachable: $(cat "$OUT")"

# Scenario file: one length per line, in order, matching the file.
run path "$G/small.map" --scen "$G/small.map.scen" --out "$TMP/lengths"
expect_rc 0
[ ! -s "$OUT" ] || fail "stdout not empty with --out"
tail -n +2 "$G/small.map.scen" | cut -f9 | paste - "$TMP/lengths" |
    awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > 1e-5 * $1) exit 1 }
         END { if (NR != 3) exit 1 }' || fail "scenario lengths differ"
run path "$G/small.map" --from 0,0 --to 4,3
expect_rc 0
run path "$G/corner.map" --from 0,0 --to 1,1
expect_rc 1
[ "$(cat "$OUT")" = unreachable ] || fail "corner: $(cat "$OUT")"

# Malformed files and bad usage.
run path "$G/bad_range.gr" --from 1 --to 2
expect_error_line "bad_range.gr:3:"
run path "$G/bad_coord.gr" --from 1 --to 2
expect_error_line "bad_coord.co:3:"
run path "$G/bad_node.cedge" --from 0 --to 1
expect_error_line "bad_node.cedge:2:"
run path "$G/bad_char.map" --from 0,0 --to 1,1
expect_error_line "bad_char.map:6:"
run path "$G/small.map" --scen "$G/bad_blocked.scen"
expect_error_line "bad_blocked.scen:3:"
run path "$G/small.gr" --from 1 --to 99
expect_error_line "99"
run path "$G/small.gr" --from 1 --to 5 --algorithm fast
expect_error_line "fast"
run path "$G/small.gr" --from 1
expect_error_line "--to"
run path "$G/small.gr" --from 1 --to 5 --bogus
expect_error_line "--bogus"
run path "$TMP/missing.gr" --from 1 --to 2
expect_error_line "$TMP/missing.gr"
run path --help
expect_rc 0
grep -q "unreachable" "$OUT" || fail "help does not explain unreachable"
echo PASS
