/*
 * test_pairs.c — pickup-delivery pairs in the VRP search: units that keep a
 * pair's ends apart but linked, the O(len^2) pair insertion against a
 * brute-force enumeration of every (pickup, delivery) position, removals
 * that take both ends, loading and storing interleaved routes, a small
 * hand-computed case whose optimum interleaves two pairs, and property
 * runs on random pickup-delivery instances (tight and loose capacities,
 * time windows) checked by the independent checker.
 */
#include "construct.h"
#include "corto.h"
#include "destroy.h"
#include "repair.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"
#include "vrp_state.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * Depot 0, pair 1 -> 2 and pair 3 -> 4 (amount 1 each). Distances are
 * those of points on a line at 0, 10, 20, 12, 22, except 4 -> 2, which
 * costs 3 more. The six orders with each pickup first (back to 0):
 *   1 2 3 4: 10 + 10 + 8 + 10 + 22 = 60
 *   1 3 2 4: 10 +  2 + 8 +  2 + 22 = 44   (interleaved, the optimum)
 *   1 3 4 2: 10 +  2 + 10 + 5 + 20 = 47
 *   3 1 2 4: 12 +  2 + 10 + 2 + 22 = 48
 *   3 1 4 2: 12 +  2 + 12 + 5 + 20 = 51
 *   3 4 1 2: 12 + 10 + 12 + 10 + 20 = 64
 * With capacity 1 only 1 2 3 4 (60) and 3 4 1 2 (64) carry one load at a
 * time.
 */
static const int64_t pairs_small_dist[25] = {
    0,  10, 20, 12, 22, /* from 0 */
    10, 0,  10, 2,  12, /* from 1 */
    20, 10, 0,  8,  2,  /* from 2 */
    12, 2,  8,  0,  10, /* from 3 */
    22, 12, 5,  10, 0,  /* from 4 */
};

static corto_problem *pairs_small(int64_t cap)
{
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, 5, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_distances(p, 0, pairs_small_dist),
                     CORTO_OK);
    int64_t one = 1;
    ck_assert_int_eq(corto_problem_add_pair(p, 1, 2, &one), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 3, 4, &one), CORTO_OK);
    test_add_vehicle(p, &cap, 1);
    return p;
}

/*
 * Random pickup-delivery instance: depot 0, pairs (2k-1 -> 2k) for
 * k = 1..n_pairs with amounts 1..10, then n_single clients with demand
 * 1..5, points in [0, 1000)^2. With tw set, every other pair gets windows
 * that the route depot -> pickup -> delivery -> depot meets by waiting:
 * pickup [o, o + 300] with o >= 1500 (beyond any first leg), delivery
 * [o2, o2 + 300] with o2 at least o + service + 1500. Not prepared.
 */
static corto_problem *pairs_random(int n_pairs, int n_single, uint64_t seed,
                                   int64_t cap, int64_t count, int tw)
{
    int n = 1 + 2 * n_pairs + n_single;
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, n, 1), CORTO_OK);
    test_rand_seed(seed);
    double *x = malloc((size_t)n * sizeof *x);
    double *y = malloc((size_t)n * sizeof *y);
    ck_assert(x && y);
    for (int i = 0; i < n; i++) {
        x[i] = test_rand_below(1000);
        y[i] = test_rand_below(1000);
    }
    ck_assert_int_eq(corto_problem_set_coords(p, x, y), CORTO_OK);
    free(x);
    free(y);
    for (int k = 1; k <= n_pairs; k++) {
        int64_t q = 1 + test_rand_below(10);
        ck_assert_int_eq(corto_problem_add_pair(p, 2 * k - 1, 2 * k, &q),
                         CORTO_OK);
        if (!tw || k % 2)
            continue;
        int64_t o = 1500 + test_rand_below(2000);
        int64_t o2 = o + 10 + 1500 + test_rand_below(600);
        ck_assert_int_eq(
            corto_problem_set_time_window(p, 2 * k - 1, o, o + 300), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_time_window(p, 2 * k, o2, o2 + 300),
                         CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, 2 * k - 1, 10),
                         CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, 2 * k, 10), CORTO_OK);
    }
    for (int i = 1 + 2 * n_pairs; i < n; i++) {
        int64_t q = 1 + test_rand_below(5);
        ck_assert_int_eq(corto_problem_set_demand(p, i, &q), CORTO_OK);
    }
    test_add_vehicle(p, &cap, count);
    return p;
}

