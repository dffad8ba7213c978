/*
 * test_nn_weights.c — the policy's weight file (neural/nn_weights.c): the
 * CRC-32 check value, an exact round trip through memory and a file, and
 * the loader's refusal of a bad magic, another version, truncation,
 * trailing bytes, a checksum mismatch, a tensor table that does not match
 * the configuration, and a configuration other than the expected one.
 */
#include "nn_weights.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static nn_model *tiny_model(void)
{
    nn_config cfg;
    nn_config_default(&cfg);
    cfg.d = 8;
    cfg.heads = 2;
    cfg.layers = 1;
    cfg.ff = 4;
    nn_model *m = NULL;
    ck_assert_int_eq(nn_model_create(&m, &cfg, 9), CORTO_OK);
    m->steps = 1234;
    snprintf(m->data, sizeof m->data, "uniform cvrp 20");
    return m;
}

static corto_status decode(const unsigned char *b, size_t len,
                           const nn_config *expect, corto_diag *diag)
{
    nn_model *m = NULL;
    memset(diag, 0, sizeof *diag);
    corto_status rc = nn_weights_decode(&m, b, len, expect, diag);
    ck_assert(rc == CORTO_OK || m == NULL);
    nn_model_destroy(m);
    return rc;
}

/* Rewrite the trailing checksum after an edit. */
static void fix_crc(unsigned char *b, size_t len)
{
    uint32_t c = nn_crc32(b, len - 4);
    for (int k = 0; k < 4; k++)
        b[len - 4 + (size_t)k] = (unsigned char)(c >> (8 * k));
}

START_TEST(crc32_check_value)
{
    ck_assert_uint_eq(nn_crc32((const unsigned char *)"123456789", 9),
                      0xCBF43926u);
}
END_TEST

START_TEST(round_trip_is_exact)
{
    nn_model *m = tiny_model();
    unsigned char *b = NULL;
    size_t len = 0;
    ck_assert_int_eq(nn_weights_encode(&b, &len, m), CORTO_OK);
    ck_assert_mem_eq(b, "CORTO-NN", 8);
    nn_model *r = NULL;
    corto_diag diag = {0};
    ck_assert_int_eq(nn_weights_decode(&r, b, len, &m->cfg, &diag), CORTO_OK);
    ck_assert_uint_eq(r->total, m->total);
    ck_assert_mem_eq(r->v, m->v, m->total * sizeof *m->v);
    ck_assert_uint_eq(r->seed, 9);
    ck_assert_int_eq(r->steps, 1234);
    ck_assert_str_eq(r->data, "uniform cvrp 20");

    char path[256];
    test_temp_file(path, sizeof path, ".cnn", "");
    ck_assert_int_eq(nn_weights_save(m, path, &diag), CORTO_OK);
    nn_model *f = NULL;
    ck_assert_int_eq(nn_weights_load(&f, path, NULL, &diag), CORTO_OK);
    ck_assert_mem_eq(f->v, m->v, m->total * sizeof *m->v);
    remove(path);
    ck_assert_int_eq(nn_weights_load(&f, path, NULL, &diag), CORTO_ERR_IO);
    ck_assert_ptr_nonnull(strstr(diag.message, path));
    nn_model_destroy(f);
    nn_model_destroy(r);
    nn_model_destroy(m);
    free(b);
}
END_TEST

START_TEST(bad_files_are_refused)
{
    nn_model *m = tiny_model();
    unsigned char *b = NULL;
    size_t len = 0;
    corto_diag diag;
    ck_assert_int_eq(nn_weights_encode(&b, &len, m), CORTO_OK);
    unsigned char *c = malloc(len + 1);
    ck_assert_ptr_nonnull(c);

    memcpy(c, b, len);
    c[0] = 'X';
    ck_assert_int_eq(decode(c, len, NULL, &diag), CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "magic"));

    memcpy(c, b, len);
    c[8] = 2;
    ck_assert_int_eq(decode(c, len, NULL, &diag), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(diag.message, "version"));

    /* Every truncation is refused. */
    for (size_t cut = 0; cut < len; cut += 1 + cut / 7)
        ck_assert_int_ne(decode(b, cut, NULL, &diag), CORTO_OK);
    ck_assert_int_eq(decode(b, len - 1, NULL, &diag), CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "truncated"));

    memcpy(c, b, len);
    c[len] = 0;
    ck_assert_int_eq(decode(c, len + 1, NULL, &diag), CORTO_ERR_PARSE);

    /* One flipped bit in the values. */
    memcpy(c, b, len);
    c[len - 40] ^= 0x10;
    ck_assert_int_eq(decode(c, len, NULL, &diag), CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "checksum"));

    /* A renamed tensor with a valid checksum. */
    memcpy(c, b, len);
    unsigned char *name = NULL;
    for (size_t k = 0; k + 7 <= len && !name; k++)
        if (memcmp(c + k, "embed.b", 7) == 0)
            name = c + k;
    ck_assert_ptr_nonnull(name);
    name[6] = 'q';
    fix_crc(c, len);
    ck_assert_int_eq(decode(c, len, NULL, &diag), CORTO_ERR_PARSE);
    ck_assert_ptr_nonnull(strstr(diag.message, "embed.q"));

    /* A sound file with another configuration than the one asked for. */
    nn_config want;
    nn_config_default(&want);
    ck_assert_int_eq(decode(b, len, &want, &diag), CORTO_ERR_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(diag.message, "expected"));
    ck_assert_int_eq(decode(b, len, &m->cfg, &diag), CORTO_OK);

    free(c);
    free(b);
    nn_model_destroy(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nn_weights");
    TCase *tc = tcase_create("file");
    tcase_add_test(tc, crc32_check_value);
    tcase_add_test(tc, round_trip_is_exact);
    tcase_add_test(tc, bad_files_are_refused);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
