#!/usr/bin/env bash
# corto qubo: every problem kind on the bundled tiny files reaches its
# known optimum with the documented output form (objective line, values
# line; QAPLIB .sln for qap; tour for tsp), the same seed and iteration
# limit repeat the same answer (also with each MIS graph local search),
# shrinking still gives feasible answers,
# a QAP above the one-hot QUBO's size limit is solved by the default
# (implicit) route and refused by sa, and bad input or usage gives one
# "corto: " line with exit 2.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

Q="$CORTO_SOURCE_DIR/tests/data/qubo"

# expect_first FILE WANT: first line of FILE equals WANT.
expect_first() {
    [ "$(sed -n 1p "$1")" = "$2" ] || fail "first line '$(sed -n 1p "$1")', expected '$2'"
}

for solver in sa tabu exact; do
    run qubo "$Q/tiny.mis" --problem mis --solver "$solver" --iterations 3000 -q
    expect_rc 0
    expect_first "$OUT" 2
    [ "$(sed -n 2p "$OUT" | wc -w)" -eq 5 ] || fail "mis: five values expected"
done

run qubo "$Q/tiny.bqp" --problem bqp --index 2 --iterations 2000 -q
expect_rc 0
expect_first "$OUT" 5
run qubo "$Q/tiny_gset.txt" --problem maxcut --solver tabu --iterations 2000 -q
expect_rc 0
expect_first "$OUT" 4
# The cut of the sides printed, recomputed from the graph file.
sides=$(sed -n 2p "$OUT")
cut=$(awk -v s="$sides" 'BEGIN { n = split(s, x, " ") }
      NR > 1 { if (x[$1] != x[$2]) c += $3 } END { print c }' "$Q/tiny_gset.txt")
[ "$cut" = 4 ] || fail "maxcut: printed sides cut $cut"
run qubo "$Q/tiny.mknap" --problem mdkp --penalty lagrange --rounds 4 --iterations 2000 -q
expect_rc 0
expect_first "$OUT" 15
[ "$(sed -n 2p "$OUT")" = "1 0 1 0" ] || fail "mdkp items $(sed -n 2p "$OUT")"

run qubo "$Q/tiny.dat" --problem qap --solver tabu --iterations 3000 --out "$TMP/tiny.sln"
expect_rc 0
[ ! -s "$OUT" ] || fail "stdout not empty with --out"
grep -q 'objective 42, feasible' "$ERR" || fail "summary line: $(cat "$ERR")"
[ "$(awk 'NR == 1 { print $1, $2 }' "$TMP/tiny.sln")" = "4 42" ] || fail "sln header"
[ "$(sed -n 2p "$TMP/tiny.sln" | tr ' ' '\n' | sort -n | tr '\n' ' ')" = "1 2 3 4 " ] ||
    fail "sln is not a permutation"

run qubo "$CORTO_SOURCE_DIR/instances/ulysses16.tsp" --problem tsp --solver tabu --iterations 20000 -q
expect_rc 0
[ "$(sed -n 2p "$OUT" | wc -w)" -eq 16 ] || fail "tsp: 16 cities expected"

# MIS graph local searches: optimum 2 on the tiny graph, repeatable.
for search in numvc ils none; do
    run qubo "$Q/tiny.mis" --problem mis --mis-search "$search" --iterations 500 --seed 3 -q
    expect_rc 0
    expect_first "$OUT" 2
    cp "$OUT" "$TMP/a"
    run qubo "$Q/tiny.mis" --problem mis --mis-search "$search" --iterations 500 --seed 3 -q
    cmp -s "$OUT" "$TMP/a" || fail "mis $search: not repeatable"
done

# Above the one-hot QUBO's limit (n = 101): the default solver for qap
# (robust tabu search on the matrices) takes it; sa, which needs the QUBO,
# is refused in one line.
awk 'BEGIN { n = 101; print n
    for (m = 0; m < 2; m++) for (i = 0; i < n; i++) {
        l = ""; for (j = 0; j < n; j++) l = l " " (i * 7 + j * (m + 3)) % 10
        print l } }' >"$TMP/big.dat"
run qubo "$TMP/big.dat" --problem qap --iterations 50 --out "$TMP/big.sln"
expect_rc 0
grep -q 'feasible, 10201 of 10201' "$ERR" || fail "big qap summary: $(cat "$ERR")"
[ "$(sed -n 2p "$TMP/big.sln" | tr ' ' '\n' | sort -n | uniq | wc -l)" -eq 101 ] ||
    fail "big qap: not a permutation"
run qubo "$TMP/big.dat" --problem qap --solver sa --iterations 5
expect_error_line "--solver tabu"

# Same seed, same iteration limit: same answer.
run qubo "$Q/tiny_gset.txt" --problem maxcut --iterations 500 --seed 9 -q
cp "$OUT" "$TMP/a"
run qubo "$Q/tiny_gset.txt" --problem maxcut --iterations 500 --seed 9 -q
cmp -s "$OUT" "$TMP/a" || fail "not repeatable"

# Shrinking: the answer stays feasible (and here optimal).
run qubo "$Q/tiny.mis" --problem mis --shrink-to 2 --iterations 1000
expect_rc 0
grep -q 'feasible, 2 of 5' "$ERR" || fail "shrink summary: $(cat "$ERR")"

# Errors: one line, exit 2.
run qubo "$Q/tiny.mis"
expect_error_line "--problem"
run qubo "$Q/tiny.mis" --problem knapsack
expect_error_line "knapsack"
run qubo "$Q/bad_vertex.mis" --problem mis
expect_error_line "bad_vertex.mis:3:"
run qubo "$Q/tiny.bqp" --problem bqp --index 3
expect_error_line "holds 2"
run qubo "$Q/tiny.mis" --problem mis --shrink-to 0
expect_error_line "shrink-to"
run qubo "$Q/tiny.mis" --problem mis --mis-search greedy
expect_error_line "mis-search"
run qubo --help
expect_rc 0
grep -q -- '--shrink-to' "$OUT" || fail "help lacks --shrink-to"
grep -q -- '--mis-search' "$OUT" || fail "help lacks --mis-search"

# Shrinking with low-rank and mixed correlations: feasible, repeatable;
# an unknown estimate is a usage error.
for corr in lowrank both; do
    run qubo "$Q/tiny.mis" --problem mis --shrink-to 2 --correlations "$corr" --iterations 1000
    expect_rc 0
    grep -q 'feasible, 2 of 5' "$ERR" || fail "$corr shrink summary: $(cat "$ERR")"
    cp "$OUT" "$TMP/c"
    run qubo "$Q/tiny.mis" --problem mis --shrink-to 2 --correlations "$corr" --iterations 1000 -q
    cmp -s "$OUT" "$TMP/c" || fail "$corr: not repeatable"
done
run qubo "$Q/tiny.mis" --problem mis --shrink-to 2 --correlations spectral
expect_error_line "correlations"