/*
 * Pairs with fixed edges and skills: 12 pairs and singles 25..28 of
 * pairs_random, fixed edges 25 -> 1 (a single before pair 1's pickup) and
 * 4 -> 26 (pair 2's delivery before a single), and pair 3 (5 -> 6)
 * needing skill 7, which only the second vehicle type has.
 */
static corto_problem *pairs_rich(void)
{
    corto_problem *p = pairs_random(12, 4, 105, 30, CORTO_UNLIMITED, 1);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 25, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 4, 26), CORTO_OK);
    int skill = 7;
    ck_assert_int_eq(corto_problem_set_skills(p, 5, &skill, 1), CORTO_OK);
    ck_assert_int_eq(corto_problem_set_skills(p, 6, &skill, 1), CORTO_OK);
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    int64_t cap = 30;
    vt.capacity = &cap;
    vt.skills = &skill;
    vt.n_skills = 1;
    ck_assert_int_eq(corto_problem_add_vehicle_type(p, &vt, NULL), CORTO_OK);
    return p;
}

/* Instance k of the property tests; *complete says whether the fleet is
 * generous enough that every client must be served. */
static corto_problem *pairs_instance(int k, int *complete)
{
    *complete = 1;
    switch (k) {
    case 0: /* loose capacity: many pairs on board at once */
        return pairs_random(20, 6, 101, 40, CORTO_UNLIMITED, 0);
    case 1: /* capacity 10: pairs of large amounts must not overlap */
        return pairs_random(20, 6, 102, 10, CORTO_UNLIMITED, 0);
    case 2: /* time windows on every other pair */
        return pairs_random(20, 4, 103, 25, CORTO_UNLIMITED, 1);
    case 3: /* three vehicles of 12: not everything fits */
        *complete = 0;
        return pairs_random(24, 4, 104, 12, 3, 1);
    default:
        return pairs_rich();
    }
}

/* The state's positions, unassigned list and totals agree with its
 * routes; every pair has both ends on one route, pickup first, or both
 * ends unassigned; n_missing counts the unassigned required clients. */
static void pairs_assert_state(const vrp_state *st)
{
    const vrp_data *d = st->d;
    const corto_problem *p = d->p;
    int routed = 0;
    int64_t cost = 0;
    for (int r = 0; r < st->n_routes; r++) {
        const vrp_route *R = &st->routes[r];
        route_eval re;
        route_eval_nodes(&re, p, R->vtype, R->nodes, R->len);
        ck_assert_int_eq(re.cost, R->cost);
        cost += re.cost;
        for (int k = 0; k < R->len; k++) {
            ck_assert_int_eq(st->route_of[R->nodes[k]], r);
            ck_assert_int_eq(st->pos_of[R->nodes[k]], k);
            routed++;
        }
    }
    ck_assert_int_eq(cost, st->cost);
    ck_assert_int_eq(routed + st->n_unassigned, d->n_clients);
    int missing = 0;
    for (int t = 0; t < st->n_unassigned; t++) {
        ck_assert_int_eq(st->route_of[st->unassigned[t]], -1);
        missing += p->required[st->unassigned[t]];
    }
    ck_assert_int_eq(missing, st->n_missing);
    for (int x = 0; x < d->n; x++) {
        if (p->pair_role[x] != 1)
            continue;
        int y = p->pair_of[x];
        ck_assert_int_eq(st->route_of[x], st->route_of[y]);
        if (st->route_of[x] >= 0)
            ck_assert_int_lt(st->pos_of[x], st->pos_of[y]);
    }
}

/* Pairs whose ends are not next to each other in a solution. */
static int pairs_apart(const corto_problem *p, const corto_solution *s)
{
    int apart = 0;
    for (int r = 0; r < corto_solution_n_routes(s); r++) {
        int len = 0;
        const int *nodes = corto_solution_route(s, r, &len);
        for (int k = 0; k < len; k++)
            if (p->pair_role[nodes[k]] == 1 &&
                (k + 1 >= len || nodes[k + 1] != p->pair_of[nodes[k]]))
                apart++;
    }
    return apart;
}

/* Split units link a pair's two chains; the constructions' units still
 * join them, and a chain with two pair members keeps its pairs joined. */
