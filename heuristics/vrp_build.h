/*
 * vrp_build.h — what the VRP constructions and the ALNS share: "units"
 * (clients that must travel together: chains of fixed edges and, for the
 * constructions, pickup-delivery pairs), the vehicle type routes are built
 * for, and the final step that assigns vehicle types within the fleet,
 * re-inserts or leaves out what does not fit, and drops unprofitable
 * optional clients.
 */
#ifndef CORTO_VRP_BUILD_H
#define CORTO_VRP_BUILD_H

#include "context.h"
#include "route_eval.h"

/* Clients grouped into units, each an ordered node list. */
typedef struct vrp_units {
    int n_units;
    int *start;   /* n_units+1 offsets into nodes */
    int *nodes;   /* the clients of unit u: nodes[start[u] .. start[u+1]) */
    int *unit_of; /* per node; -1 for depots */
    unsigned char *rigid;      /* per unit: must not be reversed */
    unsigned char *head_depot; /* per unit: first node must follow a depot */
    unsigned char *tail_depot; /* per unit: last node must precede a depot */
    unsigned char *foreign;    /* per unit: the build vehicle lacks a skill */
    seg *fwd;                  /* per unit: its clients in order */
    seg *rev;                  /* per unit: reversed (when not rigid) */
    /* Pairs split over two units (vrp_units_build_split only): the unit
     * holding the other end of the pair, -1 when none; lead is 1 for the
     * unit holding the pickup. */
    int *partner;
    unsigned char *lead;
} vrp_units;

/* The vehicle type with the largest capacity among those with vehicles
 * (lowest index on ties); routes are built for it. */
int vrp_build_vtype(const corto_problem *p);

/*
 * Units for constructions that only concatenate units: each pickup's unit
 * joined in front of its delivery's unit, so pairs stay ordered (partner
 * is -1 everywhere).
 */
corto_status vrp_units_build(vrp_units *u, const corto_problem *p, int vtype);
/*
 * Units for the search, where a pair's pickup and delivery may sit apart on
 * one route: a pickup and its delivery become two units linked by partner
 * when each of their fixed-edge chains holds no other pair member; other
 * pairs are joined as in vrp_units_build.
 */
corto_status vrp_units_build_split(vrp_units *u, const corto_problem *p,
                                   int vtype);
void vrp_units_free(vrp_units *u);

/* A growable route. */
typedef struct vrp_route_buf {
    int *nodes;
    int len, cap;
} vrp_route_buf;

corto_status vrp_route_push(vrp_route_buf *r, int node);
/* Free the node arrays of n routes and the array itself (NULL is fine). */
void vrp_routes_free(vrp_route_buf *routes, int n);

/*
 * Turn routes built for vehicle type `vtype` into `out` (cleared first):
 * drop optional clients whose removal lowers a route's cost, give each
 * route the cheapest vehicle type that serves it feasibly and is still
 * available (one that serves it infeasibly if none does), and when the
 * fleet runs out insert the remaining routes' clients where they fit;
 * what fits nowhere stays unserved (the evaluation then reports it).
 * Frees the routes' node arrays.
 */
corto_status vrp_finalize(corto_solution *out, const corto_problem *p,
                          int vtype, vrp_route_buf *routes, int n_routes);

#endif /* CORTO_VRP_BUILD_H */
