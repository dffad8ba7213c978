/*
 * vrp_state.h — the mutable VRP solution that local search, the destroy and
 * repair operators and the ALNS loop share: routes as node arrays with
 * prefix and suffix segments (rebuilt per changed route), the route and
 * position of every client, the unassigned clients, vehicles used per type
 * and the sum of route costs. With the segments an insertion or a removal
 * is evaluated in O(1) seg_join calls (Vidal et al. 2013).
 *
 * Problem-wide data that never changes during a solve (segments of single
 * nodes, units, fixed-edge neighbours, neighbour lists) lives in vrp_data,
 * built once and shared by every state.
 *
 * Units. Clients that must travel together (chains of fixed edges, see
 * vrp_build.h) are removed and inserted as one contiguous unit, in their
 * stored order. A pickup-delivery pair is two units linked as partners
 * (vrp_units_build_split): both leave a route together, and come back
 * together into one route, the pickup's unit anywhere before the
 * delivery's (vrp_state_pair_best), so pairs interleave. Removing any
 * client of a pair removes its partner too, so the unassigned list holds
 * whole pairs and n_missing counts both ends.
 */
#ifndef CORTO_VRP_STATE_H
#define CORTO_VRP_STATE_H

#include "context.h"
#include "neighbours.h"
#include "route_eval.h"
#include "vrp_build.h"

/* Neighbours per client in the shared granular lists. */
#define VRP_DATA_NB_K 40

/* Fixed per-solve data shared by every state. */
typedef struct vrp_data {
    const corto_problem *p;
    int n;              /* nodes */
    int n_clients;      /* client nodes */
    int *clients;       /* the client nodes, ascending */
    seg *node_seg;      /* per node: its single-node segment */
    vrp_units units;    /* unit_of, start, nodes (build vehicle type) */
    int *fsucc, *fpred; /* per client: fixed successor / predecessor (a
                           depot is possible), -1 when none */
    int check;          /* skills, pairs or fixed edges need checks */
    nb_lists nb;        /* nearest clients of each client */
    int64_t penalty;    /* per unserved required client or bad route */
    /* Soft constraints. With `soft` set, a route's excess load, excess time
     * (time warp plus duration excess) and excess distance cost w_load,
     * w_time and w_dist per unit in the objective instead of the flat
     * `penalty`, so the search may cross infeasible solutions (Vidal et al.
     * 2012). The ALNS sets and adapts them; states priced under other
     * weights need vrp_state_reprice. */
    int soft;
    double w_load, w_time, w_dist;
} vrp_data;

/* Kinds of excess a route can have, as bits of vrp_route.over. */
enum { VRP_OVER_LOAD = 1, VRP_OVER_TIME = 2, VRP_OVER_DIST = 4 };

corto_status vrp_data_build(vrp_data *d, const corto_problem *p);
void vrp_data_free(vrp_data *d);

typedef struct vrp_route {
    int *nodes;
    seg *pre, *suf; /* len+1 each: pre[k] = start..nodes[k-1],
                       suf[k] = nodes[k]..end */
    int64_t *cum;   /* len+2: cum[k] = pre[k].dist, cum[len+1] = dist */
    int len, cap;
    int vtype;
    int64_t cost;
    int64_t dist; /* travel distance */
    int64_t pen;  /* penalty of its excesses in the objective (0 if none) */
    int feasible;
    int over;        /* VRP_OVER_* bits of its excesses */
    int dirty;       /* nodes changed, segments not yet rebuilt */
    int in_use;      /* counted in the state's used[] (non-empty) */
    int counted_bad; /* counted in the state's n_bad */
    int64_t stamp;   /* value of the state's counter at the last change */
} vrp_route;

typedef struct vrp_state {
    const vrp_data *d;
    vrp_route *routes; /* max_routes slots, n_routes in use */
    int n_routes, max_routes;
    int *route_of, *pos_of; /* per node; -1 when unassigned */
    int *unassigned;        /* the clients in no route */
    int n_unassigned;
    int *upos;  /* per node: index in unassigned, -1 when routed */
    int *dirty; /* routes with dirty set */
    int n_dirty;
    int64_t *used;   /* per vehicle type: non-empty routes */
    int64_t cost;    /* sum of route costs */
    int64_t pen;     /* sum of route penalties */
    int n_bad;       /* infeasible non-empty routes */
    int n_over[3];   /* routes with load, time, distance excess */
    int n_missing;   /* unassigned required clients */
    int64_t counter; /* change counter (route stamps) */
} vrp_state;

corto_status vrp_state_init(vrp_state *st, const vrp_data *d);
void vrp_state_free(vrp_state *st);

