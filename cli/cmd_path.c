/*
 * cmd_path.c — `corto path`: shortest paths on a road graph (DIMACS .gr,
 * the 0-based .gr variant, .cnode/.cedge) between two nodes, or on a
 * Moving AI grid map for one pair of cells or every line of a scenario
 * file.
 */
#include "cli.h"
#include "graph.h"
#include "graph_read.h"
#include "grid.h"
#include "named_args.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Landmarks and seed for A* on graphs without usable coordinates. */
#define PATH_LANDMARKS 8
#define PATH_ALT_SEED  1

void cmd_path_help(void)
{
    printf(
        "usage: corto path GRAPH --from U --to V [--algorithm ALG] "
        "[--coords FILE]\n"
        "       corto path MAP --from X,Y --to X,Y\n"
        "       corto path MAP --scen SCEN [--out FILE]\n"
        "\n"
        "Shortest path on a road graph: DIMACS .gr (1-based, optional .co "
        "coordinates,\n"
        "found next to the .gr or given with --coords), the 0-based "
        "'a u v w' .gr\n"
        "variant, or a .cnode/.cedge pair (name either file); gzip input is "
        "read too.\n"
        "U and V are node ids as numbered in the file. Prints the length "
        "on the first\n"
        "line and the node ids of the path, space separated, on the "
        "second.\n"
        "\n"
        "  --algorithm ALG   dijkstra (default), bidir (bidirectional "
        "Dijkstra),\n"
        "                    astar (Euclidean bound with coordinates, else "
        "ALT landmarks),\n"
        "                    igraph (igraph's Dijkstra)\n"
        "\n"
        "On a Moving AI .map (8-connected, diagonal cost sqrt(2), no corner "
        "cutting, A*\n"
        "with the octile heuristic): --from/--to take cells as X,Y (column, "
        "row, from\n"
        "0 at the top-left) and print the length; --scen solves every line "
        "of a .scen\n"
        "file and writes one length per line, in order, to --out (stdout "
        "without it).\n"
        "\n"
        "When there is no path the length is the word 'unreachable' (and "
        "the node line\n"
        "is left out).\n"
        "Exit status: 0 every path found, 1 some target unreachable, 2 bad "
        "input or\n"
        "usage, 3 internal error (igraph errors included).\n");
}

typedef struct path_args {
    const char *file, *from, *to, *algorithm, *coords, *scen, *out;
    int help;
} path_args;

/* Parse argv into *a; one error line and CLI_EXIT_INPUT on failure. */
static int path_parse(path_args *a, int argc, char **argv)
{
    static const cli_named opts[] = {
        {"from", offsetof(path_args, from)},
        {"to", offsetof(path_args, to)},
        {"algorithm", offsetof(path_args, algorithm)},
        {"coords", offsetof(path_args, coords)},
        {"scen", offsetof(path_args, scen)},
        {"out", offsetof(path_args, out)}};
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        if (cli_named_word(a, opts, sizeof opts / sizeof opts[0], "path",
                           &a->file, "GRAPH or MAP", &a->help, argc, argv, &i))
            return CLI_EXIT_INPUT;
    }
    return 0;
}

/* A whole decimal integer. */
static int path_parse_id(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end != '\0')
        return 0;
    *out = v;
    return 1;
}

/* A cell "X,Y". */
static int path_parse_cell(const char *s, int *x, int *y)
{
    char tail;
    return sscanf(s, "%d,%d%c", x, y, &tail) == 2;
}

static int path_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Print a length: %.10g, or "unreachable". */
static void path_put_length(FILE *f, double length)
{
    if (isfinite(length))
        fprintf(f, "%.10g\n", length);
    else
        fputs("unreachable\n", f);
}

static int path_flush(FILE *f, const char *what)
{
    if (fflush(f) != 0 || ferror(f)) {
        cli_error("%s: cannot write", what);
        return CLI_EXIT_INTERNAL;
    }
    return CLI_EXIT_OK;
}

/* `corto path MAP ...`: one pair of cells or a whole scenario file. */
static int path_grid(const path_args *a)
{
    grid_map map;
    grid_ws *ws = NULL;
    grid_scen *scen = NULL;
    corto_diag diag = {0};
    FILE *out = NULL;
    int n_scen = 0, status = CLI_EXIT_OK;
    corto_status rc = grid_map_read(&map, a->file, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, a->file);
    rc = grid_ws_create(&ws, &map);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, NULL, a->file);
        goto cleanup;
    }
    if (!a->scen) {
        int sx, sy, gx, gy;
        if (!path_parse_cell(a->from, &sx, &sy) ||
            !path_parse_cell(a->to, &gx, &gy)) {
            cli_error("--from and --to take a cell X,Y on a map (got '%s', "
                      "'%s')",
                      a->from, a->to);
            status = CLI_EXIT_INPUT;
            goto cleanup;
        }
        if (sx < 0 || sy < 0 || gx < 0 || gy < 0 || sx >= map.width ||
            gx >= map.width || sy >= map.height || gy >= map.height) {
            cli_error("cell outside the %d x %d map %s", map.width, map.height,
                      a->file);
            status = CLI_EXIT_INPUT;
            goto cleanup;
        }
        double len;
        rc = grid_astar(&len, NULL, ws, &map, sx, sy, gx, gy);
        if (rc != CORTO_OK) {
            status = cli_fail(rc, NULL, a->file);
            goto cleanup;
        }
        path_put_length(stdout, len);
        status = path_flush(stdout, "<stdout>");
        if (status == CLI_EXIT_OK && !isfinite(len))
            status = CLI_EXIT_INFEASIBLE;
        goto cleanup;
    }
    rc = grid_scen_read(&scen, &n_scen, a->scen, &map, &diag);
    if (rc != CORTO_OK) {
        status = cli_fail(rc, &diag, a->scen);
        goto cleanup;
    }
    out = a->out ? fopen(a->out, "w") : stdout;
    if (!out) {
        cli_error("%s: cannot open for writing: %s", a->out, strerror(errno));
        status = CLI_EXIT_INPUT;
        goto cleanup;
    }
    int unreachable = 0;
    for (int k = 0; k < n_scen; k++) {
        double len;
        const grid_scen *s = &scen[k];
        rc = grid_astar(&len, NULL, ws, &map, s->sx, s->sy, s->gx, s->gy);
        if (rc != CORTO_OK) {
            status = cli_fail(rc, NULL, a->scen);
            goto cleanup;
        }
        unreachable += !isfinite(len);
        path_put_length(out, len);
    }
    status = path_flush(out, a->out ? a->out : "<stdout>");
    if (status == CLI_EXIT_OK && unreachable)
        status = CLI_EXIT_INFEASIBLE;

