/*
 * args.c — command-line parsing for the corto subcommands, driven by the
 * library's option table so the CLI, parameter files and the library share
 * one list of keys, and the help text generated from that same table.
 */
#include "args.h"
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The table entry for `key` (length len), or NULL. */
static const corto_option_info *args_find(const char *key, size_t len)
{
    size_t n = 0;
    const corto_option_info *t = corto_option_table(&n);
    for (size_t k = 0; k < n; k++)
        if (strlen(t[k].key) == len && strncmp(t[k].key, key, len) == 0)
            return &t[k];
    return NULL;
}

static int args_is_bool(const corto_option_info *info)
{
    return strcmp(info->type, "bool") == 0;
}

/* Set one table option through the library; one error line on failure. */
static int args_set(args *a, const char *key, const char *value)
{
    corto_diag diag = {0};
    corto_status rc = corto_options_set(&a->opt, key, value, &diag);
    if (rc == CORTO_OK)
        return 0;
    if (diag.message[0])
        cli_error("%s", diag.message);
    else
        cli_error("bad value '%s' for option --%s", value, key);
    return CLI_EXIT_INPUT;
}

/* A word made only of the digits of a verbosity level (0..9). */
static int args_is_level(const char *s)
{
    return s && isdigit((unsigned char)s[0]) && s[1] == '\0';
}

static int args_format(args *a, const char *value)
{
    static const struct {
        const char *name;
        corto_format format;
    } formats[] = {{"sol", CORTO_FORMAT_SOL},
                   {"tour", CORTO_FORMAT_TOUR},
                   {"json", CORTO_FORMAT_JSON},
                   {"auto", CORTO_FORMAT_AUTO}};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(value, formats[k].name) == 0) {
            a->format = formats[k].format;
            return 0;
        }
    cli_error("bad value '%s' for option --format (expected sol|tour|json)",
              value);
    return CLI_EXIT_INPUT;
}

/*
 * The value of an option that takes one: the text after '=' when given,
 * else the next word (consumed). NULL, after an error line, when missing.
 */
static const char *args_value(const char *name, const char *eq, int argc,
                              char **argv, int *i, const char *type)
{
    if (eq)
        return eq + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    cli_error("option --%s needs a value (%s)", name, type);
    return NULL;
}

/* Raise the verbosity by `by` levels, at most to 2. */
static int args_more_verbose(args *a, int by)
{
    char buf[16];
    int level = a->opt.verbose + by;
    snprintf(buf, sizeof buf, "%d", level > 2 ? 2 : level);
    return args_set(a, "verbose", buf);
}

/* One long option "--name[=value]" at argv[*i]. */
static int args_long(args *a, const args_spec *spec, int argc, char **argv,
                     int *i)
{
    const char *word = argv[*i];
    const char *name = word + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    char key[128];
    if (len >= sizeof key)
        len = sizeof key - 1;
    memcpy(key, name, len);
    key[len] = '\0';

    if (eq && (strcmp(key, "help") == 0 ||
               (spec->output_options && strcmp(key, "quiet") == 0))) {
        cli_error("option --%s takes no value", key);
        return CLI_EXIT_INPUT;
    }
    if (strcmp(key, "help") == 0) {
        a->help = 1;
        return 0;
    }
    if (spec->output_options) {
        if (strcmp(key, "quiet") == 0) {
            a->quiet = 1;
            return 0;
        }
        if (strcmp(key, "out") == 0) {
            a->out = args_value(key, eq, argc, argv, i, "FILE");
            return a->out ? 0 : CLI_EXIT_INPUT;
        }
        if (strcmp(key, "trace") == 0) {
            a->trace = args_value(key, eq, argc, argv, i, "FILE");
            return a->trace ? 0 : CLI_EXIT_INPUT;
        }
        if (strcmp(key, "model") == 0) {
            a->model = args_value(key, eq, argc, argv, i, "FILE");
            return a->model ? 0 : CLI_EXIT_INPUT;
        }
        if (strcmp(key, "format") == 0) {
            const char *v =
                args_value(key, eq, argc, argv, i, "sol|tour|json");
            return v ? args_format(a, v) : CLI_EXIT_INPUT;
        }
    }
    if (spec->solver_options) {
        /* --verbose alone raises the level; --verbose N sets it. */
        if (strcmp(key, "verbose") == 0 && !eq &&
            !(*i + 1 < argc && args_is_level(argv[*i + 1])))
            return args_more_verbose(a, 1);
        const corto_option_info *info = args_find(key, len);
        if (info) {
            if (args_is_bool(info) && !eq)
                return args_set(a, info->key, "true");
            const char *v = args_value(key, eq, argc, argv, i, info->type);
            return v ? args_set(a, info->key, v) : CLI_EXIT_INPUT;
        }
        if (strncmp(key, "no-", 3) == 0 && !eq) {
            info = args_find(key + 3, len - 3);
            if (info && args_is_bool(info))
                return args_set(a, info->key, "false");
        }
    }
    cli_error("unknown option '--%s' (see 'corto %s --help')", key,
              spec->command);
    return CLI_EXIT_INPUT;
}

