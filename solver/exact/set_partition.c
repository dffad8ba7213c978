/*
 * set_partition.c — set partitioning / packing with GLPK (see
 * set_partition.h). The LP relaxation is solved first by the dual simplex
 * without presolve, so that branch and cut works on the columns as given
 * and a known solution can be handed to it through the GLP_IHEUR callback
 * (glp_ios_heur_sol): GLPK's MIP presolver would renumber the columns.
 * The same callback keeps the best bound of the open nodes, stops at a
 * node limit or a CPU-time end, and closes the search as soon as the
 * incumbent meets the rounded-up bound (costs are integral). Set
 * partitioning over routes as in Balinski & Quandt (1964), "On an integer
 * program for a delivery problem", OR 12(2).
 */
#include "set_partition.h"
#include "clock.h"
#include "glpk_safe.h"
#include "util.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>

/* Everything the GLPK body and its callback need; memory owned outside
 * the guard (see glpk_safe.h). */
typedef struct sp_job {
    const sp_model *m;
    const sp_params *prm;
    sp_result *res;
    int *ia, *ja; /* 1-based triplets of the constraint matrix */
    double *ar;
    int nnz;
    int *group_row; /* per group: its row, 0 when it needs none */
    int n_group_rows;
    double *x; /* n_cols + 1: the start solution for glp_ios_heur_sol */
    int has_start, start_given;
    double bound; /* best bound of the open nodes seen last */
    int closed;   /* incumbent proven optimal by integrality */
} sp_job;

void sp_params_init(sp_params *prm)
{
    prm->tm_lim = INT_MAX;
    prm->cpu_end = 0.0;
    prm->node_lim = 0;
    prm->start = NULL;
    prm->n_start = 0;
    prm->clique_cuts = 1;
    prm->lp_only = 0;
}

/* Branch-and-cut callback: start solution, bound, limits. */
static void sp_callback(glp_tree *tree, void *info)
{
    sp_job *job = info;
    int best = glp_ios_best_node(tree);
    if (best)
        job->bound = glp_ios_node_bound(tree, best);
    if (glp_ios_reason(tree) == GLP_IHEUR && job->has_start &&
        !job->start_given) {
        job->start_given = 1;
        glp_ios_heur_sol(tree, job->x);
    }
    glp_prob *mip = glp_ios_get_prob(tree);
    if (best && glp_mip_status(mip) == GLP_FEAS &&
        glp_mip_obj_val(mip) <= ceil(job->bound - 1e-6) + 1e-6) {
        job->closed = 1;
        glp_ios_terminate(tree);
        return;
    }
    if (job->prm->node_lim > 0) {
        int active, alive, total;
        glp_ios_tree_size(tree, &active, &alive, &total);
        if (total > job->prm->node_lim)
            glp_ios_terminate(tree);
    }
    if (job->prm->cpu_end > 0 && clock_cpu_seconds() >= job->prm->cpu_end)
        glp_ios_terminate(tree);
}

