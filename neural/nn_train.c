/*
 * nn_train.c — imitation training of the policy (see nn_train.h): each
 * step draws `batch` expert solutions with a random symmetry of the
 * square, adds their cross-entropy gradients (nn_policy_imitate), and
 * takes one Adam step at a learning rate decayed along a half cosine
 * (Loshchilov & Hutter 2017, without restarts).
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
        CORTO_TRY(nn_policy_construct(s, m, d->p[k], 0, 1));
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

corto_status nn_train_imitation(nn_model *m, const nn_dataset *train,
                                const nn_dataset *valid,
                                const nn_train_params *prm)
{
    corto_status rc = CORTO_OK;
    nn_tape tp;
    rng r;
    nn_tape_init(&tp, 1);
    if (!m || !train || train->n < 1 || prm->batch < 1 || prm->steps < 0)
        return CORTO_ERR_ARGUMENT;
    rng_seed(&r, prm->seed);
    double start = clock_cpu_seconds(), run_loss = 0;
    int64_t run_n = 0;
    for (int64_t t = 0; t < prm->steps; t++) {
        double frac =
            prm->steps > 1 ? (double)t / (double)(prm->steps - 1) : 1.0;
        double lr = prm->lr_min + (prm->lr - prm->lr_min) * 0.5 *
                                      (1 + cos(3.14159265358979323846 * frac));
        nn_model_zero_grad(m);
        for (int b = 0; b < prm->batch; b++) {
            int k = (int)rng_below(&r, (uint64_t)train->n);
            int sym = (int)rng_below(&r, 8);
            double loss;
            int steps;
            CORTO_TRY(nn_policy_imitate(&tp, m, train->p[k], train->x[k], sym,
                                        (nn_real)1 / (nn_real)prm->batch,
                                        &loss, &steps));
            run_loss += loss;
            run_n++;
        }
        CORTO_TRY(nn_model_adam(m, lr, prm->clip));
        if (prm->log_every > 0 && (t + 1) % prm->log_every == 0) {
            nn_logf(prm, "step %lld: loss %.4f, lr %.2e, %.1f s CPU",
                    (long long)m->steps, run_loss / (double)run_n, lr,
                    clock_cpu_seconds() - start);
            run_loss = 0;
            run_n = 0;
        }
        if (prm->checkpoint_every > 0 &&
            (t + 1) % prm->checkpoint_every == 0 && t + 1 < prm->steps)
            CORTO_TRY(nn_checkpoint(m, valid, train, prm, start));
    }
    CORTO_TRY(nn_checkpoint(m, valid, train, prm, start));
cleanup:
    nn_tape_free(&tp);
    return rc;
}
