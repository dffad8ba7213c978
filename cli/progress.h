/*
 * progress.h — what the corto command shows on stderr while it solves: a
 * progress line overwritten in place (only when stderr is a terminal), the
 * library's log lines, and stopping cleanly on the first Ctrl-C.
 */
#ifndef CORTO_CLI_PROGRESS_H
#define CORTO_CLI_PROGRESS_H

#include "corto.h"

#include <stdio.h>

typedef struct progress {
    int show;           /* 1: draw the progress line (stderr is a terminal) */
    int drawn;          /* width of the line currently on screen, 0 if none */
    FILE *trace;        /* --trace: "cpu_s,iteration,best_cost" lines */
    int64_t last_trace; /* best cost of the last trace line */
    int decimals;       /* costs shown with corto_cost_format */
} progress;

/*
 * Prepare *pr and hook it into *opt: the progress callback (which also
 * stops the solve after SIGINT) and the log callback. The line is drawn
 * only when `show` is set and stderr is a terminal.
 */
void progress_attach(progress *pr, corto_options *opt, int show);
/* Show costs with this many decimals (corto_problem_cost_decimals). */
void progress_set_decimals(progress *pr, int decimals);

/*
 * Also record the best cost over time in `trace` (kept open by the
 * caller): a CSV header, then a line each time the best cost falls, as
 * the progress callback sees it. Asks for progress calls every 0.05 s.
 */
void progress_trace(progress *pr, corto_options *opt, FILE *trace);

/* Erase the progress line, if one is on screen. */
void progress_clear(progress *pr);

/* 1 once SIGINT has asked the solve to stop. */
int progress_interrupted(void);

/* Install the SIGINT handler (the second Ctrl-C kills as usual). */
void progress_catch_interrupt(void);

#endif /* CORTO_CLI_PROGRESS_H */