START_TEST(units_split_and_join_pairs)
{
    /* Nodes: 1 -> 2 pair, 3 -> 4 pair with fixed edge 5 -> 3, pair 6 -> 7
     * with fixed edge 6 -> 8 -> 9 and 9 -> 10 where 10 is the pickup of
     * pair 10 -> 11: the chain 6 8 9 10 holds two pair members. */
    corto_problem *p = NULL;
    ck_assert_int_eq(corto_problem_create(&p, 12, 1), CORTO_OK);
    test_rand_seed(5);
    test_set_random_distances(p, 12, 10, 50);
    int64_t one = 1;
    ck_assert_int_eq(corto_problem_add_pair(p, 1, 2, &one), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 3, 4, &one), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 6, 7, &one), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_pair(p, 10, 11, &one), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 5, 3), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 6, 8), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 8, 9), CORTO_OK);
    ck_assert_int_eq(corto_problem_add_fixed_edge(p, 9, 10), CORTO_OK);
    test_add_vehicle(p, NULL, CORTO_UNLIMITED);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);

    vrp_units g, s;
    ck_assert_int_eq(vrp_units_build(&g, p, 0), CORTO_OK);
    ck_assert_int_eq(vrp_units_build_split(&s, p, 0), CORTO_OK);
    /* Joined: the delivery follows its pickup's unit directly. */
    int u = g.unit_of[1];
    ck_assert_int_eq(g.unit_of[2], u);
    ck_assert_int_eq(g.start[u + 1] - g.start[u], 2);
    ck_assert_int_eq(g.partner[u], -1);
    ck_assert_int_eq(g.unit_of[4], g.unit_of[3]);
    /* Split: 1 and 2 alone, linked; 5 3 a chain linked to 4. */
    int a = s.unit_of[1], b = s.unit_of[2];
    ck_assert_int_ne(a, b);
    ck_assert_int_eq(s.partner[a], b);
    ck_assert_int_eq(s.partner[b], a);
    ck_assert_int_eq(s.lead[a], 1);
    ck_assert_int_eq(s.lead[b], 0);
    int c = s.unit_of[3];
    ck_assert_int_eq(s.unit_of[5], c);
    ck_assert_int_eq(s.start[c + 1] - s.start[c], 2);
    ck_assert_int_eq(s.nodes[s.start[c]], 5);
    ck_assert_int_eq(s.partner[c], s.unit_of[4]);
    ck_assert_int_eq(s.lead[c], 1);
    /* Two pair members on one chain: joined as before, no partner. */
    int e = s.unit_of[6];
    ck_assert_int_eq(s.unit_of[10], e);
    ck_assert_int_eq(s.unit_of[7], e);
    ck_assert_int_eq(s.unit_of[11], e);
    ck_assert_int_eq(s.partner[e], -1);
    /* {1} {2} {5 3} {4} {6 8 9 10 7 11} and nothing else. */
    ck_assert_int_eq(s.n_units, 5);
    vrp_units_free(&g);
    vrp_units_free(&s);
    corto_problem_destroy(p);
}
END_TEST

/* The small case: the pair insertion finds the interleaved optimum from
 * the route 1 2 (cost 40 + 4), the contiguous-only positions would give
 * 47; and capacity 1 forbids interleaving. */
