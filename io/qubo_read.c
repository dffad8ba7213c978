/*
 * qubo_read.c — the QUBO problem readers (see qubo_read.h). Numbers are
 * read as a token stream wherever the formats let lines wrap; every
 * malformed file gets a PARSE status with "FILE:LINE: what".
 */
#include "qubo_read.h"
#include "text_reader.h"
#include "util.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The next token into *tok; PARSE error naming `what` at the end of the
 * file. */
static corto_status qr_token(text_reader *r, char **tok, const char *what,
                             corto_diag *diag)
{
    corto_status rc = text_next_token(r, tok, diag);
    if (rc == CORTO_OK && !*tok)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "unexpected end of file, expected %s", what);
    return rc;
}

/* Next token as an int64 / a real; PARSE error naming `what` otherwise. */
static corto_status qr_int64(text_reader *r, int64_t *v, const char *what,
                             corto_diag *diag)
{
    char *tok = NULL;
    corto_status rc = qr_token(r, &tok, what, diag);
    if (rc == CORTO_OK && !text_parse_int64(tok, v))
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                      "expected %s, found '%.40s'", what, tok);
    return rc;
}

static corto_status qr_real(text_reader *r, double *v, const char *what,
                            corto_diag *diag)
{
    char *tok = NULL;
    corto_status rc = qr_token(r, &tok, what, diag);
    if (rc == CORTO_OK && !text_parse_double(tok, v))
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                      "expected %s, found '%.40s'", what, tok);
    return rc;
}

/* An int64 in [lo, hi]. */
static corto_status qr_range(text_reader *r, int64_t *v, int64_t lo,
                             int64_t hi, const char *what, corto_diag *diag)
{
    corto_status rc = qr_int64(r, v, what, diag);
    if (rc == CORTO_OK && (*v < lo || *v > hi))
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "%s %lld out of range [%lld, %lld]", what,
                        (long long)*v, (long long)lo, (long long)hi);
    return rc;
}

/* No tokens may follow the data. */
static corto_status qr_expect_end(text_reader *r, corto_diag *diag)
{
    char *tok = NULL;
    corto_status rc = text_next_token(r, &tok, diag);
    if (rc == CORTO_OK && tok)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "unexpected data '%.40s' after the last entry", tok);
    return rc;
}

/* Problem `index` (0: the first) of a file holding k problems. */
static corto_status qr_pick_of(text_reader *r, int64_t k, int64_t *index,
                               corto_diag *diag)
{
    if (k < 1 || k > INT_MAX)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "problem count %lld out of range [1, %d]",
                        (long long)k, INT_MAX);
    if (*index <= 0)
        *index = 1;
    if (*index > k)
        return diag_set(diag, CORTO_ERR_ARGUMENT, r->path, r->lineno,
                        "problem %lld asked for, the file holds %lld",
                        (long long)*index, (long long)k);
    return CORTO_OK;
}

/* Pick problem `index` of a file starting with the count K. */
static corto_status qr_pick(text_reader *r, int64_t *index, corto_diag *diag)
{
    int64_t k = 0;
    corto_status rc = qr_int64(r, &k, "problem count", diag);
    return rc != CORTO_OK ? rc : qr_pick_of(r, k, index, diag);
}

static corto_status qr_bqp(qp_problem *p, text_reader *r, int64_t index,
                           corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    CORTO_TRY(qr_pick(r, &index, diag));
    for (int64_t k = 1; k <= index; k++) {
        int64_t n = 0, nnz = 0;
        CORTO_TRY(qr_range(r, &n, 1, 1000000, "variable count", diag));
        CORTO_TRY(qr_range(r, &nnz, 0, INT_MAX, "entry count", diag));
        if (k == index) {
            p->n = (int)n;
            CORTO_TRY(qb_init(&p->raw, p->n));
        }
        for (int64_t e = 0; e < nnz; e++) {
            int64_t i = 0, j = 0;
            double q = 0;
            CORTO_TRY(qr_range(r, &i, 1, n, "row index", diag));
            CORTO_TRY(qr_range(r, &j, 1, n, "column index", diag));
            CORTO_TRY(qr_real(r, &q, "coefficient", diag));
            if (k == index)
                CORTO_TRY(qb_add(&p->raw, (int)i - 1, (int)j - 1,
                                 i == j ? q : 2.0 * q));
        }
    }
cleanup:
    return rc;
}

