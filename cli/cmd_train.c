/*
 * cmd_train.c — `corto train`: generate CVRP instances (neural/nn_gen),
 * label them with the ALNS through the public solve API (an iteration
 * limit, so labels are reproducible), and train the attention policy by
 * imitation (neural/nn_train), writing checkpoints to --out and a log.
 * The CLI is where neural/ and the search meet: neural/ itself never
 * calls the heuristics.
 */
#include "cli.h"
#include "graph_read.h"
#include "nn_gen.h"
#include "nn_road.h"
#include "nn_train.h"
#include "nn_weights.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct train_args {
    const char *out, *log_path, *resume, *generate, *road_path;
    uint64_t seed;
    long instances, valid, min_size, max_size, label_iterations;
    double clustered, road_share;
    nn_road road; /* loaded from road_path when the share is positive */
    nn_train_params prm;
    int quiet, reinforce;
} train_args;

typedef struct train_io {
    FILE *log;
    int quiet;
    const char *out;
    const train_args *a; /* REINFORCE: draws instances from gen */
    rng gen;
} train_io;

void cmd_train_help(void)
{
    printf(
        "usage: corto train --out MODEL [options]\n"
        "\n"
        "Train the neural construction policy by imitation of the ALNS: "
        "generate\n"
        "random CVRPs (Kool et al.'s distribution: unit square, demands "
        "1..9,\n"
        "capacity 30/40/50 for 20/50/100 clients; or clustered clients), "
        "solve each\n"
        "with the ALNS for a fixed number of iterations, then fit the "
        "policy to those\n"
        "solutions. Everything is reproducible from --seed. MODEL is "
        "rewritten at\n"
        "every checkpoint.\n"
        "\n"
        "Options:\n"
        "  --out FILE               weight file to write (required)\n"
        "  --log FILE               training log (also on stderr unless "
        "-q)\n"
        "  --resume FILE            start from these weights\n"
        "  --seed N                 seed of everything (default 1)\n"
        "  --instances N            training instances (default 400)\n"
        "  --validation N           held-out instances (default 32)\n"
        "  --min-size N, --max-size N\n"
        "                           clients per instance (default 20..100)\n"
        "  --clustered F            share of clustered instances (default "
        "0.25)\n"
        "  --road GRAPH             a road graph (as for 'corto matrix'): "
        "a share of the\n"
        "                           instances put depot and clients on its "
        "nodes, with\n"
        "                           their shortest-path distances "
        "(asymmetric, no\n"
        "                           coordinates)\n"
        "  --road-share F           share of road instances (default 0.5 "
        "with --road)\n"
        "  --label-iterations N     ALNS iterations per label (default "
        "2000)\n"
        "  --steps N                optimiser steps (default 1000)\n"
        "  --batch N                solutions per step (default 8)\n"
        "  --lr X                   learning rate, decayed to a tenth "
        "(default 0.001)\n"
        "  --checkpoint-every N     steps between checkpoints (default "
        "250)\n"
        "  --reinforce              fine-tune by REINFORCE instead of "
        "imitation: every\n"
        "                           step draws --batch fresh instances, "
        "samples\n"
        "                           --rl-samples solutions of each and "
        "uses their mean\n"
        "                           cost as baseline (start from a model "
        "with --resume;\n"
        "                           only the validation set is labelled)\n"
        "  --rl-samples K           samples per instance (default 16)\n"
        "  --rl-starts              the samples of an instance begin at K\n"
        "                           distinct first clients, those the model\n"
        "                           rates most likely (POMO's multiple\n"
        "                           starts; pairs with 'solve --starts')\n"
        "  --generate DIR           only write --instances generated "
        "instances (CVRPLIB\n"
        "                           files DIR/KIND-nN-K.vrp) and stop\n"
        "  -q, --quiet              nothing on stderr but errors\n"
        "  -h, --help               show this help\n");
}

