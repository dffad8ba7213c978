/*
 * qubo_solve.c — the QUBO pipeline behind corto_qubo_solve: build the
 * QUBO of the problem, optionally shrink it (heuristics/shrink.c), solve it
 * (SA, tabu or GLPK), expand, decode, repair in the original problem and
 * keep the best feasible answer. MDKP with Lagrangian penalties runs this
 * over rounds, updating the multipliers by projected subgradient (dual)
 * ascent on the residuals of the unrepaired answer ("Cutting Slack").
 * MIS answers are then improved on the graph itself by local search
 * (heuristics/mis_numvc.c or mis_ils.c) unless the options turn it off.
 * QAP / TSP with tabu and no shrinking never build the QUBO: robust tabu
 * search (heuristics/qap_rots.c) works on the permutation directly, whose
 * QUBO energy is its cost, so these have no size limit.
 */
#include "clock.h"
#include "mis_search.h"
#include "qap_rots.h"
#include "qubo_api.h"
#include "qubo_exact.h"
#include "qubo_search.h"
#include "shrink.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Share of a round's time spent on estimating correlations. */
#define QS_SHRINK_SHARE 0.5
/* Sweeps of each correlation sample. */
#define QS_SAMPLE_SWEEPS 100
/* MIS with a local search on the graph: share of the time for the QUBO
 * search. */
#define QS_MIS_QUBO_SHARE 0.1

typedef struct qs_run {
    const corto_qubo_options *opt;
    corto_options copt; /* limits of the current round */
    int solved_vars;
    int optimal;
} qs_run;

/* Minimise q with the chosen solver into x. */
static corto_status qs_inner(unsigned char *x, const qubo *q, qs_run *run,
                             solve_ctx *ctx)
{
    double e = 0;
    if (run->opt->solver == CORTO_QUBO_EXACT && q->n <= QUBO_EXACT_MAX_N) {
        int found = 0, optimal = 0;
        corto_status rc = qubo_exact(x, &e, &found, &optimal, q, ctx);
        if (rc != CORTO_OK || found) {
            run->optimal = optimal;
            return rc;
        }
        ctx_log(ctx, 0, "qubo: GLPK found no solution, tabu instead");
    }
    if (run->opt->solver == CORTO_QUBO_SA)
        return qubo_sa(x, &e, q, ctx, 0);
    return qubo_tabu(x, &e, q, ctx, NULL);
}

/* One build-shrink-solve-expand pass: x gets the QUBO answer. */
static corto_status qs_pass(unsigned char *x, const qubo *q, qs_run *run,
                            const qp_problem *p, uint64_t seed)
{
    corto_status rc = CORTO_OK;
    shrink_result sr;
    unsigned char *y = NULL;
    memset(&sr, 0, sizeof sr);
    const corto_qubo_options *opt = run->opt;
    solve_ctx ctx;
    run->copt.seed = seed;
    ctx_init(&ctx, NULL, &run->copt);
    if (opt->shrink_to <= 0 || opt->shrink_to >= q->n) {
        run->solved_vars = q->n;
        return qs_inner(x, q, run, &ctx);
    }
    corto_options sopt = run->copt;
    sopt.iterations = 0;
    sopt.time_limit = run->copt.time_limit > 0
                          ? run->copt.time_limit * QS_SHRINK_SHARE
                          : 0.0;
    solve_ctx sctx;
    ctx_init(&sctx, NULL, &sopt);
    shrink_params prm = {
        opt->shrink_to,    opt->constraint_aware,
        opt->recalc_every, opt->samples > 0 ? opt->samples : 1,
        QS_SAMPLE_SWEEPS,  p,
        opt->correlations};
    CORTO_TRY(shrink_run(&sr, q, &prm, &sctx));
    ctx_log(&ctx, 0,
            "qubo: shrunk %d -> %d variables, %d merges, %d estimates "
            "(%d sampled), %d refused",
            q->n, sr.small.n, sr.n_merges, sr.recalcs, sr.sampled, sr.refused);
    run->solved_vars = sr.small.n;
    CORTO_ALLOC(y, sr.small.n);
    CORTO_TRY(qs_inner(y, &sr.small, run, &ctx));
    shrink_expand(x, &sr, y);
cleanup:
    free(y);
    shrink_free(&sr);
    return rc;
}

/* MIS: improve the repaired answer s by local search on the graph (ILS
 * or NuMVC), for the time left of the limit (counted from start) and, with
 * an iteration limit, that many ILS iterations / NuMVC steps. */
