/*
 * cvrp_exact.c — exact small VRPs: enumerate every feasible route, solve
 * the set partitioning over them (set_partition.h) to optimality.
 *
 * Implementation details. For each vehicle type, the client subsets whose
 * load fits the capacity are generated level by level (size k+1 from size
 * k by adding a client above the largest one, so each subset appears
 * once; a subset over capacity is never extended, which prunes every
 * superset). For each subset S and each client e of S the Held–Karp
 * recursion gives the cheapest path from the start depot through S ending
 * at e, f(S, e) = min over i in S-e of f(S-e, i) + c(i, e), the subsets of
 * the previous level being found through a hash table (Held & Karp 1962,
 * "A dynamic programming approach to sequencing problems", J. SIAM
 * 10(1)). Only the best order of a subset is kept: any other order of the
 * same clients is dominated, since without time windows or limits a
 * route's feasibility and its order-independent terms (fixed cost,
 * service, visit costs, prizes) do not depend on the order. The route of
 * a subset closes the best path at the end depot, and route_eval prices
 * it, so the columns cost exactly what the rest of corto says. The set
 * partitioning over all these routes is the CVRP itself (Balinski &
 * Quandt 1964); its LP relaxation and the open nodes of the branch and
 * bound give a valid lower bound at any time.
 */
#include "cvrp_exact.h"
#include "glpk_safe.h"
#include "route_eval.h"
#include "set_partition.h"
#include "util.h"

#include <math.h>
#include <string.h>

/* The subsets of one vehicle type with their Held–Karp values. */
typedef struct cx_enum {
    int n;           /* subsets */
    size_t cap;      /* subsets allocated */
    uint64_t *mask;  /* per subset */
    int64_t *load;   /* per subset, n_dims each */
    size_t *off;     /* per subset: first of its f values */
    int64_t *f;      /* per subset, per member in bit order */
    size_t nf, fcap; /* f values used and allocated */
    uint64_t *hkey;  /* hash table: subset mask (0 = empty slot) */
    int *hval;       /* its subset index */
    uint64_t hmask;
} cx_enum;

/* Columns over every vehicle type. */
typedef struct cx_cols {
    int n;
    size_t cap; /* columns allocated (beg: one more) */
    int *beg;   /* n + 1 */
    int *row;   /* rows of each column in visiting order */
    size_t nrow, rcap;
    double *cost;
    int *group;
} cx_cols;

static void cx_enum_free(cx_enum *E)
{
    free(E->mask);
    free(E->load);
    free(E->off);
    free(E->f);
    free(E->hkey);
    free(E->hval);
}

static void cx_cols_free(cx_cols *C)
{
    free(C->beg);
    free(C->row);
    free(C->cost);
    free(C->group);
}

/* Grow *ptr (elements of `size` bytes) to hold at least `need`. */
static corto_status cx_grow(void **ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return CORTO_OK;
    size_t c = *cap < 64 ? 64 : *cap;
    while (c < need)
        c *= 2;
    void *q = realloc(*ptr, c * size);
    if (!q)
        return CORTO_ERR_NOMEM;
    *ptr = q;
    *cap = c;
    return CORTO_OK;
}

/* Resize an array that follows a capacity kept elsewhere to c elements. */
static corto_status cx_resize(void **ptr, size_t c, size_t size)
{
    void *q = realloc(*ptr, (c > 0 ? c : 1) * size);
    if (!q)
        return CORTO_ERR_NOMEM;
    *ptr = q;
    return CORTO_OK;
}

static uint64_t cx_hash(uint64_t x)
{
    x = (x ^ (x >> 31)) * 0x7FB5D329728EA185ull;
    x = (x ^ (x >> 27)) * 0x81DADEF4BC2DD44Dull;
    return x ^ (x >> 33);
}

static int cx_find(const cx_enum *E, uint64_t mask)
{
    for (uint64_t i = cx_hash(mask) & E->hmask;; i = (i + 1) & E->hmask) {
        if (E->hkey[i] == mask)
            return E->hval[i];
        if (E->hkey[i] == 0)
            return -1;
    }
}

