/*
 * main.c — the corto command: dispatch to the subcommands (solve, check,
 * help), --help and --version, and the one-line error reporting every
 * subcommand uses. This folder is the only code in corto that prints or
 * exits.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int cli_exit_for(corto_status status)
{
    switch (status) {
    case CORTO_OK:
        return CLI_EXIT_OK;
    case CORTO_ERR_NOMEM:
    case CORTO_ERR_EXTERNAL:
    case CORTO_ERR_INTERNAL:
        return CLI_EXIT_INTERNAL;
    case CORTO_ERR_ARGUMENT:
    case CORTO_ERR_IO:
    case CORTO_ERR_PARSE:
    case CORTO_ERR_UNSUPPORTED:
    case CORTO_ERR_MODEL:
    case CORTO_ERR_OPTION:
        return CLI_EXIT_INPUT;
    }
    return CLI_EXIT_INTERNAL;
}

/* Print s on stderr with line breaks turned into spaces: one line only. */
static void cli_put_one_line(const char *s)
{
    for (; *s; s++)
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, stderr);
}

void cli_error(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fputs("corto: ", stderr);
    cli_put_one_line(buf);
    fputc('\n', stderr);
    fflush(stderr);
}

int cli_fail(corto_status status, const corto_diag *diag, const char *path)
{
    const char *what = corto_status_string(status);
    if (diag && diag->message[0]) {
        if (path && !strstr(diag->message, path))
            cli_error("%s: %s", path, diag->message);
        else
            cli_error("%s", diag->message);
    } else if (path) {
        cli_error("%s: %s", path, what);
    } else {
        cli_error("%s", what);
    }
    return cli_exit_for(status);
}

static void cli_usage(FILE *f)
{
    fprintf(f,
            "usage: corto <command> [options]\n"
            "\n"
            "corto %s: vehicle routing and TSP solver.\n"
            "\n"
            "Commands:\n"
            "  solve [FILE]          solve an instance (the bundled default "
            "without FILE)\n"
            "                        and print the solution on stdout\n"
            "  check FILE SOLUTION   verify a solution against an instance\n"
            "  path FILE --from U --to V\n"
            "                        shortest path on a road graph or grid "
            "map\n"
            "  matrix GRAPH --points FILE\n"
            "                        distance/duration matrix between points "
            "on a road graph\n"
            "  train --out MODEL     train the neural construction policy\n"
            "  qubo FILE --problem KIND\n"
            "                        bqp, max-cut, MIS, MDKP, QAP or TSP as a "
            "QUBO\n"
            "  help [COMMAND]        show this help, or a command's options\n"
            "\n"
            "Options:\n"
            "  -h, --help            show this help\n"
            "  --version             print the version\n"
            "\n"
            "Run 'corto solve --help' for the solver options.\n"
            "Exit status: 0 success, 1 infeasible solution, 2 bad input or "
            "usage,\n"
            "3 internal error.\n",
            corto_version());
}

/* `corto help [COMMAND]`. */
static int cli_help(int argc, char **argv)
{
    if (argc < 1) {
        cli_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(argv[0], "solve") == 0)
        cmd_solve_help();
    else if (strcmp(argv[0], "check") == 0)
        cmd_check_help();
    else if (strcmp(argv[0], "path") == 0)
        cmd_path_help();
    else if (strcmp(argv[0], "matrix") == 0)
        cmd_matrix_help();
    else if (strcmp(argv[0], "train") == 0)
        cmd_train_help();
    else if (strcmp(argv[0], "qubo") == 0)
        cmd_qubo_help();
    else if (strcmp(argv[0], "help") == 0)
        cli_usage(stdout);
    else {
        cli_error("unknown command '%s' (see 'corto --help')", argv[0]);
        return CLI_EXIT_INPUT;
    }
    return CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_usage(stderr);
        return CLI_EXIT_INPUT;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "solve") == 0)
        return cmd_solve(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "path") == 0)
        return cmd_path(argc - 2, argv + 2);
    if (strcmp(cmd, "matrix") == 0)
        return cmd_matrix(argc - 2, argv + 2);
    if (strcmp(cmd, "train") == 0)
        return cmd_train(argc - 2, argv + 2);
    if (strcmp(cmd, "qubo") == 0)
        return cmd_qubo(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "-h") == 0)
        return cli_help(argc - 2, argv + 2);
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("corto %s\n", corto_version());
        if (corto_version_number() != CORTO_VERSION_NUMBER)
            fprintf(stderr,
                    "corto: warning: built with header %s, running "
                    "library %s\n",
                    CORTO_VERSION_STRING, corto_version());
        return CLI_EXIT_OK;
    }
    if (cmd[0] == '-')
        cli_error("unknown option '%s' (see 'corto --help')", cmd);
    else
        cli_error("unknown command '%s' (see 'corto --help')", cmd);
    return CLI_EXIT_INPUT;
}
