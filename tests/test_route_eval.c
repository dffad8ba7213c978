/*
 * test_route_eval.c — route evaluation by segments (solver/route_eval.c):
 * hand-computed segments (distances, Vidal's duration with waiting, time
 * warp, loads with pickups and pair amounts), associativity of seg_join,
 * and a property test holding route_eval_solution against the independent
 * checker (and a brute-force scan of departure times) on random instances.
 */
#include "corto.h"
#include "model.h"
#include "rng.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* The base problem of test_problems.h (nodes 0 = depot, 1, 2, 3). */
/* One vehicle type with the defaults but for cost_per_duration. */
static void add_default_vehicle(corto_problem *p, int64_t cost_per_duration)
{
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.cost_per_duration = cost_per_duration;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
}

START_TEST(node_segment_fields)
{
    corto_problem *p = test_base_problem(2);
    const int64_t dem[] = {3, 1}, pick[] = {1, 2};
    ck_assert_int_eq(corto_problem_set_demand(p, 2, dem), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_pickup(p, 2, pick), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 2, 4), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 30, 70), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_prize(p, 2, 9, 0), CORTO_OK);
    seg s;
    seg_node(&s, p, 2);
    ck_assert_int_eq(s.first, 2);
    ck_assert_int_eq(s.last, 2);
    ck_assert_int_eq(s.dist, 0);
    ck_assert_int_eq(s.dur, 4);
    ck_assert_int_eq(s.tw, 0);
    ck_assert_int_eq(s.early, 30);
    ck_assert_int_eq(s.late, 70);
    ck_assert_int_eq(s.prize, 9);
    ck_assert_int_eq(s.deliv[0], 3);
    ck_assert_int_eq(s.deliv[1], 1);
    ck_assert_int_eq(s.end[0], 1);
    ck_assert_int_eq(s.end[1], 2);
    ck_assert_int_eq(s.peak[0], 3);
    ck_assert_int_eq(s.peak[1], 2);

    /* The empty segment is the identity on both sides. */
    seg e, j;
    seg_empty(&e);
    seg_join(&j, &e, &s, p, 0);
    ck_assert_mem_eq(&j, &s, sizeof s);
    seg_join(&j, &s, &e, p, 0);
    ck_assert_mem_eq(&j, &s, sizeof s);
    corto_problem_destroy(p);
}
END_TEST

/*
 * Node 1 (service 5) then node 2 (window [50, 60], service 2), 5 apart in
 * distance and 10 in duration. delta = 5 + 10 = 15.
 */
START_TEST(join_duration_waiting_and_warp)
{
    corto_problem *p = test_base_problem(1);
    int64_t dur[16];
    test_base_dist_times(dur, 2);
    ck_assert_int_eq(corto_problem_set_durations(p, 0, dur), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 1, 5), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_service(p, 2, 2), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 50, 60), CORTO_OK);
    /* Window of node 1, then the joined segment's duration, time warp,
     * earliest and latest start. */
    static const struct {
        int64_t open1, close1, dur, tw, early, late;
    } cases[] = {
        /* No waiting, no warp; E = 50 - 15, L = 60 - 15. */
        {0, 100, 17, 0, 35, 45},
        /* 15 of waiting cannot be avoided; E = L = 20. */
        {0, 20, 32, 0, 20, 20},
        /* Node 2 reached at 65 at best, 5 late. */
        {50, 100, 17, 5, 50, 50},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        seg a, b, j;
        ck_assert_int_eq(corto_problem_set_time_window(p, 1, cases[k].open1,
                                                       cases[k].close1),
                         CORTO_OK);
        seg_node(&a, p, 1);
        seg_node(&b, p, 2);
        seg_join(&j, &a, &b, p, 0);
        ck_assert_int_eq(j.first, 1);
        ck_assert_int_eq(j.last, 2);
        ck_assert_int_eq(j.dist, 5);
        ck_assert_int_eq(j.dur, cases[k].dur);
        ck_assert_int_eq(j.tw, cases[k].tw);
        ck_assert_int_eq(j.early, cases[k].early);
        ck_assert_int_eq(j.late, cases[k].late);
    }
    corto_problem_destroy(p);
}
END_TEST

