/*
 * tsplib.c — reader of TSPLIB and CVRPLIB problem files: TSP, ATSP and CVRP
 * with EUC_2D, CEIL_2D, ATT, GEO, MAN_2D, MAX_2D or EXPLICIT weights (every
 * TSPLIB matrix layout), FIXED_EDGES_SECTION, DISPLAY_DATA_SECTION (read
 * and dropped), plain or gzip-compressed.
 *
 * Format and distance rules: G. Reinelt (1995), "TSPLIB 95", Universitaet
 * Heidelberg; CVRPLIB adds CAPACITY, DEMAND_SECTION and DEPOT_SECTION.
 * Header lines are "KEY: value" or "KEY : value"; matrix numbers wrap over
 * lines freely and are read as one token stream; node sections hold one
 * entry per line. Every malformed input is refused with "FILE:LINE: what".
 */
#include "tsplib.h"
#include "problem_read.h"
#include "model.h"
#include "text_reader.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Coordinates beyond this size would overflow the int64 distances. */
#define TSPLIB_MAX_COORD 1e12

/* Matrix layouts of EDGE_WEIGHT_FORMAT (the *_COL layouts are mapped onto
 * the equivalent row layouts of a symmetric matrix). */
typedef enum tsplib_format {
    TSPLIB_FMT_NONE = 0,
    TSPLIB_FMT_FUNCTION,
    TSPLIB_FMT_FULL_MATRIX,
    TSPLIB_FMT_UPPER_ROW,
    TSPLIB_FMT_LOWER_ROW,
    TSPLIB_FMT_UPPER_DIAG_ROW,
    TSPLIB_FMT_LOWER_DIAG_ROW
} tsplib_format;

/* Parser state: the data being filled and the line where each key or
 * section was seen (0 = not seen), for duplicate and missing checks. */
typedef struct tsplib_parser {
    text_reader r;
    const char *path;
    corto_diag *diag;
    tsplib_data *d;
    int flags;
    tsplib_format format;
    const char *format_name;
    long at_name, at_type, at_dim, at_ew_type, at_ew_format, at_capacity;
    long at_vehicles, at_distance, at_service, at_coord_type, at_display;
    long at_coords, at_weights, at_demands, at_depots, at_fixed, at_dd_sec;
    long at_service_sec, at_tw_sec;
    long depot_line;
    long *demand_line; /* line of each node's demand */
    int n_depots;
    const char *last_section; /* for the "more entries than" hint */
    int seen_content;
} tsplib_parser;