/* Rank of bit b among the set bits of mask. */
static int cx_rank(uint64_t mask, int b)
{
    return __builtin_popcountll(mask & (((uint64_t)1 << b) - 1));
}

/* Arc cost of vehicle type v, the order-dependent part of a route's cost. */
static int64_t cx_arc(const corto_problem *p, const model_vehicle *vt, int i,
                      int j)
{
    return vt->cost_per_distance * model_dist(p, vt->profile, i, j) +
           vt->cost_per_duration * model_dur(p, vt->profile, i, j);
}

/* Append subset `mask` with its load and Held–Karp values. */
static corto_status cx_add_subset(cx_enum *E, const corto_problem *p,
                                  const model_vehicle *vt, const int *client,
                                  uint64_t mask, const int64_t *load)
{
    corto_status rc = CORTO_OK;
    int nd = p->n_dims, k = __builtin_popcountll(mask);
    if (E->n >= CVRP_EXACT_MAX_ROUTES)
        return CORTO_ERR_UNSUPPORTED;
    if ((size_t)E->n + 1 > E->cap) {
        size_t c = E->cap < 64 ? 64 : 2 * E->cap;
        CORTO_TRY(cx_resize((void **)&E->mask, c, sizeof *E->mask));
        CORTO_TRY(cx_resize((void **)&E->off, c, sizeof *E->off));
        CORTO_TRY(
            cx_resize((void **)&E->load, c * (size_t)nd, sizeof *E->load));
        E->cap = c;
    }
    CORTO_TRY(
        cx_grow((void **)&E->f, &E->fcap, E->nf + (size_t)k, sizeof *E->f));
    int s = E->n++;
    E->mask[s] = mask;
    memcpy(E->load + (size_t)s * (size_t)nd, load, (size_t)nd * sizeof *load);
    E->off[s] = E->nf;
    int64_t *f = E->f + E->nf;
    E->nf += (size_t)k;
    int r = 0;
    for (uint64_t m = mask; m; m &= m - 1, r++) {
        int e = __builtin_ctzll(m);
        uint64_t prev = mask & ~((uint64_t)1 << e);
        if (!prev) {
            f[r] = cx_arc(p, vt, vt->start_depot, client[e]);
            continue;
        }
        int ps = cx_find(E, prev);
        const int64_t *pf = E->f + E->off[ps];
        int64_t best = INT64_MAX;
        int q = 0;
        for (uint64_t pm = prev; pm; pm &= pm - 1, q++) {
            int i = __builtin_ctzll(pm);
            int64_t c = pf[q] + cx_arc(p, vt, client[i], client[e]);
            if (c < best)
                best = c;
        }
        f[r] = best;
    }
    uint64_t i = cx_hash(mask) & E->hmask;
    while (E->hkey[i] != 0)
        i = (i + 1) & E->hmask;
    E->hkey[i] = mask;
    E->hval[i] = s;
cleanup:
    return rc;
}

