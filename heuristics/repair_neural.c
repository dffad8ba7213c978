/*
 * repair_neural.c — the neural repair operator (see repair_neural.h). The
 * encoder runs once per search over the whole instance; each repair then
 * runs only the pointer decoder (Kool et al. 2019) over the removed
 * clients, every routed client masked out, so the policy rebuilds the
 * destroyed part of the solution as new routes, like a construction of
 * the sub-instance made of the depot and the removed clients. Each route
 * goes through the state's usual evaluation; a route that breaks a limit
 * is taken out again, and the greedy repair places those clients and any
 * the fleet has no vehicle for, so the operator never leaves more out
 * than the classical repairs would.
 */
#include "repair_neural.h"
#include "nn_construct.h"
#include "nn_features.h"
#include "nn_policy.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct repair_neural {
    nn_session *s;
    int *buf; /* the clients to decode */
};

corto_status repair_neural_supported(const solve_ctx *ctx)
{
    const corto_problem *p = ctx->problem;
    if (p->kind != CORTO_KIND_VRP ||
        (!ctx->opt->neural_model && !corto_neural_available()))
        return CORTO_ERR_UNSUPPORTED;
    return nn_features_supported(p);
}

corto_status repair_neural_create(repair_neural **out, const vrp_data *d,
                                  const solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    repair_neural *w = NULL;
    const nn_model *m = NULL;
    *out = NULL;
    CORTO_TRY(repair_neural_supported(ctx));
    CORTO_ALLOC(w, 1);
    CORTO_ALLOC(w->buf, d->n);
    CORTO_TRY(nn_construct_model(ctx->opt, &m));
    CORTO_TRY(nn_session_create(&w->s, m, d->p));
    *out = w;
    w = NULL;
cleanup:
    repair_neural_destroy(w);
    return rc;
}

void repair_neural_destroy(repair_neural *w)
{
    if (!w)
        return;
    nn_session_destroy(w->s);
    free(w->buf);
    free(w);
}

/* An empty route of vehicle type v in st, or -1. */
static int repair_neural_spare(const vrp_state *st, int v)
{
    for (int r = 0; r < st->n_routes; r++)
        if (st->routes[r].len == 0 && st->routes[r].vtype == v)
            return r;
    return -1;
}

/* Put the route nodes[0..len) into a spare route of type v; leave its
 * clients unassigned when there is none or the route breaks a limit. */
static corto_status repair_neural_place(vrp_state *st, int v, const int *nodes,
                                        int len)
{
    int r = repair_neural_spare(st, v);
    if (r < 0)
        return CORTO_OK;
    const int *unit_of = st->d->units.unit_of;
    for (int k = 0; k < len; k++) {
        corto_status rc = vrp_state_insert(st, unit_of[nodes[k]], r, k);
        if (rc != CORTO_OK)
            return rc;
    }
    if (st->routes[r].feasible && st->routes[r].over == 0)
        return CORTO_OK;
    for (int k = 0; k < len; k++)
        vrp_state_remove(st, nodes[k]);
    vrp_state_refresh_dirty(st);
    return CORTO_OK;
}

corto_status repair_neural_apply(repair_neural *w, repair_ws *rw,
                                 vrp_state *st, rng *r)
{
    corto_status rc = CORTO_OK;
    const int *seq = NULL;
    int len = 0, n = st->n_unassigned;
    vrp_state_spares(st);
    if (n == 0)
        return CORTO_OK;
    memcpy(w->buf, st->unassigned, (size_t)n * sizeof *w->buf);
    int v = nn_session_vtype(w->s);
    CORTO_TRY(
        nn_session_decode(w->s, w->buf, n, (int)st->used[v], r, &seq, &len));
    for (int k = 0, begin = 0; k < len; k++)
        if (seq[k] < 0) {
            CORTO_TRY(repair_neural_place(st, v, seq + begin, k - begin));
            begin = k + 1;
        }
    if (st->n_unassigned > 0)
        CORTO_TRY(repair_apply(rw, REPAIR_GREEDY, st, r));
cleanup:
    return rc;
}
