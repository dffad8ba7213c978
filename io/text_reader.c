/*
 * text_reader.c — buffered line and token reading over zlib's gzread, which
 * reads gzip-compressed and plain files alike. Lines are split here rather
 * than by gzgets so that NUL bytes (binary files) are seen and refused.
 */
#include "text_reader.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_CHUNK    65536
#define TEXT_MAX_LINE ((size_t)256 << 20)

corto_status text_open(text_reader *r, const char *path, corto_diag *diag)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    if (!path)
        return diag_set(diag, CORTO_ERR_ARGUMENT, NULL, 0, "no file name");
    r->gz = gzopen(path, "rb");
    if (!r->gz)
        return diag_set(diag, CORTO_ERR_IO, path, 0, "cannot open: %s",
                        errno ? strerror(errno) : "out of memory");
    r->chunk = malloc(TEXT_CHUNK);
    r->line_cap = 256;
    r->line = malloc(r->line_cap);
    if (!r->chunk || !r->line) {
        text_close(r);
        return diag_set(diag, CORTO_ERR_NOMEM, path, 0, "out of memory");
    }
    r->line[0] = '\0';
    r->cursor = r->line;
    return CORTO_OK;
}

void text_close(text_reader *r)
{
    if (r->gz)
        gzclose(r->gz);
    free(r->chunk);
    free(r->line);
    memset(r, 0, sizeof *r);
}

/*
 * Refill the chunk buffer; sets input_done at the end of the data. Bytes
 * that zlib delivered before a damaged or cut gzip stream are used first,
 * so the error names the line where the good data ends.
 */
static corto_status text_fill(text_reader *r, corto_diag *diag)
{
    int n = gzread(r->gz, r->chunk, TEXT_CHUNK);
    if (n > 0) {
        r->chunk_len = (size_t)n;
        r->chunk_pos = 0;
        return CORTO_OK;
    }
    int errnum = Z_OK;
    const char *msg = gzerror(r->gz, &errnum);
    long line = r->lineno > 0 ? r->lineno : 1;
    if (n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END)) {
        if (errnum == Z_ERRNO)
            return diag_set(diag, CORTO_ERR_IO, r->path, line,
                            "read error: %s", strerror(errno));
        /* zlib prefixes its message with the file name: drop it. */
        size_t plen = strlen(r->path);
        if (msg && strncmp(msg, r->path, plen) == 0 && msg[plen] == ':')
            msg += plen + 1 + (msg[plen + 1] == ' ');
        return diag_set(diag, CORTO_ERR_PARSE, r->path, line,
                        "damaged gzip data (%s)", msg ? msg : "unknown");
    }
    r->chunk_len = 0;
    r->chunk_pos = 0;
    r->input_done = 1;
    return CORTO_OK;
}

static corto_status text_append(text_reader *r, const char *src, size_t n,
                                corto_diag *diag)
{
    if (r->line_len + n + 1 > r->line_cap) {
        size_t cap = r->line_cap;
        while (r->line_len + n + 1 > cap)
            cap *= 2;
        if (cap > TEXT_MAX_LINE)
            return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                            "line longer than %zu bytes (not a text file?)",
                            TEXT_MAX_LINE);
        char *grown = realloc(r->line, cap);
        if (!grown)
            return diag_set(diag, CORTO_ERR_NOMEM, r->path, r->lineno,
                            "out of memory");
        r->line = grown;
        r->line_cap = cap;
    }
    memcpy(r->line + r->line_len, src, n);
    r->line_len += n;
    r->line[r->line_len] = '\0';
    return CORTO_OK;
}

corto_status text_next_line(text_reader *r, int *got, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int saw_any = 0, done = 0;
    *got = 0;
    r->line_len = 0;
    r->line[0] = '\0';
    r->cursor = r->line;
    if (!r->gz)
        return CORTO_OK;
    long this_line = r->lineno + 1;
    r->lineno = this_line;
    while (!done) {
        if (r->chunk_pos >= r->chunk_len) {
            if (r->input_done)
                break;
            CORTO_TRY(text_fill(r, diag));
            if (r->input_done)
                break;
        }
        const char *start = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        CORTO_TRY(text_append(r, start, take, diag));
        r->chunk_pos += take + (nl ? 1 : 0);
        saw_any = 1;
        if (nl)
            done = 1;
    }
    if (!saw_any) {
        r->lineno = this_line - 1;
        return CORTO_OK;
    }
    if (r->line_len > 0 && r->line[r->line_len - 1] == '\r')
        r->line[--r->line_len] = '\0';
    for (size_t k = 0; k < r->line_len; k++) {
        unsigned char c = (unsigned char)r->line[k];
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\v' && c != '\f')
            return diag_set(diag, CORTO_ERR_PARSE, r->path, r->lineno,
                            "binary data (byte 0x%02x at column %zu); not "
                            "a text file",
                            c, k + 1);
    }
    r->cursor = r->line; /* the line may have moved while growing */
    *got = 1;
    return CORTO_OK;
cleanup:
    return rc;
}

static int text_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

corto_status text_next_nonblank(text_reader *r, int *got, corto_diag *diag)
{
    for (;;) {
        corto_status rc = text_next_line(r, got, diag);
        if (rc != CORTO_OK || !*got)
            return rc;
        if (!text_line_rest_empty(r))
            return CORTO_OK;
    }
}

int text_line_rest_empty(const text_reader *r)
{
    for (const char *c = r->cursor; *c; c++)
        if (!text_is_space(*c))
            return 0;
    return 1;
}

char *text_line_token(text_reader *r)
{
    char *c = r->cursor;
    while (*c && text_is_space(*c))
        c++;
    if (!*c) {
        r->cursor = c;
        return NULL;
    }
    char *tok = c;
    while (*c && !text_is_space(*c))
        c++;
    if (*c)
        *c++ = '\0';
    r->cursor = c;
    return tok;
}

corto_status text_next_token(text_reader *r, char **tok, corto_diag *diag)
{
    for (;;) {
        *tok = text_line_token(r);
        if (*tok)
            return CORTO_OK;
        int got = 0;
        corto_status rc = text_next_line(r, &got, diag);
        if (rc != CORTO_OK || !got)
            return rc;
    }
}

int text_parse_int64(const char *tok, int64_t *out)
{
    char *end = NULL;
    if (!tok || !*tok)
        return 0;
    errno = 0;
    long long v = strtoll(tok, &end, 10);
    if (errno || *end || end == tok)
        return 0;
    *out = (int64_t)v;
    return 1;
}

int text_parse_int(const char *tok, int *out)
{
    int64_t v;
    if (!text_parse_int64(tok, &v) || v < INT_MIN || v > INT_MAX)
        return 0;
    *out = (int)v;
    return 1;
}

int text_parse_double(const char *tok, double *out)
{
    char *end = NULL;
    if (!tok || !*tok)
        return 0;
    errno = 0;
    double v = strtod(tok, &end);
    if (*end || end == tok || !isfinite(v) || errno == ERANGE)
        return 0;
    *out = v;
    return 1;
}