/* Sorted unique undirected edges u < v; drops the duplicates. */
static int qr_edge_cmp(const void *pa, const void *pb)
{
    const int *a = pa, *b = pb;
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return (a[1] > b[1]) - (a[1] < b[1]);
}

static corto_status qr_set_edges(qp_problem *p, int *pairs, int64_t m)
{
    corto_status rc = CORTO_OK;
    qsort(pairs, (size_t)m, 2 * sizeof *pairs, qr_edge_cmp);
    int64_t u = 0;
    for (int64_t e = 0; e < m; e++)
        if (u == 0 || pairs[2 * e] != pairs[2 * u - 2] ||
            pairs[2 * e + 1] != pairs[2 * u - 1]) {
            pairs[2 * u] = pairs[2 * e];
            pairs[2 * u + 1] = pairs[2 * e + 1];
            u++;
        }
    p->m = (int)u;
    CORTO_ALLOC(p->eu, u);
    CORTO_ALLOC(p->ev, u);
    for (int64_t e = 0; e < u; e++) {
        p->eu[e] = pairs[2 * e];
        p->ev[e] = pairs[2 * e + 1];
    }
cleanup:
    return rc;
}

static corto_status qr_gset(qp_problem *p, text_reader *r, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int64_t n = 0, m = 0;
    CORTO_TRY(qr_range(r, &n, 1, 10000000, "vertex count", diag));
    CORTO_TRY(qr_range(r, &m, 0, INT_MAX / 2, "edge count", diag));
    p->n = (int)n;
    p->m = (int)m;
    CORTO_ALLOC(p->eu, m);
    CORTO_ALLOC(p->ev, m);
    CORTO_ALLOC(p->ew, m);
    for (int64_t e = 0; e < m; e++) {
        int64_t u = 0, v = 0;
        CORTO_TRY(qr_range(r, &u, 1, n, "vertex", diag));
        CORTO_TRY(qr_range(r, &v, 1, n, "vertex", diag));
        CORTO_TRY(qr_real(r, &p->ew[e], "edge weight", diag));
        if (u == v) {
            rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                          "self-loop at vertex %lld", (long long)u);
            goto cleanup;
        }
        p->eu[e] = (int)u - 1;
        p->ev[e] = (int)v - 1;
    }
    CORTO_TRY(qr_expect_end(r, diag));
cleanup:
    return rc;
}

