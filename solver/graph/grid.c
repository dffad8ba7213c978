/*
 * grid.c — Moving AI .map/.scen readers and 8-connected A* with the
 * octile heuristic (see grid.h). The search keeps g-values and an indexed
 * binary heap over cells; ties on f are broken towards larger g (deeper
 * cells first), which expands fewer cells on open ground. The octile
 * distance is consistent, so a cell taken from the heap is final.
 */
#include "grid.h"
#include "text_reader.h"
#include "util.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GRID_SQRT2 1.41421356237309504880

void grid_map_free(grid_map *map)
{
    if (!map)
        return;
    free(map->free);
    memset(map, 0, sizeof *map);
}

/* Read one "KEY VALUE" header line with an integer value in 1..limit. */
static corto_status grid_header_int(text_reader *r, const char *key,
                                    int *value, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int got = 0;
    CORTO_TRY(text_next_nonblank(r, &got, diag));
    char *k = got ? text_line_token(r) : NULL;
    char *v = got ? text_line_token(r) : NULL;
    if (!k || strcmp(k, key) != 0 || !v || !text_parse_int(v, value) ||
        *value < 1 || *value > 1000000 || !text_line_rest_empty(r))
        return diag_set(diag, CORTO_ERR_PARSE, r->path, got ? r->lineno : 0,
                        "expected '%s N' with N a positive integer", key);
cleanup:
    return rc;
}

corto_status grid_map_read(grid_map *map, const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    int got = 0;
    memset(map, 0, sizeof *map);
    CORTO_TRY(text_open(&r, path, diag));
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    char *t1 = got ? text_line_token(&r) : NULL;
    char *t2 = got ? text_line_token(&r) : NULL;
    if (!t1 || strcmp(t1, "type") != 0 || !t2 || !text_line_rest_empty(&r)) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, got ? r.lineno : 0,
                      "expected 'type octile'");
        goto cleanup;
    }
    if (strcmp(t2, "octile") != 0) {
        rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, r.lineno,
                      "map type '%.20s' (only octile maps are read)", t2);
        goto cleanup;
    }
    CORTO_TRY(grid_header_int(&r, "height", &map->height, diag));
    CORTO_TRY(grid_header_int(&r, "width", &map->width, diag));
    if ((int64_t)map->width * map->height > INT_MAX / 2) {
        rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, r.lineno,
                      "map of %d x %d cells is too large", map->width,
                      map->height);
        goto cleanup;
    }
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    char *t3 = got ? text_line_token(&r) : NULL;
    if (!t3 || strcmp(t3, "map") != 0 || !text_line_rest_empty(&r)) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, got ? r.lineno : 0,
                      "expected 'map' after the header");
        goto cleanup;
    }
    CORTO_ALLOC(map->free, (int64_t)map->width * map->height);
    for (int y = 0; y < map->height; y++) {
        CORTO_TRY(text_next_line(&r, &got, diag));
        if (!got) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                          "map ends after %d of %d rows", y, map->height);
            goto cleanup;
        }
        if (r.line_len != (size_t)map->width) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                          "row %d has %zu cells, width is %d", y + 1,
                          r.line_len, map->width);
            goto cleanup;
        }
        for (int x = 0; x < map->width; x++) {
            char ch = r.line[x];
            int pass;
            switch (ch) {
            case '.':
            case 'G':
            case 'S':
                pass = 1;
                break;
            case '@':
            case 'O':
            case 'T':
            case 'W':
                pass = 0;
                break;
            default:
                rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                              "unknown terrain '%c' in column %d", ch, x + 1);
                goto cleanup;
            }
            map->free[(int64_t)y * map->width + x] = (unsigned char)pass;
        }
    }
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    if (got) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                      "more rows than the height %d", map->height);
        goto cleanup;
    }

cleanup:
    text_close(&r);
    if (rc != CORTO_OK)
        grid_map_free(map);
    return rc;
}

/* One scenario line's fields after the map name. */
static int grid_scen_fields(text_reader *r, grid_scen *s)
{
    char *t[7];
    for (int k = 0; k < 7; k++)
        if (!(t[k] = text_line_token(r)))
            return 0;
    return text_parse_int(t[0], &s->map_width) &&
           text_parse_int(t[1], &s->map_height) &&
           text_parse_int(t[2], &s->sx) && text_parse_int(t[3], &s->sy) &&
           text_parse_int(t[4], &s->gx) && text_parse_int(t[5], &s->gy) &&
           text_parse_double(t[6], &s->optimal) && s->optimal >= 0.0 &&
           text_line_rest_empty(r);
}

