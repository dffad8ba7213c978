/*
 * test_variants.c — every routing variant the model covers, built through
 * the public builder API: time windows with service times, asymmetric
 * distances with separate durations, a mixed fleet, several depots and
 * open routes, shifts and route limits, skills, two travel profiles,
 * optional clients with prizes, pickup-delivery pairs, multi-dimensional
 * loads with pickups, and all of them at once.
 *
 * For each variant a hand-made case of three to five clients checks the
 * independent checker's cost and violations against arithmetic written in
 * the comments, the solver's own evaluation (route_eval) against the
 * checker, the optimum against an exhaustive enumeration, and that
 * corto_solve reaches it. Random instances of each variant, built feasible
 * by construction, are then solved with and without soft constraints: every
 * client at most once, every required client served, the checker agreeing
 * with the solver, and identical routes for the same seed.
 */
#include "corto.h"
#include "model.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Largest hand-made problem (nodes). */
#define HAND_MAX 8

/* One route of a hand-built solution. */
typedef struct route_spec {
    int vtype;
    const int *nodes;
    int n;
} route_spec;

static corto_problem *new_problem(int n_nodes, int n_dims)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n_nodes, n_dims), CORTO_OK);
    return p;
}

/* Profile `profile` distances (durations when `durations`) of nodes on a
 * line at positions pos: |pos[i] - pos[j]| * num / den. */
static void set_line(corto_problem *p, int profile, const int64_t *pos,
                     int64_t num, int64_t den, int durations)
{
    int n = corto_problem_n_nodes(p);
    ck_assert_int_le(n, HAND_MAX);
    int64_t m[HAND_MAX * HAND_MAX];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int64_t d = pos[i] > pos[j] ? pos[i] - pos[j] : pos[j] - pos[i];
            m[i * n + j] = d * num / den;
        }
    if (durations)
        ck_assert_int_eq(corto_problem_set_durations(p, profile, m), CORTO_OK);
    else
        ck_assert_int_eq(corto_problem_set_distances(p, profile, m), CORTO_OK);
}

static int add_type(corto_problem *p, const corto_vehicle_type *vt)
{
    int index = -1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, vt, &index), CORTO_OK);
    return index;
}

static corto_solution *build(const corto_problem *p, const route_spec *routes,
                             int n_routes)
{
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    for (int r = 0; r < n_routes; r++)
        ck_assert_int_eq(corto_solution_add_route(
                             s, routes[r].vtype, routes[r].nodes, routes[r].n),
                         CORTO_OK);
    return s;
}

/*
 * Check the solution of `routes` into rep. The solver's own evaluation
 * (route_eval, on a prepared copy of the problem) must give the same
 * verdict, and the same cost when feasible.
 */
static void check_hand(corto_check_report *rep, const corto_problem *p,
                       const route_spec *routes, int n_routes)
{
    corto_solution *s = build(p, routes, n_routes);
    ck_assert_int_eq(corto_solution_check(rep, p, s, INT64_MAX), CORTO_OK);
    corto_solution_destroy(s);

    corto_problem *q = NULL;
    ck_assert_int_eq(corto_problem_copy(&q, p), CORTO_OK);
    ck_assert_int_eq(model_prepare(q), CORTO_OK);
    s = build(q, routes, n_routes);
    route_eval_solution(s);
    ck_assert_int_eq(s->status == CORTO_SOLUTION_FEASIBLE, rep->feasible);
    if (rep->feasible)
        ck_assert_int_eq(s->cost, rep->cost);
    corto_solution_destroy(s);
    corto_problem_destroy(q);
}

/* The routes are feasible and cost exactly `cost`. */
static void expect_cost(const corto_problem *p, const route_spec *routes,
                        int n_routes, int64_t cost)
{
    corto_check_report rep;
    check_hand(&rep, p, routes, n_routes);
    ck_assert_msg(rep.feasible, "unexpected violation: %s", rep.first);
    ck_assert_int_eq(rep.cost, cost);
}

/* The routes violate `kind` exactly `count` times and nothing else. */
static void expect_violation(const corto_problem *p, const route_spec *routes,
                             int n_routes, corto_violation kind, int count)
{
    corto_check_report rep;
    check_hand(&rep, p, routes, n_routes);
    ck_assert_int_eq(rep.feasible, 0);
    ck_assert_msg(rep.violations[kind] == count, "%s: %d, expected %d (%s)",
                  corto_violation_string(kind), rep.violations[kind], count,
                  rep.first);
    for (int k = 0; k < CORTO_VIOL_COUNT; k++)
        if (k != (int)kind)
            ck_assert_msg(rep.violations[k] == 0, "unexpected %s: %s",
                          corto_violation_string((corto_violation)k),
                          rep.first);
}

/* Next lexicographic permutation of a[0..n-1]; 0 after the last one. */
static int next_permutation(int *a, int n)
{
    int i = n - 2;
    while (i >= 0 && a[i] >= a[i + 1])
        i--;
    if (i < 0)
        return 0;
    int j = n - 1;
    while (a[j] <= a[i])
        j--;
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = n - 1; l < r; l++, r--) {
        t = a[l];
        a[l] = a[r];
        a[r] = t;
    }
    return 1;
}

/*
 * The optimum by exhaustive enumeration, judged by the checker alone: every
 * subset of the clients holding all required ones, every order, every way
 * of cutting the order into routes and every vehicle type for each route.
 * INT64_MAX when nothing is feasible. Small problems only.
 */
static int64_t brute_optimum(const corto_problem *p)
{
    int n = corto_problem_n_nodes(p), nv = corto_problem_n_vehicle_types(p);
    int clients[HAND_MAX], nc = 0;
    for (int i = 0; i < n; i++)
        if (!corto_problem_is_depot(p, i))
            clients[nc++] = i;
    ck_assert_int_le(nc, 6);
    int64_t best = INT64_MAX;
    for (int mask = 0; mask < (1 << nc); mask++) {
        int sel[HAND_MAX], m = 0, ok = 1;
        for (int k = 0; k < nc; k++) {
            if (mask & (1 << k))
                sel[m++] = clients[k];
            else if (p->required[clients[k]])
                ok = 0;
        }
        if (!ok)
            continue;
        do {
            int cuts = m > 0 ? 1 << (m - 1) : 1;
            for (int cut = 0; cut < cuts; cut++) {
                route_spec rs[HAND_MAX];
                int nr = 0;
                for (int k = 0; k < m; k++) {
                    if (k == 0 || (cut & (1 << (k - 1)))) {
                        rs[nr].nodes = &sel[k];
                        rs[nr].n = 0;
                        nr++;
                    }
                    rs[nr - 1].n++;
                }
                int combos = 1;
                for (int r = 0; r < nr; r++)
                    combos *= nv;
                for (int c = 0; c < combos; c++) {
                    for (int r = 0, x = c; r < nr; r++, x /= nv)
                        rs[r].vtype = x % nv;
                    corto_solution *s = build(p, rs, nr);
                    corto_check_report rep;
                    ck_assert_int_eq(
                        corto_solution_check(&rep, p, s, INT64_MAX), CORTO_OK);
                    if (rep.feasible && rep.cost < best)
                        best = rep.cost;
                    corto_solution_destroy(s);
                }
            }
        } while (next_permutation(sel, m));
    }
    return best;
}

