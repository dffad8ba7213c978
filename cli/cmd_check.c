/*
 * cmd_check.c — `corto check FILE SOLUTION`: read an instance and a
 * solution for it, recompute the solution with the independent checker
 * (corto_solution_check) and report cost, feasibility and violations.
 */
#include "args.h"
#include "cli.h"

#include <stdio.h>

static const args_spec check_spec = {"check", 2, 0, 0};

void cmd_check_help(void)
{
    printf("usage: corto check FILE SOLUTION\n"
           "\n"
           "Read the instance FILE and a SOLUTION for it (CVRPLIB .sol, "
           "TSPLIB .tour or\n"
           "corto JSON, detected from the content), recompute it from "
           "scratch and print:\n"
           "  instance, cost, claimed cost (when the file states one), "
           "distance, duration,\n"
           "  routes, feasible yes/no, and for an infeasible solution the "
           "number of\n"
           "  violations of each kind and the first violation found.\n"
           "A stated cost that differs from the recomputed one is a "
           "violation (cost).\n"
           "\n"
           "Exit status: 0 feasible, 1 infeasible, 2 unreadable input, 3 "
           "internal error.\n");
}

/* Print the report on stdout, one "key: value" per line. */
static void check_print(const corto_check_report *rep, const corto_problem *p,
                        int64_t claimed)
{
    const char *name = corto_problem_name(p);
    if (name && name[0])
        printf("instance: %s\n", name);
    int dec = corto_problem_cost_decimals(p);
    char num[32];
    corto_cost_format(num, sizeof num, rep->cost, dec);
    printf("cost: %s\n", num);
    if (claimed != INT64_MAX) {
        corto_cost_format(num, sizeof num, claimed, dec);
        printf("claimed cost: %s\n", num);
    }
    corto_cost_format(num, sizeof num, rep->distance, dec);
    printf("distance: %s\n", num);
    corto_cost_format(num, sizeof num, rep->duration, dec);
    printf("duration: %s\n", num);
    printf("routes: %d\n", rep->routes_used);
    printf("feasible: %s\n", rep->feasible ? "yes" : "no");
    if (rep->feasible)
        return;
    int any = 0;
    printf("violations:");
    for (int k = 0; k < CORTO_VIOL_COUNT; k++) {
        if (!rep->violations[k])
            continue;
        printf("%s %s %d", any ? "," : "",
               corto_violation_string((corto_violation)k), rep->violations[k]);
        any = 1;
    }
    printf("%s\n", any ? "" : " none counted");
    if (rep->first[0])
        printf("first violation: %s\n", rep->first);
}

int cmd_check(int argc, char **argv)
{
    args a;
    corto_problem *problem = NULL;
    corto_solution *sol = NULL;
    corto_diag diag = {0};
    corto_check_report rep;
    int64_t claimed = INT64_MAX;
    corto_status rc;
    int status = args_parse(&a, &check_spec, argc, argv);
    if (status)
        return status;
    if (a.help) {
        cmd_check_help();
        return CLI_EXIT_OK;
    }
    if (a.n_positional != 2) {
        cli_error("check needs FILE and SOLUTION (see 'corto check --help')");
        return CLI_EXIT_INPUT;
    }
    const char *path = a.positional[0], *sol_path = a.positional[1];

    rc = corto_read_problem(&problem, path, &diag);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, &diag, path);
        goto cleanup;
    }
    rc = corto_read_solution(&sol, &claimed, problem, sol_path, &diag);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, &diag, sol_path);
        goto cleanup;
    }
    rc = corto_solution_check(&rep, problem, sol, claimed);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, NULL, sol_path);
        goto cleanup;
    }
    check_print(&rep, problem, claimed);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("<stdout>: cannot write the report");
        status = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    status = rep.feasible ? CLI_EXIT_OK : CLI_EXIT_INFEASIBLE;

cleanup:
    corto_solution_destroy(sol);
    corto_problem_destroy(problem);
    return status;
}
