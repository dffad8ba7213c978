/*
 * test_nn_train.c — imitation training (neural/nn_train.c) and the
 * instance generator (neural/nn_gen.c): generated CVRPs follow Kool et
 * al.'s distribution; a tiny model fitted to two expert solutions lowers
 * its loss and its greedy gap to them, and two runs from the same seed end
 * with identical weights. Road instances (neural/nn_road.c) keep to the
 * strongly connected part of the graph and carry its asymmetric
 * shortest-path distances. REINFORCE on one small instance lowers the
 * expected cost of the sampled solutions, and is reproducible too.
 */
#include "graph.h"
#include "model.h"
#include "nn_gen.h"
#include "nn_road.h"
#include "nn_policy.h"
#include "nn_train.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
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

/* A one-way ring of 30 nodes (light arcs forward, heavy ones back) and a
 * 31st node that only leaves: it reaches the ring, nothing reaches it. */
static void ring_graph(graph *g)
{
    graph_arc arcs[61];
    int k = 0;
    for (int i = 0; i < 30; i++) {
        arcs[k++] = (graph_arc){i, (i + 1) % 30, 1.0 + i % 3};
        arcs[k++] = (graph_arc){(i + 1) % 30, i, 5.0};
    }
    arcs[k++] = (graph_arc){30, 0, 1.0};
    ck_assert_int_eq(graph_build(g, 31, arcs, k, 1, 0, NULL, NULL, NULL),
                     CORTO_OK);
}

START_TEST(road_instances_use_shortest_paths_of_one_component)
{
    graph g;
    nn_road rd;
    ring_graph(&g);
    ck_assert_int_eq(nn_road_init(&rd, &g, "ring"), CORTO_OK);
    graph_free(&g);
    ck_assert_int_eq(rd.n_nodes, 30);
    for (int k = 0; k < rd.n_nodes; k++)
        ck_assert_int_ne(rd.nodes[k], 30);
    corto_problem *p = NULL, *q = NULL;
    rng r, r2;
    rng_seed(&r, 5);
    rng_seed(&r2, 5);
    ck_assert_int_eq(nn_road_cvrp(&p, &rd, 10, &r), CORTO_OK);
    ck_assert_int_eq(nn_road_cvrp(&q, &rd, 10, &r2), CORTO_OK);
    ck_assert_int_eq(p->n_nodes, 11);
    ck_assert_ptr_null(p->x);
    ck_assert_int_eq(p->vtypes[0].capacity[0], nn_gen_capacity(10));
    double sum = 0;
    int asym = 0;
    for (int i = 0; i < 11; i++) {
        if (i > 0)
            ck_assert(p->demand[i] >= 1 && p->demand[i] <= 9);
        for (int j = 0; j < 11; j++) {
            int64_t d = model_dist(p, 0, i, j);
            ck_assert_int_eq(d, model_dist(q, 0, i, j));
            sum += (double)d;
            asym += d != model_dist(p, 0, j, i);
            /* shortest paths: no detour is shorter (up to rounding) */
            for (int k = 0; k < 11; k++)
                ck_assert_int_le(d, model_dist(p, 0, i, k) +
                                        model_dist(p, 0, k, j) + 2);
        }
    }
    ck_assert_int_gt(asym, 0);
    ck_assert_double_lt(fabs(sum / 110 - 1000), 10);
    corto_problem_destroy(p);
    corto_problem_destroy(q);
    ck_assert_int_eq(nn_road_cvrp(&p, &rd, 29, &r), CORTO_OK);
    corto_problem_destroy(p);
    ck_assert_int_eq(nn_road_cvrp(&p, &rd, 30, &r), CORTO_ERR_ARGUMENT);
    nn_road_free(&rd);
}
END_TEST

/* A small model (d = 16, one layer) with weights drawn from seed. */
static nn_model *tiny_model(uint64_t seed)
{
    nn_config cfg;
    nn_config_default(&cfg);
    cfg.d = 16;
    cfg.layers = 1;
    cfg.ff = 16;
    nn_model *m = NULL;
    ck_assert_int_eq(nn_model_create(&m, &cfg, seed), CORTO_OK);
    return m;
}

/* Training parameters of the tiny runs: batches of 2, the learning rate
 * decayed to a fifth, a log line every 10 steps, no checkpoints. */