/*
 * Load the routes of `s` (clients in no route become unassigned; a pair's
 * ends may sit anywhere on their route, as the operators leave them,
 * and are taken as they are). Returns
 * CORTO_ERR_UNSUPPORTED, leaving st empty, when a route has a vehicle type
 * out of range, a depot or foreign node, or a client served twice: the
 * search only works on solutions it can evaluate.
 */
corto_status vrp_state_load(vrp_state *st, const corto_solution *s);
/* Replace the routes of `s` by the non-empty routes of st. */
corto_status vrp_state_store(const vrp_state *st, corto_solution *s);
/* dst = src (same data). Allocates only while dst's routes grow. */
corto_status vrp_state_copy(vrp_state *dst, const vrp_state *src);

/* The search objective: cost plus data->penalty for every unserved
 * required client, plus the routes' penalties: data->penalty for every
 * infeasible route, or the weighted excesses when data->soft is set. */
int64_t vrp_state_objective(const vrp_state *st);
/* What the ALNS compares solutions by, whatever the weights: fewer
 * infeasible routes first, then fewer unserved required clients (each at
 * data->penalty), then cost. Leaving clients out beats breaking a route's
 * limits: the first is a plan that can be carried out. */
int64_t vrp_state_hard_objective(const vrp_state *st);
/* 1 when nothing is penalised (the routes may still break skills, pairs
 * or fixed edges if they came that way; route_eval_solution decides). */
int vrp_state_complete(const vrp_state *st);

/*
 * Price an evaluated route: its cost plus the penalty of its excesses.
 * Returns 0 when the route is infeasible and constraints are hard (no
 * price then), 1 otherwise.
 */
int vrp_route_price(const vrp_data *d, const route_eval *re, int64_t *price);
/* Recompute every route's penalty after the data's weights changed. */
void vrp_state_reprice(vrp_state *st);

/* Make room for `want` nodes in route r (warm-up growth only). */
corto_status vrp_state_reserve(vrp_state *st, int r, int want);
/* Replace route r's nodes by nodes[0..len) and rebuild it. */
corto_status vrp_state_set_route(vrp_state *st, int r, const int *nodes,
                                 int len);
/* Rebuild route r's segments, cost and positions; updates the totals. */
void vrp_state_refresh(vrp_state *st, int r);
/* Rebuild every dirty route. */
void vrp_state_refresh_dirty(vrp_state *st);

/*
 * Remove client x from its route (no-op when unassigned) and add it to the
 * unassigned list, and likewise its pair partner when it has one. The
 * route is marked dirty: its segments and cost are stale until
 * vrp_state_refresh_dirty. O(route length).
 */
void vrp_state_remove(vrp_state *st, int x);
/* Remove every client of x's unit and of its partner unit. */
void vrp_state_remove_unit(vrp_state *st, int x);

/*
 * Change of the priced cost (vrp_route_price) of inserting unit u at
 * position pos (0..len) of route r, from the route's segments in O(|u|)
 * seg_join calls: pre[pos] + unit + suf[pos]. Returns 1 and sets *delta
 * when the route can be priced and the slot respects skills, fixed edges
 * and, for a unit with a partner, the partner's place on this route
 * (pickup first); 0 otherwise.
 */
int vrp_state_insert_delta(const vrp_state *st, int u, int r, int pos,
                           int64_t *delta);
/* Insert unit u at position pos of route r and rebuild the route. */
corto_status vrp_state_insert(vrp_state *st, int u, int r, int pos);

/*
 * Cheapest insertion into route r of the split pair whose pickup unit is u
 * (U->lead[u]; the delivery unit is U->partner[u]): the pickup goes before
 * the client at *pos_p and the delivery before the client at *pos_d, in
 * the route's current numbering, pos_p <= pos_d <= len. Evaluated from the
 * route's segments in O(len^2) seg_join calls without allocating; prices,
 * skills, fixed edges and the fleet as vrp_state_insert_delta. With blink
 * > 0 each (pos_p, pos_d) is skipped with that probability (draws from
 * rg). Returns 1 and sets *delta when some position can be priced.
 */
int vrp_state_pair_best(const vrp_state *st, int u, int r, double blink,
                        rng *rg, int *pos_p, int *pos_d, int64_t *delta);
/* Insert the split pair of pickup unit u at (pos_p, pos_d) of route r as
 * numbered before the insertion, and rebuild the route. */
corto_status vrp_state_insert_pair(vrp_state *st, int u, int r, int pos_p,
                                   int pos_d);

/*
 * Drop empty routes beyond one per vehicle type (and those of types with no
 * vehicle left), and give every type with vehicles left one empty route to
 * open. Route indices change. vrp_state_insert into an empty route appends
 * the next spare itself, without moving other routes.
 */
void vrp_state_spares(vrp_state *st);

#endif /* CORTO_VRP_STATE_H */
