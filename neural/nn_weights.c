/*
 * nn_weights.c — writing and reading the weight file of nn_weights.h.
 * Every multi-byte field is written byte by byte in little-endian order,
 * so files are the same on every host; values are float32 whatever
 * nn_real is.
 */
#include "nn_weights.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char nn_magic[8] = {'C', 'O', 'R', 'T', 'O', '-', 'N', 'N'};

/* Slicing by eight (Kounavis and Berry 2005) with the tables built on the
 * stack (no global state): the compiled-in model is checked at every
 * --init neural, so this runs on half a megabyte each time. */
uint32_t nn_crc32(const unsigned char *buf, size_t len)
{
    uint32_t t[8][256];
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t c = b;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        t[0][b] = c;
    }
    for (uint32_t b = 0; b < 256; b++)
        for (int s = 1; s < 8; s++)
            t[s][b] = (t[s - 1][b] >> 8) ^ t[0][t[s - 1][b] & 0xFFu];
    uint32_t c = 0xFFFFFFFFu;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        const unsigned char *p = buf + i;
        uint32_t lo = c ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 |
                           (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
        c = t[7][lo & 0xFFu] ^ t[6][(lo >> 8) & 0xFFu] ^
            t[5][(lo >> 16) & 0xFFu] ^ t[4][lo >> 24] ^ t[3][p[4]] ^
            t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    }
    for (; i < len; i++)
        c = t[0][(c ^ buf[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ---- writing ---------------------------------------------------------- */

typedef struct nn_wbuf {
    unsigned char *b;
    size_t len;
} nn_wbuf;

static void put_u32(nn_wbuf *w, uint32_t v)
{
    for (int k = 0; k < 4; k++)
        w->b[w->len++] = (unsigned char)(v >> (8 * k));
}

static void put_u64(nn_wbuf *w, uint64_t v)
{
    for (int k = 0; k < 8; k++)
        w->b[w->len++] = (unsigned char)(v >> (8 * k));
}

static void put_bytes(nn_wbuf *w, const void *p, size_t n)
{
    memcpy(w->b + w->len, p, n);
    w->len += n;
}

static void put_f32(nn_wbuf *w, nn_real v)
{
    float f = (float)v;
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    put_u32(w, u);
}

corto_status nn_weights_encode(unsigned char **out, size_t *len,
                               const nn_model *m)
{
    if (!out || !len || !m)
        return CORTO_ERR_ARGUMENT;
    size_t data_len = strnlen(m->data, NN_DATA_LEN - 1);
    size_t size = 8 + 4 + 6 * 4 + 8 + 8 + 4 + data_len + 4 +
                  (size_t)m->n_params * (NN_NAME_LEN + 8) + 4 * m->total + 4;
    nn_wbuf w = {malloc(size), 0};
    if (!w.b)
        return CORTO_ERR_NOMEM;
    const nn_config *c = &m->cfg;
    put_bytes(&w, nn_magic, sizeof nn_magic);
    put_u32(&w, NN_WEIGHTS_VERSION);
    const int cfg[6] = {c->n_feat, c->d, c->heads, c->layers, c->ff, c->knn};
    for (int k = 0; k < 6; k++)
        put_u32(&w, (uint32_t)cfg[k]);
    put_u64(&w, m->seed);
    put_u64(&w, (uint64_t)m->steps);
    put_u32(&w, (uint32_t)data_len);
    put_bytes(&w, m->data, data_len);
    put_u32(&w, (uint32_t)m->n_params);
    for (int k = 0; k < m->n_params; k++) {
        char name[NN_NAME_LEN] = {0};
        memcpy(name, m->p[k].name, strnlen(m->p[k].name, NN_NAME_LEN - 1));
        put_bytes(&w, name, NN_NAME_LEN);
        put_u32(&w, (uint32_t)m->p[k].rows);
        put_u32(&w, (uint32_t)m->p[k].cols);
    }
    for (size_t e = 0; e < m->total; e++)
        put_f32(&w, m->v[e]);
    put_u32(&w, nn_crc32(w.b, w.len));
    *out = w.b;
    *len = w.len;
    return CORTO_OK;
}

/* ---- reading ---------------------------------------------------------- */

typedef struct nn_rbuf {
    const unsigned char *b;
    size_t len, pos;
} nn_rbuf;

static int get_u32(nn_rbuf *r, uint32_t *v)
{
    if (r->len - r->pos < 4)
        return 0;
    *v = 0;
    for (int k = 0; k < 4; k++)
        *v |= (uint32_t)r->b[r->pos++] << (8 * k);
    return 1;
}

static int get_u64(nn_rbuf *r, uint64_t *v)
{
    uint32_t lo, hi;
    if (!get_u32(r, &lo) || !get_u32(r, &hi))
        return 0;
    *v = (uint64_t)lo | (uint64_t)hi << 32;
    return 1;
}

static int nn_config_equal(const nn_config *a, const nn_config *b)
{
    return a->n_feat == b->n_feat && a->d == b->d && a->heads == b->heads &&
           a->layers == b->layers && a->ff == b->ff && a->knn == b->knn;
}

corto_status nn_weights_decode(nn_model **out, const unsigned char *buf,
                               size_t len, const nn_config *expect,
                               corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    nn_model *m = NULL;
    nn_rbuf r = {buf, len, 0};
    uint32_t version, u[6], n_tensors = 0, data_len, crc = 0;
    uint64_t seed, steps;
    if (!out || !buf)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    if (len < sizeof nn_magic || memcmp(buf, nn_magic, sizeof nn_magic))
        return diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                        "not a corto weight file (bad magic)");
    r.pos = sizeof nn_magic;
    if (!get_u32(&r, &version))
        goto truncated;
    if (version != NN_WEIGHTS_VERSION)
        return diag_set(diag, CORTO_ERR_UNSUPPORTED, NULL, 0,
                        "weight file version %u, this corto reads version %u",
                        version, NN_WEIGHTS_VERSION);
    if (len < r.pos + 4)
        goto truncated;
    nn_rbuf tail = {buf, len, len - 4};
    get_u32(&tail, &crc);
    for (int k = 0; k < 6; k++)
        if (!get_u32(&r, &u[k]) || u[k] > (1u << 20))
            goto truncated_or_bad;
    if (!get_u64(&r, &seed) || !get_u64(&r, &steps) ||
        !get_u32(&r, &data_len) || data_len >= NN_DATA_LEN ||
        r.len - r.pos < data_len)
        goto truncated_or_bad;
    nn_config cfg = {(int)u[0], (int)u[1], (int)u[2],
                     (int)u[3], (int)u[4], (int)u[5]};
    if (!nn_config_valid(&cfg))
        goto truncated_or_bad;
    /* The sizes follow from the configuration: check the length and the
     * checksum before trusting anything else. */
    CORTO_TRY(nn_model_alloc(&m, &cfg));
    size_t want = r.pos + data_len + 4 +
                  (size_t)m->n_params * (NN_NAME_LEN + 8) + 4 * m->total + 4;
    if (len < want)
        goto truncated;
    if (len > want) {
        rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                      "weight file has %zu bytes after its checksum",
                      len - want);
        goto cleanup;
    }
    if (nn_crc32(buf, len - 4) != crc) {
        rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                      "weight file checksum mismatch (damaged file)");
        goto cleanup;
    }
    memcpy(m->data, buf + r.pos, data_len);
    m->data[data_len] = '\0';
    r.pos += data_len;
    m->seed = seed;
    m->steps = (int64_t)steps;
    get_u32(&r, &n_tensors);
    if (n_tensors != (uint32_t)m->n_params) {
        rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                      "weight file lists %u tensors, its configuration "
                      "needs %d",
                      n_tensors, m->n_params);
        goto cleanup;
    }
    for (int k = 0; k < m->n_params; k++) {
        char name[NN_NAME_LEN + 1] = {0};
        uint32_t rows = 0, cols = 0;
        memcpy(name, buf + r.pos, NN_NAME_LEN);
        r.pos += NN_NAME_LEN;
        get_u32(&r, &rows);
        get_u32(&r, &cols);
        if (strcmp(name, m->p[k].name) || rows != (uint32_t)m->p[k].rows ||
            cols != (uint32_t)m->p[k].cols) {
            rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                          "weight file tensor %d is %.24s %ux%u, its "
                          "configuration needs %s %dx%d",
                          k, name, rows, cols, m->p[k].name, m->p[k].rows,
                          m->p[k].cols);
            goto cleanup;
        }
    }
    /* The length is checked above: read the values without a bound
     * check per value. */
    for (size_t e = 0; e < m->total; e++) {
        const unsigned char *p = buf + r.pos + 4 * e;
        uint32_t bits = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
                        (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        float f;
        memcpy(&f, &bits, sizeof f);
        m->v[e] = (nn_real)f;
    }
    r.pos += 4 * m->total;
    if (expect && !nn_config_equal(expect, &cfg)) {
        rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, NULL, 0,
                      "weight file has d=%d heads=%d layers=%d ff=%d knn=%d, "
                      "expected d=%d heads=%d layers=%d ff=%d knn=%d",
                      cfg.d, cfg.heads, cfg.layers, cfg.ff, cfg.knn, expect->d,
                      expect->heads, expect->layers, expect->ff, expect->knn);
        goto cleanup;
    }
    *out = m;
    m = NULL;
