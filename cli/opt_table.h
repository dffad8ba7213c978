/*
 * opt_table.h — a small table-driven parser for the subcommands whose
 * options are plain strings (path, matrix): one operand (the input file),
 * options --NAME VALUE or --NAME=VALUE stored as borrowed strings in the
 * caller's struct, flags --NAME stored as "1" (-q and -v stand for
 * --quiet and --verbose), and --help / -h.
 */
#ifndef CORTO_CLI_OPT_TABLE_H
#define CORTO_CLI_OPT_TABLE_H

#include <stddef.h>

typedef struct cli_opt {
    const char *name;
    size_t field; /* offsetof the const char * member */
    int flag;     /* 1: takes no value */
} cli_opt;

/* What a table-parsed command line gives besides its options. */
typedef struct cli_operand {
    const char *file; /* the one operand, or NULL */
    int help;         /* --help or -h seen */
} cli_operand;

/*
 * Parse argv[0..argc) into the fields of dst named by opts[0..n_opts)
 * (unset fields stay as they are). Returns 0, or CLI_EXIT_INPUT after one
 * error line that names `command` and the offending word.
 */
int cli_opt_parse(void *dst, cli_operand *operand, const cli_opt *opts,
                  size_t n_opts, const char *command, const char *operand_name,
                  int argc, char **argv);

#endif /* CORTO_CLI_OPT_TABLE_H */