static void train_log(void *user, const char *line)
{
    train_io *io = user;
    if (io->log) {
        fprintf(io->log, "%s\n", line);
        fflush(io->log);
    }
    if (!io->quiet)
        fprintf(stderr, "corto train: %s\n", line);
}

static corto_status train_checkpoint(void *user, const nn_model *m)
{
    train_io *io = user;
    corto_diag diag = {0};
    corto_status rc = nn_weights_save(m, io->out, &diag);
    if (rc != CORTO_OK)
        cli_fail(rc, &diag, io->out);
    return rc;
}

/* Parse a number into *out; 0 on success, else an error line and 2. */
static int train_num(const char *key, const char *v, double lo, double hi,
                     double *out)
{
    char *end = NULL;
    errno = 0;
    double d = v ? strtod(v, &end) : 0;
    if (!v || end == v || *end || errno || !(d >= lo && d <= hi)) {
        cli_error("bad value '%s' for --%s (expected a number in %g..%g)",
                  v ? v : "", key, lo, hi);
        return CLI_EXIT_INPUT;
    }
    *out = d;
    return 0;
}

static int train_parse(train_args *a, int argc, char **argv, int *help)
{
    memset(a, 0, sizeof *a);
    nn_train_params_init(&a->prm);
    a->seed = 1;
    a->instances = 400;
    a->valid = 32;
    a->min_size = 20;
    a->max_size = 100;
    a->label_iterations = 2000;
    a->clustered = 0.25;
    int road_share_set = 0;
    *help = 0;
    for (int k = 0; k < argc; k++) {
        const char *w = argv[k];
        if (!strcmp(w, "-h") || !strcmp(w, "--help")) {
            *help = 1;
            return 0;
        }
        if (!strcmp(w, "-q") || !strcmp(w, "--quiet")) {
            a->quiet = 1;
            continue;
        }
        if (!strcmp(w, "--reinforce")) {
            a->reinforce = 1;
            continue;
        }
        if (!strcmp(w, "--rl-starts")) {
            a->prm.starts = 1;
            continue;
        }
        if (strncmp(w, "--", 2) != 0) {
            cli_error("unexpected argument '%s' (see 'corto train --help')",
                      w);
            return CLI_EXIT_INPUT;
        }
        const char *key = w + 2, *v = k + 1 < argc ? argv[++k] : NULL;
        double d = 0;
        int bad = 0;
        if (!strcmp(key, "out") || !strcmp(key, "log") ||
            !strcmp(key, "resume") || !strcmp(key, "generate") ||
            !strcmp(key, "road")) {
            if (!v) {
                cli_error("--%s needs a FILE", key);
                return CLI_EXIT_INPUT;
            }
            if (!strcmp(key, "out"))
                a->out = v;
            else if (!strcmp(key, "log"))
                a->log_path = v;
            else if (!strcmp(key, "generate"))
                a->generate = v;
            else if (!strcmp(key, "road"))
                a->road_path = v;
            else
                a->resume = v;
        } else if (!strcmp(key, "seed")) {
            bad = train_num(key, v, 0, 1e18, &d);
            a->seed = (uint64_t)d;
        } else if (!strcmp(key, "instances")) {
            bad = train_num(key, v, 1, 1e6, &d);
            a->instances = (long)d;
        } else if (!strcmp(key, "validation")) {
            bad = train_num(key, v, 0, 1e5, &d);
            a->valid = (long)d;
        } else if (!strcmp(key, "min-size")) {
            bad = train_num(key, v, 2, 2000, &d);
            a->min_size = (long)d;
        } else if (!strcmp(key, "max-size")) {
            bad = train_num(key, v, 2, 2000, &d);
            a->max_size = (long)d;
        } else if (!strcmp(key, "clustered")) {
            bad = train_num(key, v, 0, 1, &a->clustered);
        } else if (!strcmp(key, "road-share")) {
            bad = train_num(key, v, 0, 1, &a->road_share);
            road_share_set = 1;
        } else if (!strcmp(key, "label-iterations")) {
            bad = train_num(key, v, 1, 1e9, &d);
            a->label_iterations = (long)d;
        } else if (!strcmp(key, "steps")) {
            bad = train_num(key, v, 0, 1e9, &d);
            a->prm.steps = (int64_t)d;
        } else if (!strcmp(key, "batch")) {
            bad = train_num(key, v, 1, 4096, &d);
            a->prm.batch = (int)d;
        } else if (!strcmp(key, "lr")) {
            bad = train_num(key, v, 1e-7, 1, &a->prm.lr);
            a->prm.lr_min = a->prm.lr / 10;
        } else if (!strcmp(key, "rl-samples")) {
            bad = train_num(key, v, 2, 4096, &d);
            a->prm.samples = (int)d;
        } else if (!strcmp(key, "checkpoint-every")) {
            bad = train_num(key, v, 0, 1e9, &d);
            a->prm.checkpoint_every = (int64_t)d;
        } else {
            cli_error("unknown option '%s' (see 'corto train --help')", w);
            return CLI_EXIT_INPUT;
        }
        if (bad)
            return bad;
    }
    if (!a->out && !a->generate) {
        cli_error("--out MODEL is required (see 'corto train --help')");
        return CLI_EXIT_INPUT;
    }
    if (a->road_path && !road_share_set)
        a->road_share = 0.5;
    if (a->road_share > 0 && !a->road_path) {
        cli_error("--road-share needs --road GRAPH");
        return CLI_EXIT_INPUT;
    }
    if (a->min_size > a->max_size) {
        cli_error("--min-size %ld is above --max-size %ld", a->min_size,
                  a->max_size);
        return CLI_EXIT_INPUT;
    }
    a->prm.seed = a->seed;
    return 0;
}