static int qr_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* DIMACS `p edge N M` / `e u v`; the complement for a .clq file. */
static corto_status qr_dimacs(qp_problem *p, text_reader *r, const char *path,
                              corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int complement =
        qr_ends_with(path, ".clq") || qr_ends_with(path, ".clq.gz");
    int64_t n = -1, m = 0, got_e = 0;
    int *pairs = NULL;
    unsigned char *bits = NULL;
    for (;;) {
        int got = 0;
        CORTO_TRY(text_next_nonblank(r, &got, diag));
        if (!got)
            break;
        char *t = text_line_token(r);
        if (strcmp(t, "c") == 0)
            continue;
        if (strcmp(t, "p") == 0) {
            char *fmt = text_line_token(r);
            if (n >= 0 || !fmt ||
                (strcmp(fmt, "edge") != 0 && strcmp(fmt, "col") != 0)) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                              "expected one 'p edge N M' line");
                goto cleanup;
            }
            if (!text_parse_int64(text_line_token(r), &n) ||
                !text_parse_int64(text_line_token(r), &m) || n < 1 ||
                n > 10000000 || m < 0 || m > INT_MAX / 2 ||
                !text_line_rest_empty(r)) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                              "bad 'p edge N M' line");
                goto cleanup;
            }
            CORTO_ALLOC(pairs, 2 * m);
            continue;
        }
        if (strcmp(t, "e") != 0 || n < 0) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                          n < 0 ? "expected the 'p edge N M' line first"
                                : "expected an 'e u v' line");
            goto cleanup;
        }
        int64_t u = 0, v = 0;
        if (!text_parse_int64(text_line_token(r), &u) ||
            !text_parse_int64(text_line_token(r), &v) || u < 1 || v < 1 ||
            u > n || v > n || u == v || !text_line_rest_empty(r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                          "bad edge line (vertices 1..%lld, no self-loops)",
                          (long long)n);
            goto cleanup;
        }
        if (got_e == m) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                          "more edges than the %lld the 'p' line states",
                          (long long)m);
            goto cleanup;
        }
        pairs[2 * got_e] = (int)(u < v ? u : v) - 1;
        pairs[2 * got_e + 1] = (int)(u < v ? v : u) - 1;
        got_e++;
    }
    if (n < 0 || got_e != m) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, r->lineno,
                      n < 0 ? "no 'p edge N M' line"
                            : "fewer edges than the 'p' line states");
        goto cleanup;
    }
    p->n = (int)n;
    if (complement) {
        if (n > QR_MAX_CLQ_N) {
            rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 0,
                          "graph too large to complement (n > %d)",
                          QR_MAX_CLQ_N);
            goto cleanup;
        }
        CORTO_ALLOC(bits, (size_t)n * n);
        for (int64_t e = 0; e < m; e++)
            bits[(size_t)pairs[2 * e] * n + pairs[2 * e + 1]] = 1;
        int64_t cm = 0;
        for (int64_t u = 0; u < n; u++)
            for (int64_t v = u + 1; v < n; v++)
                cm += !bits[u * n + v];
        free(pairs);
        pairs = NULL;
        CORTO_ALLOC(pairs, 2 * cm);
        m = 0;
        for (int64_t u = 0; u < n; u++)
            for (int64_t v = u + 1; v < n; v++)
                if (!bits[u * n + v]) {
                    pairs[2 * m] = (int)u;
                    pairs[2 * m + 1] = (int)v;
                    m++;
                }
    }
    CORTO_TRY(qr_set_edges(p, pairs, m));
cleanup:
    free(pairs);
    free(bits);
    return rc;
}

/* MDKP blocks: n profits, the n*m weights, m capacities, each read into p
 * when keep is set (otherwise skipped); p->n and p->rows are set. */
static corto_status qr_mdkp_profits(qp_problem *p, text_reader *r, int64_t n,
                                    int64_t m, int keep, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    if (keep) {
        p->n = (int)n;
        p->rows = (int)m;
        CORTO_ALLOC(p->profit, n);
        CORTO_ALLOC(p->weight, n * m);
        CORTO_ALLOC(p->cap, m);
    }
    for (int64_t j = 0; j < n; j++) {
        double v = 0;
        CORTO_TRY(qr_real(r, &v, "profit", diag));
        if (keep)
            p->profit[j] = v;
    }
cleanup:
    return rc;
}

static corto_status qr_mdkp_weights(qp_problem *p, text_reader *r, int64_t n,
                                    int64_t m, int keep, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    for (int64_t e = 0; e < n * m; e++) {
        int64_t w = 0;
        CORTO_TRY(qr_range(r, &w, 0, INT64_MAX / 1000000, "weight", diag));
        if (keep)
            p->weight[e] = w;
    }
cleanup:
    return rc;
}

static corto_status qr_mdkp_caps(qp_problem *p, text_reader *r, int64_t m,
                                 int keep, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    for (int64_t i = 0; i < m; i++) {
        double c = 0;
        CORTO_TRY(qr_real(r, &c, "capacity", diag));
        if (c < 0 || c != floor(c) || c > 1e15) {
            rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                          "capacity %g is not a non-negative integer", c);
            goto cleanup;
        }
        if (keep)
            p->cap[i] = (int64_t)c;
    }