START_TEST(route_distance_cost_and_duration)
{
    corto_problem *p = test_base_problem(1);
    add_default_vehicle(p, 1);
    const int tour[] = {1, 2, 3};
    route_eval re;
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.dist, 53);
    ck_assert_int_eq(re.dur, 53);
    ck_assert_int_eq(re.cost, 106);
    ck_assert_int_eq(re.feasible, 1);

    /* Node 2 opens at 40: leaving at 25 avoids all waiting. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 40, 100), CORTO_OK);
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.dur, 53);
    ck_assert_int_eq(re.time_warp, 0);
    /* Node 1 closes at 10: leave at 0, wait 25, back at 78. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 1, 0, 10), CORTO_OK);
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.dur, 78);
    ck_assert_int_eq(re.time_warp, 0);
    ck_assert_int_eq(re.cost, 53 + 78);
    ck_assert_int_eq(re.feasible, 1);
    /* Node 2 closes at 12 instead: reached at 15, 3 of time warp. */
    ck_assert_int_eq(corto_problem_set_time_window(p, 1, 0, 100), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_time_window(p, 2, 0, 12), CORTO_OK);
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.time_warp, 3);
    ck_assert_int_eq(re.feasible, 0);

    /* The empty route costs nothing and is feasible. */
    route_eval_nodes(&re, p, 0, NULL, 0);
    ck_assert_int_eq(re.cost, 0);
    ck_assert_int_eq(re.feasible, 1);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(route_limits_and_open_route)
{
    corto_problem *p = test_base_problem(1);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.max_distance = 50;
    vt.max_duration = 48;
    vt.fixed_cost = 7;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.end_depot = -1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    const int tour[] = {1, 2, 3};
    route_eval re;
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.distance_excess, 3);
    ck_assert_int_eq(re.duration_excess, 5);
    ck_assert_int_eq(re.cost, 60);
    ck_assert_int_eq(re.feasible, 0);
    /* Open: 10 + 5 + 7 = 22, within both limits. */
    route_eval_nodes(&re, p, 1, tour, 3);
    ck_assert_int_eq(re.dist, 22);
    ck_assert_int_eq(re.dur, 22);
    ck_assert_int_eq(re.cost, 29);
    ck_assert_int_eq(re.feasible, 1);
    corto_problem_destroy(p);
}
END_TEST

START_TEST(shift_outside_depot_window_is_late)
{
    /* Depot 0 closes at 40, the shift opens at 50: no departure is on
     * time, whatever the route. The open route is late by exactly 10. */
    corto_problem *p = test_base_problem(1);
    ck_assert_int_eq(corto_problem_set_time_window(p, 0, 0, 40), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.shift_open = 50;
    vt.end_depot = -1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    vt.end_depot = 0;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    const int one[] = {1};
    route_eval re;
    route_eval_nodes(&re, p, 0, one, 1);
    ck_assert_int_eq(re.time_warp, 10);
    ck_assert_int_eq(re.feasible, 0);
    route_eval_nodes(&re, p, 1, one, 1);
    ck_assert_int_ge(re.time_warp, 10);
    ck_assert_int_eq(re.feasible, 0);
    /* With the shift opening at 40 the open route is on time (a closed
     * one would return after the depot closes). */
    corto_vehicle_type ok;
    corto_vehicle_type_init(&ok);
    ok.shift_open = 40;
    ok.end_depot = -1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &ok, NULL), CORTO_OK);
    route_eval_nodes(&re, p, 2, one, 1);
    ck_assert_int_eq(re.time_warp, 0);
    ck_assert_int_eq(re.dur, 10);
    ck_assert_int_eq(re.feasible, 1);
    corto_problem_destroy(p);
}
END_TEST

/*
 * Loads in two dimensions (test_set_two_dim_loads): demand 1 = (3,0),
 * 2 = (2,1), 3 = (0,4); pickup 1 = (1,2); pair 2 -> 3 carrying (1,1). On 1, 2,
 * 3 the load is (5,5) at the start, then (3,7), (2,7), (1,2): peaks (5,7).
 */
