#!/usr/bin/env bash
# Every malformed instance in tests/data/bad/: `corto solve FILE` exits 2
# with nothing on stdout and exactly one stderr line that names the file.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

bad="$CORTO_SOURCE_DIR/tests/data/bad"
[ -d "$bad" ] || skip "no $bad yet"
n=0
failed=0
for f in "$bad"/*; do
    [ -f "$f" ] || continue
    case "$f" in *.md | *.txt.README | */README*) continue ;; esac
    n=$((n + 1))
    run solve "$f" --time-limit 1
    why=""
    if [ "$RC" -ne 2 ]; then
        why="exit $RC"
    elif [ -s "$OUT" ]; then
        why="stdout not empty"
    elif [ "$(n_lines "$ERR")" -ne 1 ]; then
        why="$(n_lines "$ERR") stderr lines"
    elif ! grep -qF -- "$f" "$ERR"; then
        why="message does not name the file"
    elif ! grep -q '^corto: ' "$ERR"; then
        why="message lacks the 'corto: ' prefix"
    fi
    if [ -n "$why" ]; then
        echo "FAIL: $f: $why: $(head -3 "$ERR")" >&2
        failed=$((failed + 1))
    fi
done
[ "$n" -gt 0 ] || skip "no files in $bad"
[ "$failed" -eq 0 ] || fail "$failed of $n bad instances mishandled"
echo "PASS ($n files)"