/* Enumerate the feasible subsets of vehicle type vt level by level. */
static corto_status cx_enumerate(cx_enum *E, const corto_problem *p,
                                 const model_vehicle *vt, const int *client,
                                 int m, int64_t *scratch)
{
    corto_status rc = CORTO_OK;
    int nd = p->n_dims;
    E->n = 0;
    E->nf = 0;
    memset(E->hkey, 0, (E->hmask + 1) * sizeof *E->hkey);
    for (int j = 0; j < m; j++) {
        const int64_t *q = p->demand + (size_t)client[j] * (size_t)nd;
        int fits = 1;
        for (int d = 0; d < nd; d++)
            fits &= q[d] <= vt->capacity[d];
        if (fits)
            CORTO_TRY(cx_add_subset(E, p, vt, client, (uint64_t)1 << j, q));
    }
    for (int lo = 0, hi = E->n; lo < hi; lo = hi, hi = E->n) {
        for (int s = lo; s < hi; s++) {
            uint64_t mask = E->mask[s];
            int top = 63 - __builtin_clzll(mask);
            for (int j = top + 1; j < m; j++) {
                const int64_t *q = p->demand + (size_t)client[j] * (size_t)nd;
                const int64_t *l = E->load + (size_t)s * (size_t)nd;
                int fits = 1;
                for (int d = 0; d < nd; d++) {
                    scratch[d] = l[d] + q[d];
                    fits &= scratch[d] <= vt->capacity[d];
                }
                /* a subset of a subset over capacity is over it too: the
                 * levels below were complete, so T - e is always found. */
                if (!fits)
                    continue;
                uint64_t t = mask | (uint64_t)1 << j;
                int ok = 1;
                for (uint64_t mm = t; mm && ok; mm &= mm - 1) {
                    uint64_t prev = t & ~(mm & -mm);
                    ok = prev == 0 || cx_find(E, prev) >= 0;
                }
                if (ok)
                    CORTO_TRY(cx_add_subset(E, p, vt, client, t, scratch));
            }
        }
    }
cleanup:
    return rc;
}

/* Turn every subset of E into a column of vehicle type v: the best order
 * by backtracking the recursion, priced by route_eval. */
static corto_status cx_columns(cx_cols *C, const cx_enum *E,
                               const corto_problem *p, int v,
                               const int *client, int *order, int *nodes)
{
    corto_status rc = CORTO_OK;
    const model_vehicle *vt = &p->vtypes[v];
    for (int s = 0; s < E->n; s++) {
        uint64_t mask = E->mask[s];
        const int64_t *f = E->f + E->off[s];
        int best_e = -1, r = 0;
        int64_t best = INT64_MAX;
        for (uint64_t m = mask; m; m &= m - 1, r++) {
            int e = __builtin_ctzll(m);
            int64_t c = f[r];
            if (vt->end_depot >= 0)
                c += cx_arc(p, vt, client[e], vt->end_depot);
            if (c < best) {
                best = c;
                best_e = e;
            }
        }
        int len = __builtin_popcountll(mask);
        uint64_t cur = mask;
        int e = best_e;
        for (int k = len - 1; k >= 0; k--) {
            order[k] = e;
            uint64_t prev = cur & ~((uint64_t)1 << e);
            if (!prev)
                break;
            const int64_t *fc = E->f + E->off[cx_find(E, cur)];
            const int64_t *fp = E->f + E->off[cx_find(E, prev)];
            int64_t want = fc[cx_rank(cur, e)];
            int q = 0, next = -1;
            for (uint64_t pm = prev; pm; pm &= pm - 1, q++) {
                int i = __builtin_ctzll(pm);
                if (fp[q] + cx_arc(p, vt, client[i], client[e]) == want) {
                    next = i;
                    break;
                }
            }
            if (next < 0)
                return CORTO_ERR_INTERNAL;
            cur = prev;
            e = next;
        }
        for (int k = 0; k < len; k++)
            nodes[k] = client[order[k]];
        route_eval re;
        route_eval_nodes(&re, p, v, nodes, len);
        if (!re.feasible)
            continue;
        if ((size_t)C->n + 1 > C->cap) {
            size_t c = C->cap < 64 ? 64 : 2 * C->cap;
            CORTO_TRY(cx_resize((void **)&C->beg, c + 1, sizeof *C->beg));
            CORTO_TRY(cx_resize((void **)&C->cost, c, sizeof *C->cost));
            CORTO_TRY(cx_resize((void **)&C->group, c, sizeof *C->group));
            C->cap = c;
        }
        CORTO_TRY(cx_grow((void **)&C->row, &C->rcap, C->nrow + (size_t)len,
                          sizeof *C->row));
        C->beg[C->n] = (int)C->nrow;
        memcpy(C->row + C->nrow, order, (size_t)len * sizeof *order);
        C->nrow += (size_t)len;
        C->cost[C->n] = (double)re.cost;
        C->group[C->n] = v;
        C->n++;
        C->beg[C->n] = (int)C->nrow;
    }
cleanup:
    return rc;
}

