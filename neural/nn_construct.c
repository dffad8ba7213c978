/*
 * nn_construct.c — the neural construction behind --init neural: decode
 * the compiled-in weight file and run the policy (nn_policy.c).
 */
#include "nn_construct.h"
#include "nn_features.h"
#include "nn_policy.h"
#include "nn_weights.h"

int corto_neural_available(void)
{
    return nn_default_weights_len > 0;
}

corto_status nn_construct(corto_solution *out, solve_ctx *ctx)
{
    nn_model *m = NULL;
    nn_config cfg;
    if (nn_default_weights_len == 0)
        return CORTO_ERR_UNSUPPORTED;
    corto_status rc = nn_features_supported(ctx->problem);
    if (rc != CORTO_OK)
        return rc;
    nn_config_default(&cfg);
    rc = nn_weights_decode(&m, nn_default_weights, nn_default_weights_len,
                           &cfg, NULL);
    if (rc != CORTO_OK)
        return CORTO_ERR_INTERNAL; /* the build shipped a bad model */
    int64_t k = ctx->opt->samples;
    rc = nn_policy_construct(out, m, ctx->problem,
                             k > 100000 ? 100000 : (int)k, ctx->opt->seed);
    nn_model_destroy(m);
    ctx_log(ctx, 0, "neural construction: %lld samples", (long long)k);
    return rc;
}
