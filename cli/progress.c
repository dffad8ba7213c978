/*
 * progress.c — the progress line, log lines and Ctrl-C handling of the
 * corto command. The library calls back; this file is the only place that
 * draws on the terminal while a solve runs.
 */
#include "progress.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t progress_sigint;

static void progress_on_sigint(int sig)
{
    (void)sig;
    progress_sigint = 1;
}

void progress_catch_interrupt(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = progress_on_sigint;
    sigemptyset(&sa.sa_mask);
    /* One-shot: a second Ctrl-C gets the default action and ends us. */
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, NULL);
}

int progress_interrupted(void)
{
    return progress_sigint != 0;
}

void progress_clear(progress *pr)
{
    if (!pr->drawn)
        return;
    fprintf(stderr, "\r%*s\r", pr->drawn, "");
    fflush(stderr);
    pr->drawn = 0;
}

/* Progress callback: redraw "best COST  TIME s  iteration N" in place. */
static int progress_update(void *user, int64_t best_cost, double elapsed_s,
                           int64_t iteration)
{
    progress *pr = user;
    char cost[32];
    if (best_cost == INT64_MAX)
        snprintf(cost, sizeof cost, "-");
    else
        corto_cost_format(cost, sizeof cost, best_cost, pr->decimals);
    if (pr->trace && best_cost != INT64_MAX && best_cost < pr->last_trace) {
        fprintf(pr->trace, "%.3f,%lld,%s\n", elapsed_s, (long long)iteration,
                cost);
        pr->last_trace = best_cost;
    }
    if (pr->show) {
        char line[128];
        int w = snprintf(line, sizeof line,
                         "corto: best %s  %.1f s  iteration %lld", cost,
                         elapsed_s, (long long)iteration);
        /* Pad over the remains of a longer previous line. */
        fprintf(stderr, "\r%s%*s", line, pr->drawn > w ? pr->drawn - w : 0,
                "");
        fflush(stderr);
        pr->drawn = w > pr->drawn ? w : pr->drawn;
    }
    return progress_sigint ? 1 : 0;
}

/* Log callback: one line on stderr, below any progress line. */
static void progress_log(void *user, int level, const char *line)
{
    progress *pr = user;
    progress_clear(pr);
    fprintf(stderr, "corto: %s%s\n", level > 0 ? "debug: " : "", line);
    fflush(stderr);
}

void progress_attach(progress *pr, corto_options *opt, int show)
{
    memset(pr, 0, sizeof *pr);
    pr->show = show && isatty(STDERR_FILENO);
    opt->progress = progress_update;
    opt->progress_user = pr;
    opt->log = progress_log;
    opt->log_user = pr;
    pr->last_trace = INT64_MAX;
}

void progress_set_decimals(progress *pr, int decimals)
{
    pr->decimals = decimals;
}

void progress_trace(progress *pr, corto_options *opt, FILE *trace)
{
    pr->trace = trace;
    fprintf(trace, "cpu_s,iteration,best_cost\n");
    if (opt->progress_interval > 0.05)
        opt->progress_interval = 0.05;
}
