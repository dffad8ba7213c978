/*
 * util.h — small internal helpers shared by every module: the CORTO_TRY
 * cleanup idiom, checked allocation and diagnostics.
 */
#ifndef CORTO_UTIL_H
#define CORTO_UTIL_H

#include "corto.h"

#include <stdlib.h>

/* Evaluate a corto_status expression; on failure jump to `cleanup`. */
#define CORTO_TRY(expr)                                                       \
    do {                                                                      \
        rc = (expr);                                                          \
        if (rc != CORTO_OK)                                                   \
            goto cleanup;                                                     \
    } while (0)

/* Allocate n elements of *ptr (zeroed); on failure set rc and jump. */
#define CORTO_ALLOC(ptr, n)                                                   \
    do {                                                                      \
        (ptr) = calloc((size_t)(n) > 0 ? (size_t)(n) : 1, sizeof(*(ptr)));    \
        if (!(ptr)) {                                                         \
            rc = CORTO_ERR_NOMEM;                                             \
            goto cleanup;                                                     \
        }                                                                     \
    } while (0)

/*
 * Fill diag (may be NULL) with "FILE:LINE: message" (":LINE" left out when
 * line <= 0, "FILE:" left out when file is NULL) and return `status`, so a
 * caller can write `return diag_set(d, CORTO_ERR_PARSE, path, ln, "...")`.
 */
corto_status diag_set(corto_diag *diag, corto_status status, const char *file,
                      long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Duplicate a string (NULL in, NULL out); NULL on allocation failure. */
char *util_strdup(const char *s);

/* Saturating int64 addition, so "unlimited" values never overflow. */
static inline int64_t max64(int64_t a, int64_t b)
{
    return a > b ? a : b;
}

static inline int64_t min64(int64_t a, int64_t b)
{
    return a < b ? a : b;
}

static inline int64_t sat_add(int64_t a, int64_t b)
{
    if (b > 0 && a > INT64_MAX - b)
        return INT64_MAX;
    if (b < 0 && a < INT64_MIN - b)
        return INT64_MIN;
    return a + b;
}

#endif /* CORTO_UTIL_H */