/* Solve with the given seed and iteration limit; the solve must succeed. */
static corto_solution *solve(const corto_problem *p, uint64_t seed,
                             int64_t iterations, int soft)
{
    corto_options o;
    corto_options_init(&o);
    o.seed = seed;
    o.iterations = iterations;
    o.time_limit = 60; /* a backstop; the iteration limit ends the run */
    o.soft_constraints = soft;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &o), CORTO_OK);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* Every required client is served. */
static void assert_required_served(const corto_problem *p,
                                   const corto_solution *s)
{
    int n = corto_problem_n_nodes(p);
    int *seen = calloc((size_t)n, sizeof *seen);
    ck_assert_ptr_nonnull(seen);
    for (int r = 0; r < corto_solution_n_routes(s); r++) {
        int len = 0;
        const int *nodes = corto_solution_route(s, r, &len);
        for (int k = 0; k < len; k++)
            if (nodes[k] >= 0 && nodes[k] < n)
                seen[nodes[k]] = 1;
    }
    for (int i = 0; i < n; i++)
        if (!corto_problem_is_depot(p, i) && p->required[i])
            ck_assert_msg(seen[i], "required client %d not served", i);
    free(seen);
}

/*
 * The enumerated optimum is `optimum` (worked out by hand in the caller)
 * and corto_solve reaches it, with and without soft constraints, in a
 * solution the checker confirms.
 */
static void expect_optimum(const corto_problem *p, int64_t optimum)
{
    ck_assert_int_eq(brute_optimum(p), optimum);
    for (int soft = 1; soft >= 0; soft--) {
        corto_solution *s = solve(p, 1, 200, soft);
        test_assert_clients_once(p, s);
        test_assert_checker_agrees(p, s);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        ck_assert_int_eq(corto_solution_cost(s), optimum);
        corto_solution_destroy(s);
    }
}

/* Positions used by several hand cases: depot 0 at 0, clients at 10, 20,
 * 30, 40 (node k at 10k). */
static const int64_t line5[5] = {0, 10, 20, 30, 40};

/* ------------------------------------------------------------------ */
/* Hand-made cases                                                     */
/* ------------------------------------------------------------------ */

/*
 * (a) Time windows and service times. Symmetric distances (durations
 * equal them): d01 10, d02 20, d03 15, d12 12, d13 25, d23 8. Service 5 at
 * every client; windows 1 [0, 20], 2 [40, 60], 3 [0, 200]; one vehicle
 * type with cost 1 per distance and 1 per duration.
 *
 * Route 1, 2, 3: distance 10 + 12 + 8 + 15 = 45. No-wait arrival offsets
 * P1 = 10, P2 = 10 + 5 + 12 = 27, P3 = 27 + 5 + 8 = 40, end 40 + 5 + 15 =
 * 60. Leaving after 20 - 10 = 10 makes node 1 late, so leave at 10: start
 * 1 at 20, leave 25, reach 2 at 37, wait to 40, leave 45, reach 3 at 53,
 * leave 58, back at 73: duration 63 (45 travel + 15 service + 3 waiting),
 * cost 45 + 63 = 108.
 * Route 2, 1, 3: service at 2 starts at 40 at the earliest, so node 1 is
 * reached at 57 at the earliest, after its window closes: one late
 * service.
 * Optimum: every other single-route order serves 1 late or costs more
 * (1, 3, 2: distance 63, duration 78 = 141); two routes, e.g. {1, 2} (42
 * + 55 = 97) and {3} (30 + 35 = 65), cost 162. So 108.
 */
START_TEST(hand_time_windows)
{
    static const int64_t dist[16] = {0,  10, 20, 15, 10, 0,  12, 25,
                                     20, 12, 0,  8,  15, 25, 8,  0};
    corto_problem *p = new_problem(4, 1);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, dist), CORTO_OK);
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(corto_problem_set_service(p, i, 5), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 1, 0, 20), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 40, 60), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 3, 0, 200), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.cost_per_duration = 1;
    add_type(p, &vt);

    static const int r123[] = {1, 2, 3}, r213[] = {2, 1, 3};
    route_spec good = {0, r123, 3}, late = {0, r213, 3};
    corto_check_report rep;
    check_hand(&rep, p, &good, 1);
    ck_assert_int_eq(rep.feasible, 1);
    ck_assert_int_eq(rep.distance, 45);
    ck_assert_int_eq(rep.duration, 63);
    ck_assert_int_eq(rep.cost, 108);
    expect_violation(p, &late, 1, CORTO_VIOL_TIME_WINDOW, 1);
    expect_optimum(p, 108);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (b) Asymmetric distances (test_base_dist) and a separate asymmetric
 * duration matrix; cost 1 per distance and 2 per duration.
 *   durations: 0->1 3, 0->2 9, 0->3 4; 1->0 8, 1->2 2, 1->3 9;
 *              2->0 5, 2->1 7, 2->3 1; 3->0 2, 3->1 6, 3->2 9.
 * Route 1, 2, 3: distance 10 + 5 + 7 + 31 = 53, duration 3 + 2 + 1 + 2 =
 * 8, cost 53 + 16 = 69. Route 3, 2, 1: distance 30 + 8 + 6 + 11 = 55,
 * duration 4 + 9 + 7 + 8 = 28, cost 55 + 56 = 111.
 * Optimum: the other orders cost 1, 3, 2: 54 + 2 * 26 = 106; 2, 3, 1:
 * 54 + 2 * 24 = 102; 2, 1, 3 and 3, 1, 2: distance 72 already; any split
 * drives at least 36 + 61 = 97. So 69.
 */