/* Draw the size and kind of the next instance and generate it. */
static corto_status train_generate_one(corto_problem **p, const train_args *a,
                                       rng *r)
{
    long n = a->min_size +
             (long)rng_below(r, (uint64_t)(a->max_size - a->min_size + 1));
    /* the road draw only when there is a share, so that runs without
     * roads keep their random streams */
    if (a->road_share > 0 && rng_uniform(r) < a->road_share)
        return nn_road_cvrp(p, &a->road, (int)n, r);
    nn_gen_kind kind =
        rng_uniform(r) < a->clustered ? NN_GEN_CLUSTERED : NN_GEN_UNIFORM;
    return nn_gen_cvrp(p, (int)n, kind, r);
}

/* Load --road GRAPH and check it has nodes for the largest instance; a
 * CLI exit status. */
static int train_road_load(train_args *a)
{
    graph g;
    corto_diag diag = {0};
    memset(&g, 0, sizeof g);
    corto_status rc = graph_read(&g, a->road_path, NULL, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, diag.message[0] ? NULL : a->road_path);
    const char *base = strrchr(a->road_path, '/');
    char name[48];
    snprintf(name, sizeof name, "%s", base ? base + 1 : a->road_path);
    name[strcspn(name, ".")] = '\0';
    rc = nn_road_init(&a->road, &g, name);
    graph_free(&g);
    if (rc != CORTO_OK) {
        cli_error("%s: no part of the graph where every node reaches every "
                  "other has 3 nodes",
                  a->road_path);
        return CLI_EXIT_INPUT;
    }
    if (a->road.n_nodes <= a->max_size) {
        cli_error("%s: %d connected nodes, too few for --max-size %ld",
                  a->road_path, a->road.n_nodes, a->max_size);
        return CLI_EXIT_INPUT;
    }
    return CLI_EXIT_OK;
}

/* Write p as a CVRPLIB file (EUC_2D: the reader rounds distances as the
 * generator does; an explicit full matrix for road instances). */
