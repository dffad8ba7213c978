/*
 * test_nn_policy.c — the attention policy's construction (neural/): an
 * untrained model's greedy and sampled solutions serve every client once
 * and pass the independent checker on CVRP, asymmetric-matrix VRP, TSP,
 * ATSP and VRPTW instances; sampling is reproducible from its seed and
 * best-of-K, multiple starts and symmetric views are never worse than
 * greedy; unsupported problems get a status;
 * a model read from a file through the public API drives corto_solve.
 */
#include "model.h"
#include "nn_model.h"
#include "nn_policy.h"
#include "nn_weights.h"
#include "test_nn_util.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

/* Construct as `how` says and check the result from scratch. */
static int64_t construct_how(const nn_model *m, const corto_problem *p,
                             nn_decoding how)
{
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    ck_assert_int_eq(nn_policy_construct(s, m, p, &how), CORTO_OK);
    ck_assert_int_eq(test_assert_clients_once(p, s),
                     corto_problem_n_clients(p));
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, s->cost), CORTO_OK);
    ck_assert_msg(rep.feasible, "infeasible: %s", rep.first);
    ck_assert_int_eq(rep.cost, s->cost);
    if (p->kind != CORTO_KIND_VRP)
        ck_assert_int_eq(s->n_routes, 1);
    int64_t cost = s->cost;
    corto_solution_destroy(s);
    return cost;
}

/* Construct with K samples and check the result from scratch. */
static int64_t construct_checked(const nn_model *m, const corto_problem *p,
                                 int samples, uint64_t seed)
{
    return construct_how(m, p, (nn_decoding){0, 1, samples, seed});
}

START_TEST(vrp_variants_pass_the_checker)
{
    nn_model *m = test_nn_small_model();
    corto_problem *cvrp = test_random_cvrp(30, 1, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(cvrp), CORTO_OK);
    corto_problem *asym = test_random_asym_vrp(25, 2, 12);
    ck_assert_int_eq(model_prepare(asym), CORTO_OK);
    corto_problem *tsp = test_random_tsp(20, 3);
    corto_problem *atsp = test_random_atsp(15, 4);
    corto_problem *probs[] = {cvrp, asym, tsp, atsp};
    for (int k = 0; k < 4; k++) {
        int64_t greedy = construct_checked(m, probs[k], 0, 1);
        int64_t best = construct_checked(m, probs[k], 8, 1);
        ck_assert_int_le(best, greedy);
        corto_problem_destroy(probs[k]);
    }
    nn_model_destroy(m);
}
END_TEST

/* Multiple starts and symmetric views add candidates to the greedy one
 * (the first start is the greedy's own, the first view the plain one), so
 * each is never dearer than what it extends; all pass the checker, and
 * views change nothing on a problem without coordinates. */
START_TEST(starts_and_views_never_dearer_and_pass_the_checker)
{
    nn_model *m = test_nn_small_model();
    corto_problem *cvrp = test_random_cvrp(30, 11, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(cvrp), CORTO_OK);
    corto_problem *asym = test_random_asym_vrp(25, 12, 12);
    ck_assert_int_eq(model_prepare(asym), CORTO_OK);
    corto_problem *tsp = test_random_tsp(20, 13);
    corto_problem *probs[] = {cvrp, asym, tsp};
    int cheaper = 0;
    for (int k = 0; k < 3; k++) {
        int64_t greedy = construct_how(m, probs[k], (nn_decoding){0, 1, 0, 1});
        int64_t starts = construct_how(m, probs[k], (nn_decoding){8, 1, 0, 1});
        int64_t views = construct_how(m, probs[k], (nn_decoding){8, 8, 0, 1});
        int64_t all = construct_how(m, probs[k], (nn_decoding){1000, 1, 0, 1});
        ck_assert_int_le(starts, greedy);
        ck_assert_int_le(views, starts);
        ck_assert_int_le(all, starts);
        if (!probs[k]->has_coords)
            ck_assert_int_eq(views, starts);
        cheaper += all < greedy;
    }
    ck_assert_int_gt(cheaper, 0); /* the starts do find other solutions */
    for (int k = 0; k < 3; k++)
        corto_problem_destroy(probs[k]);
    nn_model_destroy(m);
}
END_TEST