static int grid_cell_free(const grid_map *m, int x, int y)
{
    return x >= 0 && y >= 0 && x < m->width && y < m->height &&
           m->free[(int64_t)y * m->width + x];
}

corto_status grid_scen_read(grid_scen **out, int *n, const char *path,
                            const grid_map *map, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    grid_scen *list = NULL;
    int count = 0, cap = 0, got = 0;
    *out = NULL;
    *n = 0;
    CORTO_TRY(text_open(&r, path, diag));
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    char *v = got ? text_line_token(&r) : NULL;
    char *num = got ? text_line_token(&r) : NULL;
    double version = 0.0;
    if (!v || strcmp(v, "version") != 0 || !num ||
        !text_parse_double(num, &version) || !text_line_rest_empty(&r)) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, got ? r.lineno : 0,
                      "expected 'version 1' on the first line");
        goto cleanup;
    }
    if (version != 1.0) {
        rc = diag_set(diag, CORTO_ERR_UNSUPPORTED, path, r.lineno,
                      "scenario version %g (only version 1 is read)", version);
        goto cleanup;
    }
    for (;;) {
        CORTO_TRY(text_next_nonblank(&r, &got, diag));
        if (!got)
            break;
        grid_scen s;
        memset(&s, 0, sizeof s);
        s.line = r.lineno;
        char *tb = text_line_token(&r);
        char *tmap = text_line_token(&r);
        if (!tb || !text_parse_int(tb, &s.bucket) || !tmap ||
            !grid_scen_fields(&r, &s)) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                          "expected 'BUCKET MAP WIDTH HEIGHT START_X START_Y "
                          "GOAL_X GOAL_Y OPTIMAL_LENGTH'");
            goto cleanup;
        }
        if (map) {
            if (s.map_width != map->width || s.map_height != map->height) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                              "scenario is for a %d x %d map, the map is "
                              "%d x %d",
                              s.map_width, s.map_height, map->width,
                              map->height);
                goto cleanup;
            }
            if (!grid_cell_free(map, s.sx, s.sy) ||
                !grid_cell_free(map, s.gx, s.gy)) {
                int bad_start = !grid_cell_free(map, s.sx, s.sy);
                rc =
                    diag_set(diag, CORTO_ERR_PARSE, path, r.lineno,
                             "%s (%d, %d) is off the map or blocked",
                             bad_start ? "start" : "goal",
                             bad_start ? s.sx : s.gx, bad_start ? s.sy : s.gy);
                goto cleanup;
            }
        }
        if (count == cap) {
            cap = cap ? 2 * cap : 256;
            grid_scen *grown = realloc(list, (size_t)cap * sizeof *grown);
            if (!grown) {
                rc = CORTO_ERR_NOMEM;
                goto cleanup;
            }
            list = grown;
        }
        list[count++] = s;
    }
    *out = list;
    *n = count;
    list = NULL;

cleanup:
    text_close(&r);
    free(list);
    return rc;
}

struct grid_ws {
    int cells;
    unsigned gen;
    unsigned *stamp; /* g, pos valid when stamp == gen */
    double *g;
    int *pos; /* heap index, -1 not queued, -2 closed */
    int *heap;
    double *hf, *hg; /* f and g of heap entries */
    int heap_n;
};

corto_status grid_ws_create(grid_ws **out, const grid_map *map)
{
    corto_status rc = CORTO_OK;
    grid_ws *ws = NULL;
    *out = NULL;
    if (!map || !map->free)
        return CORTO_ERR_ARGUMENT;
    int cells = map->width * map->height;
    CORTO_ALLOC(ws, 1);
    ws->cells = cells;
    CORTO_ALLOC(ws->stamp, cells);
    CORTO_ALLOC(ws->g, cells);
    CORTO_ALLOC(ws->pos, cells);
    CORTO_ALLOC(ws->heap, cells);
    CORTO_ALLOC(ws->hf, cells);
    CORTO_ALLOC(ws->hg, cells);
    *out = ws;
    ws = NULL;
cleanup:
    grid_ws_destroy(ws);
    return rc;
}

void grid_ws_destroy(grid_ws *ws)
{
    if (!ws)
        return;
    free(ws->stamp);
    free(ws->g);
    free(ws->pos);
    free(ws->heap);
    free(ws->hf);
    free(ws->hg);
    free(ws);
}

