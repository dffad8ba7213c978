/*
 * nn_construct.c — the neural construction behind --init neural: decode
 * the compiled-in weight file, or take a model the caller read from a
 * file (corto_neural_model_load), and run the policy (nn_policy.c).
 * The compiled-in model is decoded once per process and then shared
 * read-only by every solve (decoding and checking it took about 0.8 ms
 * of a 5 ms CVRP100 construction).
 */
#include "nn_construct.h"
#include "nn_features.h"
#include "nn_policy.h"
#include "nn_weights.h"

#include <stdatomic.h>
#include <stdlib.h>

/* The decoded compiled-in model, published once; never freed. */
static _Atomic(nn_model *) nn_builtin_model;

struct corto_neural_model {
    nn_model *m;
};

int corto_neural_available(void)
{
    return nn_default_weights_len > 0;
}

corto_status corto_neural_model_load(corto_neural_model **out,
                                     const char *path, corto_diag *diag)
{
    if (!out || !path)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    corto_neural_model *nm = calloc(1, sizeof *nm);
    if (!nm)
        return CORTO_ERR_NOMEM;
    corto_status rc = nn_weights_load(&nm->m, path, NULL, diag);
    if (rc != CORTO_OK) {
        free(nm);
        return rc;
    }
    *out = nm;
    return CORTO_OK;
}

void corto_neural_model_destroy(corto_neural_model *nm)
{
    if (!nm)
        return;
    nn_model_destroy(nm->m);
    free(nm);
}

corto_status nn_construct_model(const corto_options *opt, const nn_model **m)
{
    nn_config cfg;
    if (opt->neural_model) {
        *m = opt->neural_model->m;
        return CORTO_OK;
    }
    if (nn_default_weights_len == 0)
        return CORTO_ERR_UNSUPPORTED;
    nn_model *shared = atomic_load(&nn_builtin_model);
    if (!shared) {
        /* Decode; if another thread published first, keep its copy. */
        nn_model *fresh = NULL;
        nn_config_default(&cfg);
        corto_status rc = nn_weights_decode(
            &fresh, nn_default_weights, nn_default_weights_len, &cfg, NULL);
        if (rc != CORTO_OK)
            return rc == CORTO_ERR_NOMEM ? rc : CORTO_ERR_INTERNAL;
        if (atomic_compare_exchange_strong(&nn_builtin_model, &shared, fresh))
            shared = fresh;
        else
            nn_model_destroy(fresh);
    }
    *m = shared;
    return CORTO_OK;
}

corto_status nn_construct(corto_solution *out, solve_ctx *ctx)
{
    const nn_model *m;
    const corto_neural_model *given = ctx->opt->neural_model;
    if (!given && nn_default_weights_len == 0)
        return CORTO_ERR_UNSUPPORTED;
    corto_status rc = nn_features_supported(ctx->problem);
    if (rc != CORTO_OK)
        return rc;
    rc = nn_construct_model(ctx->opt, &m);
    if (rc != CORTO_OK)
        return rc;
    const corto_options *o = ctx->opt;
    nn_decoding how;
    how.samples = o->samples > 100000 ? 100000 : (int)o->samples;
    how.starts = o->starts > 100000 ? 100000 : (int)o->starts;
    how.views = o->augment > 8 ? 8 : (int)o->augment;
    how.seed = o->seed;
    rc = nn_policy_construct(out, m, ctx->problem, &how);
    ctx_log(ctx, 0,
            "neural construction: %s model, %d starts, %d views, %d samples",
            given ? "given" : "built-in", how.starts, how.views, how.samples);
    return rc;
}
