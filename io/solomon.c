/*
 * solomon.c — Solomon (1987) and Gehring & Homberger (1999) VRPTW tables:
 *
 *   NAME
 *   VEHICLE
 *   NUMBER     CAPACITY
 *     25         200
 *   CUSTOMER
 *   CUST NO.  XCOORD.  YCOORD.  DEMAND  READY TIME  DUE DATE  SERVICE TIME
 *       0       40       50       0        0         1236        0
 *       1       45       68      10      912          967       90
 *
 * Customer 0 is the depot; the rows number the customers 0, 1, 2, ... in
 * order. Distances follow the DIMACS 2021 / CVRPLIB convention: every
 * arc's Euclidean length truncated to one decimal, floor(10 d) / 10, and
 * travel time equal to distance. corto stores everything scaled by 10
 * (cost decimals 1), so distances, times and costs are exact integers.
 * The depot's due date closes every vehicle's shift (return by then);
 * service must start within [ready, due], waiting is allowed. The fleet
 * is free (the NUMBER of the file is not a limit, as in the convention);
 * the solve option `vehicles` caps it.
 */
#include "problem_read.h"
#include "text_reader.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Scale of stored values: one decimal. */
#define SOLOMON_SCALE 10

/* Columns of a customer row. */
enum { SC_ID, SC_X, SC_Y, SC_DEMAND, SC_READY, SC_DUE, SC_SERVICE, SC_N };

typedef struct solomon_rows {
    int64_t (*v)[SC_N];
    int n, cap;
} solomon_rows;

/* Next non-blank line whose first token is `word`; anything else first is
 * an error naming what was expected. */
static corto_status solomon_expect(text_reader *r, const char *word,
                                   corto_diag *diag)
{
    int got = 0;
    corto_status rc = text_next_nonblank(r, &got, diag);
    if (rc != CORTO_OK)
        return rc;
    if (!got)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "file ends before the %s line", word);
    char *tok = text_line_token(r);
    if (!tok || strcasecmp(tok, word) != 0)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "expected the %s line, found '%s'", word,
                        tok ? tok : "");
    return CORTO_OK;
}

/* Read `count` integers from the current line, nothing after them. */
static corto_status solomon_ints(text_reader *r, int64_t *out, int count,
                                 corto_diag *diag)
{
    static const char *names[SC_N] = {
        "customer number", "x coordinate", "y coordinate", "demand",
        "ready time",      "due date",     "service time"};
    for (int k = 0; k < count; k++) {
        char *tok = text_line_token(r);
        if (!tok)
            return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                            "expected %d numbers, found %d", count, k);
        if (!text_parse_int64(tok, &out[k]))
            return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                            "%s '%s' is not an integer",
                            count == SC_N ? names[k] : "value", tok);
    }
    char *extra = text_line_token(r);
    if (extra)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "unexpected '%s' after %d numbers", extra, count);
    return CORTO_OK;
}

/* Check one customer row (index k) for values the model cannot take. */
static corto_status solomon_check_row(const text_reader *r, const int64_t *v,
                                      int k, int64_t capacity,
                                      corto_diag *diag)
{
    const int64_t limit = (int64_t)1e12;
    if (v[SC_ID] != k)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "customer number %lld where %d was expected (rows "
                        "must number 0, 1, 2, ... in order)",
                        (long long)v[SC_ID], k);
    for (int c = SC_X; c < SC_N; c++)
        if (v[c] < -limit || v[c] > limit)
            return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                            "value %lld out of range", (long long)v[c]);
    if (v[SC_DEMAND] < 0 || v[SC_SERVICE] < 0 || v[SC_READY] < 0)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "negative demand, ready time or service time");
    if (v[SC_DEMAND] > capacity)
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "demand %lld of customer %d is above the vehicle "
                        "capacity %lld",
                        (long long)v[SC_DEMAND], k, (long long)capacity);
    if (v[SC_READY] > v[SC_DUE])
        return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                        "ready time %lld after due date %lld",
                        (long long)v[SC_READY], (long long)v[SC_DUE]);
    return CORTO_OK;
}

static corto_status solomon_push(solomon_rows *rows, const int64_t *v)
{
    if (rows->n == rows->cap) {
        int cap = rows->cap ? 2 * rows->cap : 128;
        void *grown = realloc(rows->v, (size_t)cap * sizeof *rows->v);
        if (!grown)
            return CORTO_ERR_NOMEM;
        rows->v = grown;
        rows->cap = cap;
    }
    memcpy(rows->v[rows->n++], v, SC_N * sizeof *v);
    return CORTO_OK;
}

