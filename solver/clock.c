/*
 * clock.c — process CPU time through clock_gettime.
 */
#define _POSIX_C_SOURCE 200809L
#include "clock.h"

#include <time.h>

double clock_cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return (double)clock() / CLOCKS_PER_SEC;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
