/*
 * test_check.c — the independent checker (corto_solution_check) on small
 * problems built through the public API, with hand-computed answers: one
 * test per kind of violation, and exact costs of correct solutions. The
 * base problem and its distances are in support/test_problems.h.
 */
#include "corto.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tour most cases use: 0 -> 1 -> 2 -> 3 -> 0, distance 53. */
static const int tour123[] = {1, 2, 3};

/* The base problem with one default vehicle type (unlimited, cost =
 * distance). */
static corto_problem *simple_problem(void)
{
    corto_problem *p = test_base_problem(1);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    return p;
}

/* One route of a solution under test. */
typedef struct route_spec {
    int vtype;
    const int *nodes;
    int n;
} route_spec;

/* A solution of the given routes (every call must succeed). */
static corto_solution *build_solution(const corto_problem *p,
                                      const route_spec *routes, int n_routes)
{
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    for (int r = 0; r < n_routes; r++)
        ck_assert_int_eq(corto_solution_add_route(
                             s, routes[r].vtype, routes[r].nodes, routes[r].n),
                         CORTO_OK);
    return s;
}

/* Check the solution of the given routes against claimed into rep (the
 * check must run: CORTO_OK); the solution is freed again. */
static void check_routes(corto_check_report *rep, const corto_problem *p,
                         const route_spec *routes, int n_routes,
                         int64_t claimed)
{
    corto_solution *s = build_solution(p, routes, n_routes);
    ck_assert_int_eq(corto_solution_check(rep, p, s, claimed), CORTO_OK);
    corto_solution_destroy(s);
}

/* check_routes for a single route on vehicle type vtype. */
static void check_route(corto_check_report *rep, const corto_problem *p,
                        int vtype, const int *nodes, int n, int64_t claimed)
{
    const route_spec one = {vtype, nodes, n};
    check_routes(rep, p, &one, 1, claimed);
}

/* check_route for 1, 2, 3 on vehicle type vtype, no claimed cost. */
static void check_tour(corto_check_report *rep, const corto_problem *p,
                       int vtype)
{
    check_route(rep, p, vtype, tour123, 3, INT64_MAX);
}

/* Violations of every kind together. */
static int total_violations(const corto_check_report *r)
{
    int t = 0;
    for (int k = 0; k < CORTO_VIOL_COUNT; k++)
        t += r->violations[k];
    return t;
}

/* Exactly one violation, of the given kind, described in r->first (which
 * mentions `mention` unless that is NULL). */
static void assert_only(const corto_check_report *r, corto_violation kind,
                        const char *mention)
{
    ck_assert_int_eq(r->feasible, 0);
    ck_assert_int_eq(r->violations[kind], 1);
    ck_assert_int_eq(total_violations(r), 1);
    ck_assert_int_ne((int)strlen(r->first), 0);
    if (mention)
        ck_assert_msg(strstr(r->first, mention) != NULL,
                      "'%s' does not mention '%s'", r->first, mention);
}

/* No violation at all. */
static void assert_clean(const corto_check_report *r)
{
    ck_assert_int_eq(r->feasible, 1);
    ck_assert_int_eq(total_violations(r), 0);
}

/* The tour 1, 2, 3 breaks only `kind` on vehicle type 0 (mentioning
 * `mention`, unless NULL) and nothing on vehicle type 1. */
static void assert_type0_only_type1_clean(const corto_problem *p,
                                          corto_violation kind,
                                          const char *mention)
{
    corto_check_report rep;
    check_tour(&rep, p, 0);
    assert_only(&rep, kind, mention);
    check_tour(&rep, p, 1);
    assert_clean(&rep);
}

/* The tour 1, 2, 3 on vehicle type 0 is feasible with these totals. */
static void assert_clean_tour_totals(const corto_problem *p, int64_t distance,
                                     int64_t duration, int64_t cost)
{
    corto_check_report rep;
    check_tour(&rep, p, 0);
    assert_clean(&rep);
    ck_assert_int_eq(rep.distance, distance);
    ck_assert_int_eq(rep.duration, duration);
    ck_assert_int_eq(rep.cost, cost);
}