/* The GLPK part, run under glpk_guard. */
static corto_status sp_body(void *arg)
{
    sp_job *job = arg;
    const sp_model *m = job->m;
    sp_result *res = job->res;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_rows(lp, m->n_rows + job->n_group_rows);
    for (int i = 0; i < m->n_rows; i++)
        glp_set_row_bnds(lp, i + 1,
                         m->row_kind[i] == SP_ROW_ONCE ? GLP_FX : GLP_UP, 1.0,
                         1.0);
    for (int g = 0; g < m->n_groups; g++)
        if (job->group_row[g])
            glp_set_row_bnds(lp, job->group_row[g], GLP_UP, 0.0,
                             (double)m->group_max[g]);
    glp_add_cols(lp, m->n_cols);
    for (int j = 0; j < m->n_cols; j++) {
        glp_set_col_kind(lp, j + 1, GLP_BV);
        glp_set_obj_coef(lp, j + 1, m->cost[j]);
    }
    glp_load_matrix(lp, job->nnz, job->ia, job->ja, job->ar);

    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_ERR;
    smcp.meth = GLP_PRIMAL;
    smcp.tm_lim = job->prm->tm_lim;
    glp_adv_basis(lp, 0);
    if (glp_simplex(lp, &smcp) != 0 || glp_get_status(lp) != GLP_OPT)
        goto done; /* no LP optimum: infeasible pool or out of time */
    res->lp_solved = 1;
    res->lp = glp_get_obj_val(lp);
    job->bound = res->lp;
    if (res->dj)
        for (int j = 0; j < m->n_cols; j++)
            res->dj[j] = glp_get_col_dual(lp, j + 1);
    if (job->prm->lp_only)
        goto done;

    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_ERR;
    iocp.presolve = GLP_OFF;
    iocp.tm_lim = job->prm->tm_lim;
    iocp.clq_cuts = job->prm->clique_cuts ? GLP_ON : GLP_OFF;
    iocp.cb_func = sp_callback;
    iocp.cb_info = job;
    glp_intopt(lp, &iocp);
    int st = glp_mip_status(lp);
    if (st == GLP_OPT || st == GLP_FEAS) {
        res->found = 1;
        res->optimal = st == GLP_OPT || job->closed;
        res->obj = glp_mip_obj_val(lp);
        for (int j = 0; j < m->n_cols && res->n_chosen < m->n_rows; j++)
            if (glp_mip_col_val(lp, j + 1) > 0.5)
                res->chosen[res->n_chosen++] = j;
    } else if (st == GLP_NOFEAS) {
        res->optimal = 1; /* proven: no integer solution */
    }
done:
    glp_delete_prob(lp);
    return CORTO_OK;
}

corto_status sp_solve(sp_result *res, solve_ctx *ctx, const sp_model *m,
                      const sp_params *prm)
{
    corto_status rc = CORTO_OK;
    sp_job job = {0};
    res->found = res->optimal = res->lp_solved = 0;
    res->n_chosen = 0;
    res->obj = res->lp = 0.0;
    res->bound = -HUGE_VAL;
    job.m = m;
    job.prm = prm;
    job.res = res;
    job.bound = -HUGE_VAL;
    int n_groups = m->col_group ? m->n_groups : 0;
    int nnz = m->col_beg[m->n_cols] + m->n_cols;
    CORTO_ALLOC(job.ia, nnz + 1);
    CORTO_ALLOC(job.ja, nnz + 1);
    CORTO_ALLOC(job.ar, nnz + 1);
    CORTO_ALLOC(job.x, m->n_cols + 1);
    CORTO_ALLOC(job.group_row, n_groups);
    /* A group needs a row only when it has more columns than its limit. */
    if (n_groups > 0) {
        int64_t *cols = NULL;
        CORTO_ALLOC(cols, n_groups);
        for (int j = 0; j < m->n_cols; j++)
            cols[m->col_group[j]]++;
        for (int g = 0; g < n_groups; g++)
            if (cols[g] > m->group_max[g])
                job.group_row[g] = m->n_rows + ++job.n_group_rows;
        free(cols);
    }
    int k = 0;
    for (int j = 0; j < m->n_cols; j++) {
        for (int t = m->col_beg[j]; t < m->col_beg[j + 1]; t++) {
            k++;
            job.ia[k] = m->col_row[t] + 1;
            job.ja[k] = j + 1;
            job.ar[k] = 1.0;
        }
        if (n_groups > 0 && job.group_row[m->col_group[j]]) {
            k++;
            job.ia[k] = job.group_row[m->col_group[j]];
            job.ja[k] = j + 1;
            job.ar[k] = 1.0;
        }
    }
    job.nnz = k;
    if (prm->start && prm->n_start > 0) {
        job.has_start = 1;
        for (int t = 0; t < prm->n_start; t++)
            job.x[prm->start[t] + 1] = 1.0;
    }
    const char *what = NULL;
    CORTO_TRY(glpk_guard(ctx, sp_body, &job, &what));
    if (res->optimal && res->found)
        res->bound = res->obj;
    else if (res->lp_solved)
        res->bound = job.bound > res->lp ? job.bound : res->lp;
cleanup:
    if (rc != CORTO_OK && what)
        ctx_log(ctx, 1, "set partitioning: %s", what);
    free(job.ia);
    free(job.ja);
    free(job.ar);
    free(job.x);
    free(job.group_row);
    return rc;
}
