/*
 * cmd_qubo.c — `corto qubo`: read a bqp, max-cut, MIS, MDKP, QAP or TSP
 * file, solve it as a QUBO (optionally shrunk), and write the answer of
 * the original problem; a one-line summary goes to stderr.
 */
#include "cli.h"
#include "opt_table.h"
#include "qubo_problem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cmd_qubo_help(void)
{
    printf(
        "usage: corto qubo FILE --problem KIND [options] [--out FILE]\n"
        "\n"
        "Solve a problem as a QUBO (minimise x'Qx + c'x + const over 0/1 "
        "x) and write\n"
        "the answer of the original problem, always checked and repaired "
        "to be\n"
        "feasible. KIND and the files it reads:\n"
        "  bqp     Beasley OR-Library bqp (several problems, pick one with "
        "--index)\n"
        "  maxcut  Gset graph 'n m' then 'i j w'\n"
        "  mis     DIMACS graph: .clq = clique benchmark (MIS of the "
        "complement),\n"
        "          .mis = independent set of the graph as given\n"
        "  mdkp    OR-Library mknap1 / mknap2 / mknapcb (one: --index)\n"
        "  qap     QAPLIB .dat (one-hot permutation QUBO)\n"
        "  tsp     TSPLIB .tsp/.atsp (one-hot permutation QUBO)\n"
        "\n"
        "Options:\n"
        "  --index K            problem K (1-based) of a bqp or mknap file "
        "(default 1)\n"
        "  --solver S           sa (default), tabu, exact (GLPK, small "
        "QUBOs); qap/tsp\n"
        "                       without --shrink-to default to tabu: "
        "robust tabu search\n"
        "                       by location swaps on the problem's own "
        "matrices, any n;\n"
        "                       sa, exact and --shrink-to build the QUBO "
        "(n^2 variables,\n"
        "                       n <= 100)\n"
        "  --time-limit S       CPU seconds in all (default 10)\n"
        "  --iterations N       SA sweeps / tabu moves / exact: branch-and-"
        "bound nodes\n"
        "                       per solve (default: none); exact with no "
        "--time-limit\n"
        "                       also stops after 10 CPU s\n"
        "  --seed N             random seed (default 1)\n"
        "  --shrink-to K        merge correlated variables until at most K "
        "are left\n"
        "  --recalc-every K     re-estimate correlations every K merges; 0 "
        "= once,\n"
        "                       again only when no pair is left (default "
        "10)\n"
        "  --samples N          annealing samples per estimate (default "
        "32)\n"
        "  --correlations C     how shrinking estimates correlations: "
        "samples (default,\n"
        "                       low-energy annealing samples), lowrank "
        "(rank-8\n"
        "                       Burer-Monteiro relaxation) or both "
        "(their mean)\n"
        "  --no-constraint-aware  allow merges that force a violation\n"
        "  --penalty P          mdkp: slack (default) or lagrange "
        "(slack-free, dual ascent)\n"
        "  --rounds N           dual-ascent rounds for lagrange (default "
        "20)\n"
        "  --polish             qap, tsp: improve the repaired answer by "
        "pairwise swaps\n"
        "  --mis-search M       mis: improve the repaired QUBO answer on the "
        "graph with\n"
        "                       numvc (default), ils or none; it gets 90%% "
        "of the time\n"
        "                       (with only --iterations N: N steps)\n"
        "  --out FILE           write the answer there (default stdout)\n"
        "  -q, --quiet          no summary line on stderr\n"
        "  -v, --verbose        log to stderr\n"
        "\n"
        "Output: for qap the QAPLIB .sln form (n and cost, then the 1-based "
        "location of\n"
        "each facility); for tsp the length, then the 1-based cities in "
        "tour order;\n"
        "otherwise the objective (cut, bqp value, set size, profit), then "
        "the 0/1\n"
        "value of every variable (for maxcut the side of each vertex).\n"
        "Exit status: 0 success, 2 bad input or usage, 3 internal "
        "error.\n");
}

typedef struct qubo_args {
    const char *file, *problem, *index, *solver, *time_limit, *iterations,
        *seed, *shrink_to, *recalc_every, *samples, *penalty, *rounds, *out,
        *quiet, *verbose, *no_aware, *polish, /* flags: NULL or "1" */
        *correlations;
    const char *mis_search;
    int help;
} qubo_args;

