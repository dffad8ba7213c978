/*
 * nn_model.c — the parameter table of the attention policy: its layout for
 * a configuration, initial values drawn from a seed, and the Adam
 * optimiser (Kingma & Ba 2015, "Adam: a method for stochastic
 * optimization") with global-norm gradient clipping.
 */
#include "nn_model.h"
#include "rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nn_config_default(nn_config *cfg)
{
    cfg->knn = 4;
    cfg->n_feat = 3 + 2 * cfg->knn + 8;
    cfg->d = 64;
    cfg->heads = 4;
    cfg->layers = 3;
    cfg->ff = 128;
}

int nn_config_valid(const nn_config *c)
{
    return c->knn >= 1 && c->knn <= 16 && c->n_feat == 3 + 2 * c->knn + 8 &&
           c->d >= 2 && c->d <= 1024 && c->heads >= 2 && c->heads % 2 == 0 &&
           c->d % c->heads == 0 && c->layers >= 1 && c->layers <= 16 &&
           c->ff >= 1 && c->ff <= 4096;
}

static void nn_set(nn_param *p, int *k, size_t *off, const char *name,
                   int rows, int cols)
{
    nn_param *q = &p[(*k)++];
    snprintf(q->name, sizeof q->name, "%s", name);
    q->rows = rows;
    q->cols = cols;
    q->off = *off;
    *off += (size_t)rows * (size_t)cols;
}

int nn_model_dec(const nn_model *m, int k)
{
    return NN_P_LAYER0 + m->cfg.layers * NN_L_COUNT + k;
}

/* Lay out the table in the order of the NN_P_, NN_L_ and NN_D_ enums. */
static void nn_layout(nn_param *p, const nn_config *c, size_t *total)
{
    int k = 0, d = c->d;
    size_t off = 0;
    char name[NN_NAME_LEN];
    nn_set(p, &k, &off, "embed.w", c->n_feat, d);
    nn_set(p, &k, &off, "embed.b", 1, d);
    static const char *const ln[NN_L_COUNT] = {
        "wq",    "wk",    "wv",    "coef",  "wo",    "bo",    "ln1.g",
        "ln1.b", "ff1.w", "ff1.b", "ff2.w", "ff2.b", "ln2.g", "ln2.b"};
    for (int l = 0; l < c->layers; l++)
        for (int j = 0; j < NN_L_COUNT; j++) {
            int rows = d, cols = d;
            if (j == NN_L_COEF)
                rows = 1, cols = c->heads;
            else if (j == NN_L_BO || j == NN_L_LN1_G || j == NN_L_LN1_B ||
                     j == NN_L_FF2_B || j == NN_L_LN2_G || j == NN_L_LN2_B)
                rows = 1;
            else if (j == NN_L_FF1_W)
                cols = c->ff;
            else if (j == NN_L_FF1_B)
                rows = 1, cols = c->ff;
            else if (j == NN_L_FF2_W)
                rows = c->ff;
            snprintf(name, sizeof name, "enc%d.%s", l, ln[j]);
            nn_set(p, &k, &off, name, rows, cols);
        }
    nn_set(p, &k, &off, "dec.ctx.w", 2 * d + NN_CTX, d);
    nn_set(p, &k, &off, "dec.ctx.b", 1, d);
    nn_set(p, &k, &off, "dec.gk", d, d);
    nn_set(p, &k, &off, "dec.gv", d, d);
    nn_set(p, &k, &off, "dec.gcoef", 1, c->heads);
    nn_set(p, &k, &off, "dec.go.w", d, d);
    nn_set(p, &k, &off, "dec.go.b", 1, d);
    nn_set(p, &k, &off, "dec.pk", d, d);
    nn_set(p, &k, &off, "dec.pcoef", 1, 4);
    *total = off;
}