START_TEST(route_loads_pickups_and_pairs)
{
    corto_problem *p = test_base_problem(2);
    const int64_t pair[] = {1, 1}, cap[] = {4, 6};
    test_set_two_dim_loads(p);
    ck_assert_int_eq(corto_problem_add_pair(p, 2, 3, pair), CORTO_OK);
    test_add_vehicle(p, cap, CORTO_UNLIMITED);

    seg acc, one;
    seg_start(&acc, p, 0);
    const int tour[] = {1, 2, 3};
    for (int k = 0; k < 3; k++) {
        seg_node(&one, p, tour[k]);
        seg_join(&acc, &acc, &one, p, 0);
    }
    ck_assert_int_eq(acc.deliv[0], 5);
    ck_assert_int_eq(acc.deliv[1], 5);
    ck_assert_int_eq(acc.end[0], 1);
    ck_assert_int_eq(acc.end[1], 2);
    ck_assert_int_eq(acc.peak[0], 5);
    ck_assert_int_eq(acc.peak[1], 7);

    route_eval re;
    route_eval_nodes(&re, p, 0, tour, 3);
    ck_assert_int_eq(re.load_excess, 1 + 1);
    ck_assert_int_eq(re.feasible, 0);
    /* 3, 2, 1 delivers before it picks up: (5,5), (4,0), (3,0), (1,2). */
    const int rev[] = {3, 2, 1};
    route_eval_nodes(&re, p, 0, rev, 3);
    ck_assert_int_eq(re.load_excess, 1);
    corto_problem_destroy(p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Random instances                                                    */
/* ------------------------------------------------------------------ */

/* Uniform integer in [lo, hi]. */
static int64_t rnd(rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)rng_below(r, (uint64_t)(hi - lo + 1));
}

/* 1 with probability percent / 100. */
static int chance(rng *r, int percent)
{
    return (int)rng_below(r, 100) < percent;
}

/*
 * A random small problem: 1-2 depots and up to 8 clients, 2 demand
 * dimensions, 1-2 travel profiles with random asymmetric matrices, time
 * windows, service times, pickups, pairs, optional clients with prizes,
 * skills, and 1-3 vehicle types with random limits. Generous enough that
 * random solutions are often feasible, tight enough that they often are
 * not.
 */
static corto_problem *random_problem(rng *r)
{
    int n = (int)rnd(r, 3, 10);
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 2), CORTO_OK);
    int n_depots = chance(r, 30) ? 2 : 1;
    if (n_depots == 2)
        ck_assert_int_eq(corto_problem_set_depot(p, 1, 1), CORTO_OK);
    if (chance(r, 10))
        ck_assert_int_eq(corto_problem_set_kind(p, CORTO_KIND_TSP), CORTO_OK);
    int n_profiles = chance(r, 30) ? 2 : 1;
    ck_assert_int_eq(corto_problem_set_profiles(p, n_profiles), CORTO_OK);
    int64_t *m = malloc((size_t)n * (size_t)n * sizeof *m);
    ck_assert_ptr_nonnull(m);
    for (int prof = 0; prof < n_profiles; prof++) {
        for (int i = 0; i < n * n; i++)
            m[i] = i / n == i % n ? 0 : rnd(r, 1, 40);
        ck_assert_int_eq(corto_problem_set_distances(p, prof, m), CORTO_OK);
        if (chance(r, 50)) {
            for (int i = 0; i < n * n; i++)
                m[i] = i / n == i % n ? 0 : rnd(r, 0, 40);
            ck_assert_int_eq(corto_problem_set_durations(p, prof, m),
                             CORTO_OK);
        }
    }
    free(m);

    int windows = chance(r, 60);
    for (int i = 0; i < n_depots; i++)
        if (chance(r, 15)) {
            int64_t open = rnd(r, 0, 40);
            ck_assert_int_eq(corto_problem_set_time_window(
                                 p, i, open, open + rnd(r, 0, 400)),
                             CORTO_OK);
        }
    int paired = 0;
    for (int i = n_depots; i < n; i++) {
        int64_t dem[2], pick[2];
        for (int d = 0; d < 2; d++) {
            dem[d] = rnd(r, 0, 5);
            pick[d] = chance(r, 30) ? rnd(r, 0, 4) : 0;
        }
        ck_assert_int_eq(corto_problem_set_demand(p, i, dem), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_pickup(p, i, pick), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, i, rnd(r, 0, 10)),
                         CORTO_OK);
        if (windows && chance(r, 60)) {
            int64_t open = rnd(r, -20, 150);
            ck_assert_int_eq(corto_problem_set_time_window(
                                 p, i, open, open + rnd(r, 0, 200)),
                             CORTO_OK);
        }
        if (chance(r, 30))
            ck_assert_int_eq(
                corto_problem_set_prize(p, i, rnd(r, 0, 60), chance(r, 20)),
                CORTO_OK);
        if (chance(r, 15)) {
            int sk = (int)rnd(r, 0, 2);
            ck_assert_int_eq(corto_problem_set_skills(p, i, &sk, 1), CORTO_OK);
        }
        if (i + 1 < n && !paired && chance(r, 20)) {
            int64_t amount[2] = {rnd(r, 0, 3), rnd(r, 0, 3)};
            ck_assert_int_eq(corto_problem_add_pair(p, i, i + 1, amount),
                             CORTO_OK);
            paired = 1;
        }
    }

    int n_vt = (int)rnd(r, 1, 3);
    for (int v = 0; v < n_vt; v++) {
        corto_vehicle_type vt;
        corto_vehicle_type_init(&vt);
        int64_t cap[2] = {rnd(r, 5, 25), rnd(r, 5, 25)};
        int skills[3], n_skills = 0;
        for (int sk = 0; sk < 3; sk++)
            if (chance(r, 60))
                skills[n_skills++] = sk;
        if (chance(r, 60))
            vt.count = rnd(r, 1, 3);
        if (chance(r, 70))
            vt.capacity = cap;
        vt.start_depot = (int)rnd(r, 0, n_depots - 1);
        vt.end_depot = chance(r, 25) ? -1 : (int)rnd(r, 0, n_depots - 1);
        vt.fixed_cost = rnd(r, 0, 50);
        vt.cost_per_distance = rnd(r, 0, 3);
        vt.cost_per_duration = chance(r, 50) ? rnd(r, 0, 2) : 0;
        vt.shift_open = chance(r, 30) ? rnd(r, 0, 30) : 0;
        if (chance(r, 40))
            vt.shift_close = vt.shift_open + rnd(r, 80, 400);
        if (chance(r, 30))
            vt.max_duration = rnd(r, 40, 300);
        if (chance(r, 30))
            vt.max_distance = rnd(r, 40, 200);
        vt.profile = (int)rnd(r, 0, n_profiles - 1);
        vt.skills = skills;
        vt.n_skills = n_skills;
        ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL),
                         CORTO_OK);
    }
    return p;
}