/* Parse the file into name, fleet and rows. */
static corto_status solomon_parse(text_reader *r, char **name,
                                  int64_t *capacity, solomon_rows *rows,
                                  corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int got = 0;
    int64_t fleet[2];
    CORTO_TRY(text_next_nonblank(r, &got, diag));
    char *tok = got ? text_line_token(r) : NULL;
    if (!tok) {
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno, "empty file");
        goto cleanup;
    }
    if (!(*name = util_strdup(tok))) {
        rc = CORTO_ERR_NOMEM;
        goto cleanup;
    }
    CORTO_TRY(solomon_expect(r, "VEHICLE", diag));
    CORTO_TRY(solomon_expect(r, "NUMBER", diag));
    CORTO_TRY(text_next_nonblank(r, &got, diag));
    if (!got) {
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                      "file ends before the vehicle numbers");
        goto cleanup;
    }
    CORTO_TRY(solomon_ints(r, fleet, 2, diag));
    if (fleet[0] < 1 || fleet[1] < 1) {
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                      "vehicle number and capacity must be positive");
        goto cleanup;
    }
    *capacity = fleet[1];
    CORTO_TRY(solomon_expect(r, "CUSTOMER", diag));
    CORTO_TRY(solomon_expect(r, "CUST", diag));
    for (;;) {
        int64_t v[SC_N];
        CORTO_TRY(text_next_nonblank(r, &got, diag));
        if (!got)
            break;
        CORTO_TRY(solomon_ints(r, v, SC_N, diag));
        CORTO_TRY(solomon_check_row(r, v, rows->n, *capacity, diag));
        if (rows->n >= 20000) {
            rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, r->path, r->lineno,
                          "more than 20000 customers");
            goto cleanup;
        }
        CORTO_TRY(solomon_push(rows, v));
    }
    if (rows->n < 2)
        rc = diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                      "no customer rows after the depot");
cleanup:
    return rc;
}

/* floor(10 d) for the Euclidean distance d between rows i and j; the
 * small epsilon keeps exact decimals (d = 5.3) from rounding down. */
static int64_t solomon_dist(const solomon_rows *rows, int i, int j)
{
    double dx = (double)(rows->v[i][SC_X] - rows->v[j][SC_X]);
    double dy = (double)(rows->v[i][SC_Y] - rows->v[j][SC_Y]);
    return (int64_t)floor(SOLOMON_SCALE * sqrt(dx * dx + dy * dy) + 1e-9);
}

/* Build the problem from the parsed rows (all times scaled). */
static corto_status solomon_build(corto_problem **out, const char *name,
                                  int64_t capacity, const solomon_rows *rows,
                                  const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    int n = rows->n;
    int64_t *m = NULL;
    double *x = NULL, *y = NULL;
    CORTO_TRY(corto_problem_create(&p, n, 1));
    CORTO_TRY(corto_problem_set_kind(p, CORTO_KIND_VRP));
    CORTO_TRY(corto_problem_set_name(p, name));
    CORTO_TRY(corto_problem_set_cost_decimals(p, 1));
    CORTO_ALLOC(m, (size_t)n * (size_t)n);
    CORTO_ALLOC(x, n);
    CORTO_ALLOC(y, n);
    for (int i = 0; i < n; i++) {
        x[i] = (double)rows->v[i][SC_X];
        y[i] = (double)rows->v[i][SC_Y];
        for (int j = 0; j < n; j++)
            m[(size_t)i * (size_t)n + (size_t)j] =
                i == j ? 0 : solomon_dist(rows, i, j);
    }
    CORTO_TRY(corto_problem_set_coords(p, x, y));
    CORTO_TRY(corto_problem_set_distances(p, 0, m));
    for (int i = 1; i < n; i++) {
        const int64_t *v = rows->v[i];
        CORTO_TRY(corto_problem_set_demand(p, i, &v[SC_DEMAND]));
        CORTO_TRY(
            corto_problem_set_service(p, i, SOLOMON_SCALE * v[SC_SERVICE]));
        CORTO_TRY(corto_problem_set_time_window(
            p, i, SOLOMON_SCALE * v[SC_READY], SOLOMON_SCALE * v[SC_DUE]));
    }
    int64_t cap = capacity;
    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    vt.capacity = &cap;
    vt.count = CORTO_UNLIMITED;
    vt.shift_open = SOLOMON_SCALE * rows->v[0][SC_READY];
    vt.shift_close = SOLOMON_SCALE * rows->v[0][SC_DUE];
    CORTO_TRY(corto_problem_add_vehicle_type(p, &vt, NULL));
    rc = problem_read_finish(out, &p, path, diag);
cleanup:
    free(m);
    free(x);
    free(y);
    corto_problem_destroy(p);
    return rc;
}

corto_status solomon_read(corto_problem **out, const char *path,
                          corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    solomon_rows rows = {0};
    char *name = NULL;
    int64_t capacity = 0;
    int opened = 0;
    *out = NULL;
    CORTO_TRY(text_open(&r, path, diag));
    opened = 1;
    CORTO_TRY(solomon_parse(&r, &name, &capacity, &rows, diag));
    CORTO_TRY(solomon_build(out, name, capacity, &rows, path, diag));
cleanup:
    if (opened)
        text_close(&r);
    free(rows.v);
    free(name);
    return rc;
}
