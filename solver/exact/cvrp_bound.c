/*
 * cvrp_bound.c — LP lower bound for CVRPs (see cvrp_bound.h).
 *
 * The two-index model (Laporte, Nobert & Desrochers 1985, "Optimal
 * routing under capacity and distance restrictions", Operations Research
 * 33(5)): a variable x_e per edge, in [0, 1] between clients and [0, 2]
 * at the depot (a route to one client and back), degree 2 at every
 * client, x(delta(0)) >= 2 ceil(q(V) / Q) at the depot, and the rounded
 * capacity cuts x(delta(S)) >= 2 ceil(q(S) / Q) for client sets S, added
 * by a cutting-plane loop of plain LPs (glp_simplex). Cuts are separated
 * heuristically on the LP point's support graph: its connected components
 * once the depot is removed, and every set of the Stoer-Wagner phases
 * (the sets that minimum-cut shrinking meets, as in the shrinking
 * heuristics of Ralphs et al. 2003, "On the capacitated vehicle routing
 * problem", Math. Prog. 94), and sets grown greedily from each client.
 * The loop ends when no cut is found, when the bound stops moving
 * (tail-off) or at the time share.
 *
 * The LP starts with the depot edges and the edges to each client's
 * nearest clients; the others are priced in when their reduced cost under
 * the LP's duals is negative (column generation). The bound recorded at
 * every LP is the Lagrangian one of the full model under those duals:
 * the LP value plus, for every edge, its upper bound times its reduced
 * cost when negative. It is valid for any duals of the right signs, so
 * stopping at any round leaves a proven bound, and it equals the LP value
 * once no edge prices in.
 *
 * Costs: an edge costs cost_per_distance times its distance, and each
 * depot edge half the fixed cost (every route has two depot ends), so a
 * tour's LP cost is its route cost exactly.
 */
#include "cvrp_bound.h"
#include "glpk_safe.h"
#include "mincut.h"
#include "tsp_cuts.h"
#include "util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Largest model: depot + clients (n(n-1)/2 columns). */
#define CVB_MAX_NODES 300
/* Most cuts added per LP round. */
#define CVB_MAX_CUTS 64
/* A cut is violated when x(delta(S)) is below its right-hand side by more
 * than this. */
#define CVB_TOL 1e-4
/* Tail-off: stop after this many rounds that raised the bound by less
 * than CVB_TAIL_REL of it in total. */
#define CVB_TAIL_ROUNDS 5
#define CVB_TAIL_REL    1e-5
/* Client neighbours of each client whose edges start in the LP; the
 * others are priced in when their reduced cost turns negative. */
#define CVB_NEIGHBOURS 12

typedef struct cvb {
    solve_ctx *ctx;
    int n;                /* depot (index 0) and clients */
    int *node;            /* n: problem node of each index */
    int64_t *q;           /* n: demand (0 at the depot) */
    int64_t cap;          /* vehicle capacity */
    int n_cols;           /* edges */
    int *col_a;           /* 1 + n_cols: ends of each column */
    int *col_b;           /* ... */
    int *col;             /* n*n: column of edge {i, j} */
    double *cost;         /* 1 + n_cols */
    double *w;            /* n*n: support graph weights of the LP point */
    double *wc;           /* n*n: the same without the depot's edges */
    unsigned char *sides; /* n*n: candidate sets */
    int *comp, *stack;    /* n each */
    double *conn;         /* n: weight from each node into a growing set */
    uint64_t seen[CVB_MAX_CUTS]; /* hashes of this round's cut sets */
    int n_seen;
    int *ind; /* 1 + n_cols: a row */
    double *val;
    mincut_ws mc;
    /* Pricing: the LP holds a subset of the edges. */
    int *edge_col;   /* 1 + n_cols: GLPK column of each edge, 0 when out */
    int *lp_edge;    /* 1 + n_cols: edge of each GLPK column */
    int n_lp;        /* GLPK columns */
    double *rcm;     /* n*n: reduced costs of the edges */
    int *cand;       /* n_cols: edges to price in ... */
    double *cand_rc; /* ... and their reduced costs */
    /* The cut rows n+1... and their sets, for the columns priced in. */
    unsigned char *cut_side;  /* cap_cuts * n */
    unsigned char *cut_inner; /* cap_cuts: 1 for the x(E(S)) form */
    int cap_cuts;
    int nomem;    /* a cut could not be recorded: no more cuts */
    double bound; /* best Lagrangian bound, -HUGE_VAL before the first */
    int rounds, cuts, priced;
} cvb;