/* A random solution: clients shuffled into 1-4 routes, some left out,
 * now and then one served twice. */
static corto_solution *random_solution(rng *r, const corto_problem *p)
{
    int n = p->n_nodes;
    int n_routes = (int)rnd(r, 1, 4);
    int *order = malloc((size_t)n * sizeof *order);
    int **routes = malloc((size_t)n_routes * sizeof *routes);
    int *len = calloc((size_t)n_routes, sizeof *len);
    ck_assert(order && routes && len);
    for (int k = 0; k < n_routes; k++) {
        routes[k] = malloc((size_t)(n + 1) * sizeof **routes);
        ck_assert_ptr_nonnull(routes[k]);
    }
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint64_t)i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (int i = 0; i < n; i++) {
        int node = order[i];
        if (p->is_depot[node] || chance(r, 10))
            continue;
        int k = (int)rng_below(r, (uint64_t)n_routes);
        routes[k][len[k]++] = node;
    }
    if (chance(r, 5) && len[0] > 0)
        routes[0][len[0]++] = routes[0][0];
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    for (int k = 0; k < n_routes; k++) {
        int vt = (int)rng_below(r, (uint64_t)p->n_vtypes);
        ck_assert_int_eq(corto_solution_add_route(s, vt, routes[k], len[k]),
                         CORTO_OK);
        free(routes[k]);
    }
    free(routes);
    free(len);
    free(order);
    return s;
}

/*
 * Brute force over integer departure times: the smallest duration of a
 * schedule that is never late (INT64_MAX when there is none), scanning
 * departures far enough that no later one can shorten the route.
 */
static int64_t brute_min_duration(const corto_problem *p, int vtype,
                                  const int *nodes, int n)
{
    const model_vehicle *v = &p->vtypes[vtype];
    int s = v->start_depot, e = v->end_depot;
    int64_t lo = v->shift_open > p->tw_open[s] ? v->shift_open : p->tw_open[s];
    int64_t hi =
        v->shift_close < p->tw_close[s] ? v->shift_close : p->tw_close[s];
    if (hi > lo + 1000)
        hi = lo + 1000;
    int64_t best = INT64_MAX;
    for (int64_t t = lo; t <= hi; t++) {
        int64_t time = t;
        int prev = s, late = 0;
        for (int k = 0; k < n; k++) {
            time += model_dur(p, v->profile, prev, nodes[k]);
            if (time < p->tw_open[nodes[k]])
                time = p->tw_open[nodes[k]];
            late |= time > p->tw_close[nodes[k]];
            time += p->service[nodes[k]];
            prev = nodes[k];
        }
        if (e >= 0) {
            time += model_dur(p, v->profile, prev, e);
            late |= time > v->shift_close || time > p->tw_close[e];
            if (time < v->shift_open)
                time = v->shift_open;
            if (time < p->tw_open[e])
                time = p->tw_open[e];
        }
        if (!late && time - t < best)
            best = time - t;
    }
    return best;
}