START_TEST(hand_asymmetric_durations)
{
    static const int64_t dur[16] = {0, 3, 9, 4, 8, 0, 2, 9,
                                    5, 7, 0, 1, 2, 6, 9, 0};
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_durations(p, 0, dur), CORTO_OK);
    ck_assert_int_eq(corto_problem_distance(p, 0, 3, 0), 31);
    ck_assert_int_eq(corto_problem_distance(p, 0, 0, 3), 30);
    ck_assert_int_eq(corto_problem_duration(p, 0, 3, 0), 2);
    ck_assert_int_eq(corto_problem_duration(p, 0, 0, 3), 4);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.cost_per_duration = 2;
    add_type(p, &vt);

    static const int r123[] = {1, 2, 3}, r321[] = {3, 2, 1};
    route_spec fwd = {0, r123, 3}, back = {0, r321, 3};
    corto_check_report rep;
    check_hand(&rep, p, &fwd, 1);
    ck_assert_int_eq(rep.distance, 53);
    ck_assert_int_eq(rep.duration, 8);
    expect_cost(p, &fwd, 1, 69);
    check_hand(&rep, p, &back, 1);
    ck_assert_int_eq(rep.distance, 55);
    ck_assert_int_eq(rep.duration, 28);
    expect_cost(p, &back, 1, 111);
    expect_optimum(p, 69);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (c) Mixed fleet. Every client is 10 from the depot, d12 = d34 = 4, the
 * other client pairs 12 apart; service 2 everywhere; demands 1: 4, 2: 4,
 * 3: 3, 4: 3.
 *   type 0: 1 vehicle, capacity 8, fixed 100, 1 per distance;
 *   type 1: 2 vehicles, capacity 5, fixed 20, 2 per distance, 1 per
 *           duration;
 *   type 2: 1 vehicle, capacity 14, fixed 500, 1 per distance.
 * Type 0 on {1, 2}: distance 24, cost 100 + 24 = 124. Type 1 on {3}:
 * distance 20, duration 22, cost 20 + 40 + 22 = 82. Type 2 on all four:
 * distance 10 + 4 + 12 + 4 + 10 = 40, cost 540.
 * Optimum: type 1 carries one client (any two weigh 6 > 5), type 0 at most
 * two (three weigh 10 > 8), so without type 2 it is type 0 on a pair plus
 * two single type-1 routes: 124 + 82 + 82 = 288 ({1, 3} costs 132). Any
 * use of type 2 costs 500 + 20 at least plus the rest: above 520. So 288.
 */
START_TEST(hand_mixed_fleet)
{
    int64_t dist[25];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            if (i == j)
                dist[i * 5 + j] = 0;
            else if (i == 0 || j == 0)
                dist[i * 5 + j] = 10;
            else if (i + j == 3 || i + j == 7) /* 1-2 and 3-4 */
                dist[i * 5 + j] = 4;
            else
                dist[i * 5 + j] = 12;
    corto_problem *p = new_problem(5, 1);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, dist), CORTO_OK);
    static const int64_t dem[5] = {0, 4, 4, 3, 3};
    for (int i = 1; i <= 4; i++) {
        ck_assert_int_eq(corto_problem_set_demand(p, i, &dem[i]), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, i, 2), CORTO_OK);
    }
    static const int64_t cap0 = 8, cap1 = 5, cap2 = 14;
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.capacity = &cap0;
    vt.fixed_cost = 100;
    add_type(p, &vt);
    vt.count = 2;
    vt.capacity = &cap1;
    vt.fixed_cost = 20;
    vt.cost_per_distance = 2;
    vt.cost_per_duration = 1;
    add_type(p, &vt);
    vt.count = 1;
    vt.capacity = &cap2;
    vt.fixed_cost = 500;
    vt.cost_per_distance = 1;
    vt.cost_per_duration = 0;
    add_type(p, &vt);

    static const int r12[] = {1, 2}, r34[] = {3, 4}, r3[] = {3}, r4[] = {4},
                     r1[] = {1}, r2[] = {2}, r1234[] = {1, 2, 3, 4};
    const route_spec best[] = {{0, r12, 2}, {1, r3, 1}, {1, r4, 1}};
    expect_cost(p, best, 3, 124 + 82 + 82);
    const route_spec big[] = {{2, r1234, 4}};
    expect_cost(p, big, 1, 540);
    /* Type 1 on {3, 4}: load 6 above capacity 5. */
    const route_spec over[] = {{0, r12, 2}, {1, r34, 2}};
    expect_violation(p, over, 2, CORTO_VIOL_CAPACITY, 1);
    /* Three type-1 routes, two vehicles. */
    const route_spec fleet[] = {
        {1, r1, 1}, {1, r2, 1}, {1, r3, 1}, {0, r4, 1}};
    expect_violation(p, fleet, 4, CORTO_VIOL_FLEET, 1);
    expect_optimum(p, 288);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (d) Two depots and open routes, on a line: depot 0 at 0, depot 1 at
 * 100, clients 2 at 10, 3 at 20, 4 at 90, 5 at 80; one vehicle of each
 * type: 0 -> 0, 1 -> 1, 0 -> 1, and 1 -> open.
 * Type 0 on 2, 3: 10 + 10 + 20 = 40; type 1 on 5, 4: 20 + 10 + 10 = 40.
 * Type 2 (0 -> 1) on 2, 3, 5, 4: 10 + 10 + 60 + 10 + 10 = 100.
 * Type 3 (open from 1) on 4, 5, 3, 2: 10 + 10 + 60 + 10 = 90, no return.
 * Optimum: reaching 20 costs 40 from depot 0 and 80 from depot 1; reaching
 * 80 costs 20 open from depot 1 and 40 as a round trip there: type 0 on
 * {2, 3} plus type 3 on 4, 5 = 60.
 */
START_TEST(hand_multi_depot)
{
    static const int64_t pos[6] = {0, 100, 10, 20, 90, 80};
    corto_problem *p = new_problem(6, 1);
    ck_assert_int_eq(corto_problem_set_depot(p, 1, 1), CORTO_OK);
    set_line(p, 0, pos, 1, 1, 0);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    add_type(p, &vt);
    vt.start_depot = vt.end_depot = 1;
    add_type(p, &vt);
    vt.start_depot = 0;
    add_type(p, &vt);
    vt.start_depot = 1;
    vt.end_depot = -1;
    add_type(p, &vt);

    static const int r23[] = {2, 3}, r54[] = {5, 4}, r2354[] = {2, 3, 5, 4},
                     r4532[] = {4, 5, 3, 2}, r45[] = {4, 5}, r21[] = {2, 1};
    const route_spec two_closed[] = {{0, r23, 2}, {1, r54, 2}};
    expect_cost(p, two_closed, 2, 80);
    const route_spec across[] = {{2, r2354, 4}};
    expect_cost(p, across, 1, 100);
    const route_spec open_all[] = {{3, r4532, 4}};
    expect_cost(p, open_all, 1, 90);
    const route_spec best[] = {{0, r23, 2}, {3, r45, 2}};
    expect_cost(p, best, 2, 60);
    /* A depot inside a route, and 3, 4, 5 left out. */
    corto_check_report rep;
    const route_spec depot_in[] = {{0, r21, 2}};
    check_hand(&rep, p, depot_in, 1);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_BAD_NODE], 1);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_MISSING], 3);
    ck_assert_int_eq(brute_optimum(p), 60);
    for (int soft = 1; soft >= 0; soft--) {
        corto_solution *s = solve(p, 1, 200, soft);
        test_assert_clients_once(p, s);
        test_assert_checker_agrees(p, s);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        /* Repair prices every vehicle type's spare route like any other
         * position, so the search splits the line between two vehicles. */
        ck_assert_int_eq(corto_solution_cost(s), 60);
        corto_solution_destroy(s);
    }
    corto_problem_destroy(p);
}
END_TEST

