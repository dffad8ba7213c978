/*
 * nn_construct.h — the neural construction as the solve pipeline calls
 * it (--init neural): the default model compiled into the library (built
 * from neural/models/default.cnn), greedy or best of K samples.
 */
#ifndef CORTO_NN_CONSTRUCT_H
#define CORTO_NN_CONSTRUCT_H

#include "context.h"
#include "nn_model.h"

#include <stddef.h>

/* The compiled-in weight file (length 0 when the build has none). */
extern const unsigned char nn_default_weights[];
extern const size_t nn_default_weights_len;

/*
 * Fill `out` (empty) with the policy's solution: greedy when
 * ctx->opt->samples is 0, else the best of the greedy and that many
 * sampled solutions (seeded from ctx->opt->seed). CORTO_ERR_UNSUPPORTED
 * when no model is compiled in or the problem is outside what the policy
 * handles (see nn_features_supported).
 */
corto_status nn_construct(corto_solution *out, solve_ctx *ctx);

/*
 * The model the options ask for: opt->neural_model when set, else the
 * compiled-in one, decoded at the first call of the process and shared
 * read-only from then on (never freed; safe to call from several
 * threads). CORTO_ERR_UNSUPPORTED when there is none.
 */
corto_status nn_construct_model(const corto_options *opt, const nn_model **m);

#endif /* CORTO_NN_CONSTRUCT_H */
