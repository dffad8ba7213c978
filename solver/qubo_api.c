/*
 * qubo_api.c — the public QUBO handles: options, RAW models built term by
 * term, getters of problems and results.
 */
#include "qubo_api.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void corto_qubo_options_init(corto_qubo_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->solver = CORTO_QUBO_SA;
    opt->time_limit = 10.0;
    opt->seed = 1;
    opt->constraint_aware = 1;
    opt->recalc_every = 10;
    opt->samples = 32;
    opt->penalty = CORTO_QUBO_PENALTY_SLACK;
    opt->rounds = 20;
    opt->mis_search = CORTO_QUBO_MIS_NUMVC;
}

corto_status corto_qubo_create(corto_qubo **out, int n)
{
    corto_status rc = CORTO_OK;
    corto_qubo *q = NULL;
    if (!out || n < 1)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_ALLOC(q, 1);
    q->p.kind = CORTO_QUBO_RAW;
    q->p.n = n;
    CORTO_TRY(qb_init(&q->p.raw, n));
    *out = q;
    q = NULL;
cleanup:
    corto_qubo_destroy(q);
    return rc;
}

void corto_qubo_destroy(corto_qubo *qubo)
{
    if (!qubo)
        return;
    qp_free(&qubo->p);
    free(qubo);
}

corto_status corto_qubo_add(corto_qubo *qubo, int i, int j, double v)
{
    if (!qubo || qubo->p.kind != CORTO_QUBO_RAW)
        return CORTO_ERR_ARGUMENT;
    return qb_add(&qubo->p.raw, i, j, v);
}

corto_status corto_qubo_add_constant(corto_qubo *qubo, double v)
{
    if (!qubo || qubo->p.kind != CORTO_QUBO_RAW)
        return CORTO_ERR_ARGUMENT;
    qubo->p.raw.offset += v;
    return CORTO_OK;
}

corto_qubo_kind corto_qubo_get_kind(const corto_qubo *qubo)
{
    return qubo->p.kind;
}

int corto_qubo_n(const corto_qubo *qubo)
{
    return qubo->p.n;
}

int corto_qubo_n_vars(const corto_qubo *qubo, const corto_qubo_options *opt)
{
    qp_penalty pen = {opt ? opt->penalty : CORTO_QUBO_PENALTY_SLACK, NULL,
                      0.0};
    return qp_qubo_size(&qubo->p, &pen);
}

void corto_qubo_result_destroy(corto_qubo_result *result)
{
    if (!result)
        return;
    free(result->values);
    free(result);
}

double corto_qubo_result_objective(const corto_qubo_result *r)
{
    return r->objective;
}

int corto_qubo_result_feasible(const corto_qubo_result *r)
{
    return r->feasible;
}

const int *corto_qubo_result_values(const corto_qubo_result *r)
{
    return r->values;
}

int corto_qubo_result_repaired(const corto_qubo_result *r)
{
    return r->repaired;
}

int corto_qubo_result_solved_vars(const corto_qubo_result *r)
{
    return r->solved_vars;
}

double corto_qubo_result_seconds(const corto_qubo_result *r)
{
    return r->seconds;
}

int corto_qubo_result_optimal(const corto_qubo_result *r)
{
    return r->optimal;
}