/*
 * (e) Shift window, route duration and route distance limits, on a line
 * (clients 1, 2, 3 at 10, 20, 30), service 5 everywhere. One vehicle of
 * each of: type 0 with shift [100, 160]; type 1 with max duration 50;
 * type 2 with max distance 45; plus type 3, unlimited, costing 10 per
 * duration and nothing per distance.
 * Route 1, 2: distance 40, duration 40 + 10 = 50: within every limit
 * (type 0 leaves at 100 and is back at 150), cost 40 on types 0-2.
 * Route 1, 2, 3: distance 60, duration 75: type 0 is back at 175 > 160
 * (a late arrival at the end depot), type 1 over 50, type 2 over 45.
 * Route 3 alone: distance 60, duration 65: the same three violations.
 * Optimum: only type 3 can serve 3; on type 3, {3} costs 650, {1, 3} and
 * {2, 3} 700, {1, 2, 3} 750; {1, 2} on one of types 0-2 costs 40 (less
 * than 1 and 2 apart, 20 + 40). So 650 + 40 = 690.
 */
START_TEST(hand_shift_and_limits)
{
    corto_problem *p = new_problem(4, 1);
    set_line(p, 0, line5, 1, 1, 0);
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(corto_problem_set_service(p, i, 5), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.shift_open = 100;
    vt.shift_close = 160;
    add_type(p, &vt);
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.max_duration = 50;
    add_type(p, &vt);
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.max_distance = 45;
    add_type(p, &vt);
    corto_vehicle_type_init(&vt);
    vt.cost_per_distance = 0;
    vt.cost_per_duration = 10;
    add_type(p, &vt);

    static const int r12[] = {1, 2}, r123[] = {1, 2, 3}, r3[] = {3};
    /* Types 0-2 on {1, 2}, type 3 on {3}: 40 + 10 * 65 = 690, total
     * duration 50 + 65 = 115. */
    corto_check_report rep;
    for (int t = 0; t < 3; t++) {
        const route_spec ok[] = {{t, r12, 2}, {3, r3, 1}};
        check_hand(&rep, p, ok, 2);
        ck_assert_int_eq(rep.duration, 115);
        expect_cost(p, ok, 2, 40 + 650);
    }
    /* Types 0-2 on {1, 2, 3}, or on {3} with type 3 on {1, 2}. */
    static const corto_violation kinds[3] = {
        CORTO_VIOL_TIME_WINDOW, CORTO_VIOL_DURATION, CORTO_VIOL_DISTANCE};
    for (int t = 0; t < 3; t++) {
        const route_spec all = {t, r123, 3};
        const route_spec far[] = {{t, r3, 1}, {3, r12, 2}};
        expect_violation(p, &all, 1, kinds[t], 1);
        expect_violation(p, far, 2, kinds[t], 1);
    }
    expect_optimum(p, 690);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (f) Skills, on a line (clients 1, 2, 3 at 10, 20, 30). Client 1 needs
 * skill 3, client 2 skills 3 and 1000, client 3 none. Type 0 has {3},
 * type 1 has {3, 1000} and a fixed cost of 50, type 2 has no skill.
 * Type 1 on 1, 2, 3: 50 + 60 = 110.
 * Optimum: type 1 must serve 2 (50 + 40 at least); adding 1 and 3 to that
 * route costs 20 more, serving them elsewhere at least 20 + 40 more. 110.
 */
START_TEST(hand_skills)
{
    corto_problem *p = new_problem(4, 1);
    set_line(p, 0, line5, 1, 1, 0);
    static const int s3[] = {3}, s3k[] = {3, 1000};
    ck_assert_int_eq(corto_problem_set_skills(p, 1, s3, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_skills(p, 2, s3k, 2), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.skills = s3;
    vt.n_skills = 1;
    add_type(p, &vt);
    vt.skills = s3k;
    vt.n_skills = 2;
    vt.fixed_cost = 50;
    add_type(p, &vt);
    vt.skills = NULL;
    vt.n_skills = 0;
    vt.fixed_cost = 0;
    add_type(p, &vt);

    static const int r123[] = {1, 2, 3}, r1[] = {1}, r23[] = {2, 3};
    const route_spec good = {1, r123, 3};
    expect_cost(p, &good, 1, 110);
    /* Type 0 lacks 1000 for client 2. */
    const route_spec no1000 = {0, r123, 3};
    expect_violation(p, &no1000, 1, CORTO_VIOL_SKILL, 1);
    /* Type 2 lacks 3 for client 1. */
    const route_spec none[] = {{2, r1, 1}, {1, r23, 2}};
    expect_violation(p, none, 2, CORTO_VIOL_SKILL, 1);
    const route_spec split[] = {{0, r1, 1}, {1, r23, 2}};
    expect_cost(p, split, 2, 20 + 50 + 60);
    expect_optimum(p, 110);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (g) Two travel profiles. Profile 0: clients 1, 2, 3 at 10, 20, 30 on a
 * line, durations equal to distances. Profile 1: every distance 7, every
 * duration 20. Type 0 uses profile 0, type 1 profile 1, one vehicle each,
 * both 1 per distance and 1 per duration.
 * Route 1, 2, 3 on type 0: 60 + 60 = 120; on type 1: 28 + 80 = 108.
 * Optimum: a type-1 route of k clients costs 27 (k + 1); type 0 costs 40
 * for {1}, 80 for {1, 2}. Splits: 40 + 81 = 121, 80 + 54 = 134; all on
 * type 0: 120. So 108.
 */
START_TEST(hand_two_profiles)
{
    corto_problem *p = new_problem(4, 1);
    ck_assert_int_eq(corto_problem_set_profiles(p, 2), CORTO_OK);
    set_line(p, 0, line5, 1, 1, 0);
    int64_t d1[16], t1[16];
    for (int k = 0; k < 16; k++) {
        d1[k] = k % 5 == 0 ? 0 : 7;
        t1[k] = k % 5 == 0 ? 0 : 20;
    }
    ck_assert_int_eq(corto_problem_set_distances(p, 1, d1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_durations(p, 1, t1), CORTO_OK);
    ck_assert_int_eq(corto_problem_distance(p, 1, 1, 3), 7);
    ck_assert_int_eq(corto_problem_duration(p, 1, 1, 3), 20);
    ck_assert_int_eq(corto_problem_distance(p, 0, 1, 3), 20);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.cost_per_duration = 1;
    add_type(p, &vt);
    vt.profile = 1;
    add_type(p, &vt);

    static const int r123[] = {1, 2, 3}, r1[] = {1}, r23[] = {2, 3};
    const route_spec on0 = {0, r123, 3}, on1 = {1, r123, 3};
    expect_cost(p, &on0, 1, 120);
    expect_cost(p, &on1, 1, 108);
    const route_spec split[] = {{0, r1, 1}, {1, r23, 2}};
    expect_cost(p, split, 2, 40 + 81);
    expect_optimum(p, 108);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (g') Client-vehicle type preferences as visit costs: clients 1 and 2 at
 * distance 10 from the depot and 5 from each other; types 0 and 1 (one
 * vehicle each) have their own profiles with these distances, and visit
 * costs 100 for client 2 on type 0 and for client 1 on type 1.
 * Type 0 on 1, 2: 10 + 5 + 10 + 100 = 125; type 1 on 1, 2: 125 too;
 * type 0 on 1 and type 1 on 2: 20 + 20 = 40; the other split: 20 + 100 +
 * 20 + 100 = 240. Optimum 40.
 */
START_TEST(hand_visit_costs)
{
    corto_problem *p = new_problem(3, 1);
    ck_assert_int_eq(corto_problem_set_profiles(p, 2), CORTO_OK);
    const int64_t m[9] = {0, 10, 10, 10, 0, 5, 10, 5, 0};
    const int64_t v0[3] = {0, 0, 100}, v1[3] = {0, 100, 0};
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(corto_problem_set_distances(p, k, m), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_visit_costs(p, 0, v0), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_visit_costs(p, 1, v1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_visit_costs(p, 2, v1),
                     CORTO_ERR_ARGUMENT);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    add_type(p, &vt);
    vt.profile = 1;
    add_type(p, &vt);
    static const int r12[] = {1, 2}, r1[] = {1}, r2[] = {2};
    const route_spec one0 = {0, r12, 2}, one1 = {1, r12, 2};
    expect_cost(p, &one0, 1, 125);
    expect_cost(p, &one1, 1, 125);
    const route_spec good[] = {{0, r1, 1}, {1, r2, 1}};
    expect_cost(p, good, 2, 40);
    const route_spec bad[] = {{0, r2, 1}, {1, r1, 1}};
    expect_cost(p, bad, 2, 240);
    expect_optimum(p, 40);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (h) Optional clients with prizes, on a line (clients 1, 2, 3 at 10,
 * 20, 30, client 4 at 100). Clients 1 and 2 are required; 3 is
 * optional with prize 30, 4 optional with prize 120. Serving a client
 * subtracts its prize from the cost.
 * Route 1, 2: 40. Route 1, 2, 3: 60 - 30 = 30 (the prize beats the 20
 * detour). Route 1, 2, 3, 4: 200 - 150 = 50 (4's detour of 140 costs more
 * than its prize). Leaving out an optional client is no violation;
 * leaving out a required one is. Optimum: 30.
 */
START_TEST(hand_prizes)
{
    static const int64_t pos[5] = {0, 10, 20, 30, 100};
    corto_problem *p = new_problem(5, 1);
    set_line(p, 0, pos, 1, 1, 0);
    ck_assert_int_eq(corto_problem_set_prize(p, 3, 30, 0), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_prize(p, 4, 120, 0), CORTO_OK);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);

    static const int r12[] = {1, 2}, r123[] = {1, 2, 3},
                     r1234[] = {1, 2, 3, 4}, r13[] = {1, 3};
    const route_spec a = {0, r12, 2}, b = {0, r123, 3}, c = {0, r1234, 4};
    expect_cost(p, &a, 1, 40);
    expect_cost(p, &b, 1, 30);
    expect_cost(p, &c, 1, 50);
    const route_spec miss = {0, r13, 2};
    expect_violation(p, &miss, 1, CORTO_VIOL_MISSING, 1);
    expect_optimum(p, 30);

    /* The solver leaves 4 out. */
    corto_solution *s = solve(p, 1, 200, 1);
    ck_assert_int_eq(test_assert_clients_once(p, s), 3);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (i) Pickup-delivery pairs, on a line: pair 1 -> 2 (1 at 30, 2 at 10) and
 * pair 3 -> 4 (3 at 20, 4 at 40), 5 units each, capacity 8.
 * Route 3, 4, 1, 2: 20 + 20 + 10 + 20 + 10 = 80, loads 5, 0, 5, 0.
 * Route 1, 3, 2, 4: load 10 after 3, over 8.
 * Route 2, 1, 3, 4: delivery 2 before its pickup 1.
 * Routes {1, 4} and {3, 2}: both pairs split over two routes.
 * Optimum: capacity keeps one pair on board at a time, so a single route
 * is 1, 2, 3, 4 (30 + 20 + 10 + 20 + 40 = 120) or 3, 4, 1, 2 (80); two
 * routes cost 60 + 80 = 140. So 80.
 */
START_TEST(hand_pairs)
{
    static const int64_t pos[5] = {0, 30, 10, 20, 40};
    corto_problem *p = new_problem(5, 1);
    set_line(p, 0, pos, 1, 1, 0);
    static const int64_t five = 5, cap = 8;
    ck_assert_int_eq(corto_problem_add_pair(p, 1, 2, &five), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 3, 4, &five), CORTO_OK);
    test_add_vehicle(p, &cap, CORTO_UNLIMITED);

    static const int r3412[] = {3, 4, 1, 2}, r1324[] = {1, 3, 2, 4},
                     r2134[] = {2, 1, 3, 4}, r14[] = {1, 4}, r32[] = {3, 2},
                     r12[] = {1, 2}, r34[] = {3, 4};
    const route_spec best = {0, r3412, 4};
    expect_cost(p, &best, 1, 80);
    const route_spec over = {0, r1324, 4};
    expect_violation(p, &over, 1, CORTO_VIOL_CAPACITY, 1);
    const route_spec order = {0, r2134, 4};
    expect_violation(p, &order, 1, CORTO_VIOL_PAIRING, 1);
    const route_spec split[] = {{0, r14, 2}, {0, r32, 2}};
    expect_violation(p, split, 2, CORTO_VIOL_PAIRING, 2);
    const route_spec two[] = {{0, r12, 2}, {0, r34, 2}};
    expect_cost(p, two, 2, 140);
    expect_optimum(p, 80);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (j) Three load dimensions with deliveries and pickups, on a line
 * (clients 1-4 at 10-40), capacity (10, 10, 5).
 *   demand:  1 (6, 0, 0), 2 (0, 4, 0), 4 (2, 0, 0);
 *   pickup:  2 (0, 0, 3), 3 (5, 0, 2), 4 (0, 7, 0).
 * Route 1, 2, 3, 4: leaves with (8, 4, 0); after 1 (2, 4, 0), after 2
 * (2, 0, 3), after 3 (7, 0, 5), after 4 (5, 7, 5): within capacity,
 * distance 80.
 * Route 3, 4, 1, 2: dimension 0 reaches 8 + 5 = 13 after 3 and dimension
 * 1 reaches 4 + 7 = 11 after 4; dimension 2 peaks at 5: two capacity
 * violations. Optimum: any route reaching 40 drives 80: 80.
 */
START_TEST(hand_multi_dim)
{
    corto_problem *p = new_problem(5, 3);
    set_line(p, 0, line5, 1, 1, 0);
    static const int64_t dem[5][3] = {
        {0, 0, 0}, {6, 0, 0}, {0, 4, 0}, {0, 0, 0}, {2, 0, 0}};
    static const int64_t pick[5][3] = {
        {0, 0, 0}, {0, 0, 0}, {0, 0, 3}, {5, 0, 2}, {0, 7, 0}};
    for (int i = 1; i <= 4; i++) {
        ck_assert_int_eq(corto_problem_set_demand(p, i, dem[i]), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_pickup(p, i, pick[i]), CORTO_OK);
    }
    static const int64_t cap[3] = {10, 10, 5};
    test_add_vehicle(p, cap, CORTO_UNLIMITED);

    static const int r1234[] = {1, 2, 3, 4}, r3412[] = {3, 4, 1, 2};
    const route_spec good = {0, r1234, 4}, bad = {0, r3412, 4};
    expect_cost(p, &good, 1, 80);
    expect_violation(p, &bad, 1, CORTO_VIOL_CAPACITY, 2);
    expect_optimum(p, 80);
    corto_problem_destroy(p);
}
END_TEST

/*
 * (k) Everything at once. Depots 0 (at 0) and 1 (at 100); clients 2 at
 * 10, 3 at 20, 4 at 30, 5 at 90, 6 at 80; two load dimensions.
 * Profile 0: distance = duration = |dx|. Profile 1: distance |dx|,
 * duration |dx| / 2.
 *   2: demand (3, 0), service 2, window [0, 100];
 *   3 -> 4: a pair of (0, 4), service 2 each;
 *   5: demand (2, 1), skill 5, window [50, 200], service 4;
 *   6: optional, prize 25, demand (1, 0).
 * Type 0: 0 -> 0, one vehicle, capacity (5, 5), fixed 10, 1 per distance
 * and per duration, profile 0, shift [0, 1000], max duration 200.
 * Type 1: 1 -> open, one vehicle, capacity (4, 4), fixed 20, 2 per
 * distance, profile 1, skill 5, max distance 100.
 *
 * Type 0 on 2, 3, 4: distance 10 + 10 + 10 + 30 = 60, duration 60 + 6 =
 * 66, loads (3, 0) (0, 0) (0, 4) (0, 0); cost 10 + 60 + 66 = 136.
 * Type 1 on 5, 6: distance 10 + 10 = 20; durations 5 and 5; leaving at 45
 * it starts 5 at 50 (its window opens), leaves at 54, ends at 59 at 6:
 * duration 14; cost 20 + 2 * 20 - 25 = 35. Total 171.
 * Optimum: type 1 must serve 5 (skill); 6 on it saves 40 - 35 = 5; type 0
 * must reach 30 for 2, 3, 4 (at least 60 + 66 = 136); moving 3, 4 to type
 * 1 costs 175 for it and 52 for type 0 on 2. So 171.
 */
START_TEST(hand_everything)
{
    static const int64_t pos[7] = {0, 100, 10, 20, 30, 90, 80};
    corto_problem *p = new_problem(7, 2);
    ck_assert_int_eq(corto_problem_set_depot(p, 1, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_profiles(p, 2), CORTO_OK);
    set_line(p, 0, pos, 1, 1, 0);
    set_line(p, 1, pos, 1, 1, 0);
    set_line(p, 1, pos, 1, 2, 1);
    static const int64_t dem2[2] = {3, 0}, dem5[2] = {2, 1}, dem6[2] = {1, 0},
                         pair[2] = {0, 4};
    static const int skill5[] = {5};
    ck_assert_int_eq(corto_problem_set_demand(p, 2, dem2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 2, 2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 100), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 3, 4, pair), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 3, 2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 4, 2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_demand(p, 5, dem5), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_skills(p, 5, skill5, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 5, 50, 200), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 5, 4), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_demand(p, 6, dem6), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_prize(p, 6, 25, 0), CORTO_OK);

    static const int64_t cap0[2] = {5, 5}, cap1[2] = {4, 4};
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.capacity = cap0;
    vt.fixed_cost = 10;
    vt.cost_per_duration = 1;
    vt.shift_close = 1000;
    vt.max_duration = 200;
    add_type(p, &vt);
    corto_vehicle_type_init(&vt);
    vt.count = 1;
    vt.capacity = cap1;
    vt.start_depot = 1;
    vt.end_depot = -1;
    vt.fixed_cost = 20;
    vt.cost_per_distance = 2;
    vt.profile = 1;
    vt.skills = skill5;
    vt.n_skills = 1;
    vt.max_distance = 100;
    add_type(p, &vt);

    static const int r234[] = {2, 3, 4}, r56[] = {5, 6}, r243[] = {2, 4, 3},
                     r2345[] = {2, 3, 4, 5}, r6[] = {6};
    const route_spec best[] = {{0, r234, 3}, {1, r56, 2}};
    corto_check_report rep;
    check_hand(&rep, p, best, 2);
    ck_assert_int_eq(rep.distance, 60 + 20);
    ck_assert_int_eq(rep.duration, 66 + 14);
    expect_cost(p, best, 2, 171);
    const route_spec order[] = {{0, r243, 3}, {1, r56, 2}};
    expect_violation(p, order, 2, CORTO_VIOL_PAIRING, 1);
    /* Type 0 on 2, 3, 4, 5: distance 180, duration 190 (within 200),
     * leaves with (5, 1), reaches 5 at 96: only the skill is missing. */
    const route_spec skill[] = {{0, r2345, 4}, {1, r6, 1}};
    expect_violation(p, skill, 2, CORTO_VIOL_SKILL, 1);
    expect_optimum(p, 171);
    corto_problem_destroy(p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Random instances                                                    */
/* ------------------------------------------------------------------ */

enum {
    VAR_TIME_WINDOWS = 0,
    VAR_ASYMMETRIC,
    VAR_MIXED_FLEET,
    VAR_MULTI_DEPOT,
    VAR_LIMITS,
    VAR_SKILLS,
    VAR_PROFILES,
    VAR_PRIZES,
    VAR_PAIRS,
    VAR_MULTI_DIM,
    VAR_EVERYTHING,
    VAR_COUNT
};

static const char *const variant_names[VAR_COUNT] = {
    "time windows", "asymmetric", "mixed fleet", "multi-depot",
    "limits",       "skills",     "profiles",    "prizes",
    "pairs",        "multi-dim",  "everything"};

/* Rounded Euclidean distances of random points, times num / den, into m
 * (n x n); the points are x[i], y[i]. */
static void euclid(int64_t *m, int n, const double *x, const double *y,
                   int64_t num, int64_t den)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            m[i * n + j] =
                (int64_t)(sqrt(dx * dx + dy * dy) * (double)num / (double)den +
                          0.5);
        }
}

/* A random instance of `variant` with n clients; always feasible: some
 * vehicle type with enough vehicles can serve every client (or pair) on a
 * route of its own. */
static corto_problem *random_variant(int variant, uint64_t seed)
{
    test_rand_seed(seed * 131 + (uint64_t)variant);
    int n_depots = 1, n_dims = 1, n_profiles = 1;
    int n = 30;
    if (variant == VAR_MULTI_DEPOT || variant == VAR_EVERYTHING)
        n_depots = 2;
    if (variant == VAR_MULTI_DIM)
        n_dims = 3;
    if (variant == VAR_EVERYTHING)
        n_dims = 2;
    if (variant == VAR_PROFILES || variant == VAR_EVERYTHING)
        n_profiles = 2;
    if (variant == VAR_EVERYTHING)
        n = 36;
    if (variant == VAR_MIXED_FLEET)
        n = 40;
    int nn = n + n_depots;
    corto_problem *p = new_problem(nn, n_dims);
    double *x = malloc((size_t)nn * sizeof *x);
    double *y = malloc((size_t)nn * sizeof *y);
    int64_t *m = malloc((size_t)nn * (size_t)nn * sizeof *m);
    int64_t *t = malloc((size_t)nn * (size_t)nn * sizeof *t);
    ck_assert(x && y && m && t);
    /* Limits need every client near the depot: a 600 x 600 box around it. */
    int box = variant == VAR_LIMITS ? 600 : 1000;
    for (int i = 0; i < nn; i++) {
        x[i] = test_rand_below(box);
        y[i] = test_rand_below(box);
    }
    x[0] = y[0] = box / 2;
    if (n_depots == 2) {
        x[1] = box / 5;
        y[1] = 4 * box / 5;
        ck_assert_int_eq(corto_problem_set_depot(p, 1, 1), CORTO_OK);
    }
    ck_assert_int_eq(corto_problem_set_profiles(p, n_profiles), CORTO_OK);
    euclid(m, nn, x, y, 1, 1);
    if (variant == VAR_ASYMMETRIC) {
        /* Distances with asymmetric noise, durations 2/3 of the Euclidean
         * length plus their own noise. */
        euclid(t, nn, x, y, 2, 3);
        for (int i = 0; i < nn; i++)
            for (int j = 0; j < nn; j++)
                if (i != j) {
                    m[i * nn + j] += test_rand_below(100);
                    t[i * nn + j] += test_rand_below(50);
                }
        ck_assert_int_eq(corto_problem_set_durations(p, 0, t), CORTO_OK);
    }
    ck_assert_int_eq(corto_problem_set_distances(p, 0, m), CORTO_OK);
    if (n_profiles == 2) {
        euclid(t, nn, x, y, 6, 5);
        ck_assert_int_eq(corto_problem_set_distances(p, 1, t), CORTO_OK);
        euclid(t, nn, x, y, 1, 2);
        ck_assert_int_eq(corto_problem_set_durations(p, 1, t), CORTO_OK);
    }

    /* Clients: demands 1..10 in dimension 0 unless the variant says
     * otherwise. */
    int64_t amount[CORTO_MAX_DIMS];
    for (int i = n_depots; i < nn; i++) {
        int64_t d0 = m[0 * nn + i];
        memset(amount, 0, sizeof amount);
        amount[0] = 1 + test_rand_below(10);
        int k = i - n_depots;
        switch (variant) {
        case VAR_TIME_WINDOWS: {
            int64_t open = d0 + test_rand_below(1500);
            ck_assert_int_eq(
                corto_problem_set_time_window(
                    p, i, open, open + 100 + test_rand_below(400)),
                CORTO_OK);
            ck_assert_int_eq(corto_problem_set_service(p, i, 10), CORTO_OK);
            break;
        }
        case VAR_LIMITS:
        case VAR_MIXED_FLEET:
            ck_assert_int_eq(corto_problem_set_service(p, i, 10), CORTO_OK);
            break;
        case VAR_SKILLS: {
            static const int sk[3][2] = {{1, 0}, {2, 0}, {1, 2}};
            int c = test_rand_below(4);
            if (c > 0)
                ck_assert_int_eq(
                    corto_problem_set_skills(p, i, sk[c - 1], c == 3 ? 2 : 1),
                    CORTO_OK);
            break;
        }
        case VAR_PRIZES:
            if (k % 2 == 0)
                ck_assert_int_eq(
                    corto_problem_set_prize(p, i, test_rand_below(400), 0),
                    CORTO_OK);
            break;
        case VAR_PAIRS:
            if (k % 2 == 0)
                ck_assert_int_eq(corto_problem_add_pair(p, i, i + 1, amount),
                                 CORTO_OK);
            amount[0] = 0;
            break;
        case VAR_MULTI_DIM: {
            int64_t pick[CORTO_MAX_DIMS];
            for (int d = 0; d < 3; d++) {
                amount[d] = test_rand_below(3) ? test_rand_below(9) : 0;
                pick[d] = test_rand_below(3) ? test_rand_below(9) : 0;
            }
            ck_assert_int_eq(corto_problem_set_pickup(p, i, pick), CORTO_OK);
            break;
        }
        case VAR_EVERYTHING: {
            static const int sk3[] = {3}, sk7[] = {7};
            ck_assert_int_eq(corto_problem_set_service(p, i, 5), CORTO_OK);
            int role = k % 6;
            if (role == 0 || role == 5) {
                int64_t open = d0 + test_rand_below(1000);
                ck_assert_int_eq(
                    corto_problem_set_time_window(
                        p, i, open, open + 300 + test_rand_below(300)),
                    CORTO_OK);
            }
            if (role == 1) {
                int64_t pick[2] = {test_rand_below(6), test_rand_below(6)};
                ck_assert_int_eq(corto_problem_set_pickup(p, i, pick),
                                 CORTO_OK);
                ck_assert_int_eq(corto_problem_set_skills(p, i, sk3, 1),
                                 CORTO_OK);
            }
            if (role == 2)
                ck_assert_int_eq(
                    corto_problem_set_prize(p, i, test_rand_below(600), 0),
                    CORTO_OK);
            if (role == 3) {
                int64_t pa[2] = {1 + test_rand_below(5), test_rand_below(5)};
                ck_assert_int_eq(corto_problem_add_pair(p, i, i + 1, pa),
                                 CORTO_OK);
            }
            if (role == 3 || role == 4)
                amount[0] = 0;
            if (role == 5) {
                amount[1] = 1 + test_rand_below(4);
                ck_assert_int_eq(corto_problem_set_skills(p, i, sk7, 1),
                                 CORTO_OK);
            }
            break;
        }
        default:
            break;
        }
        ck_assert_int_eq(corto_problem_set_demand(p, i, amount), CORTO_OK);
    }

    /* Fleets. */
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    int64_t cap[CORTO_MAX_DIMS] = {40, 40, 40};
    vt.capacity = cap;
    switch (variant) {
    case VAR_TIME_WINDOWS:
        cap[0] = 50;
        add_type(p, &vt);
        break;
    case VAR_ASYMMETRIC:
        vt.cost_per_duration = 1;
        add_type(p, &vt);
        break;
    case VAR_MIXED_FLEET: {
        /* 40 clients of about 5.5 each: room for 480 in 17 vehicles. */
        cap[0] = 30;
        vt.count = 6;
        vt.fixed_cost = 100;
        add_type(p, &vt);
        int64_t cap1 = 60, cap2 = 15;
        vt.capacity = &cap1;
        vt.count = 3;
        vt.fixed_cost = 300;
        vt.cost_per_distance = 2;
        add_type(p, &vt);
        vt.capacity = &cap2;
        vt.count = 8;
        vt.fixed_cost = 20;
        vt.cost_per_distance = 1;
        vt.cost_per_duration = 1;
        add_type(p, &vt);
        break;
    }
    case VAR_MULTI_DEPOT:
        add_type(p, &vt);
        vt.start_depot = vt.end_depot = 1;
        add_type(p, &vt);
        vt.count = 3;
        vt.start_depot = 0;
        vt.end_depot = 1;
        add_type(p, &vt);
        vt.count = 4;
        vt.start_depot = 1;
        vt.end_depot = -1;
        add_type(p, &vt);
        break;
    case VAR_LIMITS:
        /* A lone client: at most 2 * 425 + 10 = 860 of distance and time. */
        vt.shift_open = 100;
        vt.shift_close = 1600;
        add_type(p, &vt);
        corto_vehicle_type_init(&vt);
        vt.capacity = cap;
        vt.max_duration = 1300;
        vt.fixed_cost = 10;
        add_type(p, &vt);
        corto_vehicle_type_init(&vt);
        vt.capacity = cap;
        vt.max_distance = 1200;
        vt.cost_per_duration = 1;
        add_type(p, &vt);
        break;
    case VAR_SKILLS: {
        static const int s1[] = {1}, s2[] = {2}, s12[] = {1, 2};
        vt.skills = s1;
        vt.n_skills = 1;
        add_type(p, &vt);
        vt.skills = s2;
        add_type(p, &vt);
        vt.skills = s12;
        vt.n_skills = 2;
        vt.fixed_cost = 50;
        cap[0] = 30;
        add_type(p, &vt);
        vt.skills = NULL;
        vt.n_skills = 0;
        vt.fixed_cost = 0;
        vt.count = 3;
        add_type(p, &vt);
        break;
    }
    case VAR_PROFILES:
        vt.cost_per_duration = 1;
        add_type(p, &vt);
        vt.profile = 1;
        vt.count = 5;
        add_type(p, &vt);
        break;
    case VAR_PAIRS:
        cap[0] = 25;
        add_type(p, &vt);
        break;
    case VAR_MULTI_DIM:
        cap[2] = 30;
        add_type(p, &vt);
        break;
    case VAR_EVERYTHING: {
        static const int s37[] = {3, 7}, s3[] = {3}, s7[] = {7};
        /* The fallback: every skill, no limit, from depot 0. */
        cap[0] = cap[1] = 50;
        vt.skills = s37;
        vt.n_skills = 2;
        vt.fixed_cost = 200;
        vt.cost_per_duration = 1;
        add_type(p, &vt);
        int64_t cap1[2] = {30, 30}, cap2[2] = {20, 40};
        corto_vehicle_type_init(&vt);
        vt.capacity = cap1;
        vt.count = 4;
        vt.start_depot = vt.end_depot = 1;
        vt.skills = s3;
        vt.n_skills = 1;
        vt.fixed_cost = 50;
        vt.profile = 1;
        vt.shift_close = 4000;
        vt.max_duration = 2500;
        add_type(p, &vt);
        corto_vehicle_type_init(&vt);
        vt.capacity = cap2;
        vt.count = 3;
        vt.end_depot = -1;
        vt.cost_per_distance = 2;
        vt.max_distance = 3000;
        add_type(p, &vt);
        corto_vehicle_type_init(&vt);
        vt.capacity = cap;
        vt.count = 2;
        vt.start_depot = 1;
        vt.end_depot = 0;
        vt.skills = s7;
        vt.n_skills = 1;
        vt.profile = 1;
        vt.cost_per_duration = 2;
        vt.max_distance = 4000;
        add_type(p, &vt);
        break;
    }
    default:
        add_type(p, &vt);
        break;
    }
    free(x);
    free(y);
    free(m);
    free(t);
    ck_assert_int_eq(corto_problem_validate(p, NULL), CORTO_OK);
    return p;
}

/* Iterations of each random solve. */
#define RANDOM_ITERATIONS 200

/*
 * Loop index: variant * 3 + seed. With soft constraints (the default) and
 * without, the solve succeeds, serves each client at most once and every
 * required one, is feasible and confirmed by the checker, and repeats
 * itself exactly for the same seed.
 */
START_TEST(random_variants)
{
    int variant = _i / 3;
    uint64_t seed = (uint64_t)(_i % 3) + 1;
    corto_problem *p = random_variant(variant, seed);
    for (int soft = 1; soft >= 0; soft--) {
        corto_solution *a = solve(p, seed, RANDOM_ITERATIONS, soft);
        corto_solution *b = solve(p, seed, RANDOM_ITERATIONS, soft);
        ck_assert_int_eq(corto_solution_stop_reason(a),
                         CORTO_STOP_ITERATION_LIMIT);
        test_assert_clients_once(p, a);
        test_assert_checker_agrees(p, a);
        ck_assert_msg(corto_solution_get_status(a) == CORTO_SOLUTION_FEASIBLE,
                      "%s, seed %d, soft %d: infeasible",
                      variant_names[variant], (int)seed, soft);
        assert_required_served(p, a);
        test_assert_same_routes(a, b);
        corto_solution_destroy(a);
        corto_solution_destroy(b);
    }
    corto_problem_destroy(p);
}
END_TEST

static Suite *variants_suite(void)
{
    Suite *s = suite_create("variants");
    TCase *hand = tcase_create("hand");
    tcase_set_timeout(hand, 120);
    tcase_add_test(hand, hand_time_windows);
    tcase_add_test(hand, hand_asymmetric_durations);
    tcase_add_test(hand, hand_mixed_fleet);
    tcase_add_test(hand, hand_multi_depot);
    tcase_add_test(hand, hand_shift_and_limits);
    tcase_add_test(hand, hand_skills);
    tcase_add_test(hand, hand_two_profiles);
    tcase_add_test(hand, hand_visit_costs);
    tcase_add_test(hand, hand_prizes);
    tcase_add_test(hand, hand_pairs);
    tcase_add_test(hand, hand_multi_dim);
    tcase_add_test(hand, hand_everything);
    suite_add_tcase(s, hand);
    TCase *rnd = tcase_create("random");
    tcase_set_timeout(rnd, 300);
    tcase_add_loop_test(rnd, random_variants, 0, VAR_COUNT * 3);
    suite_add_tcase(s, rnd);
    return s;
}

int main(void)
{
    return test_run_suite(variants_suite());
}
