/*
 * cmd_matrix.c — `corto matrix`: the distance (and duration) matrix
 * between points on a road graph, computed with a contraction hierarchy
 * and bucket many-to-many searches, written as text, as an OSRM-table-like
 * JSON object, or as a TSPLIB EXPLICIT problem for `corto solve`.
 */
#include "ch.h"
#include "cli.h"
#include "graph.h"
#include "graph_read.h"
#include "opt_table.h"
#include "points_read.h"
#include "table_write.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void cmd_matrix_help(void)
{
    printf(
        "usage: corto matrix GRAPH --points FILE [--out M] [--format "
        "text|json|tsplib]\n"
        "                    [--weights distances|durations] [--distances "
        "FILE | --durations FILE]\n"
        "                    [--metric distances|durations] [--coords FILE]\n"
        "                    [--scale F] [--capacity Q --demands FILE] "
        "[--quiet]\n"
        "\n"
        "Shortest-path matrix between the points of FILE on a road graph "
        "(formats as\n"
        "for 'corto path'), from a contraction hierarchy with bucket "
        "many-to-many\n"
        "searches. FILE has one point per line: a node id as numbered in "
        "the graph\n"
        "file, or 'X Y' coordinates snapped to the nearest node with an arc "
        "(needs\n"
        "node coordinates); blank lines and text after '#' are ignored.\n"
        "\n"
        "  --weights W       what GRAPH's arc weights are (default "
        "distances); paths\n"
        "                    minimise them\n"
        "  --distances FILE, --durations FILE\n"
        "                    the other weight of the same arcs (same file "
        "format, same\n"
        "                    arcs in the same order); it is summed along "
        "the paths\n"
        "  --metric W        the matrix that text and tsplib write "
        "(default: GRAPH's)\n"
        "  --format text     n lines of n numbers, row-major; the word "
        "'unreachable'\n"
        "                    where there is no path (default)\n"
        "  --format json     {\"code\":\"Ok\",\"distances\":[[...]],"
        "\"durations\":[[...]],\n"
        "                    \"sources\":[...],\"destinations\":[...]}, "
        "null where there\n"
        "                    is no path\n"
        "  --format tsplib   TSPLIB EXPLICIT FULL_MATRIX for 'corto solve': "
        "ATSP, or\n"
        "                    CVRP with --capacity Q and --demands FILE (one "
        "integer per\n"
        "                    point, point 1 is the depot); values times "
        "--scale F\n"
        "                    (default 1) rounded to integers; refused when "
        "a pair is\n"
        "                    unreachable\n"
        "  --out M           write to M instead of stdout\n"
        "  --quiet           no summary line on stderr\n"
        "\n"
        "Exit status: 0 every pair connected, 1 some pair unreachable (text "
        "and json\n"
        "are still written), 2 bad input or usage, 3 internal error.\n");
}

typedef struct matrix_args {
    const char *file, *points, *out, *format, *weights, *distances;
    const char *durations, *metric, *coords, *scale, *capacity, *demands;
    const char *quiet;
    int help;
} matrix_args;

static int matrix_parse(matrix_args *a, int argc, char **argv)
{
    static const cli_opt opts[] = {
        {"points", offsetof(matrix_args, points), 0},
        {"out", offsetof(matrix_args, out), 0},
        {"format", offsetof(matrix_args, format), 0},
        {"weights", offsetof(matrix_args, weights), 0},
        {"distances", offsetof(matrix_args, distances), 0},
        {"durations", offsetof(matrix_args, durations), 0},
        {"metric", offsetof(matrix_args, metric), 0},
        {"coords", offsetof(matrix_args, coords), 0},
        {"scale", offsetof(matrix_args, scale), 0},
        {"capacity", offsetof(matrix_args, capacity), 0},
        {"demands", offsetof(matrix_args, demands), 0},
        {"quiet", offsetof(matrix_args, quiet), 1}};
    cli_operand op;
    memset(a, 0, sizeof *a);
    int status = cli_opt_parse(a, &op, opts, sizeof opts / sizeof opts[0],
                               "matrix", "GRAPH", argc, argv);
    a->file = op.file;
    a->help = op.help;
    return status;
}