/* Sometimes require an edge the solution uses, sometimes a random one. */
static void maybe_fix_edge(rng *r, corto_problem *p, const corto_solution *s)
{
    if (!chance(r, 15))
        return;
    int from = (int)rng_below(r, (uint64_t)p->n_nodes);
    int to = (int)rng_below(r, (uint64_t)p->n_nodes);
    if (chance(r, 70) && s->n_routes > 0 && s->route_len[0] > 0) {
        const model_vehicle *v = &p->vtypes[s->route_vtype[0]];
        int k = (int)rng_below(r, (uint64_t)s->route_len[0]);
        from = k == 0 ? v->start_depot : s->routes[0][k - 1];
        to = s->routes[0][k];
    }
    if (from != to)
        ck_assert_int_eq(corto_problem_add_fixed_edge(p, from, to), CORTO_OK);
}

/* Field-by-field equality of two segments over the problem's dims. */
static void assert_seg_eq(const seg *a, const seg *b, int n_dims)
{
    ck_assert_int_eq(a->first, b->first);
    ck_assert_int_eq(a->last, b->last);
    ck_assert_int_eq(a->dist, b->dist);
    ck_assert_int_eq(a->dur, b->dur);
    ck_assert_int_eq(a->tw, b->tw);
    ck_assert_int_eq(a->early, b->early);
    ck_assert_int_eq(a->late, b->late);
    ck_assert_int_eq(a->prize, b->prize);
    for (int d = 0; d < n_dims; d++) {
        ck_assert_int_eq(a->deliv[d], b->deliv[d]);
        ck_assert_int_eq(a->end[d], b->end[d]);
        ck_assert_int_eq(a->peak[d], b->peak[d]);
    }
}

/* A segment of 1-3 random nodes (a depot now and then). */
static void random_seg(rng *r, seg *out, const corto_problem *p, int prof)
{
    int len = (int)rnd(r, 1, 3);
    seg one;
    seg_empty(out);
    for (int k = 0; k < len; k++) {
        seg_node(&one, p, (int)rng_below(r, (uint64_t)p->n_nodes));
        seg_join(out, out, &one, p, prof);
    }
}

START_TEST(join_is_associative)
{
    rng r;
    rng_seed(&r, 20240601);
    for (int it = 0; it < 300; it++) {
        corto_problem *p = random_problem(&r);
        int prof = (int)rng_below(&r, (uint64_t)p->n_profiles);
        for (int rep = 0; rep < 10; rep++) {
            seg a, b, c, ab, bc, left, right;
            if (chance(&r, 30))
                seg_start(&a, p, (int)rng_below(&r, (uint64_t)p->n_vtypes));
            else
                random_seg(&r, &a, p, prof);
            random_seg(&r, &b, p, prof);
            if (chance(&r, 30))
                seg_end(&c, p, (int)rng_below(&r, (uint64_t)p->n_vtypes));
            else
                random_seg(&r, &c, p, prof);
            seg_join(&ab, &a, &b, p, prof);
            seg_join(&left, &ab, &c, p, prof);
            seg_join(&bc, &b, &c, p, prof);
            seg_join(&right, &a, &bc, p, prof);
            assert_seg_eq(&left, &right, p->n_dims);
        }
        corto_problem_destroy(p);
    }
}
END_TEST

/*
 * route_eval_solution and corto_solution_check agree on feasibility every
 * time, and on cost whenever the cost is well defined for both (Vidal's
 * duration of a route with time warp counts time "travelled back", which
 * the checker's forward simulation does not, so duration costs of late
 * routes are not compared). Feasible routes also match the brute force.
 */
