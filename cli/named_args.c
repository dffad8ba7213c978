/*
 * named_args.c — one operand and --NAME VALUE options for the subcommands
 * that keep their own option list (see named_args.h).
 */
#include "named_args.h"
#include "cli.h"

#include <string.h>

int cli_named_word(void *base, const cli_named *opts, size_t n_opts,
                   const char *command, const char **file, const char *operand,
                   int *help, int argc, char **argv, int *i)
{
    const char *w = argv[*i];
    if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) {
        *help = 1;
        return 0;
    }
    if (strncmp(w, "--", 2) != 0 || w[2] == '\0') {
        if (w[0] == '-' && w[1] != '\0') {
            cli_error("unknown option '%s' (see 'corto %s --help')", w,
                      command);
            return CLI_EXIT_INPUT;
        }
        if (*file) {
            cli_error("unexpected operand '%s' (%s takes one %s)", w, command,
                      operand);
            return CLI_EXIT_INPUT;
        }
        *file = w;
        return 0;
    }
    const char *name = w + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    size_t k = 0;
    while (k < n_opts && !(strlen(opts[k].name) == len &&
                           strncmp(opts[k].name, name, len) == 0))
        k++;
    if (k == n_opts) {
        cli_error("unknown option '--%.*s' (see 'corto %s --help')", (int)len,
                  name, command);
        return CLI_EXIT_INPUT;
    }
    const char *value = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
    if (!value) {
        cli_error("option --%s needs a value", opts[k].name);
        return CLI_EXIT_INPUT;
    }
    *(const char **)((char *)base + opts[k].field) = value;
    return 0;
}
