/*
 * cli.h — what the parts of the corto command share: exit codes, the
 * one-line error reporting, and the entry points of the subcommands.
 */
#ifndef CORTO_CLI_H
#define CORTO_CLI_H

#include "corto.h"

/* Exit statuses of the corto command (documented in README.md). */
enum {
    CLI_EXIT_OK = 0,         /* success; for check: the solution is feasible */
    CLI_EXIT_INFEASIBLE = 1, /* the solution is infeasible */
    CLI_EXIT_INPUT = 2,      /* bad input file, option or command line */
    CLI_EXIT_INTERNAL = 3    /* out of memory, library or internal error */
};

/* Exit status for a failed library call. */
int cli_exit_for(corto_status status);

/*
 * Print exactly one line "corto: ..." on stderr for a failed library call
 * and return its exit status. The line is diag->message when there is one
 * (prefixed with `path` if the message does not already name it), else
 * "PATH: <what the status means>". diag and path may be NULL.
 */
int cli_fail(corto_status status, const corto_diag *diag, const char *path);

/* Print one line "corto: <formatted text>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_solve(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_matrix(int argc, char **argv);
void cmd_solve_help(void);
void cmd_check_help(void);
void cmd_path_help(void);
void cmd_matrix_help(void);
int cmd_train(int argc, char **argv);
void cmd_train_help(void);
int cmd_qubo(int argc, char **argv);
void cmd_qubo_help(void);

#endif /* CORTO_CLI_H */
