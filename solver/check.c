/*
 * check.c — the independent solution checker (corto_solution_check).
 *
 * It recomputes a solution from the problem's raw arrays, one route at a
 * time, by plain forward simulation: no segments, no route_eval, nothing
 * the solver uses. It is meant to be slow and obviously right, so that the
 * tests can hold the incremental evaluation (route_eval.c) against it.
 *
 * A route of vehicle type v is start_depot(v) -> nodes -> end_depot(v); an
 * end depot of -1 makes it open (no return leg). Along it:
 *  - load, per dimension: the route leaves with the demand of all its
 *    nodes on board; at each node load += -demand + pickup + pair amount;
 *    the load must stay within capacity from the start to the end;
 *  - time: the vehicle leaves the start depot at some t in
 *    [max(shift_open, open(start)), min(shift_close, close(start))], may
 *    wait for a window to open, must start service by its close, and must
 *    reach a closed route's end depot by min(shift_close, close(end))
 *    (finishing no earlier than max(shift_open, open(end)));
 *  - duration = finish - t, with t chosen to minimise it among the
 *    departures with the fewest late services (see check_schedule).
 */
#include "model.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Count a violation; the first one also gets a one-line description. */
static void check_note(corto_check_report *rep, corto_violation kind,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void check_note(corto_check_report *rep, corto_violation kind,
                       const char *fmt, ...)
{
    int first = 1;
    for (int k = 0; k < CORTO_VIOL_COUNT; k++)
        if (rep->violations[k] > 0)
            first = 0;
    rep->violations[kind]++;
    if (first) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(rep->first, sizeof rep->first, fmt, ap);
        va_end(ap);
    }
}

/*
 * Distance (durations = 0) or duration (1) of the arc i -> j in `prof`.
 * A profile without matrices falls back to rounded Euclidean distances
 * from the coordinates, and durations default to distances, as for a
 * problem that corto_solve prepares itself.
 */
static int64_t check_arc(const corto_problem *p, int prof, int i, int j,
                         int durations)
{
    const model_profile *pr = &p->profiles[prof];
    const int64_t *m = durations && pr->dur ? pr->dur : pr->dist;
    if (m)
        return m[(size_t)i * (size_t)p->n_nodes + (size_t)j];
    double dx = p->x[i] - p->x[j], dy = p->y[i] - p->y[j];
    return (int64_t)(sqrt(dx * dx + dy * dy) + 0.5);
}

static int check_cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The route being checked: its vehicle and its in-range nodes. */
typedef struct check_route {
    const corto_problem *p;
    const model_vehicle *v;
    int index;       /* route number, for messages */
    const int *path; /* in-range nodes, in order */
    int m;           /* their number */
} check_route;

/*
 * Drive the route leaving at time t. Returns the duration (finish - t) and
 * the number of late services in *late; with rep != NULL every late
 * service is also reported.
 */
static int64_t check_simulate(const check_route *cr, int64_t t, int *late,
                              corto_check_report *rep)
{
    const corto_problem *p = cr->p;
    const model_vehicle *v = cr->v;
    int prev = v->start_depot;
    int64_t time = t;
    *late = 0;
    for (int k = 0; k < cr->m; k++) {
        int node = cr->path[k];
        int64_t arrive =
            sat_add(time, check_arc(p, v->profile, prev, node, 1));
        int64_t start = max64(arrive, p->tw_open[node]);
        if (start > p->tw_close[node]) {
            (*late)++;
            if (rep)
                check_note(rep, CORTO_VIOL_TIME_WINDOW,
                           "route %d: service at node %d starts at %lld, "
                           "after its window closes at %lld",
                           cr->index, node, (long long)start,
                           (long long)p->tw_close[node]);
        }
        time = sat_add(start, p->service[node]);
        prev = node;
    }
    if (v->end_depot >= 0) {
        int end = v->end_depot;
        int64_t arrive = sat_add(time, check_arc(p, v->profile, prev, end, 1));
        int64_t close = min64(v->shift_close, p->tw_close[end]);
        if (arrive > close) {
            (*late)++;
            if (rep)
                check_note(rep, CORTO_VIOL_TIME_WINDOW,
                           "route %d: reaches end depot %d at %lld, after "
                           "%lld",
                           cr->index, end, (long long)arrive,
                           (long long)close);
        }
        time = max64(arrive, max64(v->shift_open, p->tw_open[end]));
    }
    return time - t;
}