START_TEST(accepts_feasible_with_exact_cost)
{
    corto_problem *p = simple_problem();
    corto_check_report rep;
    const int r1[] = {1, 2}, r2[] = {3};
    const route_spec two[] = {{0, r1, 2}, {0, r2, 1}, {0, NULL, 0}};
    check_routes(&rep, p, two, 3, 97);
    assert_clean(&rep);
    ck_assert_int_eq(rep.cost, 97);
    ck_assert_int_eq(rep.distance, 97);
    ck_assert_int_eq(rep.duration, 97);
    ck_assert_int_eq(rep.routes_used, 2);

    const int tour[] = {3, 2, 1};
    check_route(&rep, p, 0, tour, 3, INT64_MAX);
    assert_clean(&rep);
    ck_assert_int_eq(rep.cost, 55);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(costs_fixed_distance_duration_and_service)
{
    corto_problem *p = test_base_problem(1);
    int64_t dur[16];
    test_base_dist_times(dur, 2);
    ck_assert_int_eq(corto_problem_set_durations(p, 0, dur), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 1, 4), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.fixed_cost = 100;
    vt.cost_per_distance = 2;
    vt.cost_per_duration = 1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    /* distance 53, duration 2*53 + 4 = 110: 100 + 2*53 + 110 = 316 */
    assert_clean_tour_totals(p, 53, 110, 316);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(open_route_has_no_return_leg)
{
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_service(p, 3, 6), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.end_depot = -1;
    vt.cost_per_duration = 1;
    vt.shift_close = 20; /* a latest return means nothing without return */
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    /* 10 + 5 + 7 = 22 distance; duration 22 + service 6 = 28 */
    assert_clean_tour_totals(p, 22, 28, 50);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(prizes_of_optional_clients)
{
    corto_problem *p = simple_problem();
    ck_assert_int_eq(corto_problem_set_prize(p, 3, 40, 0), CORTO_OK);
    corto_check_report rep;
    const int part[] = {1, 2};
    check_route(&rep, p, 0, part, 2, 36);
    assert_clean(&rep);
    ck_assert_int_eq(rep.cost, 36);

    check_route(&rep, p, 0, tour123, 3, 13);
    assert_clean(&rep);
    ck_assert_int_eq(rep.cost, 53 - 40);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_missing_client)
{
    corto_problem *p = simple_problem();
    const int part[] = {1, 3};
    corto_check_report rep;
    check_route(&rep, p, 0, part, 2, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_MISSING, "node 2");
    /* 10 + 15 + 31 */
    ck_assert_int_eq(rep.cost, 56);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_duplicate_client)
{
    corto_problem *p = simple_problem();
    const int tour[] = {1, 2, 1, 3};
    corto_check_report rep;
    check_route(&rep, p, 0, tour, 4, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_DUPLICATE, "node 1");
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_bad_nodes)
{
    /* Out of range, negative, and a depot among the clients. */
    static const struct {
        int nodes[4];
        const char *mention;
    } bad[] = {
        {{1, 7, 2, 3}, "node 7"},
        {{1, 2, 3, -1}, NULL},
        {{1, 0, 2, 3}, "depot 0"},
    };
    corto_problem *p = simple_problem();
    corto_check_report rep;
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        check_route(&rep, p, 0, bad[k].nodes, 4, INT64_MAX);
        assert_only(&rep, CORTO_VIOL_BAD_NODE, bad[k].mention);
    }

    /* A vehicle type that does not exist: the route is not evaluated, so
     * its clients are missing too. */
    check_tour(&rep, p, 5);
    ck_assert_int_eq(rep.feasible, 0);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_BAD_NODE], 1);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_MISSING], 3);
    ck_assert_ptr_nonnull(strstr(rep.first, "vehicle type 5"));
    corto_problem_destroy(p);
}
END_TEST

/*
 * Two dimensions (test_set_two_dim_loads) and a pickup 3 = (4,0). On 1, 2,
 * 3 the load is (5,5) at the start, then (3,7), (1,6), (5,2): peaks (5,7).
 */
static corto_problem *two_dim_problem(const int64_t *cap)
{
    corto_problem *p = test_base_problem(2);
    const int64_t p3[] = {4, 0};
    test_set_two_dim_loads(p);
    ck_assert_int_eq(corto_problem_set_pickup(p, 3, p3), CORTO_OK);
    test_add_vehicle(p, cap, CORTO_UNLIMITED);
    return p;
}