START_TEST(vrptw_passes_the_checker)
{
    nn_model *m = test_nn_small_model();
    corto_problem *p = test_random_cvrp(25, 5, 30, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(corto_problem_set_time_window(p, 0, 0, 20000), CORTO_OK);
    test_rand_seed(9);
    for (int i = 1; i <= 25; i++) {
        int64_t open = test_rand_below(4000);
        ck_assert_int_eq(
            corto_problem_set_time_window(p, i, open, open + 1500), CORTO_OK);
        ck_assert_int_eq(corto_problem_set_service(p, i, 50), CORTO_OK);
    }
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    construct_checked(m, p, 0, 1);
    construct_checked(m, p, 4, 2);
    corto_problem_destroy(p);
    nn_model_destroy(m);
}
END_TEST

START_TEST(sampling_is_reproducible)
{
    nn_model *m = test_nn_small_model();
    corto_problem *p = test_random_cvrp(20, 6, 30, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    corto_solution *a = NULL, *b = NULL;
    ck_assert_int_eq(corto_solution_create(&a, p), CORTO_OK);
    ck_assert_int_eq(corto_solution_create(&b, p), CORTO_OK);
    ck_assert_int_eq(nn_policy_construct(a, m, p, &(nn_decoding){0, 1, 6, 42}),
                     CORTO_OK);
    ck_assert_int_eq(nn_policy_construct(b, m, p, &(nn_decoding){0, 1, 6, 42}),
                     CORTO_OK);
    test_assert_same_routes(a, b);
    corto_solution_destroy(a);
    corto_solution_destroy(b);
    corto_problem_destroy(p);
    nn_model_destroy(m);
}
END_TEST

START_TEST(unsupported_problem_gets_a_status)
{
    nn_model *m = test_nn_small_model();
    corto_problem *p = test_random_cvrp(10, 7, 30, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(corto_problem_set_depot(p, 3, 1), CORTO_OK);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    ck_assert_int_eq(nn_policy_construct(s, m, p, &(nn_decoding){0, 1, 0, 1}),
                     CORTO_ERR_UNSUPPORTED);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
    nn_model_destroy(m);
}
END_TEST

/* corto_solve --init neural with a model from corto_neural_model_load
 * builds exactly what the policy builds with that model; a missing file
 * is refused with a diagnostic naming it. */
START_TEST(model_from_file_drives_solve)
{
    nn_model *m = test_nn_small_model();
    corto_problem *p = test_random_cvrp(30, 8, 40, CORTO_UNLIMITED, NULL);
    ck_assert_int_eq(model_prepare(p), CORTO_OK);
    char path[256];
    corto_diag diag = {0};
    corto_neural_model *nm = test_nn_file_model(m);
    test_temp_file(path, sizeof path, ".cnn", "");
    remove(path);

    corto_options opt;
    corto_options_init(&opt);
    opt.init = CORTO_INIT_NEURAL;
    opt.construct_only = 1;
    opt.samples = 3;
    opt.seed = 11;
    opt.neural_model = nm;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_solution_cost(s), construct_checked(m, p, 3, 11));
    corto_solution_destroy(s);
    opt.samples = 0; /* and the options of the starts and views */
    opt.starts = 5;
    opt.augment = 3;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    ck_assert_int_eq(corto_solution_cost(s),
                     construct_how(m, p, (nn_decoding){5, 3, 0, 11}));
    corto_solution_destroy(s);

    corto_neural_model *bad = NULL;
    ck_assert_int_eq(corto_neural_model_load(&bad, path, &diag), CORTO_ERR_IO);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(diag.message, path));
    corto_neural_model_destroy(nm);
    corto_problem_destroy(p);
    nn_model_destroy(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_policy");
    TCase *tc = tcase_create("construct");
    tcase_add_test(tc, vrp_variants_pass_the_checker);
    tcase_add_test(tc, starts_and_views_never_dearer_and_pass_the_checker);
    tcase_add_test(tc, vrptw_passes_the_checker);
    tcase_add_test(tc, sampling_is_reproducible);
    tcase_add_test(tc, unsupported_problem_gets_a_status);
    tcase_add_test(tc, model_from_file_drives_solve);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