/*
 * Choose the departure time and return the route's duration, reporting
 * the late services of the chosen schedule.
 *
 * Leaving later never makes a service earlier, so the number of late
 * services can only grow with t, and the duration can only shrink: with
 * P_k the travel and service before k without waiting, the route ends at
 * max(t + P_end, max_k(open_k - P_k) + P_end), so the duration is
 * P_end + max(0, max_k(open_k - P_k) - t). The best departure is
 * therefore the latest one that keeps the fewest late services. It lies
 * among: the earliest departure; the moments close_k - P_k after which
 * node k turns late; and T = max_k(open_k - P_k), after which no waiting
 * is left and nothing gets shorter. Each candidate, clipped to the
 * departure window, is simulated: O(m^2) at worst.
 */
static int64_t check_schedule(const check_route *cr, int64_t *cand,
                              corto_check_report *rep)
{
    const corto_problem *p = cr->p;
    const model_vehicle *v = cr->v;
    int s = v->start_depot;
    int64_t lo = max64(v->shift_open, p->tw_open[s]);
    int64_t hi = min64(v->shift_close, p->tw_close[s]);
    if (lo > hi) {
        check_note(rep, CORTO_VIOL_TIME_WINDOW,
                   "route %d: no departure time fits both the shift and the "
                   "window of start depot %d",
                   cr->index, s);
        hi = lo;
    }

    /* No-wait prefix times P_k and the latest useful departure T. */
    int n_cand = 0;
    int64_t no_wait_end = lo; /* lo + T, clipped below by lo */
    int prev = s;
    int64_t prefix = 0;
    for (int k = 0; k <= cr->m; k++) {
        int node, is_end = k == cr->m;
        int64_t open, close;
        if (is_end) {
            if (v->end_depot < 0)
                break;
            node = v->end_depot;
            open = max64(v->shift_open, p->tw_open[node]);
            close = min64(v->shift_close, p->tw_close[node]);
        } else {
            node = cr->path[k];
            open = p->tw_open[node];
            close = p->tw_close[node];
        }
        prefix = sat_add(prefix, check_arc(p, v->profile, prev, node, 1));
        no_wait_end = max64(no_wait_end, sat_add(open, -prefix));
        cand[n_cand++] = sat_add(close, -prefix);
        if (!is_end)
            prefix = sat_add(prefix, p->service[node]);
        prev = node;
    }
    hi = min64(hi, no_wait_end);
    cand[n_cand++] = lo;
    cand[n_cand++] = hi;
    /* Clip, sort and simulate each distinct time once (without windows
     * they all collapse to one). */
    for (int c = 0; c < n_cand; c++)
        cand[c] = min64(max64(cand[c], lo), hi);
    qsort(cand, (size_t)n_cand, sizeof *cand, check_cmp64);

    int64_t best_t = lo, best_dur = 0;
    int best_late = -1;
    for (int c = 0; c < n_cand; c++) {
        int64_t t = cand[c];
        if (c > 0 && t == cand[c - 1])
            continue;
        int late;
        int64_t dur = check_simulate(cr, t, &late, NULL);
        if (best_late < 0 || late < best_late ||
            (late == best_late && dur < best_dur)) {
            best_late = late;
            best_dur = dur;
            best_t = t;
        }
    }
    int late;
    return check_simulate(cr, best_t, &late, rep);
}

/* Scratch arrays shared by every route of one check. */
typedef struct check_scratch {
    int *path;     /* in-range nodes of the current route */
    int64_t *cand; /* departure candidates */
    int *visits;   /* per node: times served */
    int *route_of; /* per node: first route serving it */
    int *pos_of;   /* per node: its position there */
    int64_t *used; /* per vehicle type: non-empty routes */
} check_scratch;

