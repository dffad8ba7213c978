/*
 * route_eval.h — the one definition of what a route costs and whether it is
 * feasible, built on segment concatenation so that a move that joins a few
 * pieces of existing routes is evaluated in O(1) (O(n_dims) for loads).
 *
 * Time windows follow Vidal, Crainic, Gendreau & Prins (2013), "A hybrid
 * genetic algorithm with adaptive diversity management for a large class
 * of vehicle routing problems with time-windows", C&OR 40(1): a segment
 * keeps its minimal duration D (travel + service + waiting), its time warp
 * TW (total lateness forced by the windows), and the earliest E / latest L
 * start of service at its first node for which D and TW are achieved.
 *
 * Loads, per dimension: `deliv` is what must be on board when the segment
 * starts (deliveries from the depot), `end` what is on board relative to
 * the same base when it ends (pickups, pair loads), `peak` the largest load
 * inside. Joining A then B: deliv = dA+dB, end = eA+eB,
 * peak = max(pA + dB, eA + pB).
 *
 * Construction, local search, repair and the neural decoder's mask all go
 * through this module. The checker (check.c) deliberately does not.
 */
#ifndef CORTO_ROUTE_EVAL_H
#define CORTO_ROUTE_EVAL_H

#include "model.h"

/* Stand-in for "unbounded" inside segments, far from overflow. */
#define SEG_INF (INT64_MAX / 4)

typedef struct seg {
    int first, last; /* first and last node (-1 for the empty segment) */
    int64_t dist;    /* travel distance inside the segment */
    int64_t dur;     /* Vidal's D: travel + service + waiting */
    int64_t tw;      /* time warp */
    int64_t early;   /* E */
    int64_t late;    /* L */
    int64_t prize;   /* prizes of the clients in the segment */
    int64_t vcost;   /* visit costs (profile's visit_cost) of every node
                        but the first: like an arc cost on the way in */
    int64_t deliv[CORTO_MAX_DIMS];
    int64_t end[CORTO_MAX_DIMS];
    int64_t peak[CORTO_MAX_DIMS];
} seg;

/* Everything a route's evaluation reports. */
typedef struct route_eval {
    int64_t cost;        /* fixed (if non-empty) + per-distance + per-duration
                            costs - prizes */
    int64_t dist;        /* total distance */
    int64_t dur;         /* minimal total duration incl. waiting */
    int64_t time_warp;   /* 0 when every time window and the shift hold */
    int64_t load_excess; /* sum over dims of max(0, peak - capacity) */
    int64_t duration_excess; /* max(0, dur - max_duration) */
    int64_t distance_excess; /* max(0, dist - max_distance) */
    int feasible;            /* all excesses and time warp are zero */
} route_eval;

/* The empty segment (identity of seg_join). */
void seg_empty(seg *s);
/* Segment of a single node visited with its service time and window. */
void seg_node(seg *s, const corto_problem *p, int node);
/* Segments of the start and end depot of vehicle type v (shift window and
 * depot window; no service). For an open route the end segment is empty. */
void seg_start(seg *s, const corto_problem *p, int vtype);
void seg_end(seg *s, const corto_problem *p, int vtype);
/* out = a followed by b, travelling in `profile`. out may alias a or b. */
void seg_join(seg *out, const seg *a, const seg *b, const corto_problem *p,
              int profile);

/* Evaluate a complete route segment (start depot ... end depot) for vehicle
 * type v; `n_clients` says whether it is empty (no fixed cost then). */
void route_eval_seg(route_eval *out, const corto_problem *p, int vtype,
                    const seg *whole, int n_clients);
/* Evaluate the route start -> nodes[0..n-1] -> end of vehicle type v. */
void route_eval_nodes(route_eval *out, const corto_problem *p, int vtype,
                      const int *nodes, int n);

/* 1 when some route travels from -> to directly (depots included). */
int route_eval_has_edge(const corto_solution *s, int from, int to,
                        int either_direction);

/*
 * Evaluate a whole solution: sums route costs; sets s->cost and s->status
 * (FEASIBLE or INFEASIBLE: every route feasible, every required client
 * served exactly once, fleet counts respected, skills, pairs and fixed edges
 * honoured).
 */
void route_eval_solution(corto_solution *s);

#endif /* CORTO_ROUTE_EVAL_H */