/* A cluster of short options such as "-q", "-vv", "-o FILE". */
static int args_short(args *a, const args_spec *spec, int argc, char **argv,
                      int *i)
{
    const char *word = argv[*i];
    for (const char *c = word + 1; *c; c++) {
        if (*c == 'h') {
            a->help = 1;
        } else if (*c == 'v' && spec->solver_options) {
            int rc = args_more_verbose(a, 1);
            if (rc)
                return rc;
        } else if (*c == 'q' && spec->output_options) {
            a->quiet = 1;
        } else if (*c == 'o' && spec->output_options) {
            if (c[1]) {
                a->out = c + 1;
            } else if (*i + 1 < argc) {
                a->out = argv[++*i];
            } else {
                cli_error("option -o needs a value (FILE)");
                return CLI_EXIT_INPUT;
            }
            return 0;
        } else {
            cli_error("unknown option '-%c' (see 'corto %s --help')", *c,
                      spec->command);
            return CLI_EXIT_INPUT;
        }
    }
    return 0;
}

int args_parse(args *a, const args_spec *spec, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    corto_options_init(&a->opt);
    a->format = CORTO_FORMAT_AUTO;
    int operands_only = 0;
    for (int i = 0; i < argc; i++) {
        const char *w = argv[i];
        int rc = 0;
        if (!operands_only && strcmp(w, "--") == 0) {
            operands_only = 1;
            continue;
        }
        if (!operands_only && w[0] == '-' && w[1] == '-')
            rc = args_long(a, spec, argc, argv, &i);
        else if (!operands_only && w[0] == '-' && w[1] != '\0')
            rc = args_short(a, spec, argc, argv, &i);
        else if (a->n_positional < spec->max_positional)
            a->positional[a->n_positional++] = w;
        else {
            cli_error("unexpected argument '%s' (see 'corto %s --help')", w,
                      spec->command);
            rc = CLI_EXIT_INPUT;
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* Metavariable shown after --KEY for a table type. */
static void args_metavar(char *buf, size_t size, const corto_option_info *in)
{
    if (args_is_bool(in))
        snprintf(buf, size, "[=BOOL]");
    else if (strchr(in->type, '|'))
        snprintf(buf, size, " %s", in->type);
    else if (strcmp(in->type, "seconds") == 0)
        snprintf(buf, size, " SECONDS");
    else
        snprintf(buf, size, " N");
}

/*
 * Print `text` word-wrapped to 79 columns, the first line continuing at
 * column `col` and later lines indented to `indent`.
 */
static void args_wrap(FILE *f, const char *text, int col, int indent)
{
    const char *p = text;
    while (*p) {
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        int wlen = (int)(end - p);
        if (col > indent && col + 1 + wlen > 79) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fprintf(f, "%.*s", wlen, p);
        col += wlen;
        p = *end ? end + 1 : end;
    }
    fputc('\n', f);
}

void args_print_option_table(FILE *f)
{
    enum { HELP_COL = 32 };
    size_t n = 0;
    const corto_option_info *t = corto_option_table(&n);
    for (size_t k = 0; k < n; k++) {
        char meta[128], text[512];
        args_metavar(meta, sizeof meta, &t[k]);
        int col = fprintf(f, "  --%s%s", t[k].key, meta);
        if (col + 2 > HELP_COL) {
            fprintf(f, "\n%*s", HELP_COL, "");
        } else {
            fprintf(f, "%*s", HELP_COL - col, "");
        }
        /* A choice already shows its values as the metavariable. */
        if (strchr(t[k].type, '|'))
            snprintf(text, sizeof text, "%s (default %s)", t[k].help,
                     t[k].default_value);
        else
            snprintf(text, sizeof text, "%s (%s, default %s)", t[k].help,
                     t[k].type, t[k].default_value);
        args_wrap(f, text, HELP_COL, HELP_COL);
    }
}
