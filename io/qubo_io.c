/*
 * qubo_io.c — the public QUBO file functions: reading a problem into a
 * corto_qubo, and writing a result (QAPLIB .sln for QAP; objective line and
 * values line otherwise).
 */
#include "qubo_api.h"
#include "qubo_read.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

corto_status corto_qubo_read(corto_qubo **out, const char *path,
                             corto_qubo_kind kind, int index, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    corto_qubo *q = NULL;
    if (!out || !path)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_ALLOC(q, 1);
    CORTO_TRY(qr_read(&q->p, path, kind, index, diag));
    *out = q;
    q = NULL;
cleanup:
    corto_qubo_destroy(q);
    return rc;
}

/* Integers as integers, other values with enough digits to read back. */
static void qio_put_number(FILE *f, double v)
{
    if (fabs(v) < 9e15 && v == floor(v))
        fprintf(f, "%.0f", v);
    else
        fprintf(f, "%.17g", v);
}

corto_status corto_qubo_write_result(const corto_qubo_result *r,
                                     const corto_qubo *qubo, const char *path,
                                     void *stream)
{
    if (!r || !qubo || (!path && !stream))
        return CORTO_ERR_ARGUMENT;
    FILE *f = path ? fopen(path, "w") : stream;
    if (!f)
        return CORTO_ERR_IO;
    corto_qubo_kind kind = qubo->p.kind;
    if (kind == CORTO_QUBO_QAP) {
        fprintf(f, "%d ", r->n);
        qio_put_number(f, r->objective);
        fputc('\n', f);
    } else {
        qio_put_number(f, r->objective);
        fputc('\n', f);
    }
    int one_based = kind == CORTO_QUBO_QAP || kind == CORTO_QUBO_TSP;
    for (int i = 0; i < r->n; i++)
        fprintf(f, "%s%d", i ? " " : "", r->values[i] + one_based);
    fputc('\n', f);
    int bad = ferror(f);
    if (path)
        bad |= fclose(f) != 0;
    else
        bad |= fflush(f) != 0;
    return bad ? CORTO_ERR_IO : CORTO_OK;
}
