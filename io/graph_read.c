/*
 * graph_read.c — readers for DIMACS 9th challenge .gr/.co files, the
 * 0-based `a u v w` .gr variant, and Li Feifei's .cnode/.cedge pairs,
 * plain or gzip-compressed. See graph_read.h for the formats.
 */
#include "graph_read.h"
#include "text_reader.h"
#include "util.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A growing list of arcs and the line each came from. */
typedef struct gr_arcs {
    graph_arc *a;
    long *line;
    int64_t n, cap;
} gr_arcs;

static corto_status gr_arcs_push(gr_arcs *l, int u, int v, double w, long ln)
{
    if (l->n == l->cap) {
        int64_t cap = l->cap ? 2 * l->cap : 1024;
        graph_arc *a = realloc(l->a, (size_t)cap * sizeof *a);
        if (a)
            l->a = a;
        long *line = realloc(l->line, (size_t)cap * sizeof *line);
        if (line)
            l->line = line;
        if (!a || !line)
            return CORTO_ERR_NOMEM;
        l->cap = cap;
    }
    l->line[l->n] = ln;
    l->a[l->n++] = (graph_arc){u, v, w};
    return CORTO_OK;
}

static void gr_arcs_free(gr_arcs *l)
{
    free(l->a);
    free(l->line);
    memset(l, 0, sizeof *l);
}

/* Coordinates as read, indexed by 0-based node. */
typedef struct gr_coords {
    double *x, *y;
    unsigned char *seen;
    int n, cap;
} gr_coords;

static void gr_coords_free(gr_coords *c)
{
    free(c->x);
    free(c->y);
    free(c->seen);
    memset(c, 0, sizeof *c);
}

/* Make room for node index k. */
static corto_status gr_coords_grow(gr_coords *c, int k)
{
    if (k < c->cap)
        return CORTO_OK;
    int cap = c->cap ? c->cap : 1024;
    while (cap <= k)
        cap = cap > INT_MAX / 2 ? INT_MAX : 2 * cap;
    double *x = realloc(c->x, (size_t)cap * sizeof *x);
    if (x)
        c->x = x;
    double *y = realloc(c->y, (size_t)cap * sizeof *y);
    if (y)
        c->y = y;
    unsigned char *s = realloc(c->seen, (size_t)cap);
    if (s)
        c->seen = s;
    if (!x || !y || !s)
        return CORTO_ERR_NOMEM;
    memset(c->seen + c->cap, 0, (size_t)(cap - c->cap));
    c->cap = cap;
    return CORTO_OK;
}

static int gr_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int gr_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Parse a node id token: a whole integer within [lo, hi]. */
static int gr_parse_id(const char *tok, int64_t lo, int64_t hi, int64_t *out)
{
    return tok && text_parse_int64(tok, out) && *out >= lo && *out <= hi;
}

/* Parse a weight or coordinate token: a finite real (>= 0 if nonneg). */
static int gr_parse_real(const char *tok, int nonneg, double *out)
{
    return tok && text_parse_double(tok, out) && isfinite(*out) &&
           (!nonneg || *out >= 0.0);
}

/*
 * Read a .gr file. DIMACS: ids 1..N from the `p sp N M` line, arc count
 * checked against M. 0-based variant: no `p` line, ids 0..INT_MAX-1.
 */
