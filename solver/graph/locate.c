/*
 * locate.c — turning the points of a points file into road graph nodes:
 * ids are looked up, coordinates snapped to the nearest node with at
 * least one arc through a k-d tree (nodes without arcs would make every
 * pair unreachable). See locate.h.
 */
#include "locate.h"
#include "kdtree.h"
#include "util.h"

#include <stdlib.h>

corto_status graph_locate(int *node, double *snap, const graph *g,
                          const graph_point *pts, int n, const char *path,
                          corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    kdtree *tree = NULL;
    unsigned char *keep = NULL;
    if (!node || !g || (n > 0 && !pts))
        return CORTO_ERR_ARGUMENT;
    for (int k = 0; k < n; k++) {
        const graph_point *p = &pts[k];
        if (snap)
            snap[k] = 0.0;
        if (!p->has_xy) {
            node[k] = graph_node_of(g, p->id);
            if (node[k] < 0) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, p->line,
                              "node %lld is not in the graph (ids "
                              "%lld..%lld)",
                              (long long)p->id, (long long)graph_file_id(g, 0),
                              (long long)graph_file_id(g, g->n - 1));
                goto cleanup;
            }
            continue;
        }
        if (!g->x) {
            rc = diag_set(diag, CORTO_ERR_PARSE, path, p->line,
                          "coordinates given, but the graph has no node "
                          "coordinates (give a node id)");
            goto cleanup;
        }
        if (!tree) {
            CORTO_ALLOC(keep, g->n);
            int any = 0;
            for (int v = 0; v < g->n; v++) {
                keep[v] = g->out_off[v + 1] > g->out_off[v] ||
                          g->in_off[v + 1] > g->in_off[v];
                any |= keep[v];
            }
            if (!any) {
                rc = diag_set(diag, CORTO_ERR_PARSE, path, p->line,
                              "the graph has no arcs to snap to");
                goto cleanup;
            }
            CORTO_TRY(kdtree_build(&tree, g->x, g->y, keep, g->n));
        }
        double d;
        node[k] = kdtree_nearest(tree, p->x, p->y, &d);
        if (snap)
            snap[k] = d;
    }
cleanup:
    kdtree_destroy(tree);
    free(keep);
    return rc;
}
