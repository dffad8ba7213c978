/*
 * test_operators.c — the VRP search state and the ALNS destroy and repair
 * operators: after every destroy the state is consistent, after every
 * repair each client is served exactly once (or, with too few vehicles,
 * at most once and the solution is reported infeasible), and the
 * independent checker agrees with the state's cost and feasibility. Run on
 * random CVRPs, an asymmetric matrix VRP, a tight fleet and time windows.
 */
#include "construct.h"
#include "corto.h"
#include "destroy.h"
#include "repair.h"
#include "route_eval.h"
#include "test_problems.h"
#include "test_util.h"
#include "vrp_state.h"
#include "vrp_swap_star.h"

#include <check.h>
#include <stdlib.h>

/* Problem number k of the property tests (prepared, owned by caller). */
static corto_problem *operators_problem(int k, int *complete)
{
    corto_problem *p = NULL;
    *complete = 1;
    switch (k) {
    case 0:
        p = test_random_cvrp(60, 21, 40, CORTO_UNLIMITED, NULL);
        break;
    case 1:
        p = test_random_asym_vrp(40, 22, 15);
        break;
    case 2:
        /* 50 clients of demand about 5.5 on 7 vehicles of 40: tight. */
        p = test_random_cvrp(50, 23, 40, 7, NULL);
        *complete = 0;
        break;
    default:
        p = test_random_cvrp(40, 24, 30, CORTO_UNLIMITED, NULL);
        test_rand_seed(77);
        for (int i = 1; i <= 40; i++) {
            int64_t open = 1500 + test_rand_below(2000);
            ck_assert_int_eq(
                corto_problem_set_time_window(p, i, open, open + 600),
                CORTO_OK);
            ck_assert_int_eq(corto_problem_set_service(p, i, 10), CORTO_OK);
        }
        break;
    }
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    return p;
}

/* route_of / pos_of agree with the routes, the unassigned list holds the
 * rest, and the totals match a recomputation. */
static void assert_state_consistent(const vrp_state *st)
{
    const vrp_data *d = st->d;
    int routed = 0;
    int64_t cost = 0;
    for (int r = 0; r < st->n_routes; r++) {
        const vrp_route *R = &st->routes[r];
        route_eval re;
        route_eval_nodes(&re, d->p, R->vtype, R->nodes, R->len);
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
    for (int t = 0; t < st->n_unassigned; t++)
        ck_assert_int_eq(st->route_of[st->unassigned[t]], -1);
}

START_TEST(destroy_repair_keep_solutions_valid)
{
    int complete = 1;
    corto_problem *p = operators_problem(_i, &complete);
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    route_eval_solution(t.s);
    vrp_data d;
    vrp_state st, cand;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_init(&cand, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, t.s), CORTO_OK);
    assert_state_consistent(&st);
    destroy_ws *dw = NULL;
    repair_ws *rw = NULL;
    ck_assert_int_eq(destroy_create(&dw, &d, NULL), CORTO_OK);
    ck_assert_int_eq(repair_create(&rw, &d, 0.01), CORTO_OK);
    corto_solution *out = NULL;
    ck_assert_int_eq(corto_solution_create(&out, p), CORTO_OK);
    for (int dk = 0; dk < DESTROY_KIND_COUNT; dk++)
        for (int rk = 0; rk < REPAIR_KIND_COUNT; rk++)
            for (int round = 0; round < 4; round++) {
                ck_assert_int_eq(vrp_state_copy(&cand, &st), CORTO_OK);
                int before = cand.n_unassigned;
                int q = 3 + 4 * round;
                destroy_apply(dw, (destroy_kind)dk, &cand, q, &t.ctx.rng);
                assert_state_consistent(&cand);
                ck_assert_int_gt(cand.n_unassigned, before);
                ck_assert_int_eq(
                    repair_apply(rw, (repair_kind)rk, &cand, &t.ctx.rng),
                    CORTO_OK);
                assert_state_consistent(&cand);
                ck_assert_int_eq(vrp_state_store(&cand, out), CORTO_OK);
                route_eval_solution(out);
                ck_assert_int_eq(out->cost, cand.cost);
                int served = test_assert_clients_once(p, out);
                test_assert_checker_agrees(p, out);
                if (complete) {
                    ck_assert_int_eq(served, d.n_clients);
                    ck_assert(vrp_state_complete(&cand));
                    ck_assert_int_eq(corto_solution_get_status(out),
                                     CORTO_SOLUTION_FEASIBLE);
                } else {
                    ck_assert_int_le(corto_solution_n_routes(out), 7);
                    ck_assert_int_eq(served + cand.n_unassigned, d.n_clients);
                }
                /* Keep going from the repaired state: later rounds start
                 * from solutions the operators made. */
                if (vrp_state_objective(&cand) <= vrp_state_objective(&st))
                    ck_assert_int_eq(vrp_state_copy(&st, &cand), CORTO_OK);
            }
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

/* The priced cost of an evaluated route under soft constraints, written
 * out from vrp_data's documented weights. */
static int64_t soft_price(const vrp_data *d, const route_eval *re)
{
    if (re->feasible)
        return re->cost;
    double pen = d->w_load * (double)re->load_excess +
                 d->w_time * (double)(re->time_warp + re->duration_excess) +
                 d->w_dist * (double)re->distance_excess;
    return re->cost + (int64_t)pen + 1;
}

/* Insertion deltas from the segments equal full re-evaluations, with hard
 * constraints (_i = 0: infeasible slots refused) and soft ones (_i = 1:
 * every slot priced with its weighted excesses). */
START_TEST(insert_delta_matches_full_evaluation)
{
    int complete;
    corto_problem *p = operators_problem(3, &complete);
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    vrp_data d;
    vrp_state st;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    d.soft = _i;
    d.w_load = 7.5;
    d.w_time = 0.25;
    d.w_dist = 3.0;
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, t.s), CORTO_OK);
    int x = st.routes[0].nodes[0];
    vrp_state_remove(&st, x);
    vrp_state_refresh_dirty(&st);
    int *buf = calloc((size_t)d.n + 1, sizeof *buf);
    int checked = 0, priced_excess = 0;
    for (int r = 0; r < st.n_routes; r++)
        for (int pos = 0; pos <= st.routes[r].len; pos++) {
            const vrp_route *R = &st.routes[r];
            int m = 0;
            for (int k = 0; k < pos; k++)
                buf[m++] = R->nodes[k];
            buf[m++] = x;
            for (int k = pos; k < R->len; k++)
                buf[m++] = R->nodes[k];
            route_eval re;
            route_eval_nodes(&re, p, R->vtype, buf, m);
            int64_t delta = 0;
            int ok = vrp_state_insert_delta(&st, d.units.unit_of[x], r, pos,
                                            &delta);
            ck_assert_int_eq(ok, _i ? 1 : re.feasible);
            if (ok) {
                ck_assert_int_eq(delta,
                                 soft_price(&d, &re) - (R->cost + R->pen));
                checked++;
                priced_excess += !re.feasible;
            }
        }
    ck_assert_int_gt(checked, 0);
    if (_i)
        ck_assert_int_gt(priced_excess, 0);
    free(buf);
    vrp_state_free(&st);
    vrp_data_free(&d);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