START_TEST(multi_dim_loads_with_pickups)
{
    corto_check_report rep;
    const int64_t exact[] = {5, 7};
    corto_problem *p = two_dim_problem(exact);
    check_route(&rep, p, 0, tour123, 3, 53);
    assert_clean(&rep);
    corto_problem_destroy(p);

    /* Dimension 1 overflows after the pickup at node 1. */
    const int64_t tight1[] = {5, 6};
    p = two_dim_problem(tight1);
    check_tour(&rep, p, 0);
    assert_only(&rep, CORTO_VIOL_CAPACITY, "node 1");
    ck_assert_ptr_nonnull(strstr(rep.first, "dimension 1"));
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_over_capacity_at_start)
{
    corto_check_report rep;
    /* Dimension 0 is 5 when leaving the depot; the peak later is also 5. */
    const int64_t tight0[] = {4, 7};
    corto_problem *p = two_dim_problem(tight0);
    check_tour(&rep, p, 0);
    assert_only(&rep, CORTO_VIOL_CAPACITY, "leaves the depot");
    /* 1,2 | 3 still leaves with 5 in dimension 0; 1 | 2,3 fits: 1 carries
     * (3,0) -> (1,2), and 2,3 carries (2,5) -> (0,4) -> (4,0). */
    const int r1[] = {1, 2}, r2[] = {3}, r3[] = {1}, r4[] = {2, 3};
    const route_spec over[] = {{0, r1, 2}, {0, r2, 1}};
    const route_spec fits[] = {{0, r3, 1}, {0, r4, 2}};
    check_routes(&rep, p, over, 2, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_CAPACITY, "route 0");
    check_routes(&rep, p, fits, 2, INT64_MAX);
    assert_clean(&rep);
    /* 10 + 11 and 20 + 7 + 31 */
    ck_assert_int_eq(rep.cost, 79);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(waiting_and_minimal_duration)
{
    /* Node 2 opens at 40; distance 53, cost = distance + duration. */
    static const struct {
        int64_t close1; /* latest service at node 1; < 0: no window */
        int64_t duration;
    } cases[] = {
        /* Leaving at 0 one waits 25 at node 2; the checker leaves at 25
         * instead: 25 -> 35 (1) -> 40 (2) -> 47 (3) -> 78. */
        {-1, 53},
        /* Node 1 must be served by 10, so the vehicle leaves at 0 and
         * waits: back at 78, duration 78. */
        {10, 78},
        /* Node 1 by 14: leave at 4, back at 78, duration 74. */
        {14, 74},
    };
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 40, 100), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.cost_per_duration = 1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        if (cases[k].close1 >= 0)
            ck_assert_int_eq(
                corto_problem_set_time_window(p, 1, 0, cases[k].close1),
                CORTO_OK);
        assert_clean_tour_totals(p, 53, cases[k].duration,
                                 53 + cases[k].duration);
    }
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_time_window)
{
    /* Arrival at node 2 at 15 at the earliest, after its close at 12. */
    corto_problem *p = simple_problem();
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 12), CORTO_OK);
    corto_check_report rep;
    check_tour(&rep, p, 0);
    assert_only(&rep, CORTO_VIOL_TIME_WINDOW, "node 2");
    ck_assert_ptr_nonnull(strstr(rep.first, "15"));

    /* 0 -> 3 -> 2 reaches node 2 at 38: fine for [0, 40], late for
     * [0, 37]. */
    const int rev[] = {3, 2, 1};
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 40), CORTO_OK);
    check_route(&rep, p, 0, rev, 3, INT64_MAX);
    assert_clean(&rep);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 37), CORTO_OK);
    check_route(&rep, p, 0, rev, 3, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_TIME_WINDOW, NULL);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_late_return_and_shift)
{
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 40, 100), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.shift_close = 77; /* the earliest return is 78 */
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.shift_close = 78;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    assert_type0_only_type1_clean(p, CORTO_VIOL_TIME_WINDOW, "end depot");

    /* A depot window closing at 40 and a shift opening at 50 leave no
     * departure time at all. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 0, 0, 40), CORTO_OK);
    corto_vehicle_type late;
    corto_vehicle_type_init(&late);
    late.shift_open = 50;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &late, NULL), CORTO_OK);
    corto_check_report rep;
    check_tour(&rep, p, 2);
    ck_assert_int_eq(rep.feasible, 0);
    ck_assert_int_ge(rep.violations[CORTO_VIOL_TIME_WINDOW], 1);
    ck_assert_ptr_nonnull(strstr(rep.first, "no departure"));
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_duration_limit)
{
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_service(p, 2, 3), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.max_duration = 55; /* the route takes 53 + 3 = 56 */
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.max_duration = 56;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    assert_type0_only_type1_clean(p, CORTO_VIOL_DURATION, "56");

    /* Waiting counts only when it cannot be avoided: with node 2 opening
     * at 40 the minimal duration is still 56. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 40, 100), CORTO_OK);
    corto_check_report rep;
    check_tour(&rep, p, 1);
    assert_clean(&rep);
    ck_assert_int_eq(rep.duration, 56);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_distance_limit)
{
    corto_problem *p = test_base_problem(1);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.max_distance = 52;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.max_distance = 53;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    assert_type0_only_type1_clean(p, CORTO_VIOL_DISTANCE, NULL);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_fleet_size)
{
    corto_problem *p = test_base_problem(1);
    test_add_vehicle(p, NULL, 1);
    test_add_vehicle(p, NULL, 1);
    const int r1[] = {1, 2}, r2[] = {3};
    const route_spec too_many[] = {{0, r1, 2}, {0, r2, 1}, {1, NULL, 0}};
    corto_check_report rep;
    check_routes(&rep, p, too_many, 3, 97);
    assert_only(&rep, CORTO_VIOL_FLEET, "vehicle type 0");

    /* One route of each type is fine; empty routes do not count. */
    const route_spec one_each[] = {{0, r1, 2}, {1, r2, 1}, {0, NULL, 0}};
    check_routes(&rep, p, one_each, 3, 97);
    assert_clean(&rep);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_missing_skill)
{
    corto_problem *p = test_base_problem(1);
    const int need[] = {3, 700};
    ck_assert_int_eq(corto_problem_set_skills(p, 2, need, 2), CORTO_OK);
    const int some[] = {1, 3}, all[] = {700, 1, 3};
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.skills = some;
    vt.n_skills = 2;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.skills = all;
    vt.n_skills = 3;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    corto_check_report rep;
    for (int v = 0; v < 2; v++) {
        check_tour(&rep, p, v);
        assert_only(&rep, CORTO_VIOL_SKILL, "node 2");
    }
    check_tour(&rep, p, 2);
    assert_clean(&rep);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_pairing)
{
    corto_problem *p = simple_problem();
    const int64_t amount[] = {2};
    ck_assert_int_eq(corto_problem_add_pair(p, 1, 3, amount), CORTO_OK);
    corto_check_report rep;

    check_route(&rep, p, 0, tour123, 3, 53);
    assert_clean(&rep);

    const int reversed[] = {3, 2, 1};
    check_route(&rep, p, 0, reversed, 3, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_PAIRING, "before");

    const int r1[] = {1, 2}, r2[] = {3};
    const route_spec split[] = {{0, r1, 2}, {0, r2, 1}};
    check_routes(&rep, p, split, 2, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_PAIRING, NULL);

    /* Optional pair: both absent is fine, one alone is not. */
    ck_assert_int_eq(corto_problem_set_prize(p, 1, 0, 0), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_prize(p, 3, 0, 0), CORTO_OK);
    const int two[] = {2};
    check_route(&rep, p, 0, two, 1, 41);
    assert_clean(&rep);
    const int pick_only[] = {1, 2};
    check_route(&rep, p, 0, pick_only, 2, INT64_MAX);
    assert_only(&rep, CORTO_VIOL_PAIRING, "pickup");
    corto_problem_destroy(p);
}
END_TEST