/* The routes whose LP reduced cost is at most delta, renumbered. */
typedef struct cx_reduced {
    int n;
    int *beg, *row, *group, *map; /* map: column of C */
    double *cost;
    int *start, n_start; /* the start solution renumbered, when kept */
} cx_reduced;

/* Fill R with the columns of C with dj <= delta (and those of the start);
 * returns 1 when that is every column. */
static int cx_reduce(cx_reduced *R, const cx_cols *C, const double *dj,
                     double delta, const int *start, int n_start)
{
    int nz = 0;
    R->n = 0;
    R->n_start = 0;
    for (int j = 0; j < C->n; j++) {
        int keep = dj[j] <= delta + 1e-6;
        for (int t = 0; t < n_start && !keep; t++)
            keep = start[t] == j;
        if (!keep)
            continue;
        for (int t = 0; t < n_start; t++)
            if (start[t] == j)
                R->start[R->n_start++] = R->n;
        R->beg[R->n] = nz;
        for (int k = C->beg[j]; k < C->beg[j + 1]; k++)
            R->row[nz++] = C->row[k];
        R->cost[R->n] = C->cost[j];
        R->group[R->n] = C->group[j];
        R->map[R->n++] = j;
    }
    R->beg[R->n] = nz;
    if (R->n_start != n_start)
        R->n_start = 0;
    return R->n == C->n;
}

/* 1 when every route of p costs the same in any order of its clients and
 * is feasible whenever its load fits (see cvrp_exact.h). */
static int cx_supported(const corto_problem *p, int n_clients)
{
    if (p->kind != CORTO_KIND_VRP || p->has_time_windows || p->has_pickups ||
        p->has_skills || p->n_fixed > 0 || n_clients > CVRP_EXACT_MAX_CLIENTS)
        return 0;
    for (int x = 0; x < p->n_nodes; x++) {
        if (p->pair_of[x] >= 0)
            return 0;
        for (int d = 0; d < p->n_dims; d++)
            if (p->demand[(size_t)x * (size_t)p->n_dims + (size_t)d] < 0)
                return 0;
    }
    for (int v = 0; v < p->n_vtypes; v++) {
        const model_vehicle *vt = &p->vtypes[v];
        if (vt->max_duration != CORTO_UNLIMITED ||
            vt->max_distance != CORTO_UNLIMITED ||
            vt->shift_close != CORTO_UNLIMITED || vt->has_skills)
            return 0;
    }
    return 1;
}

