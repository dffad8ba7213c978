/*
 * named_args.h — the word-by-word parsing the subcommands with their own
 * options (path, qubo) share: one FILE operand and --NAME VALUE or
 * --NAME=VALUE options stored as strings into the command's struct.
 */
#ifndef CORTO_CLI_NAMED_ARGS_H
#define CORTO_CLI_NAMED_ARGS_H

#include <stddef.h>

typedef struct cli_named {
    const char *name; /* without the leading "--" */
    size_t field;     /* offsetof the const char * it fills */
} cli_named;

/*
 * Handle argv[*i], which is not a flag of the command: --help / -h set
 * *help, an operand goes to *file (only one is allowed; `operand` names it in
 * the error), a
 * --NAME[=VALUE] in opts to its field of `base` (taking the next word as
 * the value, *i advanced). Returns 0, or CLI_EXIT_INPUT after one error
 * line mentioning 'corto COMMAND --help'.
 */
int cli_named_word(void *base, const cli_named *opts, size_t n_opts,
                   const char *command, const char **file, const char *operand,
                   int *help, int argc, char **argv, int *i);

#endif /* CORTO_CLI_NAMED_ARGS_H */
