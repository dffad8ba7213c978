/*
 * test_util.h — helpers shared by the Check suites: running a suite,
 * locating bundled and shared instance folders, temporary files.
 */
#ifndef CORTO_TEST_UTIL_H
#define CORTO_TEST_UTIL_H

#include <check.h>
#include <stddef.h>

/* Run every test of suite s; returns the process exit status. */
int test_run_suite(Suite *s);

/* Path of a file under the source tree (e.g. "instances/default.vrp"),
 * written into buf; returns buf. */
char *test_source_path(char *buf, size_t size, const char *relative);

/* Path under ../shared/instances, or NULL when that tree is absent (the
 * tests that need it then skip themselves). */
char *test_shared_path(char *buf, size_t size, const char *relative);

/* Write `text` to a new temporary file whose name ends in `suffix`;
 * returns the path in buf (the caller removes it). */
char *test_temp_file(char *buf, size_t size, const char *suffix,
                     const char *text);

#endif /* CORTO_TEST_UTIL_H */
