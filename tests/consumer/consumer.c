/*
 * consumer.c — a program outside corto's tree that uses only the installed
 * header and library: it checks that header and library versions agree,
 * builds a tiny CVRP through the API, solves it with a short iteration
 * limit and verifies the solution with the independent checker. Exits 0
 * only if everything worked and the solution is feasible.
 */
#include <corto.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 7

int main(void)
{
    /* Depot 0 and six clients on a line and a square; Manhattan metric. */
    static const int64_t x[N] = {0, 4, 5, -3, -4, 2, -2};
    static const int64_t y[N] = {0, 1, -2, 3, -1, 5, -5};
    static const int64_t demand[N] = {0, 4, 3, 5, 2, 6, 3};
    static const int64_t capacity[1] = {10};
    int64_t dist[N * N];
    corto_problem *p = NULL;
    corto_solution *sol = NULL;
    corto_options opt;
    corto_vehicle_type vt;
    corto_check_report rep;
    corto_diag diag = {0};
    corto_status rc;
    int ok = 0;

    if (CORTO_VERSION_NUMBER != corto_version_number()) {
        fprintf(stderr, "header %s but library %s\n", CORTO_VERSION_STRING,
                corto_version());
        return 1;
    }

    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            dist[i * N + j] = llabs(x[i] - x[j]) + llabs(y[i] - y[j]);

    rc = corto_problem_create(&p, N, 1);
    if (rc == CORTO_OK)
        rc = corto_problem_set_name(p, "consumer");
    if (rc == CORTO_OK)
        rc = corto_problem_set_distances(p, 0, dist);
    for (int i = 1; i < N && rc == CORTO_OK; i++)
        rc = corto_problem_set_demand(p, i, &demand[i]);
    if (rc == CORTO_OK) {
        corto_vehicle_type_init(&vt);
        vt.capacity = capacity;
        rc = corto_problem_add_vehicle_type(p, &vt, NULL);
    }
    if (rc == CORTO_OK)
        rc = corto_problem_validate(p, &diag);
    if (rc != CORTO_OK) {
        fprintf(stderr, "building the problem: %s %s\n",
                corto_status_string(rc), diag.message);
        goto cleanup;
    }

    corto_options_init(&opt);
    rc = corto_options_set(&opt, "iterations", "200", &diag);
    if (rc == CORTO_OK)
        rc = corto_options_set(&opt, "time-limit", "5", &diag);
    if (rc == CORTO_OK)
        rc = corto_solve(&sol, p, &opt);
    if (rc == CORTO_OK)
        rc = corto_solution_check(&rep, p, sol, corto_solution_cost(sol));
    if (rc != CORTO_OK) {
        fprintf(stderr, "solving: %s %s\n", corto_status_string(rc),
                diag.message);
        goto cleanup;
    }
    printf("corto %s: cost %lld, %d routes, %s\n", corto_version(),
           (long long)rep.cost, rep.routes_used,
           rep.feasible ? "feasible" : "infeasible");
    if (!rep.feasible)
        fprintf(stderr, "first violation: %s\n", rep.first);
    ok = rep.feasible && rep.routes_used >= 3; /* demand 23, capacity 10 */

cleanup:
    corto_solution_destroy(sol);
    corto_problem_destroy(p);
    return ok ? 0 : 1;
}
