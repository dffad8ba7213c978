/*
 * construct_stub.c — placeholder constructions: one route per client, or a
 * tour in index order. Replaced by the real heuristics.
 */
#include "construct.h"

#include <stdlib.h>

static corto_status one_route_each(corto_solution *out, solve_ctx *ctx)
{
    const corto_problem *p = ctx->problem;
    for (int i = 0; i < p->n_nodes; i++)
        if (!p->is_depot[i]) {
            corto_status rc = corto_solution_add_route(out, 0, &i, 1);
            if (rc != CORTO_OK)
                return rc;
        }
    return CORTO_OK;
}

static corto_status index_tour(corto_solution *out, solve_ctx *ctx)
{
    const corto_problem *p = ctx->problem;
    int *t = malloc((size_t)p->n_nodes * sizeof *t);
    if (!t)
        return CORTO_ERR_NOMEM;
    int n = 0;
    for (int i = 0; i < p->n_nodes; i++)
        if (!p->is_depot[i])
            t[n++] = i;
    corto_status rc = corto_solution_add_route(out, 0, t, n);
    free(t);
    return rc;
}

corto_status construct_savings(corto_solution *out, solve_ctx *ctx)
{
    return one_route_each(out, ctx);
}
corto_status construct_nearest(corto_solution *out, solve_ctx *ctx)
{
    return one_route_each(out, ctx);
}
corto_status construct_tsp_insertion(corto_solution *out, solve_ctx *ctx)
{
    return index_tour(out, ctx);
}
corto_status construct_tsp_nearest(corto_solution *out, solve_ctx *ctx)
{
    return index_tour(out, ctx);
}
corto_status tsp_improve(corto_solution *s, solve_ctx *ctx)
{
    (void)s;
    (void)ctx;
    return CORTO_OK;
}
corto_status vrp_improve(corto_solution *s, solve_ctx *ctx)
{
    (void)s;
    (void)ctx;
    return CORTO_OK;
}
