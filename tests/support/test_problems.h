/*
 * test_problems.h — problem builders and solution assertions shared by the
 * Check suites: the small four-node asymmetric problem with hand-computed
 * costs, random CVRP / TSP / ATSP instances from a fixed-seed generator,
 * and the assertions that a solver's solution serves every client at most
 * once and passes the independent checker.
 */
#ifndef CORTO_TEST_PROBLEMS_H
#define CORTO_TEST_PROBLEMS_H

#include "context.h"
#include "corto.h"

#include <stdint.h>

/*
 * Depot 0 and clients 1, 2, 3 with these asymmetric distances (row = from):
 *   0 -> 1 -> 2 -> 3 -> 0 = 10 + 5 + 7 + 31 = 53
 *   0 -> 3 -> 2 -> 1 -> 0 = 30 + 8 + 6 + 11 = 55
 *   0 -> 1 -> 2 -> 0 = 10 + 5 + 21 = 36,   0 -> 3 -> 0 = 30 + 31 = 61
 */
extern const int64_t test_base_dist[16];

/* The base problem (test_base_dist as profile 0, no vehicle type yet) with
 * n_dims demand dimensions. Owned by the caller. */
corto_problem *test_base_problem(int n_dims);

/* test_base_dist with every entry multiplied by factor, into out. */
void test_base_dist_times(int64_t out[16], int64_t factor);

/*
 * Two-dimensional loads on the base problem: demand 1 = (3,0),
 * 2 = (2,1), 3 = (0,4) and pickup 1 = (1,2).
 */
void test_set_two_dim_loads(corto_problem *p);

/* Add a vehicle type with the default fields but for capacity (NULL:
 * unlimited) and count. */
void test_add_vehicle(corto_problem *p, const int64_t *capacity,
                      int64_t count);

/* Deterministic xorshift64 generator for test data, one per process. */
void test_rand_seed(uint64_t seed);

/* Uniform-ish integer in [0, n) from the test generator. */
int test_rand_below(int n);

/* Profile 0 distances of an n-node problem: zero diagonal, every other
 * entry lo + test_rand_below(span) (triangle inequality not guaranteed). */
void test_set_random_distances(corto_problem *p, int n, int64_t lo, int span);

/*
 * CVRP: depot 0 and n clients with random coordinates in [0, 1000) and
 * demands 1..10, one vehicle type of capacity cap and count vehicles.
 * When demand is not NULL it receives the n + 1 demands (depot 0).
 */
corto_problem *test_random_cvrp(int n, uint64_t seed, int64_t cap,
                                int64_t count, int64_t *demand);

/* Asymmetric random matrix VRP: depot 0, n clients with demands 1..5,
 * one vehicle type of capacity cap. */
corto_problem *test_random_asym_vrp(int n, uint64_t seed, int64_t cap);

/* Prepared TSP on n points with one default vehicle type. */
corto_problem *test_tsp_from_coords(int n, const double *x, const double *y);

/* Prepared TSP on n random points in [0, 10000)^2. */
corto_problem *test_random_tsp(int n, uint64_t seed);

/* Prepared ATSP on an n-node random matrix with entries in 1..1000. */
corto_problem *test_random_atsp(int n, uint64_t seed);

/* Every route non-empty, every node a client (1..n-1) served at most once
 * over all routes; returns the number of clients served. */
int test_assert_clients_once(const corto_problem *p, const corto_solution *s);

/* The independent checker agrees with the solver's status and accepts the
 * solver's cost as the claimed cost. */
void test_assert_checker_agrees(const corto_problem *p,
                                const corto_solution *s);

/* Read a bundled problem file (path relative to the source tree); the
 * read must succeed. Owned by the caller. */
/* a and b have the same routes (nodes and vehicle types, in order), and
 * the same cost when both are evaluated. */
void test_assert_same_routes(const corto_solution *a, const corto_solution *b);

corto_problem *test_load_problem(const char *relative);

/* Read a bundled solution file for p (path relative to the source tree);
 * the read must succeed. claimed may be NULL. Owned by the caller. */
corto_solution *test_load_solution(const corto_problem *p,
                                   const char *relative, int64_t *claimed);

/* Default options, a solve context on them and an empty solution, for
 * calling heuristics directly (ctx points into opt: do not copy). */
typedef struct test_direct {
    corto_options opt;
    solve_ctx ctx;
    corto_solution *s;
} test_direct;

/* Fill t for problem p (prepared). The caller destroys t->s. */
void test_direct_start(test_direct *t, const corto_problem *p);

#endif /* CORTO_TEST_PROBLEMS_H */