/* Check route r and add its distance, duration and cost to the report. */
static void check_one_route(corto_check_report *rep, const corto_problem *p,
                            const corto_solution *sol, int r,
                            check_scratch *sc)
{
    int vt = sol->route_vtype[r];
    int len = sol->route_len[r];
    const int *nodes = sol->routes[r];
    if (vt < 0 || vt >= p->n_vtypes) {
        check_note(rep, CORTO_VIOL_BAD_NODE,
                   "route %d: vehicle type %d does not exist", r, vt);
        return;
    }
    if (len == 0)
        return;
    const model_vehicle *v = &p->vtypes[vt];
    sc->used[vt]++;
    rep->routes_used++;

    /* Nodes: range, depots, skills, visits. */
    int m = 0;
    int64_t prizes = 0, visits = 0;
    const int64_t *visit_cost = p->profiles[v->profile].visit_cost;
    for (int k = 0; k < len; k++) {
        int node = nodes[k];
        if (node < 0 || node >= p->n_nodes) {
            check_note(rep, CORTO_VIOL_BAD_NODE,
                       "route %d: position %d holds node %d, which does not "
                       "exist",
                       r, k, node);
            continue;
        }
        sc->path[m++] = node;
        if (p->is_depot[node]) {
            check_note(rep, CORTO_VIOL_BAD_NODE,
                       "route %d: position %d holds depot %d", r, k, node);
            continue;
        }
        prizes += p->prize[node];
        visits += visit_cost ? visit_cost[node] : 0;
        if (sc->visits[node]++ == 0) {
            sc->route_of[node] = r;
            sc->pos_of[node] = k;
        }
        for (int id = 0; p->has_skills && id < CORTO_MAX_SKILLS; id++)
            if (skill_set_has(&p->skills[node], id) &&
                !(v->has_skills && skill_set_has(&v->skills, id))) {
                check_note(rep, CORTO_VIOL_SKILL,
                           "route %d: node %d needs skill %d, which vehicle "
                           "type %d lacks",
                           r, node, id, vt);
                break;
            }
    }

    /* Distance. */
    int64_t dist = 0;
    int prev = v->start_depot;
    for (int k = 0; k < m; k++) {
        dist += check_arc(p, v->profile, prev, sc->path[k], 0);
        prev = sc->path[k];
    }
    if (v->end_depot >= 0)
        dist += check_arc(p, v->profile, prev, v->end_depot, 0);

    /* Load, per dimension, from the depot to the end. */
    for (int d = 0; d < p->n_dims; d++) {
        int64_t load = 0;
        for (int k = 0; k < m; k++)
            load += p->demand[(size_t)sc->path[k] * (size_t)p->n_dims + d];
        int where = -1; /* -1: at the start depot */
        int over = load > v->capacity[d];
        for (int k = 0; k < m && !over; k++) {
            size_t at = (size_t)sc->path[k] * (size_t)p->n_dims + (size_t)d;
            load += -p->demand[at] + p->pickup[at] + p->pair_amount[at];
            if (load > v->capacity[d]) {
                over = 1;
                where = sc->path[k];
            }
        }
        if (over) {
            if (where < 0)
                check_note(rep, CORTO_VIOL_CAPACITY,
                           "route %d: leaves the depot with load %lld in "
                           "dimension %d, above capacity %lld",
                           r, (long long)load, d, (long long)v->capacity[d]);
            else
                check_note(rep, CORTO_VIOL_CAPACITY,
                           "route %d: load %lld in dimension %d after node "
                           "%d, above capacity %lld",
                           r, (long long)load, d, where,
                           (long long)v->capacity[d]);
        }
    }

    /* Time and limits. */
    check_route cr = {p, v, r, sc->path, m};
    int64_t dur = check_schedule(&cr, sc->cand, rep);
    if (dur > v->max_duration)
        check_note(rep, CORTO_VIOL_DURATION,
                   "route %d: duration %lld above the limit %lld", r,
                   (long long)dur, (long long)v->max_duration);
    if (dist > v->max_distance)
        check_note(rep, CORTO_VIOL_DISTANCE,
                   "route %d: distance %lld above the limit %lld", r,
                   (long long)dist, (long long)v->max_distance);

    rep->distance += dist;
    rep->duration += dur;
    rep->cost += v->fixed_cost + v->cost_per_distance * dist +
                 v->cost_per_duration * dur - prizes + visits;
}

/* 1 when some non-empty route drives from -> to directly, depot legs
 * included (in either direction when `either`). */
static int check_has_edge(const corto_problem *p, const corto_solution *sol,
                          int from, int to, int either)
{
    for (int r = 0; r < sol->n_routes; r++) {
        int vt = sol->route_vtype[r], len = sol->route_len[r];
        if (vt < 0 || vt >= p->n_vtypes || len == 0)
            continue;
        const model_vehicle *v = &p->vtypes[vt];
        int a = v->start_depot;
        for (int k = 0; k <= len; k++) {
            int b;
            if (k < len)
                b = sol->routes[r][k];
            else if (v->end_depot >= 0)
                b = v->end_depot;
            else
                break;
            if ((a == from && b == to) || (either && a == to && b == from))
                return 1;
            a = b;
        }
    }
    return 0;
}