START_TEST(pair_amounts_count_in_the_load)
{
    /* Pair 1 -> 3 carries 2; node 2 receives 1 from the depot. On 1, 2, 3
     * the load is 1, 3, 2, 0: capacity 3 holds, 2 does not. */
    const int64_t amount[] = {2}, one[] = {1};
    corto_check_report rep;
    for (int64_t cap = 2; cap <= 3; cap++) {
        corto_problem *p = test_base_problem(1);
        ck_assert_int_eq(corto_problem_add_pair(p, 1, 3, amount), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_demand(p, 2, one), CORTO_OK);
        test_add_vehicle(p, &cap, CORTO_UNLIMITED);
        check_tour(&rep, p, 0);
        if (cap == 3)
            assert_clean(&rep);
        else
            assert_only(&rep, CORTO_VIOL_CAPACITY, "node 1");
        corto_problem_destroy(p);
    }
}
END_TEST

START_TEST(detects_fixed_edge)
{
    corto_problem *p = simple_problem();
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 2, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 0, 3), CORTO_OK);
    const int rev[] = {3, 2, 1};
    corto_check_report rep;
    /* 1, 2, 3 uses 1 -> 2 and 3 -> 0, neither fixed edge. */
    check_tour(&rep, p, 0);
    ck_assert_int_eq(rep.feasible, 0);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_FIXED_EDGE], 2);
    ck_assert_int_eq(total_violations(&rep), 2);
    ck_assert_ptr_nonnull(strstr(rep.first, "2 -> 1"));
    /* 3, 2, 1 uses both, the depot leg included. */
    check_route(&rep, p, 0, rev, 3, INT64_MAX);
    assert_clean(&rep);
    /* A symmetric TSP accepts either direction. */
    ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_TSP), CORTO_OK);
    check_tour(&rep, p, 0);
    assert_clean(&rep);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(detects_wrong_claimed_cost)
{
    corto_problem *p = simple_problem();
    corto_check_report rep;
    check_route(&rep, p, 0, tour123, 3, 53);
    assert_clean(&rep);
    check_route(&rep, p, 0, tour123, 3, 52);
    assert_only(&rep, CORTO_VIOL_COST, "52");
    ck_assert_ptr_nonnull(strstr(rep.first, "53"));
    ck_assert_int_eq(rep.cost, 53);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(coordinates_without_matrix)
{
    /* Depot (0,0), 1 at (3,4), 2 at (3,0): 0 -> 1 -> 2 -> 0 = 5 + 4 + 3. */
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, 3, 1), CORTO_OK);
    const double x[] = {0, 3, 3}, y[] = {0, 4, 0};
    corto_check_report rep;
    const int tour[] = {1, 2};
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    const route_spec one = {0, tour, 2};
    corto_solution *s = build_solution(p, &one, 1);
    /* Neither matrix nor coordinates: the problem is incomplete. */
    ck_assert_int_eq(corto_solution_check(&rep, p, s, INT64_MAX),
                     CORTO_ERR_MODEL);
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    ck_assert_int_eq(corto_solution_check(&rep, p, s, 12), CORTO_OK);
    assert_clean(&rep);
    ck_assert_int_eq(rep.cost, 12);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(second_profile_and_end_depot)
{
    /* Profile 1 doubles distances; the vehicle ends at depot 3. */
    corto_problem *p = test_base_problem(1);
    int64_t twice[16];
    test_base_dist_times(twice, 2);
    ck_assert_int_eq(corto_problem_set_profiles(p, 2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_distances(p, 1, twice), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_depot(p, 3, 1), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.profile = 1;
    vt.end_depot = 3;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    const int tour[] = {1, 2};
    corto_check_report rep;
    check_route(&rep, p, 0, tour, 2, INT64_MAX);
    assert_clean(&rep);
    /* 2 * (10 + 5 + 7) */
    ck_assert_int_eq(rep.cost, 44);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(rejects_null_arguments)
{
    corto_problem *p = simple_problem();
    corto_solution *s = build_solution(p, NULL, 0);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(NULL, p, s, 0), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(corto_solution_check(&rep, NULL, s, 0),
                     CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(corto_solution_check(&rep, p, NULL, 0),
                     CORTO_ERR_ARGUMENT);
    /* The empty solution misses every client. */
    ck_assert_int_eq(corto_solution_check(&rep, p, s, 0), CORTO_OK);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_MISSING], 3);
    ck_assert_int_eq(rep.cost, 0);
    ck_assert_int_eq(rep.routes_used, 0);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Optimal solutions published with CVRPLIB instances pass, at their
 * published cost (see instances/MANIFEST.csv). */
START_TEST(published_optimal_solutions_pass)
{
    static const struct {
        const char *name;
        int64_t cost;
    } known[] = {{"A-n32-k5", 784}, {"E-n13-k4", 247}, {"P-n16-k8", 450}};
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        char vrp[256], sol[256];
        int64_t claimed = 0;
        snprintf(vrp, sizeof vrp, "instances/%s.vrp", known[k].name);
        snprintf(sol, sizeof sol, "instances/%s.sol", known[k].name);
        corto_problem *p = test_load_problem(vrp);
        corto_solution *s = test_load_solution(p, sol, &claimed);
        ck_assert_int_eq(claimed, known[k].cost);
        corto_check_report rep;
        ck_assert_int_eq(corto_solution_check(&rep, p, s, claimed), CORTO_OK);
        ck_assert_msg(rep.feasible, "%s: %s", known[k].name, rep.first);
        ck_assert_int_eq(rep.cost, known[k].cost);
        /* Dropping a route makes its clients missing. */
        corto_solution *fewer = NULL;
        ck_assert_int_eq(corto_solution_create(&fewer, p), CORTO_OK);
        int n_missing = 0;
        for (int r = 0; r < corto_solution_n_routes(s); r++) {
            int n = 0;
            const int *nodes = corto_solution_route(s, r, &n);
            if (r == 0)
                n_missing = n;
            else
                ck_assert_int_eq(corto_solution_add_route(
                                     fewer,
                                     corto_solution_route_vehicle_type(s, r),
                                     nodes, n),
                                 CORTO_OK);
        }
        ck_assert_int_eq(corto_solution_check(&rep, p, fewer, INT64_MAX),
                         CORTO_OK);
        ck_assert_int_eq(rep.violations[CORTO_VIOL_MISSING], n_missing);
        corto_solution_destroy(fewer);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* Every violation kind has its own printable name. */
START_TEST(violation_names_distinct)
{
    for (int k = 0; k < CORTO_VIOL_COUNT; k++) {
        const char *a = corto_violation_string((corto_violation)k);
        ck_assert_str_ne(a, "unknown");
        for (int j = k + 1; j < CORTO_VIOL_COUNT; j++)
            ck_assert_str_ne(a, corto_violation_string((corto_violation)j));
    }
    ck_assert_str_eq(corto_violation_string(CORTO_VIOL_COUNT), "unknown");
    ck_assert_str_eq(corto_violation_string(CORTO_VIOL_FIXED_EDGE),
                     "fixed-edge");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, accepts_feasible_with_exact_cost);
    tcase_add_test(tc, violation_names_distinct);
    tcase_add_test(tc, costs_fixed_distance_duration_and_service);
    tcase_add_test(tc, open_route_has_no_return_leg);
    tcase_add_test(tc, prizes_of_optional_clients);
    tcase_add_test(tc, detects_missing_client);
    tcase_add_test(tc, detects_duplicate_client);
    tcase_add_test(tc, detects_bad_nodes);
    tcase_add_test(tc, multi_dim_loads_with_pickups);
    tcase_add_test(tc, detects_over_capacity_at_start);
    tcase_add_test(tc, waiting_and_minimal_duration);
    tcase_add_test(tc, detects_time_window);
    tcase_add_test(tc, detects_late_return_and_shift);
    tcase_add_test(tc, detects_duration_limit);
    tcase_add_test(tc, detects_distance_limit);
    tcase_add_test(tc, detects_fleet_size);
    tcase_add_test(tc, detects_missing_skill);
    tcase_add_test(tc, detects_pairing);
    tcase_add_test(tc, pair_amounts_count_in_the_load);
    tcase_add_test(tc, detects_fixed_edge);
    tcase_add_test(tc, detects_wrong_claimed_cost);
    tcase_add_test(tc, coordinates_without_matrix);
    tcase_add_test(tc, second_profile_and_end_depot);
    tcase_add_test(tc, rejects_null_arguments);
    tcase_add_test(tc, published_optimal_solutions_pass);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