START_TEST(pair_insertion_interleaves_small_case)
{
    int64_t caps[2] = {2, 1};
    int64_t want_delta[2] = {4, 20};
    int want_route[2][4] = {{1, 3, 2, 4}, {1, 2, 3, 4}};
    for (int c = 0; c < 2; c++) {
        corto_problem *p = pairs_small(caps[c]);
        ck_assert_int_eq(model_prepare(p), CORTO_OK);
        corto_solution *s = NULL;
        ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
        int first[2] = {1, 2};
        ck_assert_int_eq(corto_solution_add_route(s, 0, first, 2), CORTO_OK);
        vrp_data d;
        vrp_state st;
        ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
        ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
        ck_assert_int_eq(vrp_state_load(&st, s), CORTO_OK);
        ck_assert_int_eq(st.cost, 40);
        ck_assert_int_eq(st.n_unassigned, 2);
        ck_assert_int_eq(st.n_missing, 2);
        int u = d.units.unit_of[3];
        int i = -1, j = -1;
        int64_t delta = 0;
        ck_assert(vrp_state_pair_best(&st, u, 0, 0.0, NULL, &i, &j, &delta));
        ck_assert_int_eq(delta, want_delta[c]);
        ck_assert_int_eq(vrp_state_insert_pair(&st, u, 0, i, j), CORTO_OK);
        pairs_assert_state(&st);
        ck_assert_int_eq(st.routes[0].len, 4);
        for (int k = 0; k < 4; k++)
            ck_assert_int_eq(st.routes[0].nodes[k], want_route[c][k]);
        ck_assert_int_eq(st.cost, 40 + want_delta[c]);
        ck_assert_int_eq(st.n_missing, 0);
        vrp_state_free(&st);
        vrp_data_free(&d);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* The whole solve reaches the interleaved optimum 44 (and 60 with
 * capacity 1), and the checker agrees. */
START_TEST(solve_reaches_interleaved_optimum)
{
    int64_t caps[2] = {2, 1};
    int64_t want[2] = {44, 60};
    for (int c = 0; c < 2; c++) {
        corto_problem *p = pairs_small(caps[c]);
        corto_options opt;
        corto_options_init(&opt);
        opt.iterations = 300;
        opt.time_limit = 0;
        opt.seed = 3;
        corto_solution *s = NULL;
        ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
        ck_assert_int_eq(corto_solution_cost(s), want[c]);
        ck_assert_int_eq(corto_solution_get_status(s),
                         CORTO_SOLUTION_FEASIBLE);
        test_assert_checker_agrees(p, s);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* Loading interleaved routes keeps them; removing one end of a pair
 * removes both; storing gives the routes back. */
START_TEST(load_store_and_remove_interleaved)
{
    corto_problem *p = pairs_small(2);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    corto_solution *s = NULL, *back = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    ck_assert_int_eq(corto_solution_create(&back, p), CORTO_OK);
    int route[4] = {1, 3, 2, 4};
    ck_assert_int_eq(corto_solution_add_route(s, 0, route, 4), CORTO_OK);
    vrp_data d;
    vrp_state st;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, s), CORTO_OK);
    pairs_assert_state(&st);
    ck_assert_int_eq(st.cost, 44);
    ck_assert(vrp_state_complete(&st));
    ck_assert_int_eq(vrp_state_store(&st, back), CORTO_OK);
    route_eval_solution(back);
    ck_assert_int_eq(corto_solution_cost(back), 44);
    ck_assert_int_eq(corto_solution_get_status(back), CORTO_SOLUTION_FEASIBLE);
    int len = 0;
    const int *nodes = corto_solution_route(back, 0, &len);
    ck_assert_int_eq(len, 4);
    for (int k = 0; k < 4; k++)
        ck_assert_int_eq(nodes[k], route[k]);
    /* The delivery of pair 1 takes its pickup with it. */
    vrp_state_remove_unit(&st, 2);
    vrp_state_refresh_dirty(&st);
    pairs_assert_state(&st);
    ck_assert_int_eq(st.n_unassigned, 2);
    ck_assert_int_eq(st.n_missing, 2);
    ck_assert_int_eq(st.routes[0].len, 2);
    ck_assert_int_eq(st.routes[0].nodes[0], 3);
    ck_assert_int_eq(st.routes[0].nodes[1], 4);
    /* And so does a plain removal of the pickup of pair 2. */
    vrp_state_remove(&st, 3);
    vrp_state_refresh_dirty(&st);
    pairs_assert_state(&st);
    ck_assert_int_eq(st.n_missing, 4);
    vrp_state_free(&st);
    vrp_data_free(&d);
    corto_solution_destroy(s);
    corto_solution_destroy(back);
    corto_problem_destroy(p);
}
END_TEST

/* Skills and fixed edges of a candidate route, written out plainly. */
static int pairs_structure_ok(const corto_problem *p, int vtype,
                              const int *nodes, int m)
{
    const model_vehicle *vt = &p->vtypes[vtype];
    for (int k = 0; k < m; k++) {
        int x = nodes[k];
        if (p->has_skills && !skill_set_covers(&vt->skills, &p->skills[x]))
            return 0;
    }
    for (int e = 0; e < p->n_fixed; e++) {
        int a = p->fixed[2 * e], b = p->fixed[2 * e + 1], pos = -1;
        for (int k = 0; k < m; k++)
            if (nodes[k] == a || nodes[k] == b)
                pos = k;
        if (pos < 0)
            continue; /* neither end on this route */
        int ok = 0;
        for (int k = -1; k < m; k++) {
            int from = k < 0 ? vt->start_depot : nodes[k];
            int to = k + 1 < m ? nodes[k + 1] : vt->end_depot;
            ok |= from == a && to == b;
        }
        if (!ok)
            return 0;
    }
    return 1;
}

/* Cheapest priced change of inserting pair unit u into route r, over every
 * (pickup, delivery) position by full evaluation; INT64_MAX when none. */
static int64_t pairs_brute(const vrp_state *st, int u, int r, int *buf)
{
    const vrp_data *d = st->d;
    const vrp_units *U = &d->units;
    const vrp_route *R = &st->routes[r];
    int w = U->partner[u];
    int64_t best = INT64_MAX;
    if (R->len == 0 && st->used[R->vtype] >= d->p->vtypes[R->vtype].count)
        return best;
    for (int i = 0; i <= R->len; i++)
        for (int j = i; j <= R->len; j++) {
            int m = 0;
            for (int k = 0; k <= R->len; k++) {
                if (k == i)
                    for (int t = U->start[u]; t < U->start[u + 1]; t++)
                        buf[m++] = U->nodes[t];
                if (k == j)
                    for (int t = U->start[w]; t < U->start[w + 1]; t++)
                        buf[m++] = U->nodes[t];
                if (k < R->len)
                    buf[m++] = R->nodes[k];
            }
            if (!pairs_structure_ok(d->p, R->vtype, buf, m))
                continue;
            route_eval re;
            route_eval_nodes(&re, d->p, R->vtype, buf, m);
            int64_t price;
            if (!vrp_route_price(d, &re, &price))
                continue;
            if (price - (R->cost + R->pen) < best)
                best = price - (R->cost + R->pen);
        }
    return best;
}

/* The pair insertion's best equals the brute force on every route, for
 * every pair taken out of a constructed solution, with hard (_i even) and
 * soft (_i odd) constraints, on the tight, windowed and loose instances. */
START_TEST(pair_best_matches_brute_force)
{
    int complete;
    corto_problem *p = pairs_instance(_i / 2, &complete);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    vrp_data d;
    vrp_state st, work;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    d.soft = _i % 2;
    d.w_load = 13.0;
    d.w_time = 0.5;
    d.w_dist = 1.0;
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&work, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, t.s), CORTO_OK);
    int *buf = calloc((size_t)d.n + 1, sizeof *buf);
    ck_assert_ptr_nonnull(buf);
    int compared = 0, found = 0, apart = 0;
    for (int x = 1; x < d.n; x++) {
        if (p->pair_role[x] != 1 || st.route_of[x] < 0)
            continue;
        int u = d.units.unit_of[x];
        ck_assert_int_ge(d.units.partner[u], 0);
        ck_assert_int_eq(vrp_state_copy(&work, &st), CORTO_OK);
        vrp_state_remove_unit(&work, x);
        vrp_state_refresh_dirty(&work);
        pairs_assert_state(&work);
        for (int r = 0; r < work.n_routes; r++) {
            int64_t want = pairs_brute(&work, u, r, buf);
            int i = -1, j = -1;
            int64_t delta = 0;
            int ok =
                vrp_state_pair_best(&work, u, r, 0.0, NULL, &i, &j, &delta);
            ck_assert_int_eq(ok, want != INT64_MAX);
            compared++;
            if (!ok)
                continue;
            found++;
            ck_assert_int_eq(delta, want);
            ck_assert_int_le(0, i);
            ck_assert_int_le(i, j);
            ck_assert_int_le(j, work.routes[r].len);
            apart += j > i;
        }
        /* Insert at the best place overall and check the state. */
        int br = -1, bi = 0, bj = 0;
        int64_t bd = INT64_MAX;
        for (int r = 0; r < work.n_routes; r++) {
            int i, j;
            int64_t delta;
            if (vrp_state_pair_best(&work, u, r, 0.0, NULL, &i, &j, &delta) &&
                delta < bd) {
                bd = delta;
                br = r;
                bi = i;
                bj = j;
            }
        }
        if (br >= 0) {
            /* Both units go in: their clients (required) stop counting. */
            const vrp_units *U = &d.units;
            int v = U->partner[u];
            int size =
                U->start[u + 1] - U->start[u] + U->start[v + 1] - U->start[v];
            int64_t before = vrp_state_objective(&work);
            int missing = work.n_missing;
            ck_assert_int_eq(vrp_state_insert_pair(&work, u, br, bi, bj),
                             CORTO_OK);
            pairs_assert_state(&work);
            ck_assert_int_eq(work.n_missing, missing - size);
            ck_assert_int_eq(vrp_state_objective(&work),
                             before + bd - d.penalty * size);
        }
    }
    ck_assert_int_gt(compared, 0);
    ck_assert_int_gt(found, 0);
    ck_assert_int_gt(apart, 0);
    free(buf);
    vrp_state_free(&work);
    vrp_state_free(&st);
    vrp_data_free(&d);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

/* Every destroy and repair operator on random pickup-delivery instances:
 * the state stays consistent with whole pairs, the checker agrees with
 * the stored solutions, and a generous fleet serves everything. */
START_TEST(operators_keep_pairs_whole)
{
    int complete = 1;
    corto_problem *p = pairs_instance(_i, &complete);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    vrp_data d;
    vrp_state st, cand;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&cand, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, t.s), CORTO_OK);
    pairs_assert_state(&st);
    destroy_ws *dw = NULL;
    repair_ws *rw = NULL;
    ck_assert_int_eq(destroy_create(&dw, &d, NULL), CORTO_OK);
    ck_assert_int_eq(repair_create(&rw, &d, 0.01), CORTO_OK);
    corto_solution *out = NULL;
    ck_assert_int_eq(corto_solution_create(&out, p), CORTO_OK);
    int apart = 0;
    for (int round = 0; round < 3; round++)
        for (int dk = 0; dk < DESTROY_KIND_COUNT; dk++)
            for (int rk = 0; rk < REPAIR_KIND_COUNT; rk++) {
                d.soft = (dk + rk + round) % 2;
                d.w_load = 20.0;
                d.w_time = 1.0;
                d.w_dist = 1.0;
                vrp_state_reprice(&st);
                ck_assert_int_eq(vrp_state_copy(&cand, &st), CORTO_OK);
                int before = cand.n_unassigned;
                destroy_apply(dw, (destroy_kind)dk, &cand, 4 + 3 * round,
                              &t.ctx.rng);
                pairs_assert_state(&cand);
                ck_assert_int_gt(cand.n_unassigned, before);
                ck_assert_int_eq(
                    repair_apply(rw, (repair_kind)rk, &cand, &t.ctx.rng),
                    CORTO_OK);
                pairs_assert_state(&cand);
                ck_assert_int_eq(vrp_state_store(&cand, out), CORTO_OK);
                route_eval_solution(out);
                ck_assert_int_eq(out->cost, cand.cost);
                int served = test_assert_clients_once(p, out);
                test_assert_checker_agrees(p, out);
                apart += pairs_apart(p, out);
                if (complete && !d.soft) {
                    ck_assert_int_eq(served, d.n_clients);
                    ck_assert(vrp_state_complete(&cand));
                    ck_assert_int_eq(corto_solution_get_status(out),
                                     CORTO_SOLUTION_FEASIBLE);
                }
                if (!d.soft && vrp_state_hard_objective(&cand) <=
                                   vrp_state_hard_objective(&st))
                    ck_assert_int_eq(vrp_state_copy(&st, &cand), CORTO_OK);
            }
    ck_assert_int_gt(apart, 0);
    corto_solution_destroy(out);
    destroy_destroy(dw);
    repair_destroy(rw);
    vrp_state_free(&cand);
    vrp_state_free(&st);
    vrp_data_free(&d);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