/* 1 when s is one of the two metric names; *durations says which. */
static int matrix_metric(const char *s, int *durations)
{
    if (strcmp(s, "distances") == 0 || strcmp(s, "durations") == 0) {
        *durations = s[1] == 'u';
        return 1;
    }
    return 0;
}

/* The checks on the options that need no file. */
static int matrix_check_usage(const matrix_args *a, int *graph_dur,
                              int *write_dur, double *scale,
                              long long *capacity)
{
    if (!a->file || !a->points) {
        cli_error("matrix needs a GRAPH and --points FILE (see 'corto "
                  "matrix --help')");
        return CLI_EXIT_INPUT;
    }
    const char *fmt = a->format ? a->format : "text";
    if (strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0 &&
        strcmp(fmt, "tsplib") != 0) {
        cli_error("bad value '%s' for option --format (expected "
                  "text|json|tsplib)",
                  fmt);
        return CLI_EXIT_INPUT;
    }
    *graph_dur = 0;
    if (a->weights && !matrix_metric(a->weights, graph_dur)) {
        cli_error("bad value '%s' for option --weights (expected "
                  "distances|durations)",
                  a->weights);
        return CLI_EXIT_INPUT;
    }
    if (a->distances && a->durations) {
        cli_error("give at most one of --distances and --durations (GRAPH "
                  "has the other weight)");
        return CLI_EXIT_INPUT;
    }
    if ((*graph_dur && a->durations) || (!*graph_dur && a->distances)) {
        cli_error("--%s names GRAPH's own weight (see --weights)",
                  a->durations ? "durations" : "distances");
        return CLI_EXIT_INPUT;
    }
    *write_dur = *graph_dur;
    if (a->metric && !matrix_metric(a->metric, write_dur)) {
        cli_error("bad value '%s' for option --metric (expected "
                  "distances|durations)",
                  a->metric);
        return CLI_EXIT_INPUT;
    }
    if (*write_dur != *graph_dur && !a->distances && !a->durations) {
        cli_error("--metric %s needs --%s FILE", a->metric, a->metric);
        return CLI_EXIT_INPUT;
    }
    char *end;
    *scale = 1.0;
    if (a->scale) {
        errno = 0;
        *scale = strtod(a->scale, &end);
        if (errno || end == a->scale || *end || !(*scale > 0.0) ||
            !isfinite(*scale)) {
            cli_error("bad value '%s' for option --scale (expected a "
                      "number > 0)",
                      a->scale);
            return CLI_EXIT_INPUT;
        }
    }
    *capacity = 0;
    if (a->capacity) {
        errno = 0;
        *capacity = strtoll(a->capacity, &end, 10);
        if (errno || end == a->capacity || *end || *capacity < 1) {
            cli_error("bad value '%s' for option --capacity (expected an "
                      "integer >= 1)",
                      a->capacity);
            return CLI_EXIT_INPUT;
        }
    }
    if ((a->capacity != NULL) != (a->demands != NULL)) {
        cli_error("--capacity and --demands go together");
        return CLI_EXIT_INPUT;
    }
    if ((a->capacity || a->scale) && strcmp(fmt, "tsplib") != 0) {
        cli_error("--%s applies to --format tsplib",
                  a->capacity ? "capacity" : "scale");
        return CLI_EXIT_INPUT;
    }
    return 0;
}

/* The loaded inputs and computed matrices of one run. */
typedef struct matrix_run {
    graph g;
    double *w2;
    graph_point *pts;
    int n;
    int *node;
    double *snap;
    int64_t *ids, *demands;
    double *d1, *d2; /* GRAPH's weight, the second weight (or NULL) */
    unsigned char *reach;
    ch *h;
    ch_ws *ws;
    double prep_s, table_s;
} matrix_run;