cleanup:
    nn_model_destroy(m);
    return rc;
truncated_or_bad:
    if (r.pos + 4 <= len) {
        rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                      "weight file has an invalid configuration");
        goto cleanup;
    }
truncated:
    rc = diag_set(diag, CORTO_ERR_PARSE, NULL, 0,
                  "weight file is truncated (%zu bytes)", len);
    goto cleanup;
}

/* ---- files ------------------------------------------------------------ */

/* Prefix diag's message with the file name. */
static corto_status nn_name_file(corto_diag *diag, corto_status rc,
                                 const char *path)
{
    if (diag && rc != CORTO_OK) {
        char msg[sizeof diag->message];
        snprintf(msg, sizeof msg, "%s", diag->message);
        diag_set(diag, rc, path, 0, "%s", msg);
    }
    return rc;
}

corto_status nn_weights_save(const nn_model *m, const char *path,
                             corto_diag *diag)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    corto_status rc = nn_weights_encode(&buf, &len, m);
    if (rc != CORTO_OK)
        return rc;
    FILE *f = fopen(path, "wb");
    if (!f) {
        rc = diag_set(diag, CORTO_ERR_IO, path, 0, "cannot write: %s",
                      strerror(errno));
    } else {
        size_t put = fwrite(buf, 1, len, f);
        if (fclose(f) != 0 || put != len)
            rc = diag_set(diag, CORTO_ERR_IO, path, 0, "cannot write: %s",
                          strerror(errno));
    }
    free(buf);
    return rc;
}

corto_status nn_weights_load(nn_model **out, const char *path,
                             const nn_config *expect, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return diag_set(diag, CORTO_ERR_IO, path, 0, "cannot open: %s",
                        strerror(errno));
    for (;;) {
        if (len == cap) {
            cap = cap ? 2 * cap : 1 << 16;
            unsigned char *b = realloc(buf, cap);
            if (!b) {
                rc = CORTO_ERR_NOMEM;
                goto cleanup;
            }
            buf = b;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = diag_set(diag, CORTO_ERR_IO, path, 0, "cannot read: %s",
                      strerror(errno));
        goto cleanup;
    }
    rc = nn_name_file(diag, nn_weights_decode(out, buf, len, expect, diag),
                      path);
cleanup:
    fclose(f);
    free(buf);
    return rc;
}