static int train_write_vrp(const corto_problem *p, const char *path,
                           uint64_t seed)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return 0;
    int n = p->n_nodes;
    fprintf(f,
            "NAME : %s\nCOMMENT : corto train --generate, seed %llu\n"
            "TYPE : CVRP\nDIMENSION : %d\nEDGE_WEIGHT_TYPE : %s\n"
            "CAPACITY : %lld\n",
            p->name, (unsigned long long)seed, n,
            p->x ? "EUC_2D" : "EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX",
            (long long)p->vtypes[0].capacity[0]);
    if (p->x) {
        fprintf(f, "NODE_COORD_SECTION\n");
        for (int i = 0; i < n; i++)
            fprintf(f, "%d %.17g %.17g\n", i + 1, p->x[i], p->y[i]);
    } else {
        fprintf(f, "EDGE_WEIGHT_SECTION\n");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                fprintf(f, j + 1 < n ? "%lld " : "%lld\n",
                        (long long)model_dist(p, 0, i, j));
    }
    fprintf(f, "DEMAND_SECTION\n");
    for (int i = 0; i < n; i++)
        fprintf(f, "%d %lld\n", i + 1, (long long)p->demand[i]);
    fprintf(f, "DEPOT_SECTION\n1\n-1\nEOF\n");
    return fclose(f) == 0;
}

/* --generate DIR: write the instances and stop. */
static int train_generate(const train_args *a)
{
    rng r;
    rng_seed(&r, a->seed);
    for (long k = 0; k < a->instances; k++) {
        corto_problem *p = NULL;
        corto_status rc = train_generate_one(&p, a, &r);
        if (rc != CORTO_OK)
            return cli_fail(rc, NULL, a->generate);
        char name[64], path[4200];
        snprintf(name, sizeof name, "%s-%04ld", p->name, k + 1);
        corto_problem_set_name(p, name);
        snprintf(path, sizeof path, "%s/%s.vrp", a->generate, name);
        int ok = train_write_vrp(p, path, a->seed);
        corto_problem_destroy(p);
        if (!ok) {
            cli_error("%s: cannot write: %s", path, strerror(errno));
            return CLI_EXIT_INPUT;
        }
    }
    return CLI_EXIT_OK;
}

/* Generate and label d->n instances; the k-th uses seed + k. */
static corto_status train_label(nn_dataset *d, const train_args *a, rng *r,
                                uint64_t seed_base, train_io *io)
{
    corto_status rc = CORTO_OK;
    for (int k = 0; k < d->n; k++) {
        rc = train_generate_one(&d->p[k], a, r);
        if (rc != CORTO_OK)
            return rc;
        corto_options opt;
        corto_options_init(&opt);
        opt.time_limit = 0;
        opt.iterations = a->label_iterations;
        opt.seed = seed_base + (uint64_t)k;
        rc = corto_solve(&d->x[k], d->p[k], &opt);
        if (rc != CORTO_OK)
            return rc;
        if ((k + 1) % 50 == 0 || k + 1 == d->n) {
            char line[160];
            snprintf(line, sizeof line, "labelled %d of %d instances", k + 1,
                     d->n);
            train_log(io, line);
        }
    }
    return rc;
}

/* REINFORCE's instance source: the next draw of the generator stream. */
static corto_status train_draw(void *user, corto_problem **p)
{
    train_io *io = user;
    return train_generate_one(p, io->a, &io->gen);
}

static void train_free(nn_dataset *d)
{
    for (int k = 0; k < d->n && d->p; k++) {
        corto_solution_destroy(d->x[k]);
        corto_problem_destroy(d->p[k]);
    }
    free(d->p);
    free(d->x);
}