cleanup:
    return rc;
}

/* OR-Library mknap1 / mknapcb: K (already read), then per problem
 * `n m opt`, profits, rows, caps. */
static corto_status qr_mknap1(qp_problem *p, text_reader *r, int64_t count,
                              int64_t index, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    CORTO_TRY(qr_pick_of(r, count, &index, diag));
    for (int64_t k = 1; k <= index; k++) {
        int64_t n = 0, m = 0;
        double opt = 0;
        CORTO_TRY(qr_range(r, &n, 1, 1000000, "item count", diag));
        CORTO_TRY(qr_range(r, &m, 1, 10000, "constraint count", diag));
        CORTO_TRY(qr_real(r, &opt, "optimum", diag));
        int keep = k == index;
        CORTO_TRY(qr_mdkp_profits(p, r, n, m, keep, diag));
        CORTO_TRY(qr_mdkp_weights(p, r, n, m, keep, diag));
        CORTO_TRY(qr_mdkp_caps(p, r, m, keep, diag));
    }
cleanup:
    return rc;
}

/* OR-Library mknap2: free text; problem K starts after its K-th token
 * `problem`, then its name and a `+++` line, then `m n` (constraints
 * first), n profits, m capacities, the m*n weights and the optimum. */
static corto_status qr_mknap2(qp_problem *p, text_reader *r, int64_t index,
                              corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    char *tok = NULL;
    int64_t k = 1; /* the first `problem` is read by the caller */
    if (index <= 0)
        index = 1;
    while (k < index) {
        CORTO_TRY(text_next_token(r, &tok, diag));
        if (!tok)
            return diag_set(diag, CORTO_ERR_ARGUMENT, r->path, r->lineno,
                            "problem %lld asked for, the file holds %lld",
                            (long long)index, (long long)k);
        if (strcmp(tok, "problem") == 0)
            k++;
    }
    CORTO_TRY(qr_token(r, &tok, "problem name", diag));
    p->name = util_strdup(tok);
    if (!p->name)
        return CORTO_ERR_NOMEM;
    CORTO_TRY(qr_token(r, &tok, "a '+++' line", diag));
    if (tok[0] != '+')
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "expected a '+++' line, found '%.40s'", tok);
    int64_t n = 0, m = 0;
    double opt = 0;
    CORTO_TRY(qr_range(r, &m, 1, 10000, "constraint count", diag));
    CORTO_TRY(qr_range(r, &n, 1, 1000000, "item count", diag));
    CORTO_TRY(qr_mdkp_profits(p, r, n, m, 1, diag));
    CORTO_TRY(qr_mdkp_caps(p, r, m, 1, diag));
    CORTO_TRY(qr_mdkp_weights(p, r, n, m, 1, diag));
    CORTO_TRY(qr_real(r, &opt, "optimum", diag));
cleanup:
    return rc;
}

/* mknap2 when the first token is `problem`, else mknap1 / mknapcb. */
static corto_status qr_mknap(qp_problem *p, text_reader *r, int64_t index,
                             corto_diag *diag)
{
    char *tok = NULL;
    corto_status rc = qr_token(r, &tok, "problem count", diag);
    if (rc != CORTO_OK)
        return rc;
    if (strcmp(tok, "problem") == 0)
        return qr_mknap2(p, r, index, diag);
    int64_t count = 0;
    if (!text_parse_int64(tok, &count))
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "expected problem count or 'problem', found '%.40s'",
                        tok);
    return qr_mknap1(p, r, count, index, diag);
}

/* n*n int64 entries into a (allocated here). */
static corto_status qr_matrix(int64_t **a, text_reader *r, int n,
                              const char *what, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    CORTO_ALLOC(*a, (size_t)n * n);
    for (size_t e = 0; e < (size_t)n * n; e++)
        CORTO_TRY(qr_range(r, &(*a)[e], -2000000000, 2000000000, what, diag));
cleanup:
    return rc;
}