/* 1 when the two-index model covers problem p (see cvrp_bound.h). */
static int cvb_applies(const corto_problem *p)
{
    if (p->kind != CORTO_KIND_VRP || p->n_vtypes != 1 || p->n_dims != 1 ||
        p->has_pickups || p->n_nodes > CVB_MAX_NODES || p->n_fixed > 0)
        return 0;
    const model_vehicle *v = &p->vtypes[0];
    int depots = 0;
    for (int i = 0; i < p->n_nodes; i++) {
        if (p->is_depot[i]) {
            depots++;
            continue;
        }
        if (!p->required[i] || p->prize[i] != 0 || p->demand[i] < 0)
            return 0;
    }
    if (depots != 1 || !p->is_depot[v->start_depot] ||
        v->end_depot != v->start_depot || v->cost_per_duration != 0 ||
        v->cost_per_distance < 0 || v->fixed_cost < 0 || v->capacity[0] <= 0 ||
        v->capacity[0] == INT64_MAX)
        return 0;
    const model_profile *pr = &p->profiles[v->profile];
    if (pr->visit_cost || !pr->dist)
        return 0;
    int n = p->n_nodes;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (pr->dist[(size_t)i * (size_t)n + (size_t)j] !=
                pr->dist[(size_t)j * (size_t)n + (size_t)i])
                return 0;
    return 1;
}

static corto_status cvb_setup(cvb *s, const corto_problem *p)
{
    corto_status rc = CORTO_OK;
    const model_vehicle *v = &p->vtypes[0];
    const int64_t *dist = p->profiles[v->profile].dist;
    int n = p->n_nodes;
    size_t nn = (size_t)n * (size_t)n;
    s->n = n;
    s->cap = v->capacity[0];
    s->n_cols = n * (n - 1) / 2;
    CORTO_ALLOC(s->node, n);
    CORTO_ALLOC(s->q, n);
    CORTO_ALLOC(s->col_a, s->n_cols + 1);
    CORTO_ALLOC(s->col_b, s->n_cols + 1);
    CORTO_ALLOC(s->col, nn);
    CORTO_ALLOC(s->cost, s->n_cols + 1);
    CORTO_ALLOC(s->w, nn);
    CORTO_ALLOC(s->wc, nn);
    CORTO_ALLOC(s->sides, nn);
    CORTO_ALLOC(s->comp, n);
    CORTO_ALLOC(s->stack, n);
    CORTO_ALLOC(s->conn, n);
    CORTO_ALLOC(s->edge_col, s->n_cols + 1);
    CORTO_ALLOC(s->lp_edge, s->n_cols + 1);
    CORTO_ALLOC(s->rcm, nn);
    CORTO_ALLOC(s->cand, s->n_cols);
    CORTO_ALLOC(s->cand_rc, s->n_cols);
    CORTO_ALLOC(s->ind, s->n_cols + 1);
    CORTO_ALLOC(s->val, s->n_cols + 1);
    CORTO_TRY(mincut_ws_init(&s->mc, n));
    /* The depot first, then the clients in node order. */
    s->node[0] = v->start_depot;
    for (int i = 0, k = 1; i < n; i++)
        if (!p->is_depot[i]) {
            s->node[k] = i;
            s->q[k] = p->demand[i];
            k++;
        }
    int c = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            c++;
            s->col_a[c] = i;
            s->col_b[c] = j;
            s->col[(size_t)i * (size_t)n + (size_t)j] = c;
            s->col[(size_t)j * (size_t)n + (size_t)i] = c;
            int64_t d =
                dist[(size_t)s->node[i] * (size_t)n + (size_t)s->node[j]];
            s->cost[c] = (double)v->cost_per_distance * (double)d +
                         (i == 0 ? 0.5 * (double)v->fixed_cost : 0.0);
        }
cleanup:
    return rc;
}

