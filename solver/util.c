/*
 * util.c — diagnostics formatting and small string helpers.
 */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

corto_status diag_set(corto_diag *diag, corto_status status, const char *file,
                      long line, const char *fmt, ...)
{
    if (!diag)
        return status;
    char text[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    /* Keep the message on one line whatever the input contained. */
    for (char *c = text; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    diag->line = line > 0 ? line : 0;
    if (file && line > 0)
        snprintf(diag->message, sizeof diag->message, "%s:%ld: %s", file, line,
                 text);
    else if (file)
        snprintf(diag->message, sizeof diag->message, "%s: %s", file, text);
    else
        snprintf(diag->message, sizeof diag->message, "%s", text);
    return status;
}

char *util_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}
