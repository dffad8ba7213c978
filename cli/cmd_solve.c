/*
 * cmd_solve.c — `corto solve [FILE] [options]`: read an instance (the
 * bundled default when FILE is absent), solve it, write the solution to
 * stdout or --out, and a one-line summary to stderr.
 */
#include "args.h"
#include "cli.h"
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef CORTO_DEFAULT_INSTANCE
#define CORTO_DEFAULT_INSTANCE "instances/default.vrp"
#endif
#ifndef CORTO_INSTALLED_INSTANCE
#define CORTO_INSTALLED_INSTANCE "/usr/local/share/corto/default.vrp"
#endif

static const args_spec solve_spec = {"solve", 1, 1, 1};

void cmd_solve_help(void)
{
    printf("usage: corto solve [FILE] [options]\n"
           "\n"
           "Solve a TSPLIB/CVRPLIB instance (TSP, ATSP, CVRP; FILE may end in "
           ".gz), a\n"
           "Solomon table or a VROOM-style JSON problem, and print the "
           "solution on stdout:\n"
           "CVRPLIB .sol for VRPs, TSPLIB .tour for TSPs, JSON for JSON "
           "problems.\n"
           "Without FILE the bundled default instance is solved:\n"
           "  %s\n"
           "  (or, when that is absent, %s)\n"
           "A summary line goes to stderr; a progress line too when stderr is "
           "a terminal.\n"
           "Ctrl-C stops the search and prints the best solution found.\n"
           "\n"
           "Output options:\n"
           "  -o, --out FILE                write the solution to FILE, not "
           "stdout\n"
           "  --format sol|tour|json        output format (default: from the "
           "problem)\n"
           "  --trace FILE                  write the best cost over CPU time "
           "to FILE (CSV)\n"
           "  --model FILE                  with --init neural or "
           "--neural-arm: the weights\n"
           "                                of FILE (corto train), not the "
           "built-in model\n"
           "  -q, --quiet                   no summary or progress on "
           "stderr\n"
           "  -v, --verbose                 log to stderr; -vv or --verbose 2 "
           "for debug\n"
           "  -h, --help                    show this help\n"
           "\n"
           "Solver options (the library's option table; --KEY VALUE or "
           "--KEY=VALUE,\n"
           "bool keys also as --KEY and --no-KEY):\n",
           CORTO_DEFAULT_INSTANCE, CORTO_INSTALLED_INSTANCE);
    args_print_option_table(stdout);
    printf("\nExit status: 0 feasible solution, 1 infeasible solution, 2 bad "
           "input or option,\n3 internal error.\n");
}

/*
 * The instance to solve when none is named: the source tree's, then the
 * installed one, then one installed next to this binary (for an install
 * made with `cmake --install --prefix` elsewhere, or moved): found from
 * /proc/self/exe as BINDIR/../share/corto/default.vrp.
 */
static const char *solve_default_instance(char *buf, size_t size)
{
    if (access(CORTO_DEFAULT_INSTANCE, R_OK) == 0)
        return CORTO_DEFAULT_INSTANCE;
    if (access(CORTO_INSTALLED_INSTANCE, R_OK) == 0)
        return CORTO_INSTALLED_INSTANCE;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    int len = snprintf(buf, size, "%s/../share/corto/default.vrp", exe);
    if (len < 0 || (size_t)len >= size || access(buf, R_OK) != 0)
        return NULL;
    return buf;
}

static const char *solve_stop_name(corto_stop_reason r)
{
    switch (r) {
    case CORTO_STOP_NONE:
        return "not solved";
    case CORTO_STOP_COMPLETED:
        return "completed";
    case CORTO_STOP_TIME_LIMIT:
        return "time limit";
    case CORTO_STOP_ITERATION_LIMIT:
        return "iteration limit";
    case CORTO_STOP_STALL:
        return "no improvement";
    case CORTO_STOP_CALLBACK:
        return "interrupted";
    }
    return "unknown stop";
}

static int solve_is_feasible(const corto_solution *sol)
{
    corto_solution_status s = corto_solution_get_status(sol);
    return s == CORTO_SOLUTION_FEASIBLE || s == CORTO_SOLUTION_OPTIMAL;
}

