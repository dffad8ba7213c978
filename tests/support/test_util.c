/*
 * test_util.c — implementation of the shared test helpers.
 */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int test_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

char *test_source_path(char *buf, size_t size, const char *relative)
{
    snprintf(buf, size, "%s/%s", CORTO_SOURCE_DIR, relative);
    return buf;
}

char *test_shared_path(char *buf, size_t size, const char *relative)
{
    struct stat st;
    const char *root = getenv("CORTO_SHARED_INSTANCES");
    char base[4096];
    if (root)
        snprintf(base, sizeof base, "%s", root);
    else
        snprintf(base, sizeof base, "%s/instances", CORTO_SHARED_DIR);
    if (stat(base, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    snprintf(buf, size, "%s/%s", base, relative);
    return buf;
}

char *test_temp_file(char *buf, size_t size, const char *suffix,
                     const char *text)
{
    snprintf(buf, size, "/tmp/corto_test_XXXXXX%s", suffix);
    int fd = mkstemps(buf, (int)strlen(suffix));
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return buf;
}