static corto_status qs_mis_search(qp_sol *s, const qp_problem *p,
                                  const corto_qubo_options *opt, double start)
{
    corto_status rc = CORTO_OK;
    int *row = NULL, *col = NULL;
    corto_options copt;
    solve_ctx ctx;
    int64_t its = 0;
    int before = 0, after = 0;
    corto_options_init(&copt);
    copt.iterations = opt->iterations;
    copt.seed = opt->seed;
    copt.verbose = opt->verbose;
    copt.log = opt->log;
    copt.log_user = opt->log_user;
    copt.time_limit =
        opt->time_limit > 0
            ? fmax(opt->time_limit - (clock_cpu_seconds() - start), 1e-3)
            : 0.0;
    ctx_init(&ctx, NULL, &copt);
    CORTO_TRY(qp_conflicts(&row, &col, p, p->n));
    if (!row)
        goto cleanup;
    for (int v = 0; v < p->n; v++)
        before += s->x[v];
    if (opt->mis_search == CORTO_QUBO_MIS_ILS)
        CORTO_TRY(mis_ils(s->x, p->n, row, col, &ctx, &its));
    else
        CORTO_TRY(mis_numvc(s->x, p->n, row, col, &ctx, &its));
    for (int v = 0; v < p->n; v++)
        after += s->x[v];
    ctx_log(&ctx, 0, "qubo: MIS local search (%s) %d -> %d in %lld iterations",
            opt->mis_search == CORTO_QUBO_MIS_ILS ? "ils" : "numvc", before,
            after, (long long)its);
cleanup:
    free(row);
    free(col);
    return rc;
}

/* 1 when the permutation problem is solved without building its QUBO:
 * QAP / TSP with tabu and no shrinking, by robust tabu search on the
 * problem's matrices (a permutation's QUBO energy is its cost). */
static int qs_implicit(const qp_problem *p, const corto_qubo_options *opt)
{
    return (p->kind == CORTO_QUBO_QAP || p->kind == CORTO_QUBO_TSP) &&
           opt->solver == CORTO_QUBO_TABU &&
           (opt->shrink_to <= 0 || opt->shrink_to >= p->n * p->n);
}

/* The implicit pass: sol->perm gets the best permutation found. */
static corto_status qs_perm_pass(qp_sol *sol, qs_run *run, const qp_problem *p,
                                 uint64_t seed)
{
    solve_ctx ctx;
    int64_t cost = 0;
    run->copt.seed = seed;
    ctx_init(&ctx, NULL, &run->copt);
    run->solved_vars = p->n * p->n;
    corto_status rc = qap_rots_search(sol->perm, &cost, p, &ctx);
    ctx_log(&ctx, 0, "qubo: robust tabu search, %lld moves, cost %lld",
            (long long)ctx.iteration, (long long)cost);
    return rc;
}

/* MDKP multipliers: a start at the average profit per unit of row weight,
 * the step scale (the largest start), and the weight of the squared
 * residual. */
static void qs_lagrange_start(double *lambda, double *rho, double *scale,
                              const qp_problem *p)
{
    double psum = 0;
    for (int j = 0; j < p->n; j++)
        psum += p->profit[j];
    double wavg = 0;
    for (int i = 0; i < p->rows; i++) {
        double wsum = 0;
        for (int j = 0; j < p->n; j++)
            wsum += (double)p->weight[(size_t)i * p->n + j];
        lambda[i] = wsum > 0 ? psum / wsum / p->rows : 0.0;
        wavg += wsum / p->n / p->rows;
    }
    *scale = 0.0;
    for (int i = 0; i < p->rows; i++)
        *scale = fmax(*scale, lambda[i]);
    *rho = wavg > 0 ? 0.1 * psum / p->n / (wavg * wavg) : 0.0;
}