corto_status corto_solution_check(corto_check_report *report,
                                  const corto_problem *problem,
                                  const corto_solution *solution,
                                  int64_t claimed_cost)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = problem;
    check_scratch sc;
    memset(&sc, 0, sizeof sc);
    if (!report || !problem || !solution)
        return CORTO_ERR_ARGUMENT;
    memset(report, 0, sizeof *report);
    for (int k = 0; k < p->n_profiles; k++)
        if (!p->profiles[k].dist && !p->has_coords)
            return CORTO_ERR_MODEL;

    int max_len = 0;
    for (int r = 0; r < solution->n_routes; r++)
        if (solution->route_len[r] > max_len)
            max_len = solution->route_len[r];
    CORTO_ALLOC(sc.path, max_len);
    CORTO_ALLOC(sc.cand, 2 * (size_t)max_len + 4);
    CORTO_ALLOC(sc.visits, p->n_nodes);
    CORTO_ALLOC(sc.route_of, p->n_nodes);
    CORTO_ALLOC(sc.pos_of, p->n_nodes);
    CORTO_ALLOC(sc.used, p->n_vtypes);

    for (int r = 0; r < solution->n_routes; r++)
        check_one_route(report, p, solution, r, &sc);

    for (int v = 0; v < p->n_vtypes; v++)
        if (sc.used[v] > p->vtypes[v].count)
            check_note(report, CORTO_VIOL_FLEET,
                       "vehicle type %d: %lld routes, only %lld vehicles", v,
                       (long long)sc.used[v], (long long)p->vtypes[v].count);

    for (int i = 0; i < p->n_nodes; i++) {
        if (p->is_depot[i])
            continue;
        if (sc.visits[i] > 1)
            check_note(report, CORTO_VIOL_DUPLICATE,
                       "node %d: served %d times", i, sc.visits[i]);
        if (sc.visits[i] == 0 && p->required[i])
            check_note(report, CORTO_VIOL_MISSING,
                       "node %d: required but not served", i);
    }

    for (int i = 0; i < p->n_nodes; i++) {
        if (p->pair_role[i] != 1)
            continue;
        int d = p->pair_of[i];
        int has_pick = sc.visits[i] > 0, has_deliv = sc.visits[d] > 0;
        if (has_pick != has_deliv)
            check_note(report, CORTO_VIOL_PAIRING,
                       "pair %d -> %d: only the %s is served", i, d,
                       has_pick ? "pickup" : "delivery");
        else if (has_pick && sc.route_of[i] != sc.route_of[d])
            check_note(report, CORTO_VIOL_PAIRING,
                       "pair %d -> %d: pickup on route %d, delivery on "
                       "route %d",
                       i, d, sc.route_of[i], sc.route_of[d]);
        else if (has_pick && sc.pos_of[i] > sc.pos_of[d])
            check_note(report, CORTO_VIOL_PAIRING,
                       "pair %d -> %d: delivery before pickup on route %d", i,
                       d, sc.route_of[i]);
    }

    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], b = p->fixed[2 * k + 1];
        if (!check_has_edge(p, solution, a, b, p->kind == CORTO_KIND_TSP))
            check_note(report, CORTO_VIOL_FIXED_EDGE,
                       "fixed edge %d -> %d is not used", a, b);
    }

    if (claimed_cost != INT64_MAX && claimed_cost != report->cost)
        check_note(report, CORTO_VIOL_COST,
                   "claimed cost %lld, recomputed cost %lld",
                   (long long)claimed_cost, (long long)report->cost);

    report->feasible = 1;
    for (int k = 0; k < CORTO_VIOL_COUNT; k++)
        if (report->violations[k] > 0)
            report->feasible = 0;
cleanup:
    free(sc.path);
    free(sc.cand);
    free(sc.visits);
    free(sc.route_of);
    free(sc.pos_of);
    free(sc.used);
    return rc;
}

const char *corto_violation_string(corto_violation kind)
{
    static const char *const names[CORTO_VIOL_COUNT] = {
        [CORTO_VIOL_MISSING] = "missing",
        [CORTO_VIOL_DUPLICATE] = "duplicate",
        [CORTO_VIOL_BAD_NODE] = "bad-node",
        [CORTO_VIOL_CAPACITY] = "capacity",
        [CORTO_VIOL_TIME_WINDOW] = "time-window",
        [CORTO_VIOL_DURATION] = "duration",
        [CORTO_VIOL_DISTANCE] = "distance",
        [CORTO_VIOL_FLEET] = "fleet",
        [CORTO_VIOL_SKILL] = "skill",
        [CORTO_VIOL_PAIRING] = "pairing",
        [CORTO_VIOL_FIXED_EDGE] = "fixed-edge",
        [CORTO_VIOL_COST] = "cost",
    };
    if ((int)kind < 0 || kind >= CORTO_VIOL_COUNT || !names[kind])
        return "unknown";
    return names[kind];
}
