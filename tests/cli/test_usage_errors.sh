#!/usr/bin/env bash
# Unknown options and commands, bad or missing option values, extra or
# missing operands: exit 2 with exactly one line on stderr, no stdout.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

run solve --no-such-option
expect_error_line "--no-such-option"
run solve -Z
expect_error_line "-Z"
run frobnicate
expect_error_line "frobnicate"
run --frobnicate
expect_error_line "--frobnicate"
run solve --seed abc
expect_error_line "abc"
run solve --seed=-1
expect_error_line "seed"
run solve --time-limit
expect_error_line "time-limit"
run solve --time-limit=soon
expect_error_line "soon"
run solve --init bogus
expect_error_line "bogus"
run solve --construct-only=maybe
expect_error_line "maybe"
run solve --format xml
expect_error_line "xml"
run solve --quiet=1
expect_error_line "quiet"
run solve a.vrp b.vrp
expect_error_line "b.vrp"
run check
expect_error_line "check"
run check a.vrp
expect_error_line ""
run check a.vrp a.sol extra
expect_error_line "extra"
run check --time-limit 5 a.vrp a.sol
expect_error_line "time-limit"
run help nosuchcommand
expect_error_line "nosuchcommand"

# Files that do not exist: the message names them.
run solve "$TMP/missing.vrp"
expect_error_line "$TMP/missing.vrp"
run check "$TMP/missing.vrp" "$TMP/missing.sol"
expect_error_line "$TMP/missing.vrp"
echo PASS