/* The summary line: instance, cost, routes, feasibility, stop, CPU, seed. */
static void solve_summary(const corto_problem *p, const corto_solution *sol,
                          const char *path, const corto_options *opt)
{
    const char *name = corto_problem_name(p);
    if (!name || !name[0]) {
        const char *slash = strrchr(path, '/');
        name = slash ? slash + 1 : path;
    }
    int routes = 0;
    for (int r = 0; r < corto_solution_n_routes(sol); r++) {
        int n = 0;
        corto_solution_route(sol, r, &n);
        routes += n > 0;
    }
    char cost[32];
    int64_t c = corto_solution_cost(sol);
    if (c == INT64_MAX)
        snprintf(cost, sizeof cost, "unknown");
    else
        corto_cost_format(cost, sizeof cost, c,
                          corto_problem_cost_decimals(p));
    const char *feas = solve_is_feasible(sol) ? "feasible" : "infeasible";
    if (corto_solution_get_status(sol) == CORTO_SOLUTION_OPTIMAL)
        feas = "optimal";
    /* A bound from the exact engine that does not prove optimality: the
     * bound and the gap (cost - bound) / cost. */
    char bound[96] = "";
    int64_t lb = corto_solution_lower_bound(sol);
    if (lb != INT64_MIN && c != INT64_MAX && solve_is_feasible(sol) &&
        corto_solution_get_status(sol) != CORTO_SOLUTION_OPTIMAL) {
        char b[32];
        corto_cost_format(b, sizeof b, lb, corto_problem_cost_decimals(p));
        double den = c < 0 ? -(double)c : (double)c;
        double gap = den > 0 ? 100.0 * (double)(c - lb) / den : 0.0;
        snprintf(bound, sizeof bound, ", bound %s, gap %.2f%%", b, gap);
    }
    fprintf(stderr,
            "corto: %s: cost %s, %d route%s, %s%s, %s, %.2f s CPU, seed "
            "%llu\n",
            name, cost, routes, routes == 1 ? "" : "s", feas, bound,
            solve_stop_name(corto_solution_stop_reason(sol)),
            corto_solution_seconds(sol), (unsigned long long)opt->seed);
}

/*
 * The library does not say why corto_solve failed; for a model error ask
 * the validator, which does.
 */
static int solve_failed(corto_status rc, const corto_problem *p,
                        const corto_options *opt, const char *path)
{
    corto_diag diag = {0};
    if (rc == CORTO_ERR_MODEL && corto_problem_validate(p, &diag) != CORTO_OK)
        return cli_fail(rc, &diag, path);
    if (rc == CORTO_ERR_OPTION) {
        static const char *const inits[] = {"auto", "savings", "nearest",
                                            "insertion", "neural"};
        unsigned m = (unsigned)opt->init;
        if (m < sizeof inits / sizeof inits[0])
            cli_error("%s: --init %s does not apply to this problem", path,
                      inits[m]);
        else
            cli_error("%s: the options do not apply to this problem", path);
        return CLI_EXIT_INPUT;
    }
    if (rc == CORTO_ERR_UNSUPPORTED &&
        (opt->init == CORTO_INIT_NEURAL || opt->neural_arm)) {
        cli_error("%s: %s: %s", path,
                  opt->init == CORTO_INIT_NEURAL ? "--init neural"
                                                 : "--neural-arm",
                  corto_neural_available()
                      ? "the policy handles one depot, required clients, "
                        "no pickup-delivery pairs, skills or fixed edges "
                        "(--neural-arm: VRPs only)"
                      : "no trained model is built into this corto");
        return CLI_EXIT_INPUT;
    }
    if (rc == CORTO_ERR_UNSUPPORTED && opt->exact &&
        corto_problem_get_kind(p) == CORTO_KIND_VRP) {
        cli_error("%s: --exact applies to TSP, ATSP and CVRPs of up to %d "
                  "clients without time windows, pickups, pairs, skills or "
                  "route limits",
                  path, 40);
        return CLI_EXIT_INPUT;
    }
    return cli_fail(rc, NULL, path);
}