cleanup:
    if (out && out != stdout && fclose(out) != 0 && status == CLI_EXIT_OK) {
        cli_error("%s: cannot write", a->out);
        status = CLI_EXIT_INTERNAL;
    }
    free(scen);
    grid_ws_destroy(ws);
    grid_map_free(&map);
    return status;
}

/* `corto path GRAPH --from U --to V`. */
static int path_graph(const path_args *a)
{
    graph g;
    graph_path p = {0};
    path_ws *ws = NULL;
    corto_diag diag = {0};
    int status = CLI_EXIT_OK;
    const char *alg = a->algorithm ? a->algorithm : "dijkstra";
    if (strcmp(alg, "dijkstra") != 0 && strcmp(alg, "bidir") != 0 &&
        strcmp(alg, "astar") != 0 && strcmp(alg, "igraph") != 0) {
        cli_error("bad value '%s' for option --algorithm (expected "
                  "dijkstra|bidir|astar|igraph)",
                  alg);
        return CLI_EXIT_INPUT;
    }
    long long from, to;
    if (!path_parse_id(a->from, &from) || !path_parse_id(a->to, &to)) {
        cli_error("--from and --to take node ids (got '%s', '%s')", a->from,
                  a->to);
        return CLI_EXIT_INPUT;
    }
    corto_status rc = graph_read(&g, a->file, a->coords, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, diag.message[0] ? NULL : a->file);
    int s = graph_node_of(&g, from), t = graph_node_of(&g, to);
    if (s < 0 || t < 0) {
        cli_error("%s: node %lld is not in the graph (ids %lld..%lld)",
                  a->file, s < 0 ? from : to, (long long)graph_file_id(&g, 0),
                  (long long)graph_file_id(&g, g.n - 1));
        status = CLI_EXIT_INPUT;
        goto cleanup;
    }
    if (strcmp(alg, "igraph") == 0) {
        rc = graph_igraph_dijkstra(&p, &g, s, t, &diag);
    } else {
        rc = path_ws_create(&ws, g.n);
        if (rc == CORTO_OK && strcmp(alg, "astar") == 0)
            rc = graph_astar_prepare(&g, PATH_LANDMARKS, PATH_ALT_SEED);
        if (rc == CORTO_OK) {
            if (strcmp(alg, "dijkstra") == 0)
                rc = graph_dijkstra(&p, ws, &g, s, t);
            else if (strcmp(alg, "bidir") == 0)
                rc = graph_bidijkstra(&p, ws, &g, s, t);
            else
                rc = graph_astar(&p, ws, &g, s, t);
        }
    }
    if (rc != CORTO_OK) {
        status = cli_fail(rc, &diag, a->file);
        goto cleanup;
    }
    path_put_length(stdout, p.reachable ? p.length : INFINITY);
    if (p.reachable) {
        for (int k = 0; k < p.n_nodes; k++)
            printf(k ? " %lld" : "%lld",
                   (long long)graph_file_id(&g, p.nodes[k]));
        putchar('\n');
    }
    status = path_flush(stdout, "<stdout>");
    if (status == CLI_EXIT_OK && !p.reachable)
        status = CLI_EXIT_INFEASIBLE;

cleanup:
    graph_path_free(&p);
    path_ws_destroy(ws);
    graph_free(&g);
    return status;
}

int cmd_path(int argc, char **argv)
{
    path_args a;
    int status = path_parse(&a, argc, argv);
    if (status)
        return status;
    if (a.help) {
        cmd_path_help();
        return CLI_EXIT_OK;
    }
    if (!a.file) {
        cli_error("path needs a GRAPH or MAP file (see 'corto path --help')");
        return CLI_EXIT_INPUT;
    }
    int is_map = a.scen || path_ends_with(a.file, ".map") ||
                 path_ends_with(a.file, ".map.gz");
    if (a.scen && (a.from || a.to)) {
        cli_error("--scen cannot be combined with --from/--to");
        return CLI_EXIT_INPUT;
    }
    if (!a.scen && (!a.from || !a.to)) {
        cli_error("path needs --from and --to%s",
                  is_map ? " (or --scen)" : "");
        return CLI_EXIT_INPUT;
    }
    if (is_map && (a.algorithm || a.coords)) {
        cli_error("--%s applies to road graphs, not to maps",
                  a.algorithm ? "algorithm" : "coords");
        return CLI_EXIT_INPUT;
    }
    if (!is_map && a.out) {
        cli_error("--out applies to --scen on a map");
        return CLI_EXIT_INPUT;
    }
    return is_map ? path_grid(&a) : path_graph(&a);
}