/* Heap order: smaller f first, then larger g. */
static int grid_before(const grid_ws *ws, int i, double f, double g)
{
    return ws->hf[i] < f || (ws->hf[i] == f && ws->hg[i] > g);
}

static void grid_heap_place(grid_ws *ws, int i, int c, double f, double g)
{
    ws->heap[i] = c;
    ws->hf[i] = f;
    ws->hg[i] = g;
    ws->pos[c] = i;
}

static void grid_sift_up(grid_ws *ws, int i, int c, double f, double g)
{
    while (i > 0) {
        int p = (i - 1) / 2;
        if (grid_before(ws, p, f, g) || (ws->hf[p] == f && ws->hg[p] == g))
            break;
        grid_heap_place(ws, i, ws->heap[p], ws->hf[p], ws->hg[p]);
        i = p;
    }
    grid_heap_place(ws, i, c, f, g);
}

static int grid_pop(grid_ws *ws)
{
    int top = ws->heap[0];
    int n = --ws->heap_n;
    ws->pos[top] = -2;
    if (n > 0) {
        int c = ws->heap[n];
        double f = ws->hf[n], g = ws->hg[n];
        int i = 0;
        for (;;) {
            int k = 2 * i + 1;
            if (k >= n)
                break;
            if (k + 1 < n && grid_before(ws, k + 1, ws->hf[k], ws->hg[k]))
                k++;
            if (!grid_before(ws, k, f, g))
                break;
            grid_heap_place(ws, i, ws->heap[k], ws->hf[k], ws->hg[k]);
            i = k;
        }
        grid_heap_place(ws, i, c, f, g);
    }
    return top;
}

/* Octile distance: diagonal steps while both coordinates differ. */
static double grid_octile(int x, int y, int gx, int gy)
{
    int dx = abs(x - gx), dy = abs(y - gy);
    int lo = dx < dy ? dx : dy, hi = dx < dy ? dy : dx;
    return (hi - lo) + GRID_SQRT2 * lo;
}

corto_status grid_astar(double *length, long *expanded, grid_ws *ws,
                        const grid_map *map, int sx, int sy, int gx, int gy)
{
    static const int dxs[8] = {1, -1, 0, 0, 1, 1, -1, -1};
    static const int dys[8] = {0, 0, 1, -1, 1, -1, 1, -1};
    if (!length || !ws || !map || ws->cells != map->width * map->height ||
        sx < 0 || sy < 0 || gx < 0 || gy < 0 || sx >= map->width ||
        gx >= map->width || sy >= map->height || gy >= map->height)
        return CORTO_ERR_ARGUMENT;
    *length = INFINITY;
    long count = 0;
    int w = map->width;
    if (!map->free[sy * w + sx] || !map->free[gy * w + gx])
        goto done;
    if (++ws->gen == 0) {
        memset(ws->stamp, 0, (size_t)ws->cells * sizeof *ws->stamp);
        ws->gen = 1;
    }
    ws->heap_n = 0;
    int start = sy * w + sx, goal = gy * w + gx;
    ws->stamp[start] = ws->gen;
    ws->g[start] = 0.0;
    ws->heap_n = 1;
    grid_heap_place(ws, 0, start, grid_octile(sx, sy, gx, gy), 0.0);
    while (ws->heap_n > 0) {
        int c = grid_pop(ws);
        count++;
        if (c == goal) {
            *length = ws->g[c];
            break;
        }
        int x = c % w, y = c / w;
        double gc = ws->g[c];
        for (int k = 0; k < 8; k++) {
            int nx = x + dxs[k], ny = y + dys[k];
            if (!grid_cell_free(map, nx, ny))
                continue;
            double step = 1.0;
            if (k >= 4) { /* diagonal: both side cells must be free */
                if (!map->free[y * w + nx] || !map->free[ny * w + x])
                    continue;
                step = GRID_SQRT2;
            }
            int nc = ny * w + nx;
            double ng = gc + step;
            if (ws->stamp[nc] != ws->gen) {
                ws->stamp[nc] = ws->gen;
                ws->g[nc] = INFINITY;
                ws->pos[nc] = -1;
            }
            if (ws->pos[nc] == -2 || ng >= ws->g[nc])
                continue;
            ws->g[nc] = ng;
            double f = ng + grid_octile(nx, ny, gx, gy);
            int i = ws->pos[nc];
            if (i < 0)
                i = ws->heap_n++;
            grid_sift_up(ws, i, nc, f, ng);
        }
    }
done:
    if (expanded)
        *expanded = count;
    return CORTO_OK;
}
