/*
 * qubo_exact.c — a QUBO as a 0-1 MIP in GLPK (see qubo_exact.h). The
 * arrays GLPK needs are made before entering glpk_guard and freed after,
 * as the guard's rules ask. Limits: a branch-and-cut callback stops GLPK
 * at ctx's CPU deadline and after ctx's iteration limit in nodes; GLPK's
 * own tm_lim (wall clock) is only a backstop.
 */
#include "qubo_exact.h"
#include "clock.h"
#include "glpk_safe.h"
#include "util.h"

#include <glpk.h>
#include <stdlib.h>
#include <string.h>

typedef struct qe_job {
    const qubo *q;
    solve_ctx *ctx;
    int n_pairs, n_rows, nnz;
    int *pi, *pj; /* pair endpoints, i < j */
    double *pw;
    int *ia, *ja; /* 1-based triplets for glp_load_matrix */
    double *ar;
    int found, optimal;
    unsigned char *x;
} qe_job;

/* Branch-and-cut callback: the CPU deadline and the node limit. */
static void qe_callback(glp_tree *tree, void *info)
{
    const qe_job *job = info;
    int64_t nodes = job->ctx->opt->iterations;
    if (nodes > 0) {
        int active, alive, total;
        glp_ios_tree_size(tree, &active, &alive, &total);
        if (total > nodes)
            glp_ios_terminate(tree);
    }
    if (job->ctx->deadline > 0 && clock_cpu_seconds() >= job->ctx->deadline)
        glp_ios_terminate(tree);
}

/* The GLPK part, run under glpk_guard. */
static corto_status qe_body(void *arg)
{
    qe_job *job = arg;
    const qubo *q = job->q;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_set_obj_coef(lp, 0, q->offset);
    glp_add_cols(lp, q->n + job->n_pairs);
    for (int i = 0; i < q->n; i++) {
        glp_set_col_kind(lp, i + 1, GLP_BV);
        glp_set_obj_coef(lp, i + 1, q->lin[i]);
    }
    for (int p = 0; p < job->n_pairs; p++) {
        glp_set_col_bnds(lp, q->n + p + 1, GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(lp, q->n + p + 1, job->pw[p]);
    }
    if (job->n_rows > 0) {
        glp_add_rows(lp, job->n_rows);
        int r = 0;
        for (int p = 0; p < job->n_pairs; p++) {
            if (job->pw[p] > 0) {
                glp_set_row_bnds(lp, ++r, GLP_LO, -1.0, 0.0);
            } else {
                glp_set_row_bnds(lp, ++r, GLP_UP, 0.0, 0.0);
                glp_set_row_bnds(lp, ++r, GLP_UP, 0.0, 0.0);
            }
        }
        glp_load_matrix(lp, job->nnz, job->ia, job->ja, job->ar);
    }
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.presolve = GLP_ON;
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.tm_lim = glpk_wall_backstop_ms(job->ctx);
    iocp.cb_func = qe_callback;
    iocp.cb_info = job;
    glp_intopt(lp, &iocp);
    int st = glp_mip_status(lp);
    if (st == GLP_OPT || st == GLP_FEAS) {
        job->found = 1;
        job->optimal = st == GLP_OPT;
        for (int i = 0; i < q->n; i++)
            job->x[i] = glp_mip_col_val(lp, i + 1) > 0.5;
    }
    glp_delete_prob(lp);
    return CORTO_OK;
}

corto_status qubo_exact(unsigned char *x, double *e, int *found, int *optimal,
                        const qubo *q, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    qe_job job;
    memset(&job, 0, sizeof job);
    *found = *optimal = 0;
    if (q->n > QUBO_EXACT_MAX_N)
        return CORTO_ERR_UNSUPPORTED;
    job.q = q;
    job.ctx = ctx;
    job.x = x;
    int pairs = q->row[q->n] / 2;
    CORTO_ALLOC(job.pi, pairs);
    CORTO_ALLOC(job.pj, pairs);
    CORTO_ALLOC(job.pw, pairs);
    CORTO_ALLOC(job.ia, 6 * (size_t)pairs + 1);
    CORTO_ALLOC(job.ja, 6 * (size_t)pairs + 1);
    CORTO_ALLOC(job.ar, 6 * (size_t)pairs + 1);
    for (int i = 0; i < q->n; i++)
        for (int k = q->row[i]; k < q->row[i + 1]; k++)
            if (q->col[k] > i) {
                int p = job.n_pairs++;
                job.pi[p] = i;
                job.pj[p] = q->col[k];
                job.pw[p] = q->w[k];
            }
    /* Rows in the order qe_body sets their bounds. */
    for (int p = 0; p < job.n_pairs; p++) {
        int y = q->n + p + 1, xi = job.pi[p] + 1, xj = job.pj[p] + 1;
        if (job.pw[p] > 0) {
            int r = ++job.n_rows;
            int at = job.nnz;
            job.ia[at + 1] = job.ia[at + 2] = job.ia[at + 3] = r;
            job.ja[at + 1] = y;
            job.ar[at + 1] = 1.0;
            job.ja[at + 2] = xi;
            job.ar[at + 2] = -1.0;
            job.ja[at + 3] = xj;
            job.ar[at + 3] = -1.0;
            job.nnz += 3;
        } else {
            for (int s = 0; s < 2; s++) {
                int r = ++job.n_rows, at = job.nnz;
                job.ia[at + 1] = job.ia[at + 2] = r;
                job.ja[at + 1] = y;
                job.ar[at + 1] = 1.0;
                job.ja[at + 2] = s == 0 ? xi : xj;
                job.ar[at + 2] = -1.0;
                job.nnz += 2;
            }
        }
    }
    /* No time limit (an iteration limit alone): a default bound. */
    double saved =
        glpk_share_begin(ctx, ctx->deadline > 0 ? 0.0 : QUBO_EXACT_DEFAULT_S);
    rc = glpk_guard(ctx, qe_body, &job, NULL);
    glpk_share_end(ctx, saved);
    CORTO_TRY(rc);
    *found = job.found;
    *optimal = job.optimal;
    if (job.found)
        *e = qubo_energy(q, x);
cleanup:
    free(job.pi);
    free(job.pj);
    free(job.pw);
    free(job.ia);
    free(job.ja);
    free(job.ar);
    return rc;
}
