/*
 * test_qubo_util.h — helpers of the QUBO suites: random integer QUBOs and
 * the bundled problem files under tests/data/qubo.
 */
#ifndef CORTO_TEST_QUBO_UTIL_H
#define CORTO_TEST_QUBO_UTIL_H

#include "qubo.h"
#include "qubo_problem.h"

#include <stdint.h>

/* A random QUBO on n variables: offset `offset`, integer coefficients in
 * [-range, range], each pair present with probability 1/every. */
void test_random_qubo(qubo *q, int n, uint64_t seed, int range, int every,
                      double offset);

/* Read tests/data/qubo/NAME as `kind` (problem `index`); fails the test
 * with the reader's message when it cannot. */
void test_read_qubo_fixture(qp_problem *p, const char *name,
                            corto_qubo_kind kind, int index);

#endif /* CORTO_TEST_QUBO_UTIL_H */
