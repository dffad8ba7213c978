/*
 * opt_table.c — the table-driven option parser of opt_table.h.
 */
#include "opt_table.h"
#include "cli.h"

#include <string.h>

int cli_opt_parse(void *dst, cli_operand *operand, const cli_opt *opts,
                  size_t n_opts, const char *command, const char *operand_name,
                  int argc, char **argv)
{
    memset(operand, 0, sizeof *operand);
    for (int i = 0; i < argc; i++) {
        const char *w = argv[i];
        if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) {
            operand->help = 1;
            continue;
        }
        /* -q and -v are the short forms of --quiet and --verbose, as in
         * corto solve; they are unknown where the table lacks those. */
        if (strcmp(w, "-q") == 0)
            w = "--quiet";
        else if (strcmp(w, "-v") == 0)
            w = "--verbose";
        if (strncmp(w, "--", 2) != 0 || w[2] == '\0') {
            if (w[0] == '-' && w[1] != '\0') {
                cli_error("unknown option '%s' (see 'corto %s --help')", w,
                          command);
                return CLI_EXIT_INPUT;
            }
            if (operand->file) {
                cli_error("unexpected operand '%s' (%s takes one %s)", w,
                          command, operand_name);
                return CLI_EXIT_INPUT;
            }
            operand->file = w;
            continue;
        }
        const char *name = w + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        size_t k = 0;
        while (k < n_opts && !(strlen(opts[k].name) == len &&
                               strncmp(opts[k].name, name, len) == 0))
            k++;
        if (k == n_opts) {
            cli_error("unknown option '--%.*s' (see 'corto %s --help')",
                      (int)len, name, command);
            return CLI_EXIT_INPUT;
        }
        const char *value;
        if (opts[k].flag) {
            if (eq) {
                cli_error("option --%s takes no value", opts[k].name);
                return CLI_EXIT_INPUT;
            }
            value = "1";
        } else {
            value = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!value) {
                cli_error("option --%s needs a value", opts[k].name);
                return CLI_EXIT_INPUT;
            }
        }
        *(const char **)((char *)dst + opts[k].field) = value;
    }
    return 0;
}