/* Report a problem at `line` of the file being parsed. */
static corto_status tsplib_err(tsplib_parser *ps, corto_status status,
                               long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static corto_status tsplib_err(tsplib_parser *ps, corto_status status,
                               long line, const char *fmt, ...)
{
    char text[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return diag_set(ps->diag, status, ps->path, line > 0 ? line : 1, "%s",
                    text);
}

void tsplib_data_free(tsplib_data *d)
{
    if (!d)
        return;
    free(d->name);
    free(d->x);
    free(d->y);
    free(d->lat);
    free(d->lon);
    free(d->matrix);
    free(d->demand);
    free(d->service);
    free(d->tw_open);
    free(d->tw_close);
    free(d->fixed);
    memset(d, 0, sizeof *d);
}

/* ------------------------------------------------------------------ */
/* Distances                                                           */
/* ------------------------------------------------------------------ */

static int64_t tsplib_nint(double v)
{
    return (int64_t)(v + 0.5);
}

/* TSPLIB's GEO conversion of DDD.MM (degrees, minutes) to radians. The
 * degrees are the integer part (truncation, as the reference codes do). */
static double tsplib_geo_radians(double v)
{
    const double pi = 3.141592;
    double deg = trunc(v);
    double min = v - deg;
    return pi * (deg + 5.0 * min / 3.0) / 180.0;
}

static int64_t tsplib_geo(const tsplib_data *d, int i, int j)
{
    const double rrr = 6378.388;
    double q1 = cos(d->lon[i] - d->lon[j]);
    double q2 = cos(d->lat[i] - d->lat[j]);
    double q3 = cos(d->lat[i] + d->lat[j]);
    double a = 0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3);
    if (a > 1.0)
        a = 1.0;
    if (a < -1.0)
        a = -1.0;
    return (int64_t)(rrr * acos(a) + 1.0);
}

int64_t tsplib_weight(const tsplib_data *d, int i, int j)
{
    if (i == j)
        return 0;
    if (d->weight_type == TSPLIB_EW_EXPLICIT)
        return d->matrix[(size_t)i * (size_t)d->n + (size_t)j];
    if (d->weight_type == TSPLIB_EW_GEO)
        return tsplib_geo(d, i, j);
    double dx = d->x[i] - d->x[j], dy = d->y[i] - d->y[j];
    switch (d->weight_type) {
    case TSPLIB_EW_EUC_2D:
        return tsplib_nint(sqrt(dx * dx + dy * dy));
    case TSPLIB_EW_CEIL_2D:
        return (int64_t)ceil(sqrt(dx * dx + dy * dy));
    case TSPLIB_EW_ATT: {
        double r = sqrt((dx * dx + dy * dy) / 10.0);
        int64_t t = tsplib_nint(r);
        return (double)t < r ? t + 1 : t;
    }
    case TSPLIB_EW_MAN_2D:
        return tsplib_nint(fabs(dx) + fabs(dy));
    case TSPLIB_EW_MAX_2D: {
        int64_t a = tsplib_nint(fabs(dx)), b = tsplib_nint(fabs(dy));
        return a > b ? a : b;
    }
    default:
        return 0;
    }
}

/* Fill row-major n*n distances. The common Euclidean case has its own loop;
 * the others go through tsplib_weight. */
static void tsplib_fill_matrix(int64_t *m, const tsplib_data *d)
{
    size_t n = (size_t)d->n;
    for (size_t i = 0; i < n; i++) {
        int64_t *row = m + i * n;
        if (d->weight_type == TSPLIB_EW_EXPLICIT) {
            memcpy(row, d->matrix + i * n, n * sizeof *row);
        } else if (d->weight_type == TSPLIB_EW_EUC_2D) {
            double xi = d->x[i], yi = d->y[i];
            for (size_t j = 0; j < n; j++) {
                double dx = xi - d->x[j], dy = yi - d->y[j];
                row[j] = (int64_t)(sqrt(dx * dx + dy * dy) + 0.5);
            }
        } else {
            for (size_t j = 0; j < n; j++)
                row[j] = tsplib_weight(d, (int)i, (int)j);
        }
        row[i] = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Header lines                                                        */
/* ------------------------------------------------------------------ */

/* Split a header line into its keyword (copied into key) and value (a
 * pointer into the line, trailing blanks removed). */
static void tsplib_split(char *line, char *key, size_t key_size, char **value)
{
    char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t k = 0;
    while (isalnum((unsigned char)*s) || *s == '_') {
        if (k + 1 < key_size)
            key[k++] = *s;
        s++;
    }
    key[k] = '\0';
    if (k == 0) {
        *value = s;
        return;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == ':')
        s++;
    while (*s == ' ' || *s == '\t')
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    *value = s;
}

/* First word of a value ("TSP (M.~Hofmeister)" -> "TSP"). */
static void tsplib_first_word(const char *value, char *word, size_t size)
{
    size_t k = 0;
    while (value[k] && !isspace((unsigned char)value[k]) && value[k] != '(' &&
           k + 1 < size) {
        word[k] = value[k];
        k++;
    }
    word[k] = '\0';
}

static corto_status tsplib_once(tsplib_parser *ps, long *at, const char *key)
{
    if (*at)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s given twice (first on line %ld)", key, *at);
    *at = ps->r.lineno;
    return CORTO_OK;
}

static corto_status tsplib_type(tsplib_parser *ps, const char *value)
{
    char word[64];
    tsplib_first_word(value, word, sizeof word);
    if (strcmp(word, "TSP") == 0)
        ps->d->kind = CORTO_KIND_TSP;
    else if (strcmp(word, "ATSP") == 0)
        ps->d->kind = CORTO_KIND_ATSP;
    else if (strcmp(word, "CVRP") == 0)
        ps->d->kind = CORTO_KIND_VRP;
    else if (strcmp(word, "VRPTW") == 0) {
        ps->d->kind = CORTO_KIND_VRP;
        ps->d->time_windows = 1;
    } else if (strcmp(word, "HCP") == 0 || strcmp(word, "SOP") == 0)
        return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->r.lineno,
                          "TYPE %s is not supported (corto reads TSP, ATSP "
                          "and CVRP)",
                          word);
    else if (strcmp(word, "TOUR") == 0)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "TYPE TOUR: this is a tour file, not a problem");
    else
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "unknown TYPE '%s' (expected TSP, ATSP, CVRP or "
                          "VRPTW)",
                          value);
    return CORTO_OK;
}

static corto_status tsplib_dimension(tsplib_parser *ps, const char *value)
{
    int n = 0;
    if (!text_parse_int(value, &n) || n < 1)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "DIMENSION '%s' is not a positive integer", value);
    if (n > TSPLIB_MAX_NODES && !(ps->flags & TSPLIB_NO_SIZE_LIMIT)) {
        double gib = (double)n * (double)n * 8.0 / (1024.0 * 1024 * 1024);
        return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->r.lineno,
                          "DIMENSION %d is above corto's limit of %d nodes: "
                          "its full distance matrix would need %.1f GiB",
                          n, TSPLIB_MAX_NODES, gib);
    }
    ps->d->n = n;
    return CORTO_OK;
}

static corto_status tsplib_weight_type_key(tsplib_parser *ps,
                                           const char *value)
{
    static const struct {
        const char *name;
        tsplib_weight_type type;
    } known[] = {
        {"EXPLICIT", TSPLIB_EW_EXPLICIT}, {"EUC_2D", TSPLIB_EW_EUC_2D},
        {"CEIL_2D", TSPLIB_EW_CEIL_2D},   {"ATT", TSPLIB_EW_ATT},
        {"GEO", TSPLIB_EW_GEO},           {"MAN_2D", TSPLIB_EW_MAN_2D},
        {"MAX_2D", TSPLIB_EW_MAX_2D}};
    static const char *unsupported[] = {"EUC_3D", "MAN_3D", "MAX_3D", "GEOM",
                                        "XRAY1",  "XRAY2",  "SPECIAL"};
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcmp(value, known[k].name) == 0) {
            ps->d->weight_type = known[k].type;
            return CORTO_OK;
        }
    for (size_t k = 0; k < sizeof unsupported / sizeof unsupported[0]; k++)
        if (strcmp(value, unsupported[k]) == 0)
            return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->r.lineno,
                              "EDGE_WEIGHT_TYPE %s is not supported", value);
    return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                      "unknown EDGE_WEIGHT_TYPE '%s'", value);
}

