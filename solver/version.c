/*
 * version.c — library version and status-code descriptions.
 */
#include "corto.h"

const char *corto_version(void)
{
    return CORTO_VERSION_STRING;
}

int corto_version_number(void)
{
    return CORTO_VERSION_NUMBER;
}

const char *corto_status_string(corto_status status)
{
    switch (status) {
    case CORTO_OK:
        return "ok";
    case CORTO_ERR_NOMEM:
        return "out of memory";
    case CORTO_ERR_ARGUMENT:
        return "invalid argument";
    case CORTO_ERR_IO:
        return "input/output error";
    case CORTO_ERR_PARSE:
        return "malformed input";
    case CORTO_ERR_UNSUPPORTED:
        return "unsupported input";
    case CORTO_ERR_MODEL:
        return "inconsistent problem";
    case CORTO_ERR_OPTION:
        return "invalid option";
    case CORTO_ERR_EXTERNAL:
        return "error in an external library";
    case CORTO_ERR_INTERNAL:
        return "internal error";
    }
    return "unknown status";
}
