/*
 * test_nn_train.c — imitation training (neural/nn_train.c) and the
 * instance generator (neural/nn_gen.c): generated CVRPs follow Kool et
 * al.'s distribution; a tiny model fitted to two expert solutions lowers
 * its loss and its greedy gap to them, and two runs from the same seed end
 * with identical weights.
 */
#include "model.h"
#include "nn_gen.h"
#include "nn_policy.h"
#include "nn_train.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(generator_follows_the_distribution)
{
    rng r;
    rng_seed(&r, 4);
    for (int kind = 0; kind < 2; kind++) {
        corto_problem *p = NULL;
        ck_assert_int_eq(nn_gen_cvrp(&p, 100, (nn_gen_kind)kind, &r),
                         CORTO_OK);
        ck_assert_int_eq(corto_problem_n_clients(p), 100);
        ck_assert_int_eq(p->vtypes[0].capacity[0], 50);
        for (int i = 0; i < p->n_nodes; i++) {
            ck_assert(p->x[i] >= 0 && p->x[i] <= NN_GEN_SCALE);
            ck_assert(p->y[i] >= 0 && p->y[i] <= NN_GEN_SCALE);
            if (i > 0)
                ck_assert(p->demand[i] >= 1 && p->demand[i] <= 9);
        }
        ck_assert_ptr_nonnull(p->profiles[0].dist);
        corto_problem_destroy(p);
    }
    ck_assert_int_eq(nn_gen_capacity(20), 30);
    ck_assert_int_eq(nn_gen_capacity(50), 40);
}
END_TEST

typedef struct fit {
    nn_model *m;
    double first_loss, last_loss;
} fit;

/* The loss the log reports after the last step. */
static void remember(void *user, const char *line)
{
    fit *f = user;
    const char *l = strstr(line, "loss ");
    if (l) {
        double v = strtod(l + 5, NULL);
        if (f->first_loss < 0)
            f->first_loss = v;
        f->last_loss = v;
    }
}

static void train_tiny(fit *f, nn_dataset *d)
{
    nn_config cfg;
    nn_config_default(&cfg);
    cfg.d = 16;
    cfg.layers = 1;
    cfg.ff = 16;
    ck_assert_int_eq(nn_model_create(&f->m, &cfg, 8), CORTO_OK);
    f->first_loss = -1;
    nn_train_params prm;
    nn_train_params_init(&prm);
    prm.steps = 100;
    prm.batch = 2;
    prm.lr = 5e-3;
    prm.lr_min = 1e-3;
    prm.log_every = 10;
    prm.checkpoint_every = 0;
    prm.log = remember;
    prm.user = f;
    ck_assert_int_eq(nn_train_imitation(f->m, d, NULL, &prm), CORTO_OK);
}

START_TEST(imitation_fits_and_is_reproducible)
{
    corto_problem *p[2];
    corto_solution *x[2];
    rng r;
    rng_seed(&r, 11);
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(nn_gen_cvrp(&p[k], 12, NN_GEN_UNIFORM, &r), CORTO_OK);
        corto_options opt;
        corto_options_init(&opt);
        opt.time_limit = 0;
        opt.iterations = 200;
        ck_assert_int_eq(corto_solve(&x[k], p[k], &opt), CORTO_OK);
    }
    nn_dataset d = {2, p, x};
    fit a = {0}, b = {0};
    double gap0, feas0, gap1, feas1;
    nn_config cfg;
    nn_config_default(&cfg);
    cfg.d = 16;
    cfg.layers = 1;
    cfg.ff = 16;
    nn_model *untrained = NULL;
    ck_assert_int_eq(nn_model_create(&untrained, &cfg, 8), CORTO_OK);
    ck_assert_int_eq(nn_train_validate(&gap0, &feas0, untrained, &d),
                     CORTO_OK);
    train_tiny(&a, &d);
    train_tiny(&b, &d);
    ck_assert_int_eq(nn_train_validate(&gap1, &feas1, a.m, &d), CORTO_OK);
    ck_assert_double_lt(a.last_loss, 0.7 * a.first_loss);
    ck_assert_double_le(gap1, gap0);
    ck_assert_double_eq(feas1, 1.0);
    ck_assert_int_eq(a.m->steps, 100);
    ck_assert_mem_eq(a.m->v, b.m->v, a.m->total * sizeof *a.m->v);
    nn_model_destroy(untrained);
    nn_model_destroy(a.m);
    nn_model_destroy(b.m);
    for (int k = 0; k < 2; k++) {
        corto_solution_destroy(x[k]);
        corto_problem_destroy(p[k]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_train");
    TCase *tc = tcase_create("train");
    tcase_add_test(tc, generator_follows_the_distribution);
    tcase_add_test(tc, imitation_fits_and_is_reproducible);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