static corto_status tsplib_format_key(tsplib_parser *ps, const char *value)
{
    static const struct {
        const char *name;
        tsplib_format format;
    } known[] = {
        {"FUNCTION", TSPLIB_FMT_FUNCTION},
        {"FULL_MATRIX", TSPLIB_FMT_FULL_MATRIX},
        {"UPPER_ROW", TSPLIB_FMT_UPPER_ROW},
        {"LOWER_ROW", TSPLIB_FMT_LOWER_ROW},
        {"UPPER_DIAG_ROW", TSPLIB_FMT_UPPER_DIAG_ROW},
        {"LOWER_DIAG_ROW", TSPLIB_FMT_LOWER_DIAG_ROW},
        /* Column-wise layouts of a symmetric matrix list the same numbers
         * as the opposite row-wise layout. */
        {"UPPER_COL", TSPLIB_FMT_LOWER_ROW},
        {"LOWER_COL", TSPLIB_FMT_UPPER_ROW},
        {"UPPER_DIAG_COL", TSPLIB_FMT_LOWER_DIAG_ROW},
        {"LOWER_DIAG_COL", TSPLIB_FMT_UPPER_DIAG_ROW},
    };
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcmp(value, known[k].name) == 0) {
            ps->format = known[k].format;
            ps->format_name = known[k].name;
            return CORTO_OK;
        }
    return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                      "unknown EDGE_WEIGHT_FORMAT '%s'", value);
}

/* A non-negative integer header value (CAPACITY, VEHICLES...). */
static corto_status tsplib_count_key(tsplib_parser *ps, const char *key,
                                     const char *value, int64_t min,
                                     int64_t *out)
{
    int64_t v = 0;
    if (!text_parse_int64(value, &v))
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s '%s' is not an integer", key, value);
    if (v < min)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s %lld must be %s", key, (long long)v,
                          min > 0 ? "positive" : "non-negative");
    *out = v;
    return CORTO_OK;
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */
/* ------------------------------------------------------------------ */

/* A token shaped like a TSPLIB keyword ("EOF", "DEMAND_SECTION"): where
 * a number was due, the section before it was too short. */
static int tsplib_looks_like_keyword(const char *tok)
{
    if (!isupper((unsigned char)tok[0]))
        return 0;
    for (const char *c = tok; *c; c++)
        if (!isupper((unsigned char)*c) && !isdigit((unsigned char)*c) &&
            *c != '_' && *c != ':')
            return 0;
    return 1;
}

static corto_status tsplib_need_dimension(tsplib_parser *ps,
                                          const char *section)
{
    if (!ps->at_dim)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s before DIMENSION", section);
    return CORTO_OK;
}

/*
 * Read entry `done` (0-based) of a node section of n one-line entries
 * "id v1 .. v_nvals": checks the id (1..n, not seen before) and the field
 * count; the value tokens are returned in vals.
 */
static corto_status tsplib_node_entry(tsplib_parser *ps, const char *section,
                                      int done, unsigned char *seen, int nvals,
                                      int *id_out, char **vals)
{
    int got = 0, n = ps->d->n;
    corto_status rc = text_next_nonblank(&ps->r, &got, ps->diag);
    if (rc != CORTO_OK)
        return rc;
    if (!got)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "file ends inside %s after %d of %d entries",
                          section, done, n);
    char *tok = text_line_token(&ps->r);
    int id = 0;
    if (!text_parse_int(tok, &id)) {
        if (tsplib_looks_like_keyword(tok))
            return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                              "%s ends after %d entries but DIMENSION is %d",
                              section, done, n);
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "node id '%s' in %s is not an integer", tok,
                          section);
    }
    if (id < 1 || id > n)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "node id %d in %s is out of range 1..%d", id,
                          section, n);
    if (seen[id - 1])
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "duplicate node id %d in %s", id, section);
    seen[id - 1] = 1;
    for (int k = 0; k < nvals; k++) {
        vals[k] = text_line_token(&ps->r);
        if (!vals[k])
            return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                              "entry of node %d in %s has %d value%s, "
                              "expected %d",
                              id, section, k, k == 1 ? "" : "s", nvals);
    }
    tok = text_line_token(&ps->r);
    if (tok)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "entry of node %d in %s has an extra field '%s'", id,
                          section, tok);
    *id_out = id - 1;
    return CORTO_OK;
}

