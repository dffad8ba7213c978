/*
 * solution_write.c — writing solutions as CVRPLIB .sol, TSPLIB .tour or
 * the VROOM-like JSON document (vroom_write.c; described in
 * solution_io.h). A solution that was never evaluated is evaluated on a
 * copy (route_eval) so that the written cost and feasibility are always
 * those of its routes.
 */
#include "solution_io.h"
#include "model.h"
#include "route_eval.h"
#include "util.h"
#include "vroom.h"

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

/* CVRPLIB .sol; the cost in the problem's units (cost decimals). */
static void write_sol(FILE *f, const corto_solution *s, int64_t cost,
                      int decimals)
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
    if (cost != INT64_MAX) {
        char text[32];
        corto_cost_format(text, sizeof text, cost, decimals);
        fprintf(f, "Cost %s\n", text);
    }
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
    /* AUTO: the format of the problem's family (JSON for JSON input). */
    if (format == CORTO_FORMAT_AUTO && problem->origin)
        format = CORTO_FORMAT_JSON;
    else if (format == CORTO_FORMAT_AUTO)
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
        write_sol(f, solution, cost, problem->cost_decimals);
    else if (format == CORTO_FORMAT_TOUR)
        CORTO_TRY(write_tour(f, solution, problem, cost));
    else
        CORTO_TRY(vroom_write_solution(f, solution, problem, cost, status));
    if (fflush(f) != 0 || ferror(f))
        rc = CORTO_ERR_IO;
cleanup:
    if (path && f && fclose(f) != 0 && rc == CORTO_OK)
        rc = CORTO_ERR_IO;
    return rc;
}