static corto_status qr_qaplib(qp_problem *p, text_reader *r, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int64_t n = 0;
    CORTO_TRY(qr_range(r, &n, 1, 10000, "size", diag));
    p->n = (int)n;
    CORTO_TRY(qr_matrix(&p->a, r, p->n, "flow entry", diag));
    CORTO_TRY(qr_matrix(&p->b, r, p->n, "distance entry", diag));
    CORTO_TRY(qr_expect_end(r, diag));
cleanup:
    return rc;
}

/* TSPLIB through the routing reader: a = distances, b = successor of each
 * tour position. */
static corto_status qr_tsp(qp_problem *p, const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    corto_problem *tp = NULL;
    CORTO_TRY(corto_read_problem(&tp, path, diag));
    int n = corto_problem_n_nodes(tp);
    if (corto_problem_get_kind(tp) == CORTO_KIND_VRP) {
        rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 0,
                      "a vehicle routing file, not a TSP");
        goto cleanup;
    }
    p->n = n;
    CORTO_ALLOC(p->a, (size_t)n * n);
    CORTO_ALLOC(p->b, (size_t)n * n);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            p->a[(size_t)i * n + j] =
                i == j ? 0 : corto_problem_distance(tp, 0, i, j);
        if (n > 1)
            p->b[(size_t)i * n + (i + 1) % n] = 1;
    }
    p->name = util_strdup(corto_problem_name(tp));
cleanup:
    corto_problem_destroy(tp);
    return rc;
}

corto_status qr_read(qp_problem *p, const char *path, corto_qubo_kind kind,
                     int index, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int open = 0;
    memset(p, 0, sizeof *p);
    p->kind = kind;
    if (kind == CORTO_QUBO_TSP) {
        CORTO_TRY(qr_tsp(p, path, diag));
        goto cleanup;
    }
    CORTO_TRY(text_open(&r, path, diag));
    open = 1;
    switch (kind) {
    case CORTO_QUBO_RAW:
    case CORTO_QUBO_BQP:
        p->kind = CORTO_QUBO_BQP;
        CORTO_TRY(qr_bqp(p, &r, index, diag));
        break;
    case CORTO_QUBO_MAXCUT:
        CORTO_TRY(qr_gset(p, &r, diag));
        break;
    case CORTO_QUBO_MIS:
        CORTO_TRY(qr_dimacs(p, &r, path, diag));
        break;
    case CORTO_QUBO_MDKP:
        CORTO_TRY(qr_mknap(p, &r, index, diag));
        break;
    case CORTO_QUBO_QAP:
        CORTO_TRY(qr_qaplib(p, &r, diag));
        break;
    default:
        rc = CORTO_ERR_ARGUMENT;
        goto cleanup;
    }
    if (!p->name) {
        const char *base = strrchr(path, '/');
        p->name = util_strdup(base ? base + 1 : path);
    }
cleanup:
    if (open)
        text_close(&r);
    if (rc != CORTO_OK)
        qp_free(p);
    return rc;
}

corto_status qr_read_sln(int **perm, int *n, int64_t *value, const char *path,
                         corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int64_t size = 0;
    *perm = NULL;
    CORTO_TRY(text_open(&r, path, diag));
    CORTO_TRY(qr_range(&r, &size, 1, 10000, "size", diag));
    CORTO_TRY(qr_int64(&r, value, "value", diag));
    CORTO_ALLOC(*perm, size);
    for (int64_t i = 0; i < size; i++) {
        int64_t k = 0;
        CORTO_TRY(qr_range(&r, &k, 1, size, "location", diag));
        (*perm)[i] = (int)k - 1;
    }
    *n = (int)size;
cleanup:
    text_close(&r);
    if (rc != CORTO_OK) {
        free(*perm);
        *perm = NULL;
    }
    return rc;
}
