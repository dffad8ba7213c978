/*
 * table_write.c — text, JSON and TSPLIB writers of `corto matrix` tables
 * (see table_write.h). Unreachable pairs are always written as such (the
 * word `unreachable`, JSON null) or refused (TSPLIB), never as a large
 * number.
 */
#include "table_write.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

/* One entry: %.10g, or `none` when it is not finite. */
static void table_put(FILE *f, double v, const char *none)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    else
        fputs(none, f);
}

void table_write_text(FILE *f, const double *m, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            if (j)
                fputc(' ', f);
            table_put(f, m[(int64_t)i * n + j], "unreachable");
        }
        fputc('\n', f);
    }
}

static void table_json_matrix(FILE *f, const char *key, const double *m, int n)
{
    fprintf(f, ",\n\"%s\":[", key);
    for (int i = 0; i < n; i++) {
        fputs(i ? ",\n[" : "\n[", f);
        for (int j = 0; j < n; j++) {
            if (j)
                fputc(',', f);
            table_put(f, m[(int64_t)i * n + j], "null");
        }
        fputc(']', f);
    }
    fputs("]", f);
}

static void table_json_points(FILE *f, const char *key, const road_table *t)
{
    fprintf(f, ",\n\"%s\":[", key);
    for (int k = 0; k < t->n; k++) {
        fprintf(f, "%s{\"node\":%lld", k ? ",\n" : "\n", (long long)t->ids[k]);
        if (t->x) {
            fputs(",\"location\":[", f);
            table_put(f, t->x[k], "null");
            fputc(',', f);
            table_put(f, t->y[k], "null");
            fputc(']', f);
        }
        fputs(",\"snap_distance\":", f);
        table_put(f, t->snap ? t->snap[k] : 0.0, "null");
        fputc('}', f);
    }
    fputs("]", f);
}

void table_write_json(FILE *f, const road_table *t)
{
    fputs("{\"code\":\"Ok\"", f);
    if (t->dist)
        table_json_matrix(f, "distances", t->dist, t->n);
    if (t->dur)
        table_json_matrix(f, "durations", t->dur, t->n);
    table_json_points(f, "sources", t);
    table_json_points(f, "destinations", t);
    fputs("}\n", f);
}

corto_status table_write_tsplib(FILE *f, const double *m, int n,
                                const char *name, const char *comment,
                                double scale, int64_t capacity,
                                const int64_t *demands, int64_t *bad)
{
    /* The TSPLIB reader's bound on a matrix entry. */
    double max_value = (double)(INT64_MAX / 4 / (n > 0 ? n : 1));
    for (int64_t k = 0; k < (int64_t)n * n; k++) {
        double v = m[k] * scale;
        if (!isfinite(v) || !(fabs(v) <= max_value)) {
            if (bad)
                *bad = k;
            return CORTO_ERR_MODEL;
        }
    }
    fprintf(f, "NAME : %s\n", name);
    if (comment)
        fprintf(f, "COMMENT : %s\n", comment);
    fprintf(f, "TYPE : %s\nDIMENSION : %d\n", demands ? "CVRP" : "ATSP", n);
    fputs("EDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX\n",
          f);
    if (demands)
        fprintf(f, "CAPACITY : %lld\n", (long long)capacity);
    fputs("EDGE_WEIGHT_SECTION\n", f);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            fprintf(f, j ? " %lld" : "%lld",
                    i == j
                        ? 0LL
                        : (long long)llround(m[(int64_t)i * n + j] * scale));
        fputc('\n', f);
    }
    if (demands) {
        fputs("DEMAND_SECTION\n", f);
        for (int i = 0; i < n; i++)
            fprintf(f, "%d %lld\n", i + 1, (long long)demands[i]);
        fputs("DEPOT_SECTION\n1\n-1\n", f);
    }
    fputs("EOF\n", f);
    return CORTO_OK;
}