/* NODE_COORD_SECTION (keep = 1) or DISPLAY_DATA_SECTION (keep = 0). */
static corto_status tsplib_coord_section(tsplib_parser *ps,
                                         const char *section, int keep)
{
    corto_status rc = CORTO_OK;
    unsigned char *seen = NULL;
    tsplib_data *d = ps->d;
    CORTO_TRY(tsplib_need_dimension(ps, section));
    CORTO_ALLOC(seen, d->n);
    if (keep) {
        CORTO_ALLOC(d->x, d->n);
        CORTO_ALLOC(d->y, d->n);
    }
    for (int k = 0; k < d->n; k++) {
        int id = 0;
        char *vals[2];
        double v[2];
        CORTO_TRY(tsplib_node_entry(ps, section, k, seen, 2, &id, vals));
        for (int c = 0; c < 2; c++) {
            if (!text_parse_double(vals[c], &v[c])) {
                rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                "%c coordinate '%s' of node %d is not a "
                                "number",
                                c ? 'y' : 'x', vals[c], id + 1);
                goto cleanup;
            }
            if (fabs(v[c]) > TSPLIB_MAX_COORD) {
                rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                "coordinate %g of node %d is out of range",
                                v[c], id + 1);
                goto cleanup;
            }
        }
        if (keep) {
            d->x[id] = v[0];
            d->y[id] = v[1];
        }
    }
    ps->last_section = section;
cleanup:
    free(seen);
    return rc;
}

static corto_status tsplib_demand_section(tsplib_parser *ps)
{
    corto_status rc = CORTO_OK;
    unsigned char *seen = NULL;
    tsplib_data *d = ps->d;
    const char *section = "DEMAND_SECTION";
    CORTO_TRY(tsplib_need_dimension(ps, section));
    CORTO_ALLOC(seen, d->n);
    CORTO_ALLOC(d->demand, d->n);
    CORTO_ALLOC(ps->demand_line, d->n);
    for (int k = 0; k < d->n; k++) {
        int id = 0;
        char *val;
        CORTO_TRY(tsplib_node_entry(ps, section, k, seen, 1, &id, &val));
        int64_t q = 0;
        if (!text_parse_int64(val, &q) || q < 0) {
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                            "demand '%s' of node %d is not a non-negative "
                            "integer",
                            val, id + 1);
            goto cleanup;
        }
        d->demand[id] = q;
        ps->demand_line[id] = ps->r.lineno;
    }
    ps->last_section = section;
cleanup:
    free(seen);
    return rc;
}

/* Largest service time or time-window bound read. */
#define TSPLIB_MAX_TIME ((int64_t)1000000000000000)

/*
 * A node section of `nvals` non-negative integers per node
 * (SERVICE_TIME_SECTION: one, TIME_WINDOW_SECTION: two, open <= close);
 * value k of node i goes to out[k][i].
 */
static corto_status tsplib_values_section(tsplib_parser *ps,
                                          const char *section, int nvals,
                                          int64_t **out)
{
    corto_status rc = CORTO_OK;
    unsigned char *seen = NULL;
    tsplib_data *d = ps->d;
    CORTO_TRY(tsplib_need_dimension(ps, section));
    CORTO_ALLOC(seen, d->n);
    for (int k = 0; k < nvals; k++)
        CORTO_ALLOC(out[k], d->n);
    for (int t = 0; t < d->n; t++) {
        int id = 0;
        char *vals[2];
        CORTO_TRY(tsplib_node_entry(ps, section, t, seen, nvals, &id, vals));
        for (int k = 0; k < nvals; k++) {
            int64_t v = 0;
            if (!text_parse_int64(vals[k], &v) || v < 0 ||
                v > TSPLIB_MAX_TIME) {
                rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                "value '%s' of node %d in %s is not a "
                                "non-negative integer below 10^15",
                                vals[k], id + 1, section);
                goto cleanup;
            }
            out[k][id] = v;
        }
        if (nvals == 2 && out[0][id] > out[1][id]) {
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                            "time window of node %d opens at %lld after it "
                            "closes at %lld",
                            id + 1, (long long)out[0][id],
                            (long long)out[1][id]);
            goto cleanup;
        }
    }
    ps->last_section = section;
cleanup:
    free(seen);
    return rc;
}

/* Next integer of a "... -1"-terminated section (DEPOT, FIXED_EDGES). */
static corto_status tsplib_list_int(tsplib_parser *ps, const char *section,
                                    int *out)
{
    char *tok = NULL;
    corto_status rc = text_next_token(&ps->r, &tok, ps->diag);
    if (rc != CORTO_OK)
        return rc;
    if (!tok)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "file ends inside %s (no closing -1)", section);
    if (!text_parse_int(tok, out)) {
        if (tsplib_looks_like_keyword(tok))
            return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                              "%s does not end with -1 before '%s'", section,
                              tok);
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "'%s' in %s is not an integer", tok, section);
    }
    if (*out != -1 && (*out < 1 || *out > ps->d->n))
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "node id %d in %s is out of range 1..%d", *out,
                          section, ps->d->n);
    return CORTO_OK;
}

static corto_status tsplib_depot_section(tsplib_parser *ps)
{
    const char *section = "DEPOT_SECTION";
    corto_status rc = tsplib_need_dimension(ps, section);
    for (;;) {
        int id = 0;
        if (rc == CORTO_OK)
            rc = tsplib_list_int(ps, section, &id);
        if (rc != CORTO_OK || id == -1)
            break;
        if (ps->n_depots > 0)
            return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->r.lineno,
                              "second depot %d (the first is %d): corto "
                              "reads single-depot CVRPLIB files",
                              id, ps->d->depot + 1);
        ps->d->depot = id - 1;
        ps->depot_line = ps->r.lineno;
        ps->n_depots++;
    }
    if (rc == CORTO_OK && ps->n_depots == 0)
        rc = tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                        "DEPOT_SECTION lists no depot");
    ps->last_section = section;
    return rc;
}