/* SWAP* passes on savings solutions of random CVRPs: every move lowers
 * the objective, the state stays consistent and the checker agrees. */
START_TEST(swap_star_improves_and_keeps_valid)
{
    corto_problem *p =
        test_random_cvrp(80, 101 + (uint64_t)_i, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    test_direct t;
    test_direct_start(&t, p);
    ck_assert_int_eq(construct_savings(t.s, &t.ctx), CORTO_OK);
    vrp_data d;
    vrp_state st;
    ck_assert_int_eq(vrp_data_build(&d, p), CORTO_OK);
    ck_assert(swap_star_applies(&d));
    ck_assert_int_eq(vrp_state_init(&st, &d), CORTO_OK);
    ck_assert_int_eq(vrp_state_load(&st, t.s), CORTO_OK);
    swap_star *ss = NULL;
    ck_assert_int_eq(swap_star_create(&ss, &d), CORTO_OK);
    int total = 0, moved = 1;
    int64_t since = 0;
    for (int pass = 0; pass < 50 && moved; pass++) {
        int64_t before = vrp_state_objective(&st), mark = st.counter;
        ck_assert_int_eq(swap_star_pass(ss, &st, since, &moved), CORTO_OK);
        since = mark;
        total += moved;
        if (moved)
            ck_assert_int_lt(vrp_state_objective(&st), before);
        else
            ck_assert_int_eq(vrp_state_objective(&st), before);
        assert_state_consistent(&st);
    }
    ck_assert_int_gt(total, 0);
    ck_assert(vrp_state_complete(&st));
    ck_assert_int_eq(vrp_state_store(&st, t.s), CORTO_OK);
    route_eval_solution(t.s);
    ck_assert_int_eq(t.s->cost, st.cost);
    ck_assert_int_eq(test_assert_clients_once(p, t.s), 80);
    test_assert_checker_agrees(p, t.s);
    swap_star_destroy(ss);
    vrp_state_free(&st);
    vrp_data_free(&d);
    corto_solution_destroy(t.s);
    corto_problem_destroy(p);
}
END_TEST

static Suite *operators_suite(void)
{
    Suite *s = suite_create("operators");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, destroy_repair_keep_solutions_valid, 0, 4);
    tcase_add_loop_test(tc, insert_delta_matches_full_evaluation, 0, 2);
    tcase_add_loop_test(tc, swap_star_improves_and_keeps_valid, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(operators_suite());
}
