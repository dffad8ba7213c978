/*
 * mincut.c — Stoer-Wagner minimum cut with the cut of every phase (see
 * mincut.h). Dense arrays: the graphs are LP support graphs of TSPs of at
 * most a few hundred nodes, where O(n^3) is a few milliseconds.
 */
#include "mincut.h"
#include "util.h"

#include <string.h>

corto_status mincut_ws_init(mincut_ws *ws, int n)
{
    corto_status rc = CORTO_OK;
    memset(ws, 0, sizeof *ws);
    ws->n = n;
    CORTO_ALLOC(ws->a, (size_t)n * (size_t)n);
    CORTO_ALLOC(ws->key, n);
    CORTO_ALLOC(ws->active, n);
    CORTO_ALLOC(ws->next, n);
    CORTO_ALLOC(ws->tail, n);
    CORTO_ALLOC(ws->in, n);
cleanup:
    if (rc != CORTO_OK)
        mincut_ws_free(ws);
    return rc;
}

void mincut_ws_free(mincut_ws *ws)
{
    free(ws->a);
    free(ws->key);
    free(ws->active);
    free(ws->next);
    free(ws->tail);
    free(ws->in);
    memset(ws, 0, sizeof *ws);
}

/*
 * Write the original nodes of super-vertex v as a side (complemented so
 * that node 0 is outside) into row `out`, unless an earlier row of the
 * same call holds the same set. Returns 1 when a row was added.
 */
static int mincut_record(const mincut_ws *ws, int v, int n,
                         unsigned char *sides, int count)
{
    unsigned char *out = sides + (size_t)count * (size_t)n;
    memset(out, 0, (size_t)n);
    for (int x = v; x >= 0; x = ws->next[x])
        out[x] = 1;
    if (out[0])
        for (int x = 0; x < n; x++)
            out[x] = (unsigned char)!out[x];
    for (int k = 0; k < count; k++)
        if (memcmp(sides + (size_t)k * (size_t)n, out, (size_t)n) == 0)
            return 0;
    return 1;
}

double mincut_stoer_wagner(mincut_ws *ws, const double *w, int n, double limit,
                           unsigned char *sides, int max_cuts, int *n_cuts)
{
    *n_cuts = 0;
    if (n < 2)
        return 0.0;
    double *a = ws->a;
    size_t sn = (size_t)n;
    memcpy(a, w, sn * sn * sizeof *a);
    for (int v = 0; v < n; v++) {
        a[(size_t)v * sn + (size_t)v] = 0.0;
        ws->active[v] = v;
        ws->next[v] = -1;
        ws->tail[v] = v;
    }
    int m = n;
    double best = -1.0;
    while (m > 1) {
        /* One phase: maximum adjacency order from active[0]; the last
         * vertex t against the rest is a minimum s-t cut (s the one
         * before it). */
        for (int k = 0; k < m; k++) {
            ws->key[ws->active[k]] = 0.0;
            ws->in[ws->active[k]] = 0;
        }
        int prev = -1, last = -1;
        double cut = 0.0;
        for (int step = 0; step < m; step++) {
            int pick = -1;
            for (int k = 0; k < m; k++) {
                int u = ws->active[k];
                if (!ws->in[u] && (pick < 0 || ws->key[u] > ws->key[pick]))
                    pick = u;
            }
            ws->in[pick] = 1;
            prev = last;
            last = pick;
            cut = ws->key[pick];
            const double *row = a + (size_t)pick * sn;
            for (int k = 0; k < m; k++) {
                int u = ws->active[k];
                if (!ws->in[u])
                    ws->key[u] += row[u];
            }
        }
        if (best < 0.0 || cut < best)
            best = cut;
        if (cut < limit && *n_cuts < max_cuts &&
            mincut_record(ws, last, n, sides, *n_cuts))
            (*n_cuts)++;
        /* Merge last into prev. */
        for (int k = 0; k < m; k++) {
            int u = ws->active[k];
            double add = a[(size_t)last * sn + (size_t)u];
            a[(size_t)prev * sn + (size_t)u] += add;
            a[(size_t)u * sn + (size_t)prev] += add;
        }
        a[(size_t)prev * sn + (size_t)prev] = 0.0;
        ws->next[ws->tail[prev]] = last;
        ws->tail[prev] = ws->tail[last];
        for (int k = 0; k < m; k++)
            if (ws->active[k] == last) {
                ws->active[k] = ws->active[m - 1];
                break;
            }
        m--;
    }
    return best;
}
