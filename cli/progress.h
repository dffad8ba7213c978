/*
 * progress.h — what the corto command shows on stderr while it solves: a
 * progress line overwritten in place (only when stderr is a terminal), the
 * library's log lines, and stopping cleanly on the first Ctrl-C.
 */
#ifndef CORTO_CLI_PROGRESS_H
#define CORTO_CLI_PROGRESS_H

#include "corto.h"

typedef struct progress {
    int show;  /* 1: draw the progress line (stderr is a terminal) */
    int drawn; /* width of the line currently on screen, 0 if none */
} progress;

/*
 * Prepare *pr and hook it into *opt: the progress callback (which also
 * stops the solve after SIGINT) and the log callback. The line is drawn
 * only when `show` is set and stderr is a terminal.
 */
void progress_attach(progress *pr, corto_options *opt, int show);

/* Erase the progress line, if one is on screen. */
void progress_clear(progress *pr);

/* 1 once SIGINT has asked the solve to stop. */
int progress_interrupted(void);

/* Install the SIGINT handler (the second Ctrl-C kills as usual). */
void progress_catch_interrupt(void);

#endif /* CORTO_CLI_PROGRESS_H */