static corto_status tsplib_fixed_section(tsplib_parser *ps)
{
    const char *section = "FIXED_EDGES_SECTION";
    corto_status rc = tsplib_need_dimension(ps, section);
    int cap = 0;
    while (rc == CORTO_OK) {
        int a = 0, b = 0;
        rc = tsplib_list_int(ps, section, &a);
        if (rc != CORTO_OK || a == -1)
            break;
        rc = tsplib_list_int(ps, section, &b);
        if (rc != CORTO_OK)
            break;
        if (b == -1 || a == b)
            return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                              "fixed edge %d %d is not an edge", a, b);
        if (ps->d->n_fixed == cap) {
            cap = cap ? 2 * cap : 8;
            int *grown =
                realloc(ps->d->fixed, (size_t)cap * 2 * sizeof *grown);
            if (!grown)
                return CORTO_ERR_NOMEM;
            ps->d->fixed = grown;
        }
        ps->d->fixed[2 * ps->d->n_fixed] = a - 1;
        ps->d->fixed[2 * ps->d->n_fixed + 1] = b - 1;
        ps->d->n_fixed++;
    }
    ps->last_section = section;
    return rc;
}

/* Number of values a matrix layout holds for dimension n, and the column
 * range [*lo, *hi) of row i. */
static int64_t tsplib_layout(tsplib_format f, int64_t n, int i, int *lo,
                             int *hi)
{
    switch (f) {
    case TSPLIB_FMT_FULL_MATRIX:
        *lo = 0, *hi = (int)n;
        return n * n;
    case TSPLIB_FMT_UPPER_ROW:
        *lo = i + 1, *hi = (int)n;
        return n * (n - 1) / 2;
    case TSPLIB_FMT_LOWER_ROW:
        *lo = 0, *hi = i;
        return n * (n - 1) / 2;
    case TSPLIB_FMT_UPPER_DIAG_ROW:
        *lo = i, *hi = (int)n;
        return n * (n + 1) / 2;
    case TSPLIB_FMT_LOWER_DIAG_ROW:
        *lo = 0, *hi = i + 1;
        return n * (n + 1) / 2;
    default:
        *lo = *hi = 0;
        return 0;
    }
}

/*
 * EDGE_WEIGHT_SECTION: the numbers of the declared layout, as one token
 * stream. Triangular layouts are mirrored; the diagonal is set to 0 (ATSP
 * files put placeholders such as 9999 there).
 */
static corto_status tsplib_weight_section(tsplib_parser *ps)
{
    corto_status rc = CORTO_OK;
    tsplib_data *d = ps->d;
    const char *section = "EDGE_WEIGHT_SECTION";
    CORTO_TRY(tsplib_need_dimension(ps, section));
    if (d->weight_type != TSPLIB_EW_EXPLICIT)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s needs EDGE_WEIGHT_TYPE: EXPLICIT before it",
                          section);
    if (ps->format == TSPLIB_FMT_NONE || ps->format == TSPLIB_FMT_FUNCTION)
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s needs an EDGE_WEIGHT_FORMAT matrix layout "
                          "before it",
                          section);
    if (d->n > TSPLIB_MAX_NODES)
        return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->r.lineno,
                          "explicit matrix of DIMENSION %d is above corto's "
                          "limit of %d nodes",
                          d->n, TSPLIB_MAX_NODES);
    size_t n = (size_t)d->n;
    int lo, hi;
    int64_t total = tsplib_layout(ps->format, d->n, 0, &lo, &hi), done = 0;
    int64_t max_value = INT64_MAX / 4 / (int64_t)d->n;
    CORTO_ALLOC(d->matrix, n * n);
    for (int i = 0; i < d->n; i++) {
        tsplib_layout(ps->format, d->n, i, &lo, &hi);
        for (int j = lo; j < hi; j++, done++) {
            char *tok = NULL;
            int64_t v = 0;
            CORTO_TRY(text_next_token(&ps->r, &tok, ps->diag));
            if (!tok)
                return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                  "file ends inside %s after %lld of the "
                                  "%lld values (%s, DIMENSION %d)",
                                  section, (long long)done, (long long)total,
                                  ps->format_name, d->n);
            if (!text_parse_int64(tok, &v)) {
                if (tsplib_looks_like_keyword(tok))
                    return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                      "%s has %lld values but %s with "
                                      "DIMENSION %d needs %lld",
                                      section, (long long)done,
                                      ps->format_name, d->n, (long long)total);
                return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                  "weight '%s' is not an integer", tok);
            }
            if (i == j)
                continue;
            if (v < 0 || v > max_value)
                return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                                  "weight %lld of edge %d-%d is %s",
                                  (long long)v, i + 1, j + 1,
                                  v < 0 ? "negative" : "too large");
            d->matrix[(size_t)i * n + (size_t)j] = v;
            if (ps->format != TSPLIB_FMT_FULL_MATRIX)
                d->matrix[(size_t)j * n + (size_t)i] = v;
        }
    }
    if (!text_line_rest_empty(&ps->r))
        return tsplib_err(ps, CORTO_ERR_PARSE, ps->r.lineno,
                          "%s has more than the %lld values %s with "
                          "DIMENSION %d needs",
                          section, (long long)total, ps->format_name, d->n);
    ps->last_section = section;
