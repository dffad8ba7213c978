/*
 * clock.h — CPU-time measurement and deadlines for the solve loop. Time
 * limits are in CPU seconds of the process, as benchmarks report them.
 */
#ifndef CORTO_CLOCK_H
#define CORTO_CLOCK_H

/* CPU seconds used by this process so far. */
double clock_cpu_seconds(void);

#endif /* CORTO_CLOCK_H */
