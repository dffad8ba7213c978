/*
 * nn_train.c — imitation training of the policy (see nn_train.h): each
 * step draws `batch` expert solutions with a random symmetry of the
 * square, adds their cross-entropy gradients (nn_policy_imitate), and
 * takes one Adam step at a learning rate decayed along a half cosine
 * (Loshchilov & Hutter 2017, without restarts). REINFORCE fine-tuning
 * uses the same schedule, clipping and checkpoints, on instances drawn
 * fresh at every step.
 */
#include "nn_train.h"
#include "clock.h"
#include "nn_policy.h"
#include "rng.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

void nn_train_params_init(nn_train_params *prm)
{
    prm->steps = 1000;
    prm->batch = 8;
    prm->lr = 1e-3;
    prm->lr_min = 1e-4;
    prm->clip = 1.0;
    prm->seed = 1;
    prm->log_every = 25;
    prm->checkpoint_every = 250;
    prm->samples = 16;
    prm->instance = NULL;
    prm->log = NULL;
    prm->checkpoint = NULL;
    prm->user = NULL;
}

static void nn_logf(const nn_train_params *prm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void nn_logf(const nn_train_params *prm, const char *fmt, ...)
{
    if (!prm->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    prm->log(prm->user, line);
}

corto_status nn_train_validate(double *gap, double *feasible,
                               const nn_model *m, const nn_dataset *d)
{
    corto_status rc = CORTO_OK;
    corto_solution *s = NULL;
    double sum = 0;
    int n_feas = 0;
    for (int k = 0; k < d->n; k++) {
        corto_solution_destroy(s);
        s = NULL;
        CORTO_TRY(corto_solution_create(&s, d->p[k]));
        nn_decoding greedy = {0, 1, 0, 1};
        CORTO_TRY(nn_policy_construct(s, m, d->p[k], &greedy));
        if (s->status == CORTO_SOLUTION_FEASIBLE && d->x[k]->cost > 0) {
            sum += (double)s->cost / (double)d->x[k]->cost - 1;
            n_feas++;
        }
    }
    *gap = n_feas > 0 ? sum / n_feas : HUGE_VAL;
    *feasible = d->n > 0 ? (double)n_feas / d->n : 0;
cleanup:
    corto_solution_destroy(s);
    return rc;
}

/* The learning rate of step t: lr decayed to lr_min along a half cosine. */
static double nn_lr(const nn_train_params *prm, int64_t t)
{
    double frac = prm->steps > 1 ? (double)t / (double)(prm->steps - 1) : 1.0;
    return prm->lr_min + (prm->lr - prm->lr_min) * 0.5 *
                             (1 + cos(3.14159265358979323846 * frac));
}

/* Validate (when there is a set), log, and hand the model to the
 * checkpoint callback. */
static corto_status nn_checkpoint(nn_model *m, const nn_dataset *valid,
                                  const nn_dataset *train,
                                  const nn_train_params *prm, double start)
{
    corto_status rc = CORTO_OK;
    const char *which = "validation";
    if (!valid || valid->n == 0) {
        valid = train; /* no held-out set: report the fit */
        which = "training";
    }
    if (valid && valid->n > 0) {
        double gap, feas;
        CORTO_TRY(nn_train_validate(&gap, &feas, m, valid));
        nn_logf(prm,
                "step %lld: %s greedy gap to expert %.2f%%, "
                "feasible %.0f%%, %.1f s CPU",
                (long long)m->steps, which, 100 * gap, 100 * feas,
                clock_cpu_seconds() - start);
    }
    if (prm->checkpoint)
        CORTO_TRY(prm->checkpoint(prm->user, m));
cleanup:
    return rc;
}

/* The figure a log line reports, summed over the steps since the last. */
typedef struct nn_running {
    double sum;
    int64_t n;
} nn_running;

/* End of step t (gradients added): the Adam step, a log line every
 * log_every steps with the running figure (the imitation loss, or for
 * REINFORCE how far the best sample lies below the samples' mean), and a
 * validation and checkpoint every checkpoint_every steps. */
static corto_status nn_end_step(nn_model *m, const nn_dataset *valid,
                                const nn_dataset *train,
                                const nn_train_params *prm, int64_t t,
                                double start, nn_running *run, int reinforce)
{
    corto_status rc = CORTO_OK;
    double lr = nn_lr(prm, t);
    CORTO_TRY(nn_model_adam(m, lr, prm->clip));
    if (prm->log_every > 0 && (t + 1) % prm->log_every == 0) {
        double mean = run->n > 0 ? run->sum / (double)run->n : 0;
        char fig[96];
        if (reinforce)
            snprintf(fig, sizeof fig,
                     "best of %d samples %.2f%% below their mean",
                     prm->samples, 100 * (1 - mean));
        else
            snprintf(fig, sizeof fig, "loss %.4f", mean);
        nn_logf(prm, "step %lld: %s, lr %.2e, %.1f s CPU", (long long)m->steps,
                fig, lr, clock_cpu_seconds() - start);
        run->sum = 0;
        run->n = 0;
    }
    if (prm->checkpoint_every > 0 && (t + 1) % prm->checkpoint_every == 0 &&
        t + 1 < prm->steps)
        CORTO_TRY(nn_checkpoint(m, valid, train, prm, start));
cleanup:
    return rc;
}

/* One step's gradients: `batch` expert solutions (imitation) or, when
 * train is NULL, `batch` fresh instances with their sampled solutions
 * (REINFORCE); the step's figures are added to run. */
static corto_status nn_step_gradients(nn_model *m, const nn_dataset *train,
                                      const nn_train_params *prm, nn_tape *tp,
                                      rng *r, corto_problem **p,
                                      nn_running *run)
{
    corto_status rc = CORTO_OK;
    nn_real w = (nn_real)1 / (nn_real)prm->batch;
    for (int b = 0; b < prm->batch; b++) {
        double fig;
        if (train) {
            int k = (int)rng_below(r, (uint64_t)train->n);
            int sym = (int)rng_below(r, 8), steps;
            CORTO_TRY(nn_policy_imitate(tp, m, train->p[k], train->x[k], sym,
                                        w, &fig, &steps));
        } else {
            corto_problem_destroy(*p);
            *p = NULL;
            CORTO_TRY(prm->instance(prm->user, p));
            int sym = (int)rng_below(r, 8);
            double mean, best;
            CORTO_TRY(nn_policy_reinforce(tp, m, *p, prm->samples, prm->starts,
                                          sym, r, w, &mean, &best));
            fig = mean > 0 ? best / mean : 1;
        }
        run->sum += fig;
        run->n++;
    }
cleanup:
    return rc;
}

/* The training loop of both kinds (train NULL: REINFORCE). */
static corto_status nn_train_loop(nn_model *m, const nn_dataset *train,
                                  const nn_dataset *valid,
                                  const nn_train_params *prm)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    nn_tape tp;
    rng r;
    nn_tape_init(&tp, 1);
    rng_seed(&r, prm->seed);
    double start = clock_cpu_seconds();
    nn_running run = {0, 0};
    for (int64_t t = 0; t < prm->steps; t++) {
        nn_model_zero_grad(m);
        CORTO_TRY(nn_step_gradients(m, train, prm, &tp, &r, &p, &run));
        CORTO_TRY(nn_end_step(m, valid, train, prm, t, start, &run, !train));
    }
    CORTO_TRY(nn_checkpoint(m, valid, train, prm, start));
cleanup:
    corto_problem_destroy(p);
    nn_tape_free(&tp);
    return rc;
}

corto_status nn_train_imitation(nn_model *m, const nn_dataset *train,
                                const nn_dataset *valid,
                                const nn_train_params *prm)
{
    if (!m || !train || train->n < 1 || prm->batch < 1 || prm->steps < 0)
        return CORTO_ERR_ARGUMENT;
    return nn_train_loop(m, train, valid, prm);
}

corto_status nn_train_reinforce(nn_model *m, const nn_dataset *valid,
                                const nn_train_params *prm)
{
    if (!m || !prm->instance || prm->batch < 1 || prm->samples < 2 ||
        prm->steps < 0)
        return CORTO_ERR_ARGUMENT;
    return nn_train_loop(m, NULL, valid, prm);
}