cleanup:
    return rc;
}

/* Sections that are valid TSPLIB/VRPLIB but not read here. */
static int tsplib_unsupported_section(const char *key)
{
    static const char *names[] = {
        "EDGE_DATA_SECTION", "TOUR_SECTION",         "PICKUP_SECTION",
        "BACKHAUL_SECTION",  "RELEASE_TIME_SECTION", "VEHICLES_DEPOT_SECTION"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(key, names[k]) == 0)
            return 1;
    return 0;
}

/* Handle one header or section line; *stop = 1 at EOF. */
static corto_status tsplib_line(tsplib_parser *ps, int *stop)
{
    corto_status rc = CORTO_OK;
    tsplib_data *d = ps->d;
    char key[64];
    char *value = NULL;
    char *line_copy = util_strdup(ps->r.line);
    if (!line_copy)
        return CORTO_ERR_NOMEM;
    tsplib_split(ps->r.line, key, sizeof key, &value);
    /* Section data is read from the following lines, not this one. */
    ps->r.cursor = ps->r.line + strlen(ps->r.line);
    long ln = ps->r.lineno;
    size_t klen = strlen(key);
    int is_section = klen > 8 && strcmp(key + klen - 8, "_SECTION") == 0;

    if (klen == 0 || isdigit((unsigned char)key[0])) {
        char shown[48];
        const char *text = line_copy + strspn(line_copy, " \t");
        int numeric = isdigit((unsigned char)text[0]) || text[0] == '-' ||
                      text[0] == '+' || text[0] == '.';
        snprintf(shown, sizeof shown, "%s", text);
        if (ps->last_section && numeric)
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ln,
                            "unexpected data '%s' after %s (more entries "
                            "than DIMENSION %d?)",
                            shown, ps->last_section, d->n);
        else
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ln,
                            "unexpected text '%s' (expected a TSPLIB "
                            "keyword)",
                            shown);
        goto cleanup;
    }
    if (is_section && *value) {
        rc = tsplib_err(ps, CORTO_ERR_PARSE, ln,
                        "unexpected '%s' after %s on the same line", value,
                        key);
        goto cleanup;
    }
    if (strcmp(key, "EOF") == 0) {
        *stop = 1;
    } else if (strcmp(key, "NAME") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_name, key));
        if (!(d->name = util_strdup(value)))
            rc = CORTO_ERR_NOMEM;
    } else if (strcmp(key, "COMMENT") == 0) {
        /* free text */
    } else if (strcmp(key, "TYPE") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_type, key));
        rc = tsplib_type(ps, value);
    } else if (strcmp(key, "DIMENSION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_dim, key));
        rc = tsplib_dimension(ps, value);
    } else if (strcmp(key, "CAPACITY") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_capacity, key));
        rc = tsplib_count_key(ps, key, value, 0, &d->capacity);
    } else if (strcmp(key, "VEHICLES") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_vehicles, key));
        rc = tsplib_count_key(ps, key, value, 1, &d->vehicles);
    } else if (strcmp(key, "DISTANCE") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_distance, key));
        rc = tsplib_count_key(ps, key, value, 0, &d->max_distance);
    } else if (strcmp(key, "SERVICE_TIME") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_service, key));
        rc = tsplib_count_key(ps, key, value, 0, &d->service_time);
    } else if (strcmp(key, "EDGE_WEIGHT_TYPE") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_ew_type, key));
        rc = tsplib_weight_type_key(ps, value);
    } else if (strcmp(key, "EDGE_WEIGHT_FORMAT") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_ew_format, key));
        rc = tsplib_format_key(ps, value);
    } else if (strcmp(key, "NODE_COORD_TYPE") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_coord_type, key));
        if (strcmp(value, "THREED_COORDS") == 0)
            rc = tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ln,
                            "NODE_COORD_TYPE THREED_COORDS is not supported");
        else if (strcmp(value, "TWOD_COORDS") != 0 &&
                 strcmp(value, "NO_COORDS") != 0)
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ln,
                            "unknown NODE_COORD_TYPE '%s'", value);
    } else if (strcmp(key, "DISPLAY_DATA_TYPE") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_display, key));
        if (strcmp(value, "COORD_DISPLAY") != 0 &&
            strcmp(value, "TWOD_DISPLAY") != 0 &&
            strcmp(value, "NO_DISPLAY") != 0)
            rc = tsplib_err(ps, CORTO_ERR_PARSE, ln,
                            "unknown DISPLAY_DATA_TYPE '%s'", value);
    } else if (strcmp(key, "EDGE_DATA_FORMAT") == 0) {
        rc = tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ln,
                        "EDGE_DATA_FORMAT (sparse graphs) is not supported");
    } else if (strcmp(key, "NODE_COORD_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_coords, key));
        rc = tsplib_coord_section(ps, "NODE_COORD_SECTION", 1);
    } else if (strcmp(key, "DISPLAY_DATA_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_dd_sec, key));
        rc = tsplib_coord_section(ps, "DISPLAY_DATA_SECTION", 0);
    } else if (strcmp(key, "EDGE_WEIGHT_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_weights, key));
        rc = tsplib_weight_section(ps);
    } else if (strcmp(key, "DEMAND_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_demands, key));
        rc = tsplib_demand_section(ps);
    } else if (strcmp(key, "DEPOT_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_depots, key));
        rc = tsplib_depot_section(ps);
    } else if (strcmp(key, "SERVICE_TIME_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_service_sec, key));
        rc = tsplib_values_section(ps, key, 1, &d->service);
    } else if (strcmp(key, "TIME_WINDOW_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_tw_sec, key));
        int64_t *tw[2] = {NULL, NULL};
        rc = tsplib_values_section(ps, key, 2, tw);
        d->tw_open = tw[0];
        d->tw_close = tw[1];
    } else if (strcmp(key, "FIXED_EDGES_SECTION") == 0) {
        CORTO_TRY(tsplib_once(ps, &ps->at_fixed, key));
        rc = tsplib_fixed_section(ps);
    } else if (tsplib_unsupported_section(key)) {
        rc = tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ln,
                        "%s is not supported by the TSPLIB/CVRPLIB reader",
                        key);
    } else if (is_section) {
        rc = tsplib_err(ps, CORTO_ERR_PARSE, ln, "unknown section '%s'", key);
    } else {
        rc = tsplib_err(ps, CORTO_ERR_PARSE, ln, "unknown keyword '%s'", key);
    }
cleanup:
    free(line_copy);
    return rc;
}

static const char *tsplib_weight_type_name(tsplib_weight_type t)
{
    switch (t) {
    case TSPLIB_EW_EUC_2D:
        return "EUC_2D";
    case TSPLIB_EW_CEIL_2D:
        return "CEIL_2D";
    case TSPLIB_EW_ATT:
        return "ATT";
    case TSPLIB_EW_GEO:
        return "GEO";
    case TSPLIB_EW_MAN_2D:
        return "MAN_2D";
    case TSPLIB_EW_MAX_2D:
        return "MAX_2D";
    default:
        return "EXPLICIT";
    }
}

/* Checks that need the whole file: required keys and sections, the depot,
 * demands against the capacity. `ln` is the last line read. */
static corto_status tsplib_finish(tsplib_parser *ps, long ln)
{
    corto_status rc = CORTO_OK;
    tsplib_data *d = ps->d;
    if (!ps->seen_content)
        return tsplib_err(ps, CORTO_ERR_PARSE, 1, "empty file");
    if (!ps->at_type)
        return tsplib_err(ps, CORTO_ERR_PARSE, ln, "missing TYPE");
    if (!ps->at_dim)
        return tsplib_err(ps, CORTO_ERR_PARSE, ln, "missing DIMENSION");
    if (!ps->at_ew_type)
        return tsplib_err(ps, CORTO_ERR_PARSE, ln, "missing EDGE_WEIGHT_TYPE");
    if (d->weight_type == TSPLIB_EW_EXPLICIT && !ps->at_weights)
        return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                          "missing EDGE_WEIGHT_SECTION (EDGE_WEIGHT_TYPE is "
                          "EXPLICIT)");
    if (d->weight_type != TSPLIB_EW_EXPLICIT && !ps->at_coords)
        return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                          "missing NODE_COORD_SECTION (EDGE_WEIGHT_TYPE %s "
                          "needs coordinates)",
                          tsplib_weight_type_name(d->weight_type));
    if (d->kind != CORTO_KIND_VRP && (ps->at_service_sec || ps->at_tw_sec))
        return tsplib_err(ps, CORTO_ERR_PARSE,
                          ps->at_tw_sec ? ps->at_tw_sec : ps->at_service_sec,
                          "service times and time windows need TYPE CVRP "
                          "or VRPTW");
    if (d->kind == CORTO_KIND_VRP) {
        if (!ps->at_capacity)
            return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                              "missing CAPACITY (needed by TYPE CVRP)");
        if (!ps->at_demands)
            return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                              "missing DEMAND_SECTION (needed by TYPE CVRP)");
        if (!ps->at_depots)
            return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                              "missing DEPOT_SECTION (needed by TYPE CVRP)");
        if (d->time_windows && !ps->at_tw_sec)
            return tsplib_err(ps, CORTO_ERR_PARSE, ln,
                              "missing TIME_WINDOW_SECTION (needed by TYPE "
                              "VRPTW)");
        if (d->depot != 0)
            return tsplib_err(ps, CORTO_ERR_UNSUPPORTED, ps->depot_line,
                              "depot is node %d: corto reads CVRPLIB files "
                              "whose depot is node 1",
                              d->depot + 1);
        d->demand[d->depot] = 0;
        for (int i = 0; i < d->n; i++)
            if (d->demand[i] > d->capacity)
                return tsplib_err(ps, CORTO_ERR_PARSE, ps->demand_line[i],
                                  "demand %lld of node %d is above the "
                                  "vehicle capacity %lld",
                                  (long long)d->demand[i], i + 1,
                                  (long long)d->capacity);
    }
    if (d->weight_type == TSPLIB_EW_GEO) {
        CORTO_ALLOC(d->lat, d->n);
        CORTO_ALLOC(d->lon, d->n);
        for (int i = 0; i < d->n; i++) {
            d->lat[i] = tsplib_geo_radians(d->x[i]);
            d->lon[i] = tsplib_geo_radians(d->y[i]);
        }
    }
cleanup:
    return rc;
}

