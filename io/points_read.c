/*
 * points_read.c — readers of the points file and the demands file of
 * `corto matrix` (see points_read.h for the formats).
 */
#include "points_read.h"
#include "text_reader.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Most points a file may give (the matrix has n * n entries). */
#define POINTS_MAX 100000

/* Move to the next line with content, a '#' comment cut off; *got = 0
 * at the end of the file. */
static corto_status points_next(text_reader *r, int *got, corto_diag *diag)
{
    for (;;) {
        corto_status rc = text_next_nonblank(r, got, diag);
        if (rc != CORTO_OK || !*got)
            return rc;
        char *hash = strchr(r->cursor, '#');
        if (hash)
            *hash = '\0';
        if (!text_line_rest_empty(r))
            return CORTO_OK;
    }
}

corto_status points_read(graph_point **pts, int *n, const char *path,
                         corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r = {0};
    graph_point *list = NULL;
    int count = 0, cap = 0;
    *pts = NULL;
    *n = 0;
    CORTO_TRY(text_open(&r, path, diag));
    int got = 0;
    while ((rc = points_next(&r, &got, diag)) == CORTO_OK && got) {
        long ln = r.lineno;
        char *t1 = text_line_token(&r), *t2 = text_line_token(&r);
        if (!text_line_rest_empty(&r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "expected a node id or 'X Y', got more than two "
                          "fields");
            goto cleanup;
        }
        graph_point p = {0};
        p.line = ln;
        if (!t2) {
            if (!text_parse_int64(t1, &p.id)) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "node id '%.30s' is not an integer (give a "
                              "node id or 'X Y')",
                              t1);
                goto cleanup;
            }
        } else {
            p.has_xy = 1;
            if (!text_parse_double(t1, &p.x) || !isfinite(p.x) ||
                !text_parse_double(t2, &p.y) || !isfinite(p.y)) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                              "coordinates '%.30s %.30s' are not two finite "
                              "numbers",
                              t1, t2);
                goto cleanup;
            }
        }
        if (count == POINTS_MAX) {
            rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, ln,
                          "more than %d points", POINTS_MAX);
            goto cleanup;
        }
        if (count == cap) {
            cap = cap ? 2 * cap : 64;
            graph_point *grown = realloc(list, (size_t)cap * sizeof *grown);
            if (!grown) {
                rc = CORTO_ERR_NOMEM;
                goto cleanup;
            }
            list = grown;
        }
        list[count++] = p;
    }
    if (rc != CORTO_OK)
        goto cleanup;
    if (count == 0) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, 0, "no points");
        goto cleanup;
    }
    *pts = list;
    *n = count;
    list = NULL;
cleanup:
    text_close(&r);
    free(list);
    return rc;
}

corto_status points_read_demands(int64_t **demands, int n, const char *path,
                                 corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r = {0};
    int64_t *d = NULL;
    int count = 0;
    *demands = NULL;
    CORTO_ALLOC(d, n);
    CORTO_TRY(text_open(&r, path, diag));
    int got = 0;
    while ((rc = points_next(&r, &got, diag)) == CORTO_OK && got) {
        long ln = r.lineno;
        char *tok = text_line_token(&r);
        int64_t v;
        if (!text_parse_int64(tok, &v) || v < 0 || v > INT64_MAX / 4 ||
            !text_line_rest_empty(&r)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "expected one integer demand >= 0");
            goto cleanup;
        }
        if (count == n) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, ln,
                          "more demands than the %d points", n);
            goto cleanup;
        }
        d[count++] = v;
    }
    if (rc != CORTO_OK)
        goto cleanup;
    if (count < n) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                      "%d demands for %d points", count, n);
        goto cleanup;
    }
    *demands = d;
    d = NULL;
cleanup:
    text_close(&r);
    free(d);
    return rc;
}
