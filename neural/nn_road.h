/*
 * nn_road.h — training instances whose matrices come from a real road
 * graph (the RRNCO idea: learn on real, asymmetric distances): depot and
 * clients are distinct nodes drawn from one strongly connected part of
 * the graph, the matrix is their many-to-many shortest-path lengths by the
 * contraction hierarchy (solver/graph/ch.h), and demands and capacity
 * follow Kool et al. as nn_gen does. No coordinates: the policy sees
 * distances only.
 */
#ifndef CORTO_NN_ROAD_H
#define CORTO_NN_ROAD_H

#include "ch.h"
#include "model.h"
#include "rng.h"

typedef struct nn_road {
    ch *h;
    ch_ws *ws;
    int *nodes; /* graph nodes every instance draws from */
    int n_nodes;
    char name[48]; /* instances are named NAME-nN */
} nn_road;

/*
 * Contract g and find the nodes to draw from: those that reach and are
 * reached by a hub node (a few hubs tried, the largest set kept), so
 * every pair of them is connected. `name` (may be NULL) names the
 * instances. ARGUMENT when fewer than 3 nodes qualify.
 */
corto_status nn_road_init(nn_road *rd, const graph *g, const char *name);
void nn_road_free(nn_road *rd);

/* A prepared CVRP of n_clients clients on distinct road nodes (at most
 * rd->n_nodes - 1 clients), distances rounded to integers. */
corto_status nn_road_cvrp(corto_problem **out, const nn_road *rd,
                          int n_clients, rng *r);

#endif /* CORTO_NN_ROAD_H */
