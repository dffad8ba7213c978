/*
 * solution.c — corto_solution: a list of routes, each a vehicle type and the
 * client nodes it visits in order, plus what the solve learnt about it.
 */
#include "model.h"
#include "util.h"

#include <string.h>

corto_status corto_solution_create(corto_solution **out,
                                   const corto_problem *problem)
{
    if (!out || !problem)
        return CORTO_ERR_ARGUMENT;
    corto_solution *s = calloc(1, sizeof *s);
    if (!s)
        return CORTO_ERR_NOMEM;
    s->problem = problem;
    s->cost = INT64_MAX;
    s->lower_bound = INT64_MIN;
    *out = s;
    return CORTO_OK;
}

void solution_clear(corto_solution *s)
{
    for (int r = 0; r < s->n_routes; r++)
        free(s->routes[r]);
    s->n_routes = 0;
    s->cost = INT64_MAX;
    s->status = CORTO_SOLUTION_UNKNOWN;
}

void corto_solution_destroy(corto_solution *s)
{
    if (!s)
        return;
    solution_clear(s);
    free(s->routes);
    free(s->route_len);
    free(s->route_vtype);
    free(s);
}

static corto_status reserve(corto_solution *s, int want)
{
    if (want <= s->cap_routes)
        return CORTO_OK;
    int cap = s->cap_routes ? s->cap_routes * 2 : 8;
    while (cap < want)
        cap *= 2;
    int **r = realloc(s->routes, (size_t)cap * sizeof *r);
    if (!r)
        return CORTO_ERR_NOMEM;
    s->routes = r;
    int *len = realloc(s->route_len, (size_t)cap * sizeof *len);
    if (!len)
        return CORTO_ERR_NOMEM;
    s->route_len = len;
    int *vt = realloc(s->route_vtype, (size_t)cap * sizeof *vt);
    if (!vt)
        return CORTO_ERR_NOMEM;
    s->route_vtype = vt;
    s->cap_routes = cap;
    return CORTO_OK;
}

/* Node indices are stored as given; the checker reports bad ones, so that
 * a solution read from a file can be checked rather than refused. */
corto_status corto_solution_add_route(corto_solution *s, int vehicle_type,
                                      const int *nodes, int n)
{
    if (!s || n < 0 || (n > 0 && !nodes) || vehicle_type < 0)
        return CORTO_ERR_ARGUMENT;
    corto_status rc = reserve(s, s->n_routes + 1);
    if (rc != CORTO_OK)
        return rc;
    int *copy = malloc((size_t)(n > 0 ? n : 1) * sizeof *copy);
    if (!copy)
        return CORTO_ERR_NOMEM;
    if (n > 0)
        memcpy(copy, nodes, (size_t)n * sizeof *copy);
    s->routes[s->n_routes] = copy;
    s->route_len[s->n_routes] = n;
    s->route_vtype[s->n_routes] = vehicle_type;
    s->n_routes++;
    s->cost = INT64_MAX;
    s->status = CORTO_SOLUTION_UNKNOWN;
    return CORTO_OK;
}

corto_status solution_copy_routes(corto_solution *dst,
                                  const corto_solution *src)
{
    solution_clear(dst);
    for (int r = 0; r < src->n_routes; r++) {
        corto_status rc = corto_solution_add_route(
            dst, src->route_vtype[r], src->routes[r], src->route_len[r]);
        if (rc != CORTO_OK)
            return rc;
    }
    dst->cost = src->cost;
    dst->status = src->status;
    return CORTO_OK;
}

int corto_solution_n_routes(const corto_solution *s)
{
    return s ? s->n_routes : 0;
}

const int *corto_solution_route(const corto_solution *s, int route, int *n)
{
    if (!s || route < 0 || route >= s->n_routes) {
        if (n)
            *n = 0;
        return NULL;
    }
    if (n)
        *n = s->route_len[route];
    return s->routes[route];
}

int corto_solution_route_vehicle_type(const corto_solution *s, int route)
{
    if (!s || route < 0 || route >= s->n_routes)
        return -1;
    return s->route_vtype[route];
}

int64_t corto_solution_cost(const corto_solution *s)
{
    return s ? s->cost : INT64_MAX;
}

corto_solution_status corto_solution_get_status(const corto_solution *s)
{
    return s ? s->status : CORTO_SOLUTION_UNKNOWN;
}

corto_stop_reason corto_solution_stop_reason(const corto_solution *s)
{
    return s ? s->stop : CORTO_STOP_NONE;
}

double corto_solution_seconds(const corto_solution *s)
{
    return s ? s->seconds : 0.0;
}

int64_t corto_solution_iterations(const corto_solution *s)
{
    return s ? s->iterations : 0;
}

int64_t corto_solution_lower_bound(const corto_solution *s)
{
    return s ? s->lower_bound : INT64_MIN;
}
