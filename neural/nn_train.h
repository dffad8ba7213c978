/*
 * nn_train.h — training the policy by imitation: mini-batches of expert
 * solutions (teacher forcing, nn_policy_imitate), Adam with a cosine
 * learning-rate decay and gradient clipping, coordinate symmetries as
 * augmentation, periodic validation (greedy gap to the expert) and
 * checkpoints through a callback; and REINFORCE fine-tuning with the
 * samples' mean cost as baseline. Deterministic from the seed.
 */
#ifndef CORTO_NN_TRAIN_H
#define CORTO_NN_TRAIN_H

#include "nn_model.h"

/* Problems (prepared) with their expert solutions. */
typedef struct nn_dataset {
    int n;
    corto_problem **p;
    corto_solution **x;
} nn_dataset;

typedef struct nn_train_params {
    int64_t steps;            /* optimiser steps */
    int batch;                /* expert solutions per step */
    double lr, lr_min;        /* cosine decay from lr to lr_min */
    double clip;              /* global gradient-norm clip */
    uint64_t seed;            /* batch draws and augmentation */
    int64_t log_every;        /* steps between log lines */
    int64_t checkpoint_every; /* steps between validation + checkpoint */
    int samples;              /* REINFORCE: solutions sampled per instance */
    int starts;               /* REINFORCE: 1 = from distinct first clients */
    /* REINFORCE: a fresh prepared instance, owned by the caller after. */
    corto_status (*instance)(void *user, corto_problem **p);
    /* A line of training log (no newline). */
    void (*log)(void *user, const char *line);
    /* Save the model at a checkpoint (and at the end). */
    corto_status (*checkpoint)(void *user, const nn_model *m);
    void *user;
} nn_train_params;

void nn_train_params_init(nn_train_params *prm);

/* Mean greedy gap (cost / expert cost - 1) over a dataset, and the
 * share of feasible constructions. */
corto_status nn_train_validate(double *gap, double *feasible,
                               const nn_model *m, const nn_dataset *d);

corto_status nn_train_imitation(nn_model *m, const nn_dataset *train,
                                const nn_dataset *valid,
                                const nn_train_params *prm);

/*
 * REINFORCE fine-tuning (nn_policy_reinforce): every step draws `batch`
 * instances from prm->instance, samples prm->samples solutions of each
 * against their mean as the baseline, and takes one Adam step; logs how
 * far the best sample lies below the mean, and validates on `valid` (may
 * be NULL) at every checkpoint.
 */
corto_status nn_train_reinforce(nn_model *m, const nn_dataset *valid,
                                const nn_train_params *prm);

#endif /* CORTO_NN_TRAIN_H */