corto_status tsplib_parse(tsplib_data *d, const char *path, int flags,
                          corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    tsplib_parser ps;
    memset(&ps, 0, sizeof ps);
    memset(d, 0, sizeof *d);
    d->capacity = d->vehicles = d->max_distance = d->service_time = -1;
    d->depot = -1;
    ps.path = path;
    ps.diag = diag;
    ps.d = d;
    ps.flags = flags;
    CORTO_TRY(text_open(&ps.r, path, diag));
    int stop = 0;
    while (!stop) {
        int got = 0;
        CORTO_TRY(text_next_nonblank(&ps.r, &got, diag));
        if (!got)
            break;
        ps.seen_content = 1;
        CORTO_TRY(tsplib_line(&ps, &stop));
    }
    CORTO_TRY(tsplib_finish(&ps, ps.r.lineno));
cleanup:
    text_close(&ps.r);
    free(ps.demand_line);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Building the problem                                                */
/* ------------------------------------------------------------------ */

/* File name without folders and extensions (".vrp", ".tsp.gz"). */
static char *tsplib_name_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *name = util_strdup(base);
    if (!name)
        return NULL;
    size_t len = strlen(name);
    if (len > 3 && strcmp(name + len - 3, ".gz") == 0)
        name[len - 3] = '\0';
    char *dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    return name;
}