static void qubo_log(void *user, int level, const char *line)
{
    (void)user;
    (void)level;
    fprintf(stderr, "%s\n", line);
}

static int qubo_parse(qubo_args *a, int argc, char **argv)
{
    static const cli_opt opts[] = {
        {"problem", offsetof(qubo_args, problem), 0},
        {"index", offsetof(qubo_args, index), 0},
        {"solver", offsetof(qubo_args, solver), 0},
        {"time-limit", offsetof(qubo_args, time_limit), 0},
        {"iterations", offsetof(qubo_args, iterations), 0},
        {"seed", offsetof(qubo_args, seed), 0},
        {"shrink-to", offsetof(qubo_args, shrink_to), 0},
        {"recalc-every", offsetof(qubo_args, recalc_every), 0},
        {"samples", offsetof(qubo_args, samples), 0},
        {"penalty", offsetof(qubo_args, penalty), 0},
        {"rounds", offsetof(qubo_args, rounds), 0},
        {"out", offsetof(qubo_args, out), 0},
        {"quiet", offsetof(qubo_args, quiet), 1},
        {"verbose", offsetof(qubo_args, verbose), 1},
        {"no-constraint-aware", offsetof(qubo_args, no_aware), 1},
        {"polish", offsetof(qubo_args, polish), 1},
        {"mis-search", offsetof(qubo_args, mis_search), 0},
        {"correlations", offsetof(qubo_args, correlations), 0}};
    cli_operand op;
    memset(a, 0, sizeof *a);
    int status = cli_opt_parse(a, &op, opts, sizeof opts / sizeof opts[0],
                               "qubo", "FILE", argc, argv);
    a->file = op.file;
    a->help = op.help;
    return status;
}

/* A whole number in [lo, hi] for option `name`. */
static int qubo_number(const char *name, const char *s, long long lo,
                       long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        cli_error("--%s: expected a whole number in [%lld, %lld], got '%s'",
                  name, lo, hi, s);
        return 0;
    }
    *out = v;
    return 1;
}

/* Pick a name from a list; -1 (after the error line) when not found. */
static int qubo_choice(const char *name, const char *s,
                       const char *const *names, int count)
{
    for (int k = 0; k < count; k++)
        if (strcmp(s, names[k]) == 0)
            return k;
    cli_error("--%s: unknown value '%s'", name, s);
    return -1;
}

/* Fill the options from the words; 0 on success. */
static int qubo_options(corto_qubo_options *o, corto_qubo_kind *kind,
                        int *index, const qubo_args *a)
{
    static const char *const kinds[] = {"bqp",  "maxcut", "mis",
                                        "mdkp", "qap",    "tsp"};
    static const corto_qubo_kind kind_of[] = {
        CORTO_QUBO_BQP,  CORTO_QUBO_MAXCUT, CORTO_QUBO_MIS,
        CORTO_QUBO_MDKP, CORTO_QUBO_QAP,    CORTO_QUBO_TSP};
    static const char *const solvers[] = {"sa", "tabu", "exact"};
    static const char *const penalties[] = {"slack", "lagrange"};
    static const char *const corrs[] = {"samples", "lowrank", "both"};
    long long v = 0;
    int k;
    corto_qubo_options_init(o);
    if (!a->problem) {
        cli_error("--problem is required (bqp, maxcut, mis, mdkp, qap, "
                  "tsp)");
        return 1;
    }
    if ((k = qubo_choice("problem", a->problem, kinds, 6)) < 0)
        return 1;
    *kind = kind_of[k];
    *index = 1;
    if (a->index) {
        if (!qubo_number("index", a->index, 1, 1000000, &v))
            return 1;
        *index = (int)v;
    }
    if (a->solver) {
        if ((k = qubo_choice("solver", a->solver, solvers, 3)) < 0)
            return 1;
        o->solver = (corto_qubo_solver)k;
    } else if ((*kind == CORTO_QUBO_QAP || *kind == CORTO_QUBO_TSP) &&
               !a->shrink_to) {
        o->solver = CORTO_QUBO_TABU; /* robust tabu search, any n */
    }
    if (a->penalty) {
        if ((k = qubo_choice("penalty", a->penalty, penalties, 2)) < 0)
            return 1;
        o->penalty = (corto_qubo_penalty)k;
    }
    if (a->mis_search) {
        static const char *const searches[] = {"none", "ils", "numvc"};
        if ((k = qubo_choice("mis-search", a->mis_search, searches, 3)) < 0)
            return 1;
        o->mis_search = (corto_qubo_mis_search)k;
    }
    if (a->correlations) {
        if ((k = qubo_choice("correlations", a->correlations, corrs, 3)) < 0)
            return 1;
        o->correlations = (corto_qubo_correlations)k;
    }
    if (a->time_limit) {
        char *end;
        errno = 0;
        double t = strtod(a->time_limit, &end);
        if (errno || end == a->time_limit || *end || !(t >= 0) || t > 1e9) {
            cli_error("--time-limit: expected seconds >= 0, got '%s'",
                      a->time_limit);
            return 1;
        }
        o->time_limit = t;
    }
    if (a->iterations) {
        if (!qubo_number("iterations", a->iterations, 0, INT64_MAX, &v))
            return 1;
        o->iterations = v;
        if (!a->time_limit)
            o->time_limit = 0; /* an iteration limit alone: repeatable */
    }
    if (a->seed) {
        if (!qubo_number("seed", a->seed, 0, INT64_MAX, &v))
            return 1;
        o->seed = (uint64_t)v;
    }
    if (a->shrink_to) {
        if (!qubo_number("shrink-to", a->shrink_to, 1, 100000000, &v))
            return 1;
        o->shrink_to = (int)v;
    }
    if (a->recalc_every) {
        if (!qubo_number("recalc-every", a->recalc_every, 0, 100000000, &v))
            return 1;
        o->recalc_every = (int)v;
    }
    if (a->samples) {
        if (!qubo_number("samples", a->samples, 1, 100000, &v))
            return 1;
        o->samples = (int)v;
    }
    if (a->rounds) {
        if (!qubo_number("rounds", a->rounds, 1, 100000, &v))
            return 1;
        o->rounds = (int)v;
    }
    o->constraint_aware = a->no_aware == NULL;
    o->polish = a->polish != NULL;
    o->verbose = a->verbose != NULL;
    if (a->verbose)
        o->log = qubo_log;
    return 0;
}