static void cvb_free(cvb *s)
{
    free(s->node);
    free(s->q);
    free(s->col_a);
    free(s->col_b);
    free(s->col);
    free(s->cost);
    free(s->w);
    free(s->wc);
    free(s->sides);
    free(s->comp);
    free(s->stack);
    free(s->conn);
    free(s->edge_col);
    free(s->lp_edge);
    free(s->rcm);
    free(s->cand);
    free(s->cand_rc);
    free(s->cut_side);
    free(s->cut_inner);
    free(s->ind);
    free(s->val);
    mincut_ws_free(&s->mc);
}

/* Vehicles the client set `side` needs at least: ceil(q(S) / Q). */
static double cvb_need(const cvb *s, const unsigned char *side)
{
    int64_t q = 0;
    for (int i = 1; i < s->n; i++)
        if (side[i])
            q += s->q[i];
    return (double)((q + s->cap - 1) / s->cap);
}

/* x(delta(S)) of the client set `side` at the LP point. */
static double cvb_cut(const cvb *s, const unsigned char *side)
{
    int n = s->n;
    double cut = 0.0;
    for (int i = 0; i < n; i++) {
        if (!side[i])
            continue;
        const double *row = s->w + (size_t)i * (size_t)n;
        for (int j = 0; j < n; j++)
            if (!side[j])
                cut += row[j];
    }
    return cut;
}

/*
 * Add the capacity cut of the client set `side`, k = ceil(q(S) / Q):
 * x(delta(S)) >= 2k, or with the clients' degree equations the same
 * constraint as x(E(S)) <= |S| - k, whichever has fewer entries.
 */
static void cvb_add_cut(cvb *s, glp_prob *lp, const unsigned char *side,
                        double need)
{
    int n = s->n, len = 0, size = 0;
    if (s->cuts >= s->cap_cuts) {
        int c = s->cap_cuts > 0 ? 2 * s->cap_cuts : 256;
        unsigned char *cs = realloc(s->cut_side, (size_t)c * (size_t)n);
        if (cs)
            s->cut_side = cs;
        unsigned char *ci = realloc(s->cut_inner, (size_t)c);
        if (ci)
            s->cut_inner = ci;
        if (!cs || !ci) {
            s->nomem = 1;
            return;
        }
        s->cap_cuts = c;
    }
    for (int i = 0; i < n; i++)
        size += side[i] != 0;
    int inner = size * (size - 1) / 2 < size * (n - size);
    memcpy(s->cut_side + (size_t)s->cuts * (size_t)n, side, (size_t)n);
    s->cut_inner[s->cuts] = (unsigned char)inner;
    s->cuts++;
    for (int i = 0; i < n; i++) {
        if (!side[i])
            continue;
        for (int j = 0; j < n; j++) {
            if (!(inner ? (side[j] && j > i) : !side[j]))
                continue;
            int c = s->edge_col[s->col[(size_t)i * (size_t)n + (size_t)j]];
            if (c == 0)
                continue;
            len++;
            s->ind[len] = c;
            s->val[len] = 1.0;
        }
    }
    int row = glp_add_rows(lp, 1);
    if (inner)
        glp_set_row_bnds(lp, row, GLP_UP, 0.0, (double)size - need);
    else
        glp_set_row_bnds(lp, row, GLP_LO, 2.0 * need, 0.0);
    glp_set_mat_row(lp, row, len, s->ind, s->val);
}

/* Bring edge e into the LP, with its entries in the degree rows and in
 * every cut row whose set it meets. */
static void cvb_add_column(cvb *s, glp_prob *lp, int e)
{
    int n = s->n, a = s->col_a[e], b = s->col_b[e], len = 0;
    int j = glp_add_cols(lp, 1);
    s->edge_col[e] = j;
    s->lp_edge[j] = e;
    s->n_lp = j;
    glp_set_col_bnds(lp, j, GLP_DB, 0.0, a == 0 ? 2.0 : 1.0);
    glp_set_obj_coef(lp, j, s->cost[e]);
    s->ind[++len] = a + 1;
    s->val[len] = 1.0;
    s->ind[++len] = b + 1;
    s->val[len] = 1.0;
    for (int r = 0; r < s->cuts; r++) {
        const unsigned char *side = s->cut_side + (size_t)r * (size_t)n;
        int in = s->cut_inner[r] ? side[a] && side[b] : side[a] != side[b];
        if (in) {
            s->ind[++len] = n + 1 + r;
            s->val[len] = 1.0;
        }
    }
    glp_set_mat_col(lp, j, len, s->ind, s->val);
}