int cmd_solve(int argc, char **argv)
{
    args a;
    progress pr;
    FILE *trace = NULL;
    corto_problem *problem = NULL;
    corto_neural_model *model = NULL;
    corto_solution *sol = NULL;
    corto_diag diag = {0};
    corto_status rc;
    int status = args_parse(&a, &solve_spec, argc, argv);
    if (status)
        return status;
    if (a.help) {
        cmd_solve_help();
        return CLI_EXIT_OK;
    }
    char default_path[4200];
    const char *path = a.n_positional > 0 ? a.positional[0] : NULL;
    if (!path) {
        path = solve_default_instance(default_path, sizeof default_path);
        if (!path) {
            cli_error("no FILE given and no default instance at %s or %s",
                      CORTO_DEFAULT_INSTANCE, CORTO_INSTALLED_INSTANCE);
            return CLI_EXIT_INPUT;
        }
    }

    if (a.model) {
        if (a.opt.init != CORTO_INIT_NEURAL && !a.opt.neural_arm) {
            cli_error("--model applies with --init neural or --neural-arm");
            status = CLI_EXIT_INPUT;
            goto cleanup;
        }
        rc = corto_neural_model_load(&model, a.model, &diag);
        if (rc != CORTO_OK) {
            status = cli_fail(rc, &diag, a.model);
            goto cleanup;
        }
        a.opt.neural_model = model;
    }
    rc = corto_read_problem(&problem, path, &diag);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, &diag, path);
        goto cleanup;
    }
    /* A .tour holds one tour: refuse before spending the time budget. */
    if (a.format == CORTO_FORMAT_TOUR &&
        corto_problem_get_kind(problem) == CORTO_KIND_VRP) {
        cli_error("%s: --format tour is for TSP and ATSP instances; use sol "
                  "or json for a vehicle routing problem",
                  path);
        status = CLI_EXIT_INPUT;
        goto cleanup;
    }

    progress_attach(&pr, &a.opt, !a.quiet);
    progress_set_decimals(&pr, corto_problem_cost_decimals(problem));
    if (a.trace) {
        trace = fopen(a.trace, "w");
        if (!trace) {
            cli_error("%s: cannot open for writing: %s", a.trace,
                      strerror(errno));
            status = CLI_EXIT_INPUT;
            goto cleanup;
        }
        progress_trace(&pr, &a.opt, trace);
    }
    progress_catch_interrupt();
    rc = corto_solve(&sol, problem, &a.opt);
    progress_clear(&pr);
    if (rc != CORTO_OK) {
        status = solve_failed(rc, problem, &a.opt, path);
        goto cleanup;
    }

    if (a.out) {
        rc = corto_write_solution(sol, problem, a.format, a.out, NULL);
    } else {
        rc = corto_write_solution(sol, problem, a.format, NULL, stdout);
        if (rc == CORTO_OK && (fflush(stdout) != 0 || ferror(stdout)))
            rc = CORTO_ERR_IO;
    }
    if (rc == CORTO_ERR_UNSUPPORTED && a.format != CORTO_FORMAT_AUTO) {
        cli_error("%s: this solution cannot be written in the requested "
                  "--format",
                  a.out ? a.out : "<stdout>");
        status = CLI_EXIT_INPUT;
        goto cleanup;
    }
    if (rc != CORTO_OK) {
        cli_error("%s: cannot write the solution: %s",
                  a.out ? a.out : "<stdout>", corto_status_string(rc));
        status = cli_exit_for(rc);
        goto cleanup;
    }
    if (!a.quiet)
        solve_summary(problem, sol, path, &a.opt);
    status = solve_is_feasible(sol) ? CLI_EXIT_OK : CLI_EXIT_INFEASIBLE;

cleanup:
    if (trace && fclose(trace) != 0 && status == CLI_EXIT_OK) {
        cli_error("%s: cannot write: %s", a.trace, strerror(errno));
        status = CLI_EXIT_INPUT;
    }
    corto_solution_destroy(sol);
    corto_problem_destroy(problem);
    corto_neural_model_destroy(model);
    return status;
}