static corto_status gr_read_arcs(gr_arcs *arcs, int *n_out, int64_t *base,
                                 const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int mode = 0; /* 0 unknown, 1 DIMACS, 2 zero-based */
    int64_t n = 0, m = 0, max_id = -1;
    long p_line = 0;
    CORTO_TRY(text_open(&r, path, diag));
    for (;;) {
        int got = 0;
        CORTO_TRY(text_next_nonblank(&r, &got, diag));
        if (!got)
            break;
        char *kind = text_line_token(&r);
        long ln = r.lineno;
        if (strcmp(kind, "c") == 0)
            continue;
        if (strcmp(kind, "p") == 0) {
            if (mode == 2) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "'p' line after arc lines");
                goto cleanup;
            }
            if (mode == 1) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "second 'p' line (first on line %ld)", p_line);
                goto cleanup;
            }
            char *sp = text_line_token(&r), *tn = text_line_token(&r),
                 *tm = text_line_token(&r);
            if (!sp || strcmp(sp, "sp") != 0 ||
                !gr_parse_id(tn, 1, INT_MAX - 1, &n) ||
                !gr_parse_id(tm, 0, INT64_MAX / 4, &m) ||
                !text_line_rest_empty(&r)) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "expected 'p sp NODES ARCS' with NODES >= 1");
                goto cleanup;
            }
            mode = 1;
            p_line = ln;
            continue;
        }
        if (strcmp(kind, "a") != 0) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "unknown line type '%.20s' (expected c, p or a)",
                          kind);
            goto cleanup;
        }
        if (mode == 0)
            mode = 2;
        int64_t lo = mode == 1 ? 1 : 0, hi = mode == 1 ? n : INT_MAX - 1;
        int64_t u, v;
        double w;
        char *tu = text_line_token(&r), *tv = text_line_token(&r),
             *tw = text_line_token(&r);
        if (!tu || !tv || !tw || !text_line_rest_empty(&r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "expected 'a FROM TO WEIGHT'");
            goto cleanup;
        }
        if (!gr_parse_id(tu, lo, hi, &u) || !gr_parse_id(tv, lo, hi, &v)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "node id '%.30s' not an integer in %lld..%lld",
                          gr_parse_id(tu, lo, hi, &u) ? tv : tu, (long long)lo,
                          (long long)hi);
            goto cleanup;
        }
        if (!gr_parse_real(tw, 1, &w)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "weight '%.30s' is not a finite number >= 0", tw);
            goto cleanup;
        }
        if (u > max_id)
            max_id = u;
        if (v > max_id)
            max_id = v;
        if (gr_arcs_push(arcs, (int)(u - lo), (int)(v - lo), w, ln) !=
            CORTO_OK) {
            rc = diag_set(diag, CORTO_ERR_NOMEM, path, ln, "out of memory");
            goto cleanup;
        }
    }
    if (mode == 0) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno > 0 ? r.lineno : 0,
                      "no 'p' line and no arcs: not a .gr graph");
        goto cleanup;
    }
    if (mode == 1 && arcs->n != m) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, p_line,
                      "'p' line announces %lld arcs, the file has %lld",
                      (long long)m, (long long)arcs->n);
        goto cleanup;
    }
    *n_out = mode == 1 ? (int)n : (int)(max_id + 1);
    *base = mode == 1 ? 1 : 0;

cleanup:
    text_close(&r);
    return rc;
}

/*
 * Read coordinate lines into c. co = 1: DIMACS .co (`v ID X Y`, 1-based,
 * `p aux sp co N`, `c` comments); co = 0: .cnode (`ID X Y`, 0-based).
 * n_expected > 0 bounds the ids.
 */
static corto_status gr_read_coords(gr_coords *c, const char *path, int co,
                                   int n_expected, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int64_t base = co ? 1 : 0;
    int64_t hi = n_expected > 0 ? n_expected - 1 + base : INT_MAX - 1;
    CORTO_TRY(text_open(&r, path, diag));
    for (;;) {
        int got = 0;
        CORTO_TRY(text_next_nonblank(&r, &got, diag));
        if (!got)
            break;
        long ln = r.lineno;
        char *tok = text_line_token(&r);
        if (co) {
            if (strcmp(tok, "c") == 0)
                continue;
            if (strcmp(tok, "p") == 0) {
                char *t1 = text_line_token(&r), *t2 = text_line_token(&r),
                     *t3 = text_line_token(&r), *t4 = text_line_token(&r);
                int64_t nn;
                if (!t1 || !t2 || !t3 || strcmp(t1, "aux") != 0 ||
                    strcmp(t2, "sp") != 0 || strcmp(t3, "co") != 0 ||
                    !gr_parse_id(t4, 1, INT_MAX - 1, &nn) ||
                    !text_line_rest_empty(&r)) {
                    rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                                  "expected 'p aux sp co NODES'");
                    goto cleanup;
                }
                if (n_expected > 0 && nn != n_expected) {
                    rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                                  "%lld nodes, the graph has %d",
                                  (long long)nn, n_expected);
                    goto cleanup;
                }
                continue;
            }
            if (strcmp(tok, "v") != 0) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "unknown line type '%.20s' (expected c, p or "
                              "v)",
                              tok);
                goto cleanup;
            }
            tok = text_line_token(&r);
        }
        char *tx = text_line_token(&r), *ty = text_line_token(&r);
        int64_t id;
        double x, y;
        if (!tok || !tx || !ty || !text_line_rest_empty(&r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "expected '%sID X Y'", co ? "v " : "");
            goto cleanup;
        }
        if (!gr_parse_id(tok, base, hi, &id)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "node id '%.30s' not an integer in %lld..%lld", tok,
                          (long long)base, (long long)hi);
            goto cleanup;
        }
        if (!gr_parse_real(tx, 0, &x) || !gr_parse_real(ty, 0, &y)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "coordinate is not a finite number");
            goto cleanup;
        }
        int k = (int)(id - base);
        if (gr_coords_grow(c, k) != CORTO_OK) {
            rc = diag_set(diag, CORTO_ERR_NOMEM, path, ln, "out of memory");
            goto cleanup;
        }
        if (c->seen[k]) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "node %lld given twice", (long long)id);
            goto cleanup;
        }
        c->seen[k] = 1;
        c->x[k] = x;
        c->y[k] = y;
        if (k >= c->n)
            c->n = k + 1;
    }
    if (n_expected > 0 && c->n < n_expected)
        c->n = n_expected; /* nodes beyond the last line are missing */
    if (gr_coords_grow(c, c->n) != CORTO_OK) {
        rc = diag_set(diag, CORTO_ERR_NOMEM, path, 0, "out of memory");
        goto cleanup;
    }
    for (int k = 0; k < c->n; k++)
        if (!c->seen[k]) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, 0,
                          "node %lld has no coordinates",
                          (long long)(k + base));
            goto cleanup;
        }
    if (c->n == 0) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, 0, "no nodes");
        goto cleanup;
    }

