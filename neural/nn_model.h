/*
 * nn_model.h — the attention policy's configuration and parameters: one
 * table of named tensors (embedding, encoder layers, decoder) stored in a
 * single array, their gradients, and the Adam moments used in training.
 */
#ifndef CORTO_NN_MODEL_H
#define CORTO_NN_MODEL_H

#include "nn_tape.h"

#include <stdint.h>

#define NN_NAME_LEN 24
#define NN_DATA_LEN 96
#define NN_CTX      4 /* decoder context scalars (see nn_policy.c) */

typedef struct nn_config {
    int n_feat; /* node features (nn_features.h) */
    int d;      /* embedding width */
    int heads;  /* attention heads (even: half outgoing, half incoming) */
    int layers; /* encoder layers */
    int ff;     /* hidden width of the feed-forward blocks */
    int knn;    /* nearest outgoing / incoming distances per node */
} nn_config;

typedef struct nn_param {
    char name[NN_NAME_LEN];
    int rows, cols;
    size_t off; /* first value in nn_model.v */
} nn_param;

/* Where each part's tensors sit in the table. */
enum {
    NN_P_EMBED_W = 0,
    NN_P_EMBED_B,
    NN_P_LAYER0 /* first tensor of encoder layer 0 */
};
enum {
    NN_L_WQ = 0,
    NN_L_WK,
    NN_L_WV,
    NN_L_COEF,
    NN_L_WO,
    NN_L_BO,
    NN_L_LN1_G,
    NN_L_LN1_B,
    NN_L_FF1_W,
    NN_L_FF1_B,
    NN_L_FF2_W,
    NN_L_FF2_B,
    NN_L_LN2_G,
    NN_L_LN2_B,
    NN_L_COUNT
};
enum {
    NN_D_CTX_W = 0,
    NN_D_CTX_B,
    NN_D_GK,
    NN_D_GV,
    NN_D_GCOEF,
    NN_D_GO_W,
    NN_D_GO_B,
    NN_D_PK,
    NN_D_PCOEF,
    NN_D_COUNT
};

typedef struct nn_model {
    nn_config cfg;
    int n_params;
    nn_param *p;
    size_t total;           /* reals in v (and g, m1, m2) */
    nn_real *v, *g;         /* values and gradients */
    nn_real *m1, *m2;       /* Adam moments (NULL until training) */
    int64_t adam_t;         /* Adam steps taken */
    uint64_t seed;          /* provenance: training seed */
    int64_t steps;          /* provenance: optimiser steps */
    char data[NN_DATA_LEN]; /* provenance: what it was trained on */
} nn_model;

/* The configuration of the shipped model. */
void nn_config_default(nn_config *cfg);
/* 1 when every field is in range (heads even and dividing d...). */
int nn_config_valid(const nn_config *cfg);

/* Allocate the parameter table for cfg with every value zero (for a
 * caller that fills them, as the weight-file reader does). */
corto_status nn_model_alloc(nn_model **out, const nn_config *cfg);

/* Allocate the parameter table for cfg and draw initial values from
 * seed (Glorot-uniform weights, zero biases, unit gains, distance-bias
 * coefficients at -1: nearer nodes attract attention at first). */
corto_status nn_model_create(nn_model **out, const nn_config *cfg,
                             uint64_t seed);
void nn_model_destroy(nn_model *m);
/* Index of a decoder tensor / of tensor k of encoder layer l. */
int nn_model_dec(const nn_model *m, int k);
static inline int nn_model_layer(int l, int k)
{
    return NN_P_LAYER0 + l * NN_L_COUNT + k;
}
/* A leaf on the tape for parameter k (with its gradient when training). */
int nn_model_leaf(nn_tape *tp, const nn_model *m, int k);
void nn_model_zero_grad(nn_model *m);
/* One Adam step (Kingma & Ba 2015) with learning rate lr on the
 * accumulated gradients, clipped to a global norm of at most clip. */
corto_status nn_model_adam(nn_model *m, double lr, double clip);

#endif /* CORTO_NN_MODEL_H */