/* Two solves with the same seed and iteration limit give the same routes. */
/* corto_solve on the random instances: the checker agrees, a generous
 * fleet serves every client feasibly, and a rerun is identical. */
START_TEST(solve_random_pairs)
{
    int complete = 1;
    corto_problem *p = pairs_instance(_i, &complete);
    corto_options opt;
    corto_options_init(&opt);
    opt.iterations = 300;
    opt.time_limit = 0;
    opt.seed = 11 + (uint64_t)_i;
    corto_solution *a = NULL, *b = NULL;
    ck_assert_int_eq(corto_solve(&a, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_solve(&b, p, &opt), CORTO_OK);
    int served = test_assert_clients_once(p, a);
    test_assert_checker_agrees(p, a);
    if (complete) {
        ck_assert_int_eq(served, corto_problem_n_clients(p));
        ck_assert_int_eq(corto_solution_get_status(a),
                         CORTO_SOLUTION_FEASIBLE);
    }
    test_assert_same_routes(a, b);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_problem_destroy(p);
}
END_TEST

static Suite *pairs_suite(void)
{
    Suite *s = suite_create("pairs");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, units_split_and_join_pairs);
    tcase_add_test(tc, pair_insertion_interleaves_small_case);
    tcase_add_test(tc, solve_reaches_interleaved_optimum);
    tcase_add_test(tc, load_store_and_remove_interleaved);
    tcase_add_loop_test(tc, pair_best_matches_brute_force, 0, 10);
    tcase_add_loop_test(tc, operators_keep_pairs_whole, 0, 5);
    tcase_add_loop_test(tc, solve_random_pairs, 0, 5);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(pairs_suite());
}