START_TEST(route_eval_agrees_with_checker)
{
    rng r;
    rng_seed(&r, 7);
    int n_feasible = 0, n_infeasible = 0, n_compared = 0;
    for (int it = 0; it < 400; it++) {
        corto_problem *p = random_problem(&r);
        int duration_costs = 0;
        for (int v = 0; v < p->n_vtypes; v++)
            duration_costs |= p->vtypes[v].cost_per_duration != 0;
        for (int rep = 0; rep < 3; rep++) {
            corto_solution *s = random_solution(&r, p);
            if (rep == 0)
                maybe_fix_edge(&r, p, s);
            route_eval_solution(s);
            corto_check_report ck;
            ck_assert_int_eq(corto_solution_check(&ck, p, s, INT64_MAX),
                             CORTO_OK);
            int feasible = s->status == CORTO_SOLUTION_FEASIBLE;
            if (feasible != ck.feasible)
                ck_abort_msg("instance %d/%d: route_eval says %s, checker "
                             "says %s (%s)",
                             it, rep, feasible ? "feasible" : "infeasible",
                             ck.feasible ? "feasible" : "infeasible",
                             ck.first);
            if (ck.violations[CORTO_VIOL_TIME_WINDOW] == 0 ||
                !duration_costs) {
                ck_assert_int_eq(s->cost, ck.cost);
                n_compared++;
            }
            if (feasible) {
                n_feasible++;
                int64_t dist = 0, dur = 0;
                for (int k = 0; k < s->n_routes; k++) {
                    route_eval re;
                    route_eval_nodes(&re, p, s->route_vtype[k], s->routes[k],
                                     s->route_len[k]);
                    if (s->route_len[k] > 0)
                        ck_assert_int_eq(
                            re.dur,
                            brute_min_duration(p, s->route_vtype[k],
                                               s->routes[k], s->route_len[k]));
                    dist += re.dist;
                    dur += re.dur;
                }
                ck_assert_int_eq(dist, ck.distance);
                ck_assert_int_eq(dur, ck.duration);
                /* The checker flags a wrong claim, and only then. */
                ck_assert_int_eq(corto_solution_check(&ck, p, s, s->cost),
                                 CORTO_OK);
                ck_assert_int_eq(ck.feasible, 1);
                ck_assert_int_eq(corto_solution_check(&ck, p, s, s->cost + 1),
                                 CORTO_OK);
                ck_assert_int_eq(ck.violations[CORTO_VIOL_COST], 1);
            } else {
                n_infeasible++;
            }
            corto_solution_destroy(s);
        }
        corto_problem_destroy(p);
    }
    /* Both outcomes must be well represented for the test to mean much. */
    ck_assert_int_ge(n_feasible, 120);
    ck_assert_int_ge(n_infeasible, 120);
    ck_assert_int_ge(n_compared, 600);
}
END_TEST

/* Route-level agreement: time warp is zero exactly when the brute force
 * finds a schedule, whatever else is wrong with the solution. */
START_TEST(time_warp_matches_brute_force)
{
    rng r;
    rng_seed(&r, 99);
    int n_warp = 0, n_ok = 0;
    for (int it = 0; it < 300; it++) {
        corto_problem *p = random_problem(&r);
        corto_solution *s = random_solution(&r, p);
        for (int k = 0; k < s->n_routes; k++) {
            if (s->route_len[k] == 0)
                continue;
            route_eval re;
            route_eval_nodes(&re, p, s->route_vtype[k], s->routes[k],
                             s->route_len[k]);
            int64_t brute = brute_min_duration(p, s->route_vtype[k],
                                               s->routes[k], s->route_len[k]);
            if (re.time_warp == 0) {
                ck_assert_int_eq(re.dur, brute);
                n_ok++;
            } else {
                ck_assert(brute == INT64_MAX);
                n_warp++;
            }
        }
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
    ck_assert_int_ge(n_warp, 50);
    ck_assert_int_ge(n_ok, 50);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("route_eval");
    TCase *tc = tcase_create("segments");
    tcase_add_test(tc, node_segment_fields);
    tcase_add_test(tc, join_duration_waiting_and_warp);
    tcase_add_test(tc, route_distance_cost_and_duration);
    tcase_add_test(tc, route_limits_and_open_route);
    tcase_add_test(tc, shift_outside_depot_window_is_late);
    tcase_add_test(tc, route_loads_pickups_and_pairs);
    suite_add_tcase(s, tc);
    TCase *prop = tcase_create("properties");
    tcase_add_test(prop, join_is_associative);
    tcase_add_test(prop, route_eval_agrees_with_checker);
    tcase_add_test(prop, time_warp_matches_brute_force);
    suite_add_tcase(s, prop);
    return test_run_suite(s);
}