static void tiny_params(nn_train_params *prm, int64_t steps, double lr,
                        void (*log)(void *, const char *), void *user)
{
    nn_train_params_init(prm);
    prm->steps = steps;
    prm->batch = 2;
    prm->lr = lr;
    prm->lr_min = lr / 5;
    prm->log_every = 10;
    prm->checkpoint_every = 0;
    prm->log = log;
    prm->user = user;
}

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
    f->m = tiny_model(8);
    f->first_loss = -1;
    nn_train_params prm;
    tiny_params(&prm, 100, 5e-3, remember, f);
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
    nn_model *untrained = tiny_model(8);
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

/* REINFORCE's instance source in the test: copies of one instance. */
typedef struct same {
    int n;
    uint64_t seed;
} same;

static corto_status same_instance(void *user, corto_problem **p)
{
    same *s = user;
    rng r;
    rng_seed(&r, s->seed);
    return nn_gen_cvrp(p, s->n, NN_GEN_UNIFORM, &r);
}

static void same_log(void *user, const char *line)
{
    (void)user;
    (void)line;
}

/* Mean cost of 200 sampled solutions of p (fixed seed). */
static double sampled_mean(const nn_model *m, const corto_problem *p)
{
    nn_tape tp;
    rng r;
    double mean, best;
    nn_tape_init(&tp, 1);
    rng_seed(&r, 99);
    ck_assert_int_eq(
        nn_policy_reinforce(&tp, m, p, 200, 0, 0, &r, 0, &mean, &best),
        CORTO_OK);
    nn_tape_free(&tp);
    ck_assert_double_le(best, mean);
    return mean;
}

static nn_model *reinforce_tiny(same *s, int starts)
{
    nn_model *m = tiny_model(3);
    nn_train_params prm;
    tiny_params(&prm, 60, 1e-2, same_log, s);
    prm.samples = 8;
    prm.starts = starts;
    prm.instance = same_instance;
    ck_assert_int_eq(nn_train_reinforce(m, NULL, &prm), CORTO_OK);
    return m;
}

/* REINFORCE on copies of one instance, with plain samples and with
 * samples from distinct first clients: each lowers the mean sampled cost
 * by 5% and writes the same weights twice; the two differ. */
START_TEST(reinforce_lowers_the_sampled_cost_and_is_reproducible)
{
    same s = {10, 21};
    corto_problem *p = NULL;
    ck_assert_int_eq(same_instance(&s, &p), CORTO_OK);
    nn_model *m0 = tiny_model(3);
    double before = sampled_mean(m0, p);
    /* plain samples, then samples begun at distinct first clients */
    nn_model *run[2];
    for (int starts = 0; starts < 2; starts++) {
        nn_model *a = reinforce_tiny(&s, starts);
        nn_model *b = reinforce_tiny(&s, starts);
        ck_assert_double_lt(sampled_mean(a, p), 0.95 * before);
        ck_assert_int_eq(a->steps, 60);
        ck_assert_mem_eq(a->v, b->v, a->total * sizeof *a->v);
        nn_model_destroy(b);
        run[starts] = a;
    }
    /* the starts change the gradients */
    ck_assert(memcmp(run[0]->v, run[1]->v, run[0]->total * sizeof *run[0]->v));
    /* fewer than two samples have no baseline */
    nn_tape tp;
    rng r;
    double mean, best;
    nn_tape_init(&tp, 1);
    rng_seed(&r, 1);
    ck_assert_int_eq(
        nn_policy_reinforce(&tp, run[0], p, 1, 0, 0, &r, 1, &mean, &best),
        CORTO_ERR_ARGUMENT);
    nn_tape_free(&tp);
    nn_model_destroy(m0);
    nn_model_destroy(run[0]);
    nn_model_destroy(run[1]);
    corto_problem_destroy(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_train");
    TCase *tc = tcase_create("train");
    tcase_add_test(tc, generator_follows_the_distribution);
    tcase_add_test(tc, road_instances_use_shortest_paths_of_one_component);
    tcase_add_test(tc, imitation_fits_and_is_reproducible);
    tcase_add_test(tc, reinforce_lowers_the_sampled_cost_and_is_reproducible);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
