/*
 * ch.h — contraction hierarchies on the road graph (Geisberger, Sanders,
 * Schultes & Delling 2008, "Contraction hierarchies: faster and simpler
 * hierarchical routing in road networks"): the preprocessing that orders
 * and contracts the nodes, point-to-point queries with path unpacking,
 * and bucket-based many-to-many matrices (Knopp, Sanders, Schultes,
 * Schulz & Wagner 2007, "Computing many-to-many shortest paths using
 * highway hierarchies").
 *
 * A hierarchy may carry a second weight per arc (durations beside
 * distances): paths minimise the first weight and the second is summed
 * along them, as a routing engine reports the distance of the fastest
 * route. Everything is deterministic: the same graph gives the same
 * hierarchy and the same answers.
 */
#ifndef CORTO_CH_H
#define CORTO_CH_H

#include "graph.h"

/* Limits of the witness searches: nodes settled and arcs per path. A
 * limit reached only adds a shortcut that was not needed. */
typedef struct ch_params {
    int settle_limit;     /* witness search while contracting (500) */
    int sim_settle_limit; /* witness search while ranking nodes (60) */
    int hop_limit;        /* arcs on a witness path (16) */
} ch_params;

void ch_params_init(ch_params *p);

typedef struct ch ch;

/*
 * Contract every node of g. w2 (NULL or g->m entries aligned with
 * g->out_w) is the second weight of each arc. params may be NULL (the
 * defaults). The hierarchy copies what it needs: g may be freed after.
 */
corto_status ch_build(ch **out, const graph *g, const double *w2,
                      const ch_params *params);
void ch_destroy(ch *h);

/* Size figures: shortcuts added and arcs of the upward graphs. */
int64_t ch_shortcuts(const ch *h);
int64_t ch_up_arcs(const ch *h);
int ch_has_second(const ch *h);

/* Query memory for one hierarchy; one thread at a time. */
typedef struct ch_ws ch_ws;
corto_status ch_ws_create(ch_ws **out, const ch *h);
void ch_ws_destroy(ch_ws *ws);

/*
 * Shortest path from s to t: out gets the length, the original nodes
 * (unpacked from the shortcuts) and the nodes settled; len2 (may be NULL)
 * the second weight along it (INFINITY without a path or second weight).
 */
corto_status ch_query(graph_path *out, double *len2, ch_ws *ws, const ch *h,
                      int s, int t);

/*
 * Many-to-many: dist[i * n_dst + j] = length of a shortest path from
 * src[i] to dst[j], INFINITY when there is none (reach[i * n_dst + j] = 0
 * then, 1 otherwise; reach may be NULL). dist2 (may be NULL) gets the
 * second weight along those paths. One backward search per target fills
 * buckets, one forward search per source scans them.
 */
corto_status ch_many_to_many(double *dist, double *dist2, unsigned char *reach,
                             ch_ws *ws, const ch *h, const int *src, int n_src,
                             const int *dst, int n_dst);

#endif /* CORTO_CH_H */