static int cvb_cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/*
 * At an optimal LP point: the Lagrangian bound of the whole model from
 * the LP's duals y (the LP value plus the negative reduced costs of the
 * edges left out, each at its upper bound: valid for any duals of the
 * right signs, and equal to the LP value once no edge prices in),
 * recorded in s->bound; then the edges with negative reduced cost, the
 * most negative first (at most n), enter the LP. Returns how many did.
 */
static int cvb_price(cvb *s, glp_prob *lp)
{
    int n = s->n;
    double z = 0.0;
    for (int i = 0; i < n; i++) {
        double y = glp_get_row_dual(lp, i + 1);
        if (i == 0 && y < 0.0)
            y = 0.0; /* the depot's row is >= */
        s->conn[i] = y;
        z += y * glp_get_row_lb(lp, i + 1);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            s->rcm[(size_t)i * (size_t)n + (size_t)j] =
                i == j ? 0.0
                       : s->cost[s->col[(size_t)i * (size_t)n + (size_t)j]] -
                             s->conn[i] - s->conn[j];
    for (int r = 0; r < s->cuts; r++) {
        int row = n + 1 + r;
        double y = glp_get_row_dual(lp, row);
        /* x(E(S)) <= rhs needs y <= 0, x(delta(S)) >= rhs y >= 0. */
        if (s->cut_inner[r] ? y > 0.0 : y < 0.0)
            y = 0.0;
        if (y == 0.0)
            continue;
        z += y * (s->cut_inner[r] ? glp_get_row_ub(lp, row)
                                  : glp_get_row_lb(lp, row));
        const unsigned char *side = s->cut_side + (size_t)r * (size_t)n;
        for (int i = 0; i < n; i++) {
            if (!side[i])
                continue;
            for (int j = 0; j < n; j++)
                if (s->cut_inner[r] ? side[j] && j > i : !side[j]) {
                    s->rcm[(size_t)i * (size_t)n + (size_t)j] -= y;
                    s->rcm[(size_t)j * (size_t)n + (size_t)i] -= y;
                }
        }
    }
    int k = 0;
    for (int e = 1; e <= s->n_cols; e++) {
        double rc =
            s->rcm[(size_t)s->col_a[e] * (size_t)n + (size_t)s->col_b[e]];
        if (rc < 0.0)
            z += rc * (s->col_a[e] == 0 ? 2.0 : 1.0);
        if (rc < -1e-6 && s->edge_col[e] == 0) {
            s->cand_rc[k] = rc;
            s->cand[k++] = e;
        }
    }
    if (z > s->bound)
        s->bound = z;
    /* At most n edges enter, those below the n-th smallest reduced cost
     * (ties may let a few more in). */
    double cut_off = 0.0;
    if (k > n) {
        memcpy(s->wc, s->cand_rc, (size_t)k * sizeof *s->wc);
        qsort(s->wc, (size_t)k, sizeof *s->wc, cvb_cmp_double);
        cut_off = s->wc[n - 1];
    }
    int added = 0;
    for (int c = 0; c < k; c++)
        if (k <= n || s->cand_rc[c] <= cut_off) {
            cvb_add_column(s, lp, s->cand[c]);
            added++;
        }
    s->priced += added;
    return added;
}

/* A hash of the client set `side` (splitmix64 of each member, summed). */
static uint64_t cvb_hash(const unsigned char *side, int n)
{
    uint64_t h = 0;
    for (int i = 0; i < n; i++)
        if (side[i]) {
            uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15ull + 1;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
            h += x ^ (x >> 31);
        }
    return h;
}

/* Test the client set `side` (cut weight x(delta(S)) = cut, or computed
 * when cut < 0) and add its cut when violated and new in this round;
 * returns 1 when added. */
static int cvb_try(cvb *s, glp_prob *lp, const unsigned char *side, double cut)
{
    if (side[0] || s->n_seen >= CVB_MAX_CUTS)
        return 0;
    int size = 0;
    for (int i = 1; i < s->n; i++)
        size += side[i] != 0;
    if (size == 0)
        return 0;
    double need = cvb_need(s, side);
    if (cut < 0)
        cut = cvb_cut(s, side);
    if (cut >= 2.0 * need - CVB_TOL)
        return 0;
    uint64_t h = cvb_hash(side, s->n);
    for (int k = 0; k < s->n_seen; k++)
        if (s->seen[k] == h)
            return 0;
    s->seen[s->n_seen++] = h;
    cvb_add_cut(s, lp, side, need);
    return 1;
}

/*
 * Greedy growth from every client (as in the CVRPSEP heuristics of
 * Lysgaard, Letchford & Eglese 2004, "A new branch-and-cut algorithm for
 * the capacitated vehicle routing problem", Math. Prog. 100): add the
 * client most strongly connected to the set, testing the capacity cut of
 * every set on the way, up to half the clients.
 */
static int cvb_greedy(cvb *s, glp_prob *lp, unsigned char *side)
{
    int n = s->n, added = 0;
    for (int seed = 1; seed < n && s->n_seen < CVB_MAX_CUTS; seed++) {
        memset(side, 0, (size_t)n);
        side[seed] = 1;
        const double *row = s->w + (size_t)seed * (size_t)n;
        double cut = 0.0;
        for (int j = 0; j < n; j++) {
            s->conn[j] = row[j];
            cut += row[j];
        }
        for (int size = 1; 2 * size < n; size++) {
            int pick = -1;
            for (int j = 1; j < n; j++)
                if (!side[j] && s->conn[j] > 1e-9 &&
                    (pick < 0 || s->conn[j] > s->conn[pick]))
                    pick = j;
            if (pick < 0)
                break;
            side[pick] = 1;
            const double *pr = s->w + (size_t)pick * (size_t)n;
            double deg = 0.0;
            for (int j = 0; j < n; j++) {
                deg += pr[j];
                s->conn[j] += pr[j];
            }
            cut += deg - 2.0 * s->conn[pick];
            added += cvb_try(s, lp, side, cut);
        }
    }
    return added;
}

/* Separate capacity cuts at the current LP point; returns how many were
 * added. */
static int cvb_separate(cvb *s, glp_prob *lp)
{
    int n = s->n, added = 0;
    size_t nn = (size_t)n * (size_t)n;
    s->n_seen = 0;
    memset(s->w, 0, nn * sizeof *s->w);
    for (int j = 1; j <= s->n_lp; j++) {
        double x = glp_get_col_prim(lp, j);
        if (x <= 1e-9)
            continue;
        int a = s->col_a[s->lp_edge[j]], b = s->col_b[s->lp_edge[j]];
        s->w[(size_t)a * (size_t)n + (size_t)b] = x;
        s->w[(size_t)b * (size_t)n + (size_t)a] = x;
    }
    /* Components of the clients once the depot is removed. */
    memcpy(s->wc, s->w, nn * sizeof *s->wc);
    for (int i = 0; i < n; i++)
        s->wc[i] = s->wc[(size_t)i * (size_t)n] = 0.0;
    int nc = tspcut_components(s->comp, s->stack, s->wc, n, 1e-9, HUGE_VAL);
    unsigned char *side = s->sides;
    for (int c = 0; c < nc; c++) {
        for (int i = 0; i < n; i++)
            side[i] = s->comp[i] == c;
        added += cvb_try(s, lp, side, -1.0);
    }
    /* Every set of a Stoer-Wagner phase (never holding the depot). */
    int k = 0;
    mincut_stoer_wagner(&s->mc, s->w, n, HUGE_VAL, s->sides, n, &k);
    for (int c = 0; c < k; c++)
        added += cvb_try(s, lp, s->sides + (size_t)c * (size_t)n, -1.0);
    added += cvb_greedy(s, lp, s->sides);
    return added;
}

/* The LP starts with every depot edge and the edges from each client to
 * its CVB_NEIGHBOURS nearest clients. */
static void cvb_initial_columns(cvb *s, glp_prob *lp)
{
    int n = s->n;
    for (int e = 1; e <= s->n_cols; e++)
        if (s->col_a[e] == 0)
            cvb_add_column(s, lp, e);
    for (int i = 1; i < n; i++) {
        /* Selection of the nearest by repeated minimum: n is small. */
        for (int j = 0; j < n; j++)
            s->conn[j] =
                j == 0 || j == i
                    ? HUGE_VAL
                    : s->cost[s->col[(size_t)i * (size_t)n + (size_t)j]];
        for (int t = 0; t < CVB_NEIGHBOURS && t < n - 2; t++) {
            int best = -1;
            for (int j = 1; j < n; j++)
                if (s->conn[j] < HUGE_VAL &&
                    (best < 0 || s->conn[j] < s->conn[best]))
                    best = j;
            if (best < 0)
                break;
            s->conn[best] = HUGE_VAL;
            int e = s->col[(size_t)i * (size_t)n + (size_t)best];
            if (s->edge_col[e] == 0)
                cvb_add_column(s, lp, e);
        }
    }
}

/* The cutting-plane loop; runs under glpk_guard. */
static corto_status cvb_body(void *arg)
{
    cvb *s = arg;
    int n = s->n;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_rows(lp, n);
    int64_t total = 0;
    for (int i = 1; i < n; i++) {
        glp_set_row_bnds(lp, i + 1, GLP_FX, 2.0, 2.0);
        total += s->q[i];
    }
    glp_set_row_bnds(lp, 1, GLP_LO,
                     2.0 * (double)((total + s->cap - 1) / s->cap), 0.0);
    cvb_initial_columns(s, lp);
    glp_smcp sm;
    glp_init_smcp(&sm);
    sm.msg_lev = s->ctx->opt->verbose >= 2 ? GLP_MSG_ON : GLP_MSG_ERR;
    double last = -HUGE_VAL;
    int flat = 0;
    for (;;) {
        /* The loop checks the CPU deadline between LPs. */
        sm.tm_lim = glpk_wall_backstop_ms(s->ctx);
        int ret = glp_simplex(lp, &sm);
        if (ret != 0 || glp_get_status(lp) != GLP_OPT)
            break;
        s->rounds++;
        int priced = cvb_price(s, lp);
        if (ctx_should_stop(s->ctx))
            break;
        if (priced > 0) {
            /* New columns keep the basis primal feasible. */
            sm.meth = GLP_PRIMAL;
            continue;
        }
        /* The LP is optimal over every edge: its value is s->bound. */
        double obj = glp_get_obj_val(lp);
        if (last > -HUGE_VAL && obj - last < CVB_TAIL_REL * fabs(obj)) {
            if (++flat >= CVB_TAIL_ROUNDS)
                break;
        } else {
            flat = 0;
        }
        last = obj;
        int k = s->nomem ? 0 : cvb_separate(s, lp);
        if (k == 0)
            break;
        /* The dual simplex restores feasibility after new rows. */
        sm.meth = GLP_DUALP;
    }
    glp_delete_prob(lp);
    return CORTO_OK;
}

corto_status cvrp_lp_bound(solve_ctx *ctx, double seconds, int64_t *bound)
{
    corto_status rc = CORTO_OK;
    cvb s;
    memset(&s, 0, sizeof s);
    s.ctx = ctx;
    s.bound = -HUGE_VAL;
    *bound = INT64_MIN;
    if (!cvb_applies(ctx->problem))
        goto cleanup;
    CORTO_TRY(cvb_setup(&s, ctx->problem));
    const char *what = NULL;
    double saved = glpk_share_begin(ctx, seconds);
    rc = glpk_guard(ctx, cvb_body, &s, &what);
    glpk_share_end(ctx, saved);
    if (rc != CORTO_OK) {
        ctx_log(ctx, 0, "cvrp bound: %s", what ? what : "failed");
        goto cleanup;
    }
    /* Costs are integers: the optimum is at least the LP value rounded
     * up (less a tolerance for the LP's own rounding). */
    if (s.bound > -HUGE_VAL)
        *bound = (int64_t)ceil(s.bound - 1e-6 * fmax(1.0, fabs(s.bound)));
    ctx_log(ctx, 0,
            "cvrp bound: %lld (LP, %d rounds, %d capacity cuts), %.3f s",
            (long long)*bound, s.rounds, s.cuts, ctx_elapsed(ctx));
cleanup:
    cvb_free(&s);
    return rc;
}
