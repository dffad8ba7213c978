#!/usr/bin/env bash
# --version, --help, `corto help`, `corto solve --help`: exit 0, text on
# stdout only, and the solve help lists the library's option keys.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

run --version
expect_rc 0
[ ! -s "$ERR" ] || fail "--version wrote to stderr"
grep -qx "corto ${CORTO_VERSION:-[0-9.]*}" "$OUT" ||
    fail "--version printed '$(cat "$OUT")'"

for args in --help help -h; do
    run $args
    expect_rc 0
    [ ! -s "$ERR" ] || fail "corto $args wrote to stderr"
    grep -q 'solve' "$OUT" || fail "corto $args does not mention solve"
    grep -q 'check' "$OUT" || fail "corto $args does not mention check"
done

for args in "solve --help" "help solve" "solve -h"; do
    run $args
    expect_rc 0
    [ ! -s "$ERR" ] || fail "corto $args wrote to stderr"
    # The keys every user relies on, plus the command's own options.
    for key in --time-limit --iterations --seed --init --construct-only \
        --out --format --quiet --verbose; do
        grep -qe "$key" "$OUT" || fail "corto $args does not list $key"
    done
    awk 'length > 79 { exit 1 }' "$OUT" || fail "help line over 79 columns"
done

run check --help
expect_rc 0
grep -q 'SOLUTION' "$OUT" || fail "check --help lacks its usage"

# No command at all is a usage error: usage on stderr, nothing on stdout.
run
expect_rc 2
[ ! -s "$OUT" ] || fail "bare corto wrote to stdout"
echo PASS