/*
 * Give the problem its distance matrix. The matrix is handed over rather
 * than copied by corto_problem_set_distances, so that the largest
 * instances (a 20000-node matrix is 3 GiB) need it in memory only once;
 * the values are within set_distances' bounds by construction.
 */
static void tsplib_give_matrix(corto_problem *p, int64_t *m)
{
    model_profile *pr = &p->profiles[0];
    if (!pr->dur_is_dist)
        free(pr->dur);
    free(pr->dist);
    pr->dist = m;
    pr->dur = m;
    pr->dur_is_dist = 1;
}

corto_status tsplib_build(corto_problem **out, const tsplib_data *d,
                          const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    int64_t *m = NULL;
    char *name = NULL;
    *out = NULL;
    if (d->n > TSPLIB_MAX_NODES)
        return diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 0,
                        "DIMENSION %d is above corto's limit of %d nodes",
                        d->n, TSPLIB_MAX_NODES);
    size_t n = (size_t)d->n;
    CORTO_TRY(corto_problem_create(&p, d->n, 1));
    CORTO_TRY(corto_problem_set_kind(p, d->kind));
    if (d->name && *d->name) {
        CORTO_TRY(corto_problem_set_name(p, d->name));
    } else {
        if (!(name = tsplib_name_from_path(path))) {
            rc = CORTO_ERR_NOMEM;
            goto cleanup;
        }
        CORTO_TRY(corto_problem_set_name(p, name));
    }
    if (d->x)
        CORTO_TRY(corto_problem_set_coords(p, d->x, d->y));
    m = malloc(n * n * sizeof *m);
    if (!m) {
        rc = diag_set(diag, CORTO_ERR_NOMEM, path, 0,
                      "out of memory for the %d x %d distance matrix", d->n,
                      d->n);
        goto cleanup;
    }
    tsplib_fill_matrix(m, d);
    tsplib_give_matrix(p, m);
    m = NULL;

    corto_vehicle_type vt;
    corto_vehicle_type_init(&vt);
    if (d->kind == CORTO_KIND_VRP) {
        vt.capacity = &d->capacity;
        vt.count = d->vehicles > 0 ? d->vehicles : CORTO_UNLIMITED;
        if (d->max_distance >= 0)
            vt.max_distance = d->max_distance;
        for (int i = 1; i < d->n; i++) {
            CORTO_TRY(corto_problem_set_demand(p, i, &d->demand[i]));
            int64_t service = d->service ? d->service[i] : d->service_time;
            if (service > 0)
                CORTO_TRY(corto_problem_set_service(p, i, service));
            if (d->tw_open)
                CORTO_TRY(corto_problem_set_time_window(p, i, d->tw_open[i],
                                                        d->tw_close[i]));
        }
        /* The depot's window is the vehicles' shift. */
        if (d->tw_open) {
            vt.shift_open = d->tw_open[d->depot];
            vt.shift_close = d->tw_close[d->depot];
        }
    } else {
        vt.count = 1;
    }
    CORTO_TRY(corto_problem_add_vehicle_type(p, &vt, NULL));
    for (int k = 0; k < d->n_fixed; k++)
        CORTO_TRY(corto_problem_add_fixed_edge(p, d->fixed[2 * k],
                                               d->fixed[2 * k + 1]));
    rc = problem_read_finish(out, &p, path, diag);
cleanup:
    free(m);
    free(name);
    corto_problem_destroy(p);
    return rc;
}

corto_status tsplib_read(corto_problem **out, const char *path,
                         corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    tsplib_data d;
    memset(&d, 0, sizeof d);
    CORTO_TRY(tsplib_parse(&d, path, 0, diag));
    CORTO_TRY(tsplib_build(out, &d, path, diag));
cleanup:
    tsplib_data_free(&d);
    return rc;
}
