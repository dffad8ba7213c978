#!/usr/bin/env bash
# corto train and --init neural: usage errors, instance generation read
# back by corto solve, a tiny training run that writes a model and a log
# and is byte-identical when repeated with the same seed (imitation and
# REINFORCE fine-tuning), instances on a road graph, and --init
# neural either building a solution the checker accepts (a model is built
# in) or refusing with one clear line (none is).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

run train
expect_error_line "--out"
run train --out "$TMP/m.cnn" --steps abc
expect_error_line "abc"
run train --out "$TMP/m.cnn" --min-size 30 --max-size 20
expect_error_line "max-size"

mkdir -p "$TMP/gen"
run train --generate "$TMP/gen" --instances 2 --min-size 12 --max-size 12 \
    --seed 3
expect_rc 0
[ -r "$TMP/gen/uniform-n12-0001.vrp" ] || fail "no generated instance"
run solve "$TMP/gen/uniform-n12-0002.vrp" --construct-only -q
expect_rc 0

train_tiny() {
    run train --out "$1" --log "$2" --instances 3 --validation 2 \
        --min-size 8 --max-size 10 --label-iterations 20 --steps 4 \
        --batch 2 --seed 5 -q
    expect_rc 0
}
train_tiny "$TMP/a.cnn" "$TMP/a.log"
[ -s "$TMP/a.cnn" ] || fail "no model written"
grep -q "validation greedy gap" "$TMP/a.log" || fail "no validation in log"
head -c 8 "$TMP/a.cnn" | grep -q "CORTO-NN" || fail "bad magic"
train_tiny "$TMP/b.cnn" "$TMP/b.log"
cmp -s "$TMP/a.cnn" "$TMP/b.cnn" || fail "training is not reproducible"

# REINFORCE fine-tuning from that model: reproducible too.
rl_tiny() {
    run train --reinforce --resume "$TMP/a.cnn" --out "$1" --validation 1 \
        --min-size 8 --max-size 10 --label-iterations 20 --steps 3 \
        --batch 2 --rl-samples 4 --seed 6 -q
    expect_rc 0
}
rl_tiny "$TMP/r1.cnn"
rl_tiny "$TMP/r2.cnn"
cmp -s "$TMP/r1.cnn" "$TMP/r2.cnn" || fail "REINFORCE is not reproducible"
cmp -s "$TMP/a.cnn" "$TMP/r1.cnn" && fail "REINFORCE changed nothing"
run train --reinforce --out "$TMP/m.cnn" --rl-samples 1
expect_error_line "rl-samples"

# Road instances: a hand-made one-way ring with heavier arcs back; a
# graph without a strongly connected part of enough nodes is refused.
{
    echo "p sp 12 24"
    for i in $(seq 1 12); do
        j=$((i % 12 + 1))
        echo "a $i $j $((i % 3 + 1))"
        echo "a $j $i 7"
    done
} >"$TMP/ring.gr"
mkdir -p "$TMP/road"
run train --generate "$TMP/road" --instances 2 --min-size 6 --max-size 8 \
    --road "$TMP/ring.gr" --road-share 1 --seed 4
expect_rc 0
road_inst=$(ls "$TMP/road"/ring-n*-0001.vrp)
grep -q "FULL_MATRIX" "$road_inst" || fail "road instance without a matrix"
run solve "$road_inst" --init neural --construct-only -q --out "$TMP/road.sol"
expect_rc 0
run check "$road_inst" "$TMP/road.sol"
expect_rc 0
run train --generate "$TMP/road" --road "$CORTO_SOURCE_DIR/tests/data/graph/small.gr" \
    --min-size 3 --max-size 4
expect_error_line "small.gr"
run train --out "$TMP/m.cnn" --road-share 0.5
expect_error_line "--road"

run train --resume "$TMP/gen/uniform-n12-0001.vrp" --out "$TMP/c.cnn"
expect_error_line "magic"

inst="$TMP/gen/uniform-n12-0001.vrp"
run solve "$inst" --init neural --construct-only --samples 4
if [ "$RC" -eq 2 ]; then
    expect_error_line "no trained model"
else
    expect_rc 0
    cp "$OUT" "$TMP/neural.sol"
    run check "$inst" "$TMP/neural.sol"
    expect_rc 0
fi

# --model: a trained weight file instead of the built-in model; a bad one
# gets one line naming it; --model needs --init neural.
run solve "$inst" --init neural --model "$TMP/a.cnn" --construct-only -v \
    --out "$TMP/given.sol"
expect_rc 0
grep -q "given model" "$ERR" || fail "the given model was not used"
run check "$inst" "$TMP/given.sol"
expect_rc 0
run solve "$inst" --init neural --model "$inst" --construct-only
expect_error_line "magic"
run solve "$inst" --init neural --model "$TMP/missing.cnn"
expect_error_line "missing.cnn"
head -c 100 "$TMP/a.cnn" >"$TMP/short.cnn"
run solve "$inst" --init neural --model "$TMP/short.cnn"
expect_error_line "truncated"
run solve "$inst" --model "$TMP/a.cnn"
expect_error_line "--init neural"