int cmd_qubo(int argc, char **argv)
{
    qubo_args a;
    corto_qubo_options opt;
    corto_qubo_kind kind = CORTO_QUBO_RAW;
    int index = 1, code = CLI_EXIT_OK;
    corto_qubo *q = NULL;
    corto_qubo_result *res = NULL;
    corto_diag diag;
    memset(&diag, 0, sizeof diag);
    if (qubo_parse(&a, argc, argv))
        return CLI_EXIT_INPUT;
    if (a.help) {
        cmd_qubo_help();
        return CLI_EXIT_OK;
    }
    if (!a.file) {
        cli_error("qubo needs a FILE (see 'corto qubo --help')");
        return CLI_EXIT_INPUT;
    }
    if (qubo_options(&opt, &kind, &index, &a))
        return CLI_EXIT_INPUT;
    corto_status rc = corto_qubo_read(&q, a.file, kind, index, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, a.file);
    rc = corto_qubo_solve(&res, q, &opt);
    if (rc == CORTO_ERR_UNSUPPORTED) {
        cli_error("%s: too large for the one-hot QUBO (n <= %d) that "
                  "--solver sa/exact and --shrink-to need; use --solver "
                  "tabu without --shrink-to",
                  a.file, QP_PERM_MAX_N);
        code = CLI_EXIT_INPUT;
        goto done;
    }
    if (rc != CORTO_OK) {
        code = cli_fail(rc, NULL, a.file);
        goto done;
    }
    rc = corto_qubo_write_result(res, q, a.out, a.out ? NULL : stdout);
    if (rc != CORTO_OK) {
        code = cli_fail(rc, NULL, a.out ? a.out : "stdout");
        goto done;
    }
    if (!a.quiet)
        fprintf(stderr,
                "corto qubo: objective %.10g, %s%s, %d of %d QUBO variables "
                "solved%s, %.2f s\n",
                corto_qubo_result_objective(res),
                corto_qubo_result_feasible(res) ? "feasible" : "INFEASIBLE",
                corto_qubo_result_repaired(res) ? " after repair" : "",
                corto_qubo_result_solved_vars(res), corto_qubo_n_vars(q, &opt),
                corto_qubo_result_optimal(res) ? ", optimal" : "",
                corto_qubo_result_seconds(res));
done:
    corto_qubo_result_destroy(res);
    corto_qubo_destroy(q);
    return code;
}