corto_status corto_qubo_solve(corto_qubo_result **out,
                              const corto_qubo *problem,
                              const corto_qubo_options *opt_in)
{
    corto_status rc = CORTO_OK;
    corto_qubo_options opt;
    corto_qubo_result *res = NULL;
    qubo_builder b;
    qubo q;
    qp_sol sol, best;
    unsigned char *x = NULL;
    double *lambda = NULL, *g = NULL;
    memset(&b, 0, sizeof b);
    memset(&q, 0, sizeof q);
    memset(&sol, 0, sizeof sol);
    memset(&best, 0, sizeof best);
    if (!out || !problem)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    if (opt_in)
        opt = *opt_in;
    else
        corto_qubo_options_init(&opt);
    const qp_problem *p = &problem->p;
    double start = clock_cpu_seconds();
    int lagrange = p->kind == CORTO_QUBO_MDKP &&
                   opt.penalty == CORTO_QUBO_PENALTY_LAGRANGE;
    int implicit = qs_implicit(p, &opt);
    int rounds = lagrange ? (opt.rounds > 0 ? opt.rounds : 1) : 1;
    int mis_ls =
        p->kind == CORTO_QUBO_MIS && opt.mis_search != CORTO_QUBO_MIS_NONE;
    qp_penalty pen = {opt.penalty, NULL, 0.0};
    double scale = 0;
    if (lagrange) {
        CORTO_ALLOC(lambda, p->rows);
        CORTO_ALLOC(g, p->rows);
        qs_lagrange_start(lambda, &pen.rho, &scale, p);
        pen.lambda = lambda;
    }
    qs_run run;
    memset(&run, 0, sizeof run);
    run.opt = &opt;
    corto_options_init(&run.copt);
    run.copt.iterations = opt.iterations;
    run.copt.verbose = opt.verbose;
    run.copt.log = opt.log;
    run.copt.log_user = opt.log_user;
    CORTO_ALLOC(res, 1);
    CORTO_TRY(qp_sol_init(&sol, p));
    CORTO_TRY(qp_sol_init(&best, p));
    int have = 0;
    double best_obj = 0;
    for (int r = 0; r < rounds; r++) {
        double left = opt.time_limit - (clock_cpu_seconds() - start);
        if (opt.time_limit > 0 && left <= 0 && have)
            break;
        if (!implicit) {
            CORTO_TRY(qp_build(&b, p, &pen));
            CORTO_TRY(qb_build(&q, &b));
            qb_free(&b);
        }
        /* Building the QUBO (seconds for a QAP of n = 100) is part of the
         * budget. */
        left = opt.time_limit - (clock_cpu_seconds() - start);
        run.copt.time_limit =
            opt.time_limit > 0 ? fmax(left, 1e-3) / (rounds - r) : 0.0;
        if (mis_ls)
            run.copt.time_limit *= QS_MIS_QUBO_SHARE;
        if (implicit) {
            CORTO_TRY(qs_perm_pass(&sol, &run, p, opt.seed + (uint64_t)r));
        } else {
            free(x);
            x = NULL;
            CORTO_ALLOC(x, q.n);
            CORTO_TRY(qs_pass(x, &q, &run, p, opt.seed + (uint64_t)r));
            qp_decode(&sol, p, x);
        }
        if (lagrange) {
            /* Projected subgradient step on the unrepaired residuals. */
            qp_mdkp_residual(g, p, sol.x);
            double gmax = 0;
            for (int i = 0; i < p->rows; i++)
                gmax = fmax(gmax, fabs(g[i]));
            double step = scale / sqrt(r + 1.0) / (gmax > 0 ? gmax : 1.0);
            for (int i = 0; i < p->rows; i++)
                lambda[i] = fmax(0.0, lambda[i] + step * g[i]);
        }
        int raw_ok = qp_feasible(p, &sol);
        CORTO_TRY(qp_repair(&sol, p));
        if (mis_ls)
            CORTO_TRY(qs_mis_search(&sol, p, &opt, start));
        if (opt.polish)
            qp_polish(&sol, p);
        double obj = qp_objective(p, &sol);
        int better = qp_maximise(p) ? obj > best_obj : obj < best_obj;
        if (!have || better) {
            have = 1;
            best_obj = obj;
            res->repaired = !raw_ok;
            memcpy(best.x, sol.x, (size_t)p->n);
            if (sol.perm)
                memcpy(best.perm, sol.perm, (size_t)p->n * sizeof *sol.perm);
        }
        qubo_free(&q);
    }
    res->n = p->n;
    CORTO_ALLOC(res->values, p->n);
    if (p->kind == CORTO_QUBO_TSP) {
        for (int c = 0; c < p->n; c++)
            res->values[best.perm[c]] = c; /* city at each position */
    } else {
        for (int i = 0; i < p->n; i++)
            res->values[i] = best.perm ? best.perm[i] : best.x[i];
    }
    res->objective = best_obj;
    res->feasible = qp_feasible(p, &best);
    res->solved_vars = run.solved_vars;
    res->optimal = run.optimal && opt.shrink_to <= 0 && !lagrange &&
                   p->kind != CORTO_QUBO_MDKP && p->kind != CORTO_QUBO_QAP &&
                   p->kind != CORTO_QUBO_TSP;
    res->seconds = clock_cpu_seconds() - start;
    *out = res;
    res = NULL;
cleanup:
    corto_qubo_result_destroy(res);
    qb_free(&b);
    qubo_free(&q);
    qp_sol_free(&sol);
    qp_sol_free(&best);
    free(x);
    free(lambda);
    free(g);
    return rc;
}
