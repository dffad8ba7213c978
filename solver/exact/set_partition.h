/*
 * set_partition.h — the set-partitioning MIP behind the route pool and the
 * exact small-VRP solver: choose columns (routes) so that every row
 * (client) of kind SP_ROW_ONCE is covered exactly once and every row of
 * kind SP_ROW_AT_MOST at most once, with at most group_max[g] columns of
 * each group (vehicle type), at least cost. Solved with GLPK's branch and
 * cut under glpk_guard, optionally started from a known solution.
 */
#ifndef CORTO_SET_PARTITION_H
#define CORTO_SET_PARTITION_H

#include "context.h"

enum { SP_ROW_AT_MOST = 0, SP_ROW_ONCE = 1 };

/* The model, borrowed arrays. Column j covers the distinct rows
 * col_row[col_beg[j] .. col_beg[j+1]), each 0..n_rows-1, at least one. */
typedef struct sp_model {
    int n_rows;
    const unsigned char *row_kind; /* n_rows: SP_ROW_ONCE or SP_ROW_AT_MOST */
    int n_cols;
    const int *col_beg; /* n_cols + 1 */
    const int *col_row;
    const double *cost;       /* n_cols, integral values */
    const int *col_group;     /* n_cols (group of each column) or NULL */
    int n_groups;             /* 0 when col_group is NULL */
    const int64_t *group_max; /* n_groups: most columns of each group */
} sp_model;

typedef struct sp_params {
    int tm_lim;       /* GLPK time limit, ms (INT_MAX: none) */
    double cpu_end;   /* stop at this process CPU time (<= 0: none) */
    int node_lim;     /* stop after this many branch-and-bound nodes
                         (<= 0: none); deterministic, unlike time */
    const int *start; /* columns of a feasible solution, or NULL */
    int n_start;
    int clique_cuts; /* GLPK's clique cuts on (1) or off (0) */
    int lp_only;     /* 1: solve the LP relaxation only */
} sp_params;

/* Defaults: no limit, no start, clique cuts on, the MIP. */
void sp_params_init(sp_params *prm);

typedef struct sp_result {
    int found;     /* 1: chosen holds an integer solution */
    int optimal;   /* 1: proven optimal (for the given columns) */
    int lp_solved; /* 1: lp holds the LP relaxation's optimum */
    double obj;    /* cost of chosen */
    double lp;     /* optimum of the LP relaxation */
    double bound;  /* lower bound on the MIP optimum over the given columns
                      (-HUGE_VAL when none) */
    int n_chosen;
    int *chosen; /* caller's array with room for n_rows columns */
    double *dj;  /* caller's array of n_cols for the LP's reduced costs, or
                    NULL */
} sp_result;

/*
 * Solve m. res->chosen must have room for m->n_rows entries (a solution
 * never has more columns than rows). Returns CORTO_OK whether or not a
 * solution was found (see res), CORTO_ERR_EXTERNAL after a GLPK error,
 * CORTO_ERR_NOMEM.
 */
corto_status sp_solve(sp_result *res, solve_ctx *ctx, const sp_model *m,
                      const sp_params *prm);

#endif /* CORTO_SET_PARTITION_H */
