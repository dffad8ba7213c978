/*
 * problem_read.c — corto_read_problem: looks at the first lines of a file
 * and hands it to the reader of its format (problem_read.h). A document
 * that starts with '{' or '[' is JSON; a table with a VEHICLE line and a
 * CUSTOMER line among its first lines is Solomon / Gehring-Homberger;
 * anything else is read as TSPLIB / CVRPLIB keywords.
 */
#include "problem_read.h"
#include "text_reader.h"
#include "util.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Lines looked at to recognise a Solomon table. */
#define PROBLEM_SNIFF_LINES 12

typedef enum problem_format {
    PROBLEM_TSPLIB,
    PROBLEM_SOLOMON,
    PROBLEM_JSON
} problem_format;

/* The format of the file at path, from its first non-blank lines. */
static corto_status problem_sniff(const char *path, problem_format *fmt,
                                  corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int got = 0, vehicle = 0, customer = 0;
    *fmt = PROBLEM_TSPLIB;
    CORTO_TRY(text_open(&r, path, diag));
    for (int k = 0; k < PROBLEM_SNIFF_LINES; k++) {
        CORTO_TRY(text_next_nonblank(&r, &got, diag));
        if (!got)
            break;
        const char *s = r.line;
        while (isspace((unsigned char)*s))
            s++;
        if (k == 0 && (*s == '{' || *s == '[')) {
            *fmt = PROBLEM_JSON;
            break;
        }
        char *tok = text_line_token(&r);
        if (!tok)
            continue;
        vehicle |= strcasecmp(tok, "VEHICLE") == 0;
        customer |= strcasecmp(tok, "CUSTOMER") == 0;
    }
    if (*fmt != PROBLEM_JSON && vehicle && customer)
        *fmt = PROBLEM_SOLOMON;
cleanup:
    text_close(&r);
    return rc;
}

corto_status problem_read_finish(corto_problem **out, corto_problem **p,
                                 const char *path, corto_diag *diag)
{
    corto_diag why;
    memset(&why, 0, sizeof why);
    corto_status rc = corto_problem_validate(*p, &why);
    if (rc != CORTO_OK)
        return diag_set(diag, rc, path, 0, "%s", why.message);
    *out = *p;
    *p = NULL;
    return CORTO_OK;
}

corto_status corto_read_problem(corto_problem **out, const char *path,
                                corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    problem_format fmt;
    if (diag)
        memset(diag, 0, sizeof *diag);
    if (!out || !path)
        return diag_set(diag, CORTO_ERR_ARGUMENT, path, 0,
                        "no output or no file name");
    *out = NULL;
    CORTO_TRY(problem_sniff(path, &fmt, diag));
    switch (fmt) {
    case PROBLEM_JSON:
        rc = vroom_read(out, path, diag);
        break;
    case PROBLEM_SOLOMON:
        rc = solomon_read(out, path, diag);
        break;
    default:
        rc = tsplib_read(out, path, diag);
        break;
    }
cleanup:
    if (rc != CORTO_OK && diag && diag->message[0] == '\0')
        diag_set(diag, rc, path, 0, "%s", corto_status_string(rc));
    return rc;
}