static void matrix_run_free(matrix_run *r)
{
    graph_free(&r->g);
    free(r->w2);
    free(r->pts);
    free(r->node);
    free(r->snap);
    free(r->ids);
    free(r->demands);
    free(r->d1);
    free(r->d2);
    free(r->reach);
    ch_ws_destroy(r->ws);
    ch_destroy(r->h);
}

static double matrix_cpu(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Read everything and compute the matrices; a CLI exit status. */
static int matrix_compute(matrix_run *r, const matrix_args *a)
{
    corto_diag diag = {0};
    const char *second = a->distances ? a->distances : a->durations;
    corto_status rc = graph_read(&r->g, a->file, a->coords, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, diag.message[0] ? NULL : a->file);
    if (second) {
        rc = graph_read_second(&r->w2, &r->g, a->file, second, &diag);
        if (rc != CORTO_OK)
            return cli_fail(rc, &diag, diag.message[0] ? NULL : second);
    }
    rc = points_read(&r->pts, &r->n, a->points, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, diag.message[0] ? NULL : a->points);
    int n = r->n;
    r->node = calloc((size_t)n, sizeof *r->node);
    r->snap = calloc((size_t)n, sizeof *r->snap);
    r->ids = calloc((size_t)n, sizeof *r->ids);
    r->d1 = calloc((size_t)n * n, sizeof *r->d1);
    r->d2 = second ? calloc((size_t)n * n, sizeof *r->d2) : NULL;
    r->reach = calloc((size_t)n * n, 1);
    if (!r->node || !r->snap || !r->ids || !r->d1 || (second && !r->d2) ||
        !r->reach)
        return cli_fail(CORTO_ERR_NOMEM, NULL, a->points);
    rc = graph_locate(r->node, r->snap, &r->g, r->pts, n, a->points, &diag);
    if (rc != CORTO_OK)
        return cli_fail(rc, &diag, diag.message[0] ? NULL : a->points);
    for (int k = 0; k < n; k++)
        r->ids[k] = graph_file_id(&r->g, r->node[k]);
    if (a->demands) {
        rc = points_read_demands(&r->demands, n, a->demands, &diag);
        if (rc != CORTO_OK)
            return cli_fail(rc, &diag, diag.message[0] ? NULL : a->demands);
    }
    double t0 = matrix_cpu();
    rc = ch_build(&r->h, &r->g, r->w2, NULL);
    if (rc == CORTO_OK)
        rc = ch_ws_create(&r->ws, r->h);
    double t1 = matrix_cpu();
    if (rc == CORTO_OK)
        rc = ch_many_to_many(r->d1, r->d2, r->reach, r->ws, r->h, r->node, n,
                             r->node, n);
    r->prep_s = t1 - t0;
    r->table_s = matrix_cpu() - t1;
    if (rc != CORTO_OK)
        return cli_fail(rc, NULL, a->file);
    return CLI_EXIT_OK;
}

/* The points file's name without folders and extension. */
static void matrix_name(char *buf, size_t size, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    snprintf(buf, size, "%s", base);
    char *dot = strchr(buf, '.');
    if (dot && dot != buf)
        *dot = '\0';
}

/* Write the chosen format; a CLI exit status. */
static int matrix_write(FILE *f, const matrix_run *r, const matrix_args *a,
                        int graph_dur, int write_dur, double scale,
                        long long capacity)
{
    const char *fmt = a->format ? a->format : "text";
    const double *m = write_dur == graph_dur ? r->d1 : r->d2;
    if (strcmp(fmt, "text") == 0) {
        table_write_text(f, m, r->n);
    } else if (strcmp(fmt, "json") == 0) {
        road_table t = {r->n,
                        graph_dur ? r->d2 : r->d1,
                        graph_dur ? r->d1 : r->d2,
                        r->ids,
                        NULL,
                        NULL,
                        r->snap};
        double *x = NULL, *y = NULL;
        if (r->g.x) {
            x = calloc((size_t)r->n, sizeof *x);
            y = calloc((size_t)r->n, sizeof *y);
            if (!x || !y) {
                free(x);
                free(y);
                return cli_fail(CORTO_ERR_NOMEM, NULL, a->out);
            }
            for (int k = 0; k < r->n; k++) {
                x[k] = r->g.x[r->node[k]];
                y[k] = r->g.y[r->node[k]];
            }
            t.x = x;
            t.y = y;
        }
        table_write_json(f, &t);
        free(x);
        free(y);
    } else {
        char name[256], comment[512];
        int64_t bad = 0;
        matrix_name(name, sizeof name, a->points);
        snprintf(comment, sizeof comment,
                 "%s between the %d points of %s on %s (corto matrix)",
                 write_dur ? "durations" : "distances", r->n, a->points,
                 a->file);
        if (table_write_tsplib(f, m, r->n, name, comment, scale, capacity,
                               r->demands, &bad) != CORTO_OK) {
            int i = (int)(bad / r->n), j = (int)(bad % r->n);
            cli_error("%s: no path from the point on line %ld to the point "
                      "on line %ld (or its value is too large): a TSPLIB "
                      "matrix cannot hold it",
                      a->points, r->pts[i].line, r->pts[j].line);
            return CLI_EXIT_INFEASIBLE;
        }
    }
    return CLI_EXIT_OK;
}

int cmd_matrix(int argc, char **argv)
{
    matrix_args a;
    int status = matrix_parse(&a, argc, argv);
    if (status)
        return status;
    if (a.help) {
        cmd_matrix_help();
        return CLI_EXIT_OK;
    }
    int graph_dur, write_dur;
    double scale;
    long long capacity;
    status = matrix_check_usage(&a, &graph_dur, &write_dur, &scale, &capacity);
    if (status)
        return status;
    matrix_run r;
    memset(&r, 0, sizeof r);
    FILE *f = NULL;
    status = matrix_compute(&r, &a);
    if (status)
        goto cleanup;
    /* Tell unreachable pairs before anything is written. */
    int64_t unreachable = 0;
    for (int64_t k = 0; k < (int64_t)r.n * r.n; k++)
        unreachable += !r.reach[k];
    f = a.out ? fopen(a.out, "w") : stdout;
    if (!f) {
        cli_error("%s: cannot open for writing: %s", a.out, strerror(errno));
        status = CLI_EXIT_INPUT;
        goto cleanup;
    }
    status = matrix_write(f, &r, &a, graph_dur, write_dur, scale, capacity);
    if (status != CLI_EXIT_OK && a.out) {
        fclose(f); /* nothing useful was written */
        f = NULL;
        remove(a.out);
        goto cleanup;
    }
    if (fflush(f) != 0 || ferror(f)) {
        cli_error("%s: cannot write", a.out ? a.out : "<stdout>");
        status = CLI_EXIT_INTERNAL;
    }
    if (status == CLI_EXIT_OK && !a.quiet)
        fprintf(stderr,
                "corto: matrix %d x %d on %s: %lld unreachable pairs, "
                "%lld shortcuts, %.2f s preprocessing, %.3f s matrix "
                "(CPU)\n",
                r.n, r.n, a.file, (long long)unreachable,
                (long long)ch_shortcuts(r.h), r.prep_s, r.table_s);
    if (status == CLI_EXIT_OK && unreachable)
        status = CLI_EXIT_INFEASIBLE;

cleanup:
    if (f && f != stdout && fclose(f) != 0 && status == CLI_EXIT_OK) {
        cli_error("%s: cannot write", a.out);
        status = CLI_EXIT_INTERNAL;
    }
    matrix_run_free(&r);
    return status;
}