corto_status nn_model_alloc(nn_model **out, const nn_config *cfg)
{
    if (!out || !cfg || !nn_config_valid(cfg))
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    nn_model *m = calloc(1, sizeof *m);
    if (!m)
        return CORTO_ERR_NOMEM;
    m->cfg = *cfg;
    m->n_params = NN_P_LAYER0 + cfg->layers * NN_L_COUNT + NN_D_COUNT;
    m->p = calloc((size_t)m->n_params, sizeof *m->p);
    if (!m->p) {
        nn_model_destroy(m);
        return CORTO_ERR_NOMEM;
    }
    nn_layout(m->p, cfg, &m->total);
    m->v = calloc(m->total, sizeof *m->v);
    m->g = calloc(m->total, sizeof *m->g);
    if (!m->v || !m->g) {
        nn_model_destroy(m);
        return CORTO_ERR_NOMEM;
    }
    *out = m;
    return CORTO_OK;
}

corto_status nn_model_create(nn_model **out, const nn_config *cfg,
                             uint64_t seed)
{
    nn_model *m = NULL;
    corto_status rc = nn_model_alloc(&m, cfg);
    if (rc != CORTO_OK)
        return rc;
    m->seed = seed;
    rng r;
    rng_seed(&r, seed);
    for (int k = 0; k < m->n_params; k++) {
        const nn_param *q = &m->p[k];
        nn_real *v = m->v + q->off;
        size_t size = (size_t)q->rows * (size_t)q->cols;
        const char *dot = strrchr(q->name, '.');
        const char *tail = dot ? dot + 1 : q->name;
        if (strstr(q->name, "coef")) {
            /* the pointer's depot-distance terms (2, 3) start neutral */
            for (size_t e = 0; e < size; e++)
                v[e] = strcmp(q->name, "dec.pcoef") == 0 && e >= 2 ? 0 : -1;
        } else if (strcmp(tail, "g") == 0) {
            for (size_t e = 0; e < size; e++)
                v[e] = 1;
        } else if (q->rows > 1) {
            double a = sqrt(6.0 / (double)(q->rows + q->cols));
            for (size_t e = 0; e < size; e++)
                v[e] = (nn_real)(a * (2 * rng_uniform(&r) - 1));
        }
    }
    *out = m;
    return CORTO_OK;
}

void nn_model_destroy(nn_model *m)
{
    if (!m)
        return;
    free(m->p);
    free(m->v);
    free(m->g);
    free(m->m1);
    free(m->m2);
    free(m);
}

int nn_model_leaf(nn_tape *tp, const nn_model *m, int k)
{
    const nn_param *q = &m->p[k];
    return nn_leaf(tp, q->rows, q->cols, m->v + q->off, m->g + q->off);
}

void nn_model_zero_grad(nn_model *m)
{
    memset(m->g, 0, m->total * sizeof *m->g);
}

corto_status nn_model_adam(nn_model *m, double lr, double clip)
{
    const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    if (!m->m1) {
        m->m1 = calloc(m->total, sizeof *m->m1);
        m->m2 = calloc(m->total, sizeof *m->m2);
        if (!m->m1 || !m->m2)
            return CORTO_ERR_NOMEM;
    }
    double norm = 0;
    for (size_t e = 0; e < m->total; e++)
        norm += (double)m->g[e] * (double)m->g[e];
    norm = sqrt(norm);
    double s = clip > 0 && norm > clip ? clip / norm : 1.0;
    m->adam_t++;
    double c1 = 1 - pow(b1, (double)m->adam_t);
    double c2 = 1 - pow(b2, (double)m->adam_t);
    for (size_t e = 0; e < m->total; e++) {
        double g = s * (double)m->g[e];
        double a = b1 * (double)m->m1[e] + (1 - b1) * g;
        double b = b2 * (double)m->m2[e] + (1 - b2) * g * g;
        m->m1[e] = (nn_real)a;
        m->m2[e] = (nn_real)b;
        m->v[e] -= (nn_real)(lr * (a / c1) / (sqrt(b / c2) + eps));
    }
    m->steps++;
    return CORTO_OK;
}
