/*
 * solomon.c — Solomon / Gehring-Homberger VRPTW tables. Not implemented
 * yet: such files are refused with a clear message.
 */
#include "problem_read.h"
#include "util.h"

corto_status solomon_read(corto_problem **out, const char *path,
                          corto_diag *diag)
{
    *out = NULL;
    return diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 1,
                    "Solomon files are not supported yet");
}
