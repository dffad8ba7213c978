#!/usr/bin/env bash
# --neural-arm: the ALNS with the neural repair operator returns a
# solution the checker accepts, the same one twice for a seed and an
# iteration limit, with the built-in model or a --model file; a TSP, which
# the VRP ALNS does not search, is refused with one line.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/gen"
run train --generate "$TMP/gen" --instances 1 --min-size 30 --max-size 30 \
    --seed 4
expect_rc 0
inst="$TMP/gen/uniform-n30-0001.vrp"

run train --out "$TMP/m.cnn" --instances 2 --validation 1 --min-size 8 \
    --max-size 10 --label-iterations 10 --steps 2 --batch 2 --seed 5 -q
expect_rc 0

for model in builtin file; do
    args=(--neural-arm --iterations 200 --time-limit 0 --seed 3)
    [ "$model" = builtin ] || args+=(--model "$TMP/m.cnn")
    run solve "$inst" "${args[@]}" --out "$TMP/a.sol" -q
    if [ "$model" = builtin ] && [ "$RC" -eq 2 ]; then
        expect_error_line "no trained model"
        continue
    fi
    expect_rc 0
    run check "$inst" "$TMP/a.sol"
    expect_rc 0
    run solve "$inst" "${args[@]}" --out "$TMP/b.sol" -q
    expect_rc 0
    cmp -s "$TMP/a.sol" "$TMP/b.sol" || fail "--neural-arm ($model) not reproducible"
done

printf 'NAME : t5\nTYPE : TSP\nDIMENSION : 5\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 10 0\n3 10 10\n4 0 10\n5 5 5\nEOF\n' >"$TMP/t5.tsp"
run solve "$TMP/t5.tsp" --neural-arm --iterations 10
expect_error_line "--neural-arm"