cleanup:
    text_close(&r);
    return rc;
}

/* Read a .cedge file: `EID U V LENGTH`, 0-based nodes below n. */
static corto_status gr_read_cedge(gr_arcs *arcs, const char *path, int n,
                                  corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    CORTO_TRY(text_open(&r, path, diag));
    for (;;) {
        int got = 0;
        CORTO_TRY(text_next_nonblank(&r, &got, diag));
        if (!got)
            break;
        long ln = r.lineno;
        char *te = text_line_token(&r), *tu = text_line_token(&r),
             *tv = text_line_token(&r), *tw = text_line_token(&r);
        int64_t e, u, v;
        double w;
        if (!te || !tu || !tv || !tw || !text_line_rest_empty(&r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "expected 'EDGE_ID FROM TO LENGTH'");
            goto cleanup;
        }
        if (!gr_parse_id(te, 0, INT64_MAX, &e)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "edge id '%.30s' is not an integer >= 0", te);
            goto cleanup;
        }
        if (!gr_parse_id(tu, 0, n - 1, &u) || !gr_parse_id(tv, 0, n - 1, &v)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "node id '%.30s' not an integer in 0..%d (the "
                          ".cnode file's nodes)",
                          gr_parse_id(tu, 0, n - 1, &u) ? tv : tu, n - 1);
            goto cleanup;
        }
        if (!gr_parse_real(tw, 1, &w)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "length '%.30s' is not a finite number >= 0", tw);
            goto cleanup;
        }
        if (gr_arcs_push(arcs, (int)u, (int)v, w, ln) != CORTO_OK) {
            rc = diag_set(diag, CORTO_ERR_NOMEM, path, ln, "out of memory");
            goto cleanup;
        }
    }

cleanup:
    text_close(&r);
    return rc;
}

/* `path` with the suffix `old` (which it ends with) replaced by `repl`;
 * malloc'd, NULL on allocation failure. */
static char *gr_swap_suffix(const char *path, const char *old,
                            const char *repl)
{
    size_t keep = strlen(path) - strlen(old);
    char *s = malloc(keep + strlen(repl) + 1);
    if (!s)
        return NULL;
    memcpy(s, path, keep);
    strcpy(s + keep, repl);
    return s;
}

corto_status graph_read(graph *g, const char *path, const char *coord_path,
                        corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    gr_arcs arcs = {0};
    gr_coords c = {0};
    char *node_path = NULL, *edge_path = NULL, *co_path = NULL;
    int n = 0, directed = 1;
    int64_t base = 0;
    memset(g, 0, sizeof *g);
    if (!path)
        return diag_set(diag, CORTO_ERR_ARGUMENT, NULL, 0, "no file name");

    static const char *const li[][2] = {{".cnode", ".cedge"},
                                        {".cnode.gz", ".cedge.gz"}};
    for (int k = 0; k < 2 && !node_path; k++)
        for (int side = 0; side < 2; side++)
            if (gr_ends_with(path, li[k][side])) {
                node_path = gr_swap_suffix(path, li[k][side], li[k][0]);
                edge_path = gr_swap_suffix(path, li[k][side], li[k][1]);
                if (!node_path || !edge_path) {
                    rc = CORTO_ERR_NOMEM;
                    goto cleanup;
                }
                break;
            }
    if (node_path) {
        CORTO_TRY(gr_read_coords(&c, node_path, 0, 0, diag));
        n = c.n;
        CORTO_TRY(gr_read_cedge(&arcs, edge_path, n, diag));
        directed = 0;
    } else {
        CORTO_TRY(gr_read_arcs(&arcs, &n, &base, path, diag));
        if (!coord_path) {
            const char *suffixes[] = {".gr.gz", ".gr"};
            for (int k = 0; k < 2 && !coord_path; k++) {
                if (!gr_ends_with(path, suffixes[k]))
                    continue;
                const char *cands[] = {".co", ".co.gz"};
                for (int j = 0; j < 2 && !coord_path; j++) {
                    free(co_path);
                    co_path = gr_swap_suffix(path, suffixes[k], cands[j]);
                    if (!co_path) {
                        rc = CORTO_ERR_NOMEM;
                        goto cleanup;
                    }
                    if (gr_file_exists(co_path))
                        coord_path = co_path;
                }
            }
        }
        if (coord_path)
            CORTO_TRY(gr_read_coords(&c, coord_path, 1, n, diag));
    }
    if (n <= 0) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, 0, "graph has no nodes");
        goto cleanup;
    }
    CORTO_TRY(graph_build(g, n, arcs.a, arcs.n, directed, base,
                          c.n ? c.x : NULL, c.n ? c.y : NULL, diag));