int cmd_train(int argc, char **argv)
{
    train_args a;
    int help = 0;
    int status = train_parse(&a, argc, argv, &help);
    if (status)
        return status;
    if (help) {
        cmd_train_help();
        return CLI_EXIT_OK;
    }
    if (a.road_share > 0 && (status = train_road_load(&a)) != 0)
        return status;
    if (a.generate) {
        status = train_generate(&a);
        nn_road_free(&a.road);
        return status;
    }
    train_io io = {.log = NULL, .quiet = a.quiet, .out = a.out};
    nn_dataset train = {0}, valid = {0};
    nn_model *m = NULL;
    corto_diag diag = {0};
    corto_status rc = CORTO_OK;
    if (a.log_path && !(io.log = fopen(a.log_path, "w"))) {
        cli_error("%s: cannot open for writing: %s", a.log_path,
                  strerror(errno));
        return CLI_EXIT_INPUT;
    }
    if (a.resume) {
        rc = nn_weights_load(&m, a.resume, NULL, &diag);
        if (rc != CORTO_OK) {
            status = cli_fail(rc, &diag, a.resume);
            goto cleanup;
        }
    } else {
        nn_config cfg;
        nn_config_default(&cfg);
        rc = nn_model_create(&m, &cfg, a.seed);
        if (rc != CORTO_OK)
            goto fail;
    }
    char road[80] = "";
    if (a.road_share > 0)
        snprintf(road, sizeof road, ", %.0f%% on road graph %s",
                 100 * a.road_share, a.road.name);
    char data[512];
    if (a.reinforce)
        snprintf(data, sizeof data,
                 "REINFORCE %d samples%s, %lld x %d CVRP n=%ld..%ld, %.0f%% "
                 "clustered%s",
                 a.prm.samples, a.prm.starts ? " from distinct starts" : "",
                 (long long)a.prm.steps, a.prm.batch, a.min_size, a.max_size,
                 100 * a.clustered, road);
    else
        snprintf(data, sizeof data,
                 "ALNS %ld it. on %ld CVRP n=%ld..%ld, %.0f%% clustered%s",
                 a.label_iterations, a.instances, a.min_size, a.max_size,
                 100 * a.clustered, road);
    /* the provenance field keeps what fits */
    size_t data_len = strnlen(data, sizeof m->data - 1);
    memcpy(m->data, data, data_len);
    m->data[data_len] = '\0';
    train.n = a.reinforce ? 0 : (int)a.instances;
    valid.n = (int)a.valid;
    train.p = calloc((size_t)train.n + 1, sizeof *train.p);
    train.x = calloc((size_t)train.n + 1, sizeof *train.x);
    valid.p = calloc((size_t)valid.n + 1, sizeof *valid.p);
    valid.x = calloc((size_t)valid.n + 1, sizeof *valid.x);
    if (!train.p || !train.x || !valid.p || !valid.x) {
        rc = CORTO_ERR_NOMEM;
        goto fail;
    }
    rng r;
    rng_seed(&r, a.seed);
    char line[256];
    snprintf(line, sizeof line,
             "seed %llu: %d training and %d validation instances, %s",
             (unsigned long long)a.seed, train.n, valid.n, m->data);
    train_log(&io, line);
    if ((rc = train_label(&train, &a, &r, a.seed * 1000003u, &io)) ||
        (rc = train_label(&valid, &a, &r, a.seed * 1000003u + 500000u, &io)))
        goto fail;
    a.prm.log = train_log;
    a.prm.checkpoint = train_checkpoint;
    a.prm.user = &io;
    if (a.reinforce) {
        io.a = &a;
        rng_seed(&io.gen, a.seed * 1000003u + 900000u);
        a.prm.instance = train_draw;
        rc = nn_train_reinforce(m, &valid, &a.prm);
    } else {
        rc = nn_train_imitation(m, &train, &valid, &a.prm);
    }
    if (rc != CORTO_OK)
        goto fail;
    status = CLI_EXIT_OK;
    goto cleanup;
fail:
    status = cli_fail(rc, NULL, a.out);
cleanup:
    train_free(&train);
    train_free(&valid);
    nn_model_destroy(m);
    nn_road_free(&a.road);
    if (io.log)
        fclose(io.log);
    return status;
}