corto_status cvrp_exact(corto_solution *s, solve_ctx *ctx, int64_t *bound)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = ctx->problem;
    cx_enum E = {0};
    cx_cols C = {0};
    int *client = NULL, *row_of = NULL, *order = NULL, *nodes = NULL;
    int *start = NULL, *chosen = NULL;
    unsigned char *row_kind = NULL;
    int64_t *scratch = NULL, *gmax = NULL;
    double *dj = NULL;
    cx_reduced R = {0};
    *bound = INT64_MIN;
    int m = 0;
    for (int x = 0; x < p->n_nodes; x++)
        m += !p->is_depot[x];
    if (!cx_supported(p, m))
        return CORTO_ERR_UNSUPPORTED;
    CORTO_ALLOC(client, m);
    CORTO_ALLOC(row_of, p->n_nodes);
    CORTO_ALLOC(row_kind, m);
    CORTO_ALLOC(order, m);
    CORTO_ALLOC(nodes, m);
    CORTO_ALLOC(chosen, m);
    CORTO_ALLOC(scratch, p->n_dims);
    m = 0;
    for (int x = 0; x < p->n_nodes; x++) {
        row_of[x] = -1;
        if (p->is_depot[x])
            continue;
        row_of[x] = m;
        row_kind[m] = p->required[x] ? SP_ROW_ONCE : SP_ROW_AT_MOST;
        client[m++] = x;
    }
    uint64_t hsize = 16;
    while (hsize < 2 * (uint64_t)CVRP_EXACT_MAX_ROUTES)
        hsize *= 2;
    E.hmask = hsize - 1;
    CORTO_ALLOC(E.hkey, hsize);
    CORTO_ALLOC(E.hval, hsize);
    for (int v = 0; v < p->n_vtypes; v++) {
        if (p->vtypes[v].count <= 0)
            continue;
        CORTO_TRY(cx_enumerate(&E, p, &p->vtypes[v], client, m, scratch));
        CORTO_TRY(cx_columns(&C, &E, p, v, client, order, nodes));
    }
    ctx_log(ctx, 0, "exact: %d clients, %d routes", m, C.n);
    if (C.n == 0) {
        /* The empty plan, when every client is optional. */
        int need = 0;
        for (int t = 0; t < m; t++)
            need |= row_kind[t] == SP_ROW_ONCE;
        if (need) {
            *bound = INT64_MAX;
            goto cleanup;
        }
    }
    if (C.n == 0) {
        CORTO_TRY(cx_resize((void **)&C.beg, 1, sizeof *C.beg));
        C.beg[0] = 0;
    }
    CORTO_ALLOC(gmax, p->n_vtypes > 0 ? p->n_vtypes : 1);
    for (int v = 0; v < p->n_vtypes; v++)
        gmax[v] = p->vtypes[v].count;
    /* The routes of s as columns, when each one is one of ours. */
    CORTO_ALLOC(start, m + 1);
    int n_start = 0;
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        uint64_t mask = 0;
        for (int k = 0; k < s->route_len[r]; k++) {
            int x = s->routes[r][k];
            if (x >= 0 && x < p->n_nodes && row_of[x] >= 0)
                mask |= (uint64_t)1 << row_of[x];
        }
        int found = -1;
        for (int j = 0; j < C.n && found < 0; j++) {
            if (C.group[j] != s->route_vtype[r] ||
                C.beg[j + 1] - C.beg[j] != s->route_len[r])
                continue;
            uint64_t cm = 0;
            for (int t = C.beg[j]; t < C.beg[j + 1]; t++)
                cm |= (uint64_t)1 << C.row[t];
            if (cm == mask)
                found = j;
        }
        if (found < 0 || n_start >= m) {
            n_start = 0;
            break;
        }
        start[n_start++] = found;
    }
    /* A start that leaves a required client out (or serves one twice) is
     * no solution of the model: GLPK would take it as an incumbent. */
    {
        uint64_t seen = 0, twice = 0;
        for (int t = 0; t < n_start; t++)
            for (int k = C.beg[start[t]]; k < C.beg[start[t] + 1]; k++) {
                uint64_t bit = (uint64_t)1 << C.row[k];
                twice |= seen & bit;
                seen |= bit;
            }
        for (int i = 0; i < m && n_start > 0; i++)
            if (row_kind[i] == SP_ROW_ONCE && !((seen >> i) & 1))
                n_start = 0;
        if (twice)
            n_start = 0;
        for (int v = 0; v < p->n_vtypes && n_start > 0; v++) {
            int64_t used = 0;
            for (int t = 0; t < n_start; t++)
                used += C.group[start[t]] == v;
            if (used > gmax[v])
                n_start = 0;
        }
    }
    sp_model model = {
        .n_rows = m,
        .row_kind = row_kind,
        .n_cols = C.n,
        .col_beg = C.beg,
        .col_row = C.row,
        .cost = C.cost,
        .col_group = C.group,
        .n_groups = p->n_vtypes,
        .group_max = gmax,
    };
    CORTO_ALLOC(dj, C.n);
    CORTO_ALLOC(R.beg, C.n + 1);
    CORTO_ALLOC(R.row, C.nrow);
    CORTO_ALLOC(R.cost, C.n);
    CORTO_ALLOC(R.group, C.n);
    CORTO_ALLOC(R.map, C.n);
    CORTO_ALLOC(R.start, m + 1);
    /* The LP over every route bounds the optimum; a route whose reduced
     * cost is above delta is in no solution costing less than lp + delta,
     * so the MIP runs on the others, with delta raised to the gap of the
     * best solution known when that is needed for a proof. */
    sp_params prm;
    sp_params_init(&prm);
    prm.tm_lim = glpk_time_limit_ms(ctx);
    prm.cpu_end = ctx->deadline;
    prm.lp_only = 1;
    sp_result res = {.chosen = chosen, .dj = dj};
    CORTO_TRY(sp_solve(&res, ctx, &model, &prm));
    if (!res.lp_solved)
        goto cleanup; /* out of time, or no fractional cover either */
    double lp = res.lp, ub = 0.0;
    *bound = (int64_t)ceil(lp - 1e-6);
    for (int t = 0; t < n_start; t++)
        ub += C.cost[start[t]];
    double delta = n_start > 0 ? ub - lp : 0.01 * fabs(lp) + 1.0;
    for (;;) {
        int all = cx_reduce(&R, &C, dj, delta, start, n_start);
        sp_model sub = model;
        sub.n_cols = R.n;
        sub.col_beg = R.beg;
        sub.col_row = R.row;
        sub.cost = R.cost;
        sub.col_group = R.group;
        prm.tm_lim = glpk_time_limit_ms(ctx);
        prm.lp_only = 0;
        prm.start = R.start;
        prm.n_start = R.n_start;
        res.dj = NULL;
        CORTO_TRY(sp_solve(&res, ctx, &sub, &prm));
        for (int t = 0; t < res.n_chosen; t++)
            res.chosen[t] = R.map[res.chosen[t]];
        double cut = all ? HUGE_VAL : lp + delta;
        if (res.optimal && !res.found && all) {
            *bound = INT64_MAX; /* no solution at all */
            goto cleanup;
        }
        if (res.optimal && res.found && res.obj <= cut + 1e-6)
            break; /* optimal over every route */
        if (!res.optimal) {
            double b = res.bound < cut ? res.bound : cut;
            if (b > lp)
                *bound = (int64_t)ceil(b - 1e-6);
            res.optimal = 0;
            break; /* out of time */
        }
        if (res.found) {
            delta = res.obj - lp; /* the next round is exact */
            memcpy(start, res.chosen, (size_t)res.n_chosen * sizeof *start);
            n_start = res.n_chosen;
        } else {
            delta = 4.0 * delta + 1.0;
        }
    }
    if (!res.found)
        goto cleanup;
    solution_clear(s);
    for (int t = 0; t < res.n_chosen; t++) {
        int j = res.chosen[t];
        int len = C.beg[j + 1] - C.beg[j];
        for (int k = 0; k < len; k++)
            nodes[k] = client[C.row[C.beg[j] + k]];
        CORTO_TRY(corto_solution_add_route(s, C.group[j], nodes, len));
    }
    route_eval_solution(s);
    if (s->status != CORTO_SOLUTION_FEASIBLE ||
        fabs((double)s->cost - res.obj) > 0.5) {
        rc = CORTO_ERR_INTERNAL;
        goto cleanup;
    }
    if (res.optimal) {
        *bound = s->cost;
        s->status = CORTO_SOLUTION_OPTIMAL;
    }
    if (*bound > s->cost)
        *bound = s->cost;
    s->lower_bound = *bound;
    ctx_log(ctx, 0, "exact: cost %lld, bound %lld%s", (long long)s->cost,
            (long long)*bound, res.optimal ? " (optimal)" : "");
cleanup:
    cx_enum_free(&E);
    cx_cols_free(&C);
    free(client);
    free(row_of);
    free(row_kind);
    free(order);
    free(nodes);
    free(start);
    free(chosen);
    free(scratch);
    free(gmax);
    free(dj);
    free(R.beg);
    free(R.row);
    free(R.cost);
    free(R.group);
    free(R.map);
    free(R.start);
    return rc;
}
