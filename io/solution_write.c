/*
 * solution_write.c — writing solutions as CVRPLIB .sol, TSPLIB .tour or
 * corto's JSON document (described in solution_io.h). A solution that was
 * never evaluated is evaluated on a copy (route_eval) so that the written
 * cost and feasibility are always those of its routes.
 */
#include "solution_io.h"
#include "model.h"
#include "route_eval.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Cost and status to write; cost INT64_MAX when it cannot be computed
 * (a problem without matrices). */
static corto_status write_evaluate(const corto_solution *s,
                                   const corto_problem *p, int64_t *cost,
                                   corto_solution_status *status)
{
    corto_status rc = CORTO_OK;
    corto_solution *copy = NULL;
    *cost = s->cost;
    *status = s->status;
    if (s->cost != INT64_MAX && s->status != CORTO_SOLUTION_UNKNOWN)
        return CORTO_OK;
    for (int k = 0; k < p->n_profiles; k++)
        if (!p->profiles[k].dist || !p->profiles[k].dur)
            return CORTO_OK;
    CORTO_TRY(corto_solution_create(&copy, p));
    CORTO_TRY(solution_copy_routes(copy, s));
    route_eval_solution(copy);
    if (*cost == INT64_MAX)
        *cost = copy->cost;
    if (*status == CORTO_SOLUTION_UNKNOWN)
        *status = copy->status;
cleanup:
    corto_solution_destroy(copy);
    return rc;
}

static void write_sol(FILE *f, const corto_solution *s, int64_t cost)
{
    int k = 0;
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        fprintf(f, "Route #%d:", ++k);
        for (int i = 0; i < s->route_len[r]; i++)
            fprintf(f, " %d", s->routes[r][i]);
        fputc('\n', f);
    }
    if (cost != INT64_MAX)
        fprintf(f, "Cost %lld\n", (long long)cost);
}

/* One closed tour from the depot: only for solutions with a single
 * non-empty route. */
static corto_status write_tour(FILE *f, const corto_solution *s,
                               const corto_problem *p, int64_t cost)
{
    int route = -1;
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        if (route >= 0)
            return CORTO_ERR_UNSUPPORTED;
        route = r;
    }
    int depot = 0;
    if (route >= 0 && s->route_vtype[route] < p->n_vtypes)
        depot = p->vtypes[s->route_vtype[route]].start_depot;
    fprintf(f, "NAME : %s.tour\n", p->name ? p->name : "solution");
    if (cost != INT64_MAX)
        fprintf(f, "COMMENT : Length = %lld\n", (long long)cost);
    fprintf(f, "TYPE : TOUR\nDIMENSION : %d\nTOUR_SECTION\n%d\n", p->n_nodes,
            depot + 1);
    for (int i = 0; route >= 0 && i < s->route_len[route]; i++)
        fprintf(f, "%d\n", s->routes[route][i] + 1);
    fputs("-1\nEOF\n", f);
    return CORTO_OK;
}

static const char *write_status_name(corto_solution_status st)
{
    switch (st) {
    case CORTO_SOLUTION_FEASIBLE:
        return "feasible";
    case CORTO_SOLUTION_OPTIMAL:
        return "optimal";
    case CORTO_SOLUTION_INFEASIBLE:
        return "infeasible";
    default:
        return "unknown";
    }
}

static corto_status write_json(FILE *f, const corto_solution *s,
                               const corto_problem *p, int64_t cost,
                               corto_solution_status evaluated)
{
    corto_status rc = CORTO_ERR_NOMEM;
    json_t *root = json_object(), *routes = json_array();
    if (!root || !routes)
        goto cleanup;
    int feasible = evaluated == CORTO_SOLUTION_FEASIBLE ||
                   evaluated == CORTO_SOLUTION_OPTIMAL;
    if (json_object_set_new(root, "problem",
                            json_string(p->name ? p->name : "")) ||
        json_object_set_new(root, "cost",
                            cost == INT64_MAX ? json_null()
                                              : json_integer(cost)) ||
        json_object_set_new(root, "feasible", json_boolean(feasible)) ||
        json_object_set_new(root, "status",
                            json_string(write_status_name(s->status))))
        goto cleanup;
    for (int r = 0; r < s->n_routes; r++) {
        json_t *route = json_object(), *nodes = json_array();
        if (!route || !nodes ||
            json_object_set_new(route, "vehicle_type",
                                json_integer(s->route_vtype[r])) ||
            json_object_set(route, "nodes", nodes) ||
            json_array_append_new(routes, route)) {
            json_decref(route);
            json_decref(nodes);
            goto cleanup;
        }
        for (int i = 0; i < s->route_len[r]; i++)
            if (json_array_append_new(nodes, json_integer(s->routes[r][i]))) {
                json_decref(nodes);
                goto cleanup;
            }
        json_decref(nodes);
    }
    if (json_object_set(root, "routes", routes))
        goto cleanup;
    rc = json_dumpf(root, f, JSON_INDENT(2)) == 0 ? CORTO_OK : CORTO_ERR_IO;
    fputc('\n', f);
cleanup:
    json_decref(routes);
    json_decref(root);
    return rc;
}

corto_status corto_write_solution(const corto_solution *solution,
                                  const corto_problem *problem,
                                  corto_format format, const char *path,
                                  void *stream)
{
    corto_status rc = CORTO_OK;
    FILE *f = NULL;
    int64_t cost = INT64_MAX;
    corto_solution_status status = CORTO_SOLUTION_UNKNOWN;
    if (!solution || !problem || (!path && !stream) ||
        format < CORTO_FORMAT_AUTO || format > CORTO_FORMAT_JSON)
        return CORTO_ERR_ARGUMENT;
    if (format == CORTO_FORMAT_AUTO)
        format = problem->kind == CORTO_KIND_VRP ? CORTO_FORMAT_SOL
                                                 : CORTO_FORMAT_TOUR;
    CORTO_TRY(write_evaluate(solution, problem, &cost, &status));
    if (path) {
        f = fopen(path, "w");
        if (!f)
            return CORTO_ERR_IO;
    } else {
        f = stream;
    }
    if (format == CORTO_FORMAT_SOL)
        write_sol(f, solution, cost);
    else if (format == CORTO_FORMAT_TOUR)
        CORTO_TRY(write_tour(f, solution, problem, cost));
    else
        CORTO_TRY(write_json(f, solution, problem, cost, status));
    if (fflush(f) != 0 || ferror(f))
        rc = CORTO_ERR_IO;
cleanup:
    if (path && f && fclose(f) != 0 && rc == CORTO_OK)
        rc = CORTO_ERR_IO;
    return rc;
}
