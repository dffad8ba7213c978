/*
 * test_qubo_util.c — random QUBOs and bundled QUBO problem files for the
 * test suites (see test_qubo_util.h).
 */
#include "test_qubo_util.h"
#include "qubo_read.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>

void test_random_qubo(qubo *q, int n, uint64_t seed, int range, int every,
                      double offset)
{
    qubo_builder b;
    rng r;
    rng_seed(&r, seed);
    ck_assert_int_eq(qb_init(&b, n), CORTO_OK);
    b.offset = offset;
    uint64_t span = 2 * (uint64_t)range + 1;
    for (int i = 0; i < n; i++) {
        qb_add(&b, i, i, (double)rng_below(&r, span) - range);
        for (int j = i + 1; j < n; j++)
            if (rng_below(&r, (uint64_t)every) == 0)
                qb_add(&b, i, j, (double)rng_below(&r, span) - range);
    }
    ck_assert_int_eq(qb_build(q, &b), CORTO_OK);
    qb_free(&b);
}

void test_read_qubo_fixture(qp_problem *p, const char *name,
                            corto_qubo_kind kind, int index)
{
    char path[4096], rel[256];
    corto_diag d;
    snprintf(rel, sizeof rel, "tests/data/qubo/%s", name);
    test_source_path(path, sizeof path, rel);
    corto_status rc = qr_read(p, path, kind, index, &d);
    ck_assert_msg(rc == CORTO_OK, "%s: %s", name, d.message);
}
