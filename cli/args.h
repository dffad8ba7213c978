/*
 * args.h — command-line parsing for the corto subcommands. Every key of the
 * library's option table (corto_option_table) is an option --KEY VALUE or
 * --KEY=VALUE, parsed with corto_options_set; bool keys are also bare flags
 * (--KEY sets true, --no-KEY sets false). A few options belong to the
 * command itself (--out, --trace, --format, --quiet, --verbose/-v,
 * --help).
 */
#ifndef CORTO_CLI_ARGS_H
#define CORTO_CLI_ARGS_H

#include "corto.h"

#include <stdio.h>

#define ARGS_MAX_POSITIONAL 8

/* What a subcommand accepts besides --help. */
typedef struct args_spec {
    const char *command; /* "solve", "check": for messages */
    int max_positional;  /* operands allowed (FILE, SOLUTION) */
    int solver_options;  /* 1: the option table, --verbose/-v */
    int output_options;  /* 1: --out, --format, --quiet */
} args_spec;

typedef struct args {
    corto_options opt;
    const char *positional[ARGS_MAX_POSITIONAL];
    int n_positional;
    const char *out;     /* --out FILE, NULL = stdout */
    const char *trace;   /* --trace FILE: best cost over time, or NULL */
    const char *model;   /* --model FILE: neural weights, or NULL */
    corto_format format; /* --format, CORTO_FORMAT_AUTO when absent */
    int quiet;           /* --quiet: no summary or progress */
    int help;            /* --help / -h was given */
} args;

/*
 * Parse argv[0..argc) (the words after the subcommand) into *a, which
 * starts from the library's defaults. Returns 0, or CLI_EXIT_INPUT after
 * printing one line on stderr naming the offending argument.
 */
int args_parse(args *a, const args_spec *spec, int argc, char **argv);

/*
 * Print the option table (keys, types, defaults, help) as help text,
 * generated from corto_option_table so it never drifts from the library.
 */
void args_print_option_table(FILE *f);

#endif /* CORTO_CLI_ARGS_H */
