/*
 * nn_infer.c — CPU time of one neural greedy construction through
 * corto_solve (--init neural --construct-only), for bench/neural_speed.sh:
 * REPEATS solves of one instance with a model loaded once from a weight
 * file (what a program embedding corto does), then REPEATS with the
 * compiled-in model (decoded and CRC-checked at the first of them, then
 * shared: a run of the `corto` command pays the decoding once).
 * Prints `key value` lines: the median and the mean CPU milliseconds of
 * each, and the solution cost (equal in both modes).
 *
 * usage: nn_infer INSTANCE MODEL [REPEATS]
 */
#include "corto.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double infer_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int infer_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Run `reps` greedy constructions, fill ms[] and *cost; 0 on success. */
static int infer_runs(const corto_problem *p, const corto_neural_model *m,
                      int reps, double *ms, int64_t *cost)
{
    corto_options opt;
    corto_options_init(&opt);
    opt.init = CORTO_INIT_NEURAL;
    opt.construct_only = 1;
    opt.neural_model = m;
    for (int r = 0; r < reps; r++) {
        corto_solution *s = NULL;
        double t0 = infer_cpu();
        corto_status st = corto_solve(&s, p, &opt);
        ms[r] = 1e3 * (infer_cpu() - t0);
        if (st != CORTO_OK) {
            fprintf(stderr, "nn_infer: solve failed: %s\n",
                    corto_status_string(st));
            return 1;
        }
        *cost = corto_solution_cost(s);
        corto_solution_destroy(s);
    }
    qsort(ms, (size_t)reps, sizeof *ms, infer_cmp);
    return 0;
}

static void infer_print(const char *key, const double *ms, int reps)
{
    double sum = 0;
    for (int r = 0; r < reps; r++)
        sum += ms[r];
    printf("%s_median_ms %.3f\n%s_mean_ms %.3f\n", key, ms[reps / 2], key,
           sum / reps);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: nn_infer INSTANCE MODEL [REPEATS]\n");
        return 2;
    }
    int reps = argc > 3 ? atoi(argv[3]) : 50;
    if (reps < 1)
        reps = 1;
    corto_diag diag = {0};
    corto_problem *p = NULL;
    corto_neural_model *m = NULL;
    double *ms = calloc((size_t)reps, sizeof *ms);
    int64_t loaded_cost = 0, builtin_cost = 0;
    int rc = 1;
    if (!ms)
        goto cleanup;
    if (corto_read_problem(&p, argv[1], &diag) != CORTO_OK ||
        corto_neural_model_load(&m, argv[2], &diag) != CORTO_OK) {
        fprintf(stderr, "nn_infer: %s\n", diag.message);
        goto cleanup;
    }
    if (infer_runs(p, m, reps, ms, &loaded_cost))
        goto cleanup;
    infer_print("loaded", ms, reps);
    if (infer_runs(p, NULL, reps, ms, &builtin_cost))
        goto cleanup;
    infer_print("builtin", ms, reps);
    printf("cost_loaded %lld\ncost_builtin %lld\n", (long long)loaded_cost,
           (long long)builtin_cost);
    rc = 0;
cleanup:
    free(ms);
    corto_neural_model_destroy(m);
    corto_problem_destroy(p);
    return rc;
}
