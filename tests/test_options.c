/*
 * test_options.c — the option table: defaults, parsing, errors.
 */
#include "corto.h"
#include "test_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(defaults_match_table)
{
    corto_options o;
    corto_options_init(&o);
    ck_assert_double_eq(o.time_limit, 10.0);
    ck_assert_int_eq(o.iterations, 0);
    ck_assert_uint_eq(o.seed, 1);
    ck_assert_int_eq(o.init, CORTO_INIT_AUTO);
    ck_assert_int_eq(o.construct_only, 0);
    ck_assert_int_eq(o.local_search, 1);
    ck_assert_double_eq(o.progress_interval, 0.25);
}
END_TEST

START_TEST(set_parses_each_type)
{
    corto_options o;
    corto_diag d;
    corto_options_init(&o);
    ck_assert_int_eq(corto_options_set(&o, "time-limit", "2.5", &d), CORTO_OK);
    ck_assert_double_eq(o.time_limit, 2.5);
    ck_assert_int_eq(corto_options_set(&o, "iterations", "1000", &d),
                     CORTO_OK);
    ck_assert_int_eq(o.iterations, 1000);
    ck_assert_int_eq(corto_options_set(&o, "seed", "18446744073709551615", &d),
                     CORTO_OK);
    ck_assert_uint_eq(o.seed, UINT64_MAX);
    ck_assert_int_eq(corto_options_set(&o, "init", "nearest", &d), CORTO_OK);
    ck_assert_int_eq(o.init, CORTO_INIT_NEAREST);
    ck_assert_int_eq(corto_options_set(&o, "construct-only", "yes", &d),
                     CORTO_OK);
    ck_assert_int_eq(o.construct_only, 1);
}
END_TEST

START_TEST(set_rejects_bad_input)
{
    corto_options o;
    corto_diag d;
    corto_options_init(&o);
    ck_assert_int_eq(corto_options_set(&o, "no-such", "1", &d),
                     CORTO_ERR_OPTION);
    ck_assert_ptr_nonnull(strstr(d.message, "no-such"));
    ck_assert_int_eq(corto_options_set(&o, "time-limit", "-1", &d),
                     CORTO_ERR_OPTION);
    ck_assert_int_eq(corto_options_set(&o, "time-limit", "abc", &d),
                     CORTO_ERR_OPTION);
    ck_assert_int_eq(corto_options_set(&o, "seed", "-3", &d),
                     CORTO_ERR_OPTION);
    ck_assert_int_eq(corto_options_set(&o, "init", "magic", &d),
                     CORTO_ERR_OPTION);
    ck_assert_int_eq(corto_options_set(&o, "construct-only", "maybe", &d),
                     CORTO_ERR_OPTION);
    /* A rejected value leaves the option unchanged. */
    ck_assert_double_eq(o.time_limit, 10.0);
}
END_TEST

START_TEST(table_lists_every_key_once)
{
    size_t n = 0;
    const corto_option_info *t = corto_option_table(&n);
    ck_assert_uint_ge(n, 6);
    for (size_t i = 0; i < n; i++) {
        ck_assert_ptr_nonnull(t[i].help);
        for (size_t j = i + 1; j < n; j++)
            ck_assert_str_ne(t[i].key, t[j].key);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, defaults_match_table);
    tcase_add_test(tc, set_parses_each_type);
    tcase_add_test(tc, set_rejects_bad_input);
    tcase_add_test(tc, table_lists_every_key_once);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