cleanup:
    if (rc == CORTO_ERR_NOMEM && diag && !diag->message[0])
        diag_set(diag, rc, path, 0, "out of memory");
    gr_arcs_free(&arcs);
    gr_coords_free(&c);
    free(node_path);
    free(edge_path);
    free(co_path);
    return rc;
}

/* The arcs of a .gr file, or of the .cedge file of a .cnode/.cedge pair
 * (node ids checked only against the format's range). */
static corto_status gr_arcs_of(gr_arcs *arcs, const char *path,
                               corto_diag *diag)
{
    static const char *const li[] = {".cnode", ".cedge", ".cnode.gz",
                                     ".cedge.gz"};
    for (int k = 0; k < 4; k++)
        if (gr_ends_with(path, li[k])) {
            char *edge = gr_swap_suffix(path, li[k], li[k | 1]);
            if (!edge)
                return CORTO_ERR_NOMEM;
            corto_status rc = gr_read_cedge(arcs, edge, INT_MAX, diag);
            free(edge);
            return rc;
        }
    int n;
    int64_t base;
    return gr_read_arcs(arcs, &n, &base, path, diag);
}

/* Index of the arc u -> v in g's forward CSR (sorted by head), or -1. */
static int64_t gr_csr_arc(const graph *g, int u, int v)
{
    int64_t lo = g->out_off[u], hi = g->out_off[u + 1];
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (g->out_to[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < g->out_off[u + 1] && g->out_to[lo] == v ? lo : -1;
}

corto_status graph_read_second(double **w2, const graph *g, const char *path,
                               const char *path2, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    gr_arcs a1 = {0}, a2 = {0};
    double *w = NULL;
    *w2 = NULL;
    if (!g || !path || !path2)
        return CORTO_ERR_ARGUMENT;
    CORTO_TRY(gr_arcs_of(&a1, path, diag));
    CORTO_TRY(gr_arcs_of(&a2, path2, diag));
    for (int64_t k = 0; k < a1.n && k < a2.n; k++)
        if (a1.a[k].u != a2.a[k].u || a1.a[k].v != a2.a[k].v) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path2, a2.line[k],
                          "arc %lld does not join the nodes of arc %lld "
                          "of %s (line %ld): the two files must list the "
                          "same arcs in the same order",
                          (long long)(k + 1), (long long)(k + 1), path,
                          a1.line[k]);
            goto cleanup;
        }
    if (a1.n != a2.n) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path2, 0,
                      "%lld arcs, %s has %lld: the two files must list the "
                      "same arcs in the same order",
                      (long long)a2.n, path, (long long)a1.n);
        goto cleanup;
    }
    CORTO_ALLOC(w, g->m);
    for (int64_t k = 0; k < g->m; k++)
        w[k] = INFINITY;
    for (int64_t k = 0; k < a1.n; k++) {
        const graph_arc *e = &a1.a[k];
        for (int dir = 0; dir < (g->directed ? 1 : 2); dir++) {
            int u = dir ? e->v : e->u, v = dir ? e->u : e->v;
            int64_t at = u < g->n && v < g->n ? gr_csr_arc(g, u, v) : -1;
            if (at < 0 || e->w != g->out_w[at])
                continue; /* a loop, or a heavier parallel arc */
            if (a2.a[k].w < w[at])
                w[at] = a2.a[k].w;
        }
    }
    for (int64_t k = 0; k < g->m; k++)
        if (!isfinite(w[k])) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, 0,
                          "the graph does not come from this file");
            goto cleanup;
        }
    *w2 = w;
    w = NULL;
cleanup:
    gr_arcs_free(&a1);
    gr_arcs_free(&a2);
    free(w);
    return rc;
}
