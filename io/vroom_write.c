/*
 * vroom_write.c — the JSON solution document, laid out like VROOM's
 * output (code, summary, unassigned, routes of timed steps) with corto's
 * own fields kept at the top level (problem, cost, feasible, status) and a
 * vehicle_type per route so that the document reads back exactly.
 *
 * Times follow the rules of the checker (check.c): a route leaves its
 * start at the latest time that neither makes a service late nor adds
 * waiting (so its duration is the shortest possible), every service then
 * starts as early as it can, waiting for windows to open. Steps report
 * VROOM's fields: arrival, duration (travel time so far), service,
 * waiting_time, load after the step and, when the profile has real
 * distances, distance so far.
 *
 * For problems read from TSPLIB / CVRPLIB files a step's id is the node's
 * 1-based number in the file and location_index its 0-based corto node;
 * for JSON problems they are the ids and location indices of the input
 * (problem->origin).
 */
#include "util.h"
#include "vroom.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

/* Travel time (dur = 1) or distance of i -> j; coordinates when a profile
 * has no matrix, as the checker does. */
static int64_t vw_arc(const corto_problem *p, int prof, int i, int j, int dur)
{
    const model_profile *pr = &p->profiles[prof];
    const int64_t *m = dur && pr->dur ? pr->dur : pr->dist;
    if (m)
        return m[(size_t)i * (size_t)p->n_nodes + (size_t)j];
    if (!p->has_coords)
        return 0;
    double dx = p->x[i] - p->x[j], dy = p->y[i] - p->y[j];
    return (int64_t)(sqrt(dx * dx + dy * dy) + 0.5);
}

/* 1 when vehicle type v can serve `a` and then `b` (b = -1: only a) on
 * a route of their own, as far as cheap tests tell. */
static int vw_alone_ok(const corto_problem *p, const model_vehicle *v, int a,
                       int b)
{
    int seq[2] = {a, b}, m = b >= 0 ? 2 : 1, prev = v->start_depot;
    int64_t t = max64(v->shift_open, p->tw_open[v->start_depot]);
    int64_t travel = 0, dist = 0, busy = 0;
    for (int k = 0; k < m; k++) {
        int x = seq[k];
        int64_t arc = vw_arc(p, v->profile, prev, x, 1);
        int64_t start = max64(sat_add(t, arc), p->tw_open[x]);
        if (start > p->tw_close[x])
            return 0;
        travel = sat_add(travel, arc);
        dist = sat_add(dist, vw_arc(p, v->profile, prev, x, 0));
        busy = sat_add(busy, p->service[x]);
        t = sat_add(start, p->service[x]);
        prev = x;
    }
    if (v->end_depot >= 0) {
        int64_t arc = vw_arc(p, v->profile, prev, v->end_depot, 1);
        if (sat_add(t, arc) > min64(v->shift_close, p->tw_close[v->end_depot]))
            return 0;
        travel = sat_add(travel, arc);
        dist = sat_add(dist, vw_arc(p, v->profile, prev, v->end_depot, 0));
    }
    return sat_add(travel, busy) <= v->max_duration && dist <= v->max_distance;
}

const char *vroom_unreachable_reason(const corto_problem *p, int node)
{
    int a = node, b = -1;
    if (p->pair_role[node] == 1)
        b = p->pair_of[node];
    else if (p->pair_role[node] == 2) {
        a = p->pair_of[node];
        b = node;
    }
    int skills_ok = 0, cap_ok = 0;
    size_t nd = (size_t)p->n_dims;
    for (int vt = 0; vt < p->n_vtypes; vt++) {
        const model_vehicle *v = &p->vtypes[vt];
        if (v->count <= 0)
            continue;
        int ok = 1;
        for (int k = 0; k < 2 && ok; k++) {
            int x = k ? b : a;
            if (x >= 0 && p->has_skills &&
                !skill_set_covers(&v->skills, &p->skills[x]))
                ok = 0;
        }
        if (!ok)
            continue;
        skills_ok = 1;
        for (int k = 0; k < 2 && ok; k++) {
            int x = k ? b : a;
            for (int d = 0; x >= 0 && d < p->n_dims && ok; d++) {
                size_t at = (size_t)x * nd + (size_t)d;
                int64_t need = max64(p->demand[at],
                                     max64(p->pickup[at], p->pair_amount[at]));
                if (need > v->capacity[d])
                    ok = 0;
            }
        }
        if (!ok)
            continue;
        cap_ok = 1;
        if (vw_alone_ok(p, v, a, b))
            return NULL;
    }
    if (!skills_ok)
        return "no vehicle has the required skills";
    if (!cap_ok)
        return "amount above the capacity of every vehicle with the skills";
    return "time window, shift or route limits cannot be met by any vehicle";
}

/* Add key: value to obj; 1 on failure (jansson returns -1). */
static int vw_set(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value) != 0;
}

static json_t *vw_amounts(const int64_t *a, int n)
{
    json_t *arr = json_array();
    for (int d = 0; arr && d < n; d++)
        if (json_array_append_new(arr, json_integer(a[d]))) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static const char *vw_type(const corto_problem *p, int node)
{
    if (p->origin) {
        switch (p->origin[node].kind) {
        case MODEL_ORIGIN_START:
            return "start";
        case MODEL_ORIGIN_END:
            return "end";
        case MODEL_ORIGIN_PICKUP:
            return "pickup";
        case MODEL_ORIGIN_DELIVERY:
            return "delivery";
        default:
            return "job";
        }
    }
    if (p->pair_role[node] == 1)
        return "pickup";
    if (p->pair_role[node] == 2)
        return "delivery";
    return "job";
}

static int64_t vw_id(const corto_problem *p, int node)
{
    return p->origin ? p->origin[node].id : (int64_t)node + 1;
}

static int64_t vw_location(const corto_problem *p, int node)
{
    return p->origin ? p->origin[node].location : (int64_t)node;
}

/* Totals of one route or of the whole solution. */
typedef struct vw_totals {
    int64_t cost, service, travel, waiting, dist;
    int64_t delivery[CORTO_MAX_DIMS], pickup[CORTO_MAX_DIMS];
} vw_totals;

static void vw_totals_add(vw_totals *t, const vw_totals *r, int dims)
{
    t->cost += r->cost;
    t->service += r->service;
    t->travel += r->travel;
    t->waiting += r->waiting;
    t->dist += r->dist;
    for (int d = 0; d < dims; d++) {
        t->delivery[d] += r->delivery[d];
        t->pickup[d] += r->pickup[d];
    }
}

/* Append a step; NULL-safe: returns 1 on failure. */
static int vw_step(json_t *steps, const corto_problem *p, const char *type,
                   int node, int with_id, int64_t arrival, int64_t travel,
                   int64_t service, int64_t waiting, const int64_t *load,
                   int has_dist, int64_t dist)
{
    json_t *st = json_object();
    if (!st || json_array_append_new(steps, st))
        return 1;
    int bad = vw_set(st, "type", json_string(type));
    if (with_id)
        bad |= vw_set(st, "id", json_integer(vw_id(p, node)));
    bad |= vw_set(st, "location_index", json_integer(vw_location(p, node)));
    bad |= vw_set(st, "arrival", json_integer(arrival));
    bad |= vw_set(st, "duration", json_integer(travel));
    bad |= vw_set(st, "service", json_integer(service));
    bad |= vw_set(st, "waiting_time", json_integer(waiting));
    bad |= vw_set(st, "load", vw_amounts(load, p->n_dims));
    if (has_dist)
        bad |= vw_set(st, "distance", json_integer(dist));
    return bad;
}

/*
 * The departure time of a route (see the file comment): with P_k the
 * travel and service before stop k without waiting, leave at
 * min(latest start, max_k(open_k - P_k), min_k(close_k - P_k)), but not
 * before the earliest start.
 */
static int64_t vw_departure(const corto_problem *p, const model_vehicle *v,
                            const int *nodes, int n)
{
    int s = v->start_depot, prev = s;
    int64_t lo = max64(v->shift_open, p->tw_open[s]);
    int64_t hi = min64(v->shift_close, p->tw_close[s]);
    int64_t no_wait = INT64_MIN, no_late = INT64_MAX, prefix = 0;
    for (int k = 0; k <= n; k++) {
        int x;
        int64_t open, close;
        if (k == n) {
            if (v->end_depot < 0)
                break;
            x = v->end_depot;
            open = max64(v->shift_open, p->tw_open[x]);
            close = min64(v->shift_close, p->tw_close[x]);
        } else {
            x = nodes[k];
            open = p->tw_open[x];
            close = p->tw_close[x];
        }
        prefix = sat_add(prefix, vw_arc(p, v->profile, prev, x, 1));
        no_wait = max64(no_wait, sat_add(open, -prefix));
        no_late = min64(no_late, sat_add(close, -prefix));
        if (k < n)
            prefix = sat_add(prefix, p->service[x]);
        prev = x;
    }
    int64_t t = min64(hi, min64(no_wait, no_late));
    return max64(t, lo);
}

/* One route object with its steps; its totals go to *tot. */
static json_t *vw_route(const corto_problem *p, const corto_solution *s, int r,
                        vw_totals *tot)
{
    int vt = s->route_vtype[r], n = s->route_len[r];
    const int *nodes = s->routes[r];
    const model_vehicle *v = &p->vtypes[vt];
    int dims = p->n_dims, bad = 0;
    int has_dist = !p->vorigin || p->vorigin[vt].has_distance;
    size_t nd = (size_t)dims;
    int64_t load[CORTO_MAX_DIMS] = {0}, prize = 0;
    memset(tot, 0, sizeof *tot);
    for (int k = 0; k < n; k++)
        for (int d = 0; d < dims; d++) {
            size_t at = (size_t)nodes[k] * nd + (size_t)d;
            load[d] += p->demand[at];
            tot->delivery[d] += p->demand[at];
            tot->pickup[d] += p->pickup[at];
            if (p->pair_amount[at] > 0)
                tot->pickup[d] += p->pair_amount[at];
            else
                tot->delivery[d] -= p->pair_amount[at];
        }
    json_t *route = json_object(), *steps = json_array();
    if (!route || !steps) {
        json_decref(route);
        json_decref(steps);
        return NULL;
    }
    int64_t t0 = vw_departure(p, v, nodes, n), time = t0, dist = 0;
    int prev = v->start_depot;
    bad |= vw_step(steps, p, "start", prev, 0, t0, 0, 0, 0, load, has_dist, 0);
    for (int k = 0; k < n; k++) {
        int x = nodes[k];
        int64_t arc = vw_arc(p, v->profile, prev, x, 1);
        int64_t arrival = sat_add(time, arc);
        int64_t start = max64(arrival, p->tw_open[x]);
        tot->travel += arc;
        tot->waiting += start - arrival;
        tot->service += p->service[x];
        dist += vw_arc(p, v->profile, prev, x, 0);
        prize += p->prize[x];
        for (int d = 0; d < dims; d++) {
            size_t at = (size_t)x * nd + (size_t)d;
            load[d] += -p->demand[at] + p->pickup[at] + p->pair_amount[at];
        }
        bad |= vw_step(steps, p, vw_type(p, x), x, 1, arrival, tot->travel,
                       p->service[x], start - arrival, load, has_dist, dist);
        time = sat_add(start, p->service[x]);
        prev = x;
    }
    if (v->end_depot >= 0) {
        int e = v->end_depot;
        int64_t arc = vw_arc(p, v->profile, prev, e, 1);
        int64_t arrival = sat_add(time, arc);
        int64_t finish = max64(arrival, max64(v->shift_open, p->tw_open[e]));
        tot->travel += arc;
        tot->waiting += finish - arrival;
        dist += vw_arc(p, v->profile, prev, e, 0);
        bad |= vw_step(steps, p, "end", e, 0, arrival, tot->travel, 0,
                       finish - arrival, load, has_dist, dist);
        time = finish;
    }
    tot->dist = dist;
    tot->cost = v->fixed_cost + v->cost_per_distance * dist +
                v->cost_per_duration * (time - t0) - prize;
    /* An empty route (kept so that the document reads back exactly) is
     * not driven: no steps, no cost, as in route_eval. */
    if (n == 0) {
        memset(tot, 0, sizeof *tot);
        dist = 0;
        bad |= json_array_clear(steps) != 0;
    }
    bad |= vw_set(route, "vehicle",
                  json_integer(p->vorigin ? p->vorigin[vt].id : vt));
    bad |= vw_set(route, "vehicle_type", json_integer(vt));
    bad |= vw_set(route, "cost", json_integer(tot->cost));
    bad |= vw_set(route, "delivery", vw_amounts(tot->delivery, dims));
    bad |= vw_set(route, "pickup", vw_amounts(tot->pickup, dims));
    bad |= vw_set(route, "service", json_integer(tot->service));
    bad |= vw_set(route, "duration", json_integer(tot->travel));
    bad |= vw_set(route, "waiting_time", json_integer(tot->waiting));
    if (has_dist)
        bad |= vw_set(route, "distance", json_integer(dist));
    bad |= json_object_set(route, "steps", steps) != 0;
    json_decref(steps);
    if (bad) {
        json_decref(route);
        return NULL;
    }
    return route;
}

static const char *vw_status_name(corto_solution_status st)
{
    switch (st) {
    case CORTO_SOLUTION_FEASIBLE:
        return "feasible";
    case CORTO_SOLUTION_OPTIMAL:
        return "optimal";
    case CORTO_SOLUTION_INFEASIBLE:
        return "infeasible";
    default:
        return "unknown";
    }
}

/* The clients on no route, with a reason each. */
static corto_status vw_unassigned(json_t *list, const corto_problem *p,
                                  const corto_solution *s, int *count)
{
    corto_status rc = CORTO_OK;
    unsigned char *served = NULL;
    CORTO_ALLOC(served, p->n_nodes);
    for (int r = 0; r < s->n_routes; r++)
        for (int k = 0; k < s->route_len[r]; k++) {
            int x = s->routes[r][k];
            if (x >= 0 && x < p->n_nodes)
                served[x] = 1;
        }
    *count = 0;
    for (int i = 0; i < p->n_nodes; i++) {
        if (p->is_depot[i] || served[i])
            continue;
        const char *why = vroom_unreachable_reason(p, i);
        json_t *u = json_object();
        if (!u || json_array_append_new(list, u) ||
            vw_set(u, "id", json_integer(vw_id(p, i))) ||
            vw_set(u, "type", json_string(vw_type(p, i))) ||
            vw_set(u, "location_index", json_integer(vw_location(p, i))) ||
            vw_set(u, "reason",
                   json_string(why ? why : "not placed by the search"))) {
            rc = CORTO_ERR_NOMEM;
            goto cleanup;
        }
        (*count)++;
    }
cleanup:
    free(served);
    return rc;
}

corto_status vroom_write_solution(FILE *f, const corto_solution *s,
                                  const corto_problem *p, int64_t cost,
                                  corto_solution_status status)
{
    corto_status rc = CORTO_ERR_NOMEM;
    json_t *root = json_object(), *routes = json_array();
    json_t *unassigned = json_array(), *summary = json_object();
    vw_totals all;
    int n_used = 0, n_unassigned = 0, bad = 0, all_dist = 1;
    memset(&all, 0, sizeof all);
    if (!root || !routes || !unassigned || !summary)
        goto cleanup;
    for (int r = 0; r < s->n_routes; r++) {
        int vt = s->route_vtype[r];
        if (vt < 0 || vt >= p->n_vtypes) {
            rc = CORTO_ERR_ARGUMENT;
            goto cleanup;
        }
        for (int k = 0; k < s->route_len[r]; k++)
            if (s->routes[r][k] < 0 || s->routes[r][k] >= p->n_nodes) {
                rc = CORTO_ERR_ARGUMENT;
                goto cleanup;
            }
        vw_totals t;
        json_t *route = vw_route(p, s, r, &t);
        if (!route || json_array_append_new(routes, route))
            goto cleanup;
        vw_totals_add(&all, &t, p->n_dims);
        all_dist &= !p->vorigin || p->vorigin[vt].has_distance;
        n_used += s->route_len[r] > 0;
    }
    rc = vw_unassigned(unassigned, p, s, &n_unassigned);
    if (rc != CORTO_OK)
        goto cleanup;
    rc = CORTO_ERR_NOMEM;
    int feasible =
        status == CORTO_SOLUTION_FEASIBLE || status == CORTO_SOLUTION_OPTIMAL;
    bad |= vw_set(root, "code", json_integer(0));
    bad |= vw_set(root, "problem", json_string(p->name ? p->name : ""));
    bad |= vw_set(root, "cost",
                  cost == INT64_MAX ? json_null() : json_integer(cost));
    if (p->origin)
        bad |= vw_set(root, "cost_scale",
                      json_integer(p->cost_scale > 0 ? p->cost_scale : 1));
    bad |= vw_set(root, "feasible", json_boolean(feasible));
    bad |= vw_set(root, "status", json_string(vw_status_name(s->status)));
    bad |= vw_set(summary, "cost", json_integer(all.cost));
    bad |= vw_set(summary, "routes", json_integer(n_used));
    bad |= vw_set(summary, "unassigned", json_integer(n_unassigned));
    bad |= vw_set(summary, "delivery", vw_amounts(all.delivery, p->n_dims));
    bad |= vw_set(summary, "pickup", vw_amounts(all.pickup, p->n_dims));
    bad |= vw_set(summary, "service", json_integer(all.service));
    bad |= vw_set(summary, "duration", json_integer(all.travel));
    bad |= vw_set(summary, "waiting_time", json_integer(all.waiting));
    if (all_dist)
        bad |= vw_set(summary, "distance", json_integer(all.dist));
    bad |= json_object_set(root, "summary", summary) != 0;
    bad |= json_object_set(root, "unassigned", unassigned) != 0;
    bad |= json_object_set(root, "routes", routes) != 0;
    if (bad)
        goto cleanup;
    rc = json_dumpf(root, f, JSON_INDENT(2)) == 0 ? CORTO_OK : CORTO_ERR_IO;
    if (rc == CORTO_OK && fputc('\n', f) == EOF)
        rc = CORTO_ERR_IO;
cleanup:
    json_decref(summary);
    json_decref(unassigned);
    json_decref(routes);
    json_decref(root);
    return rc;
}

int vroom_step_node(const corto_problem *p, const char *type, int64_t id)
{
    if (!p->origin) {
        if (strcmp(type, "job") && strcmp(type, "pickup") &&
            strcmp(type, "delivery"))
            return -1;
        return id - 1 >= INT32_MIN && id - 1 <= INT32_MAX ? (int)(id - 1) : -1;
    }
    model_origin_kind kind;
    if (strcmp(type, "job") == 0)
        kind = MODEL_ORIGIN_JOB;
    else if (strcmp(type, "pickup") == 0)
        kind = MODEL_ORIGIN_PICKUP;
    else if (strcmp(type, "delivery") == 0)
        kind = MODEL_ORIGIN_DELIVERY;
    else
        return -1;
    for (int i = 0; i < p->n_nodes; i++)
        if (p->origin[i].kind == kind && p->origin[i].id == id)
            return i;
    return -1;
}

int vroom_vehicle_type(const corto_problem *p, int64_t vehicle)
{
    if (!p->vorigin)
        return vehicle >= 0 && vehicle < p->n_vtypes ? (int)vehicle : -1;
    for (int v = 0; v < p->n_vtypes; v++)
        if (p->vorigin[v].id == vehicle)
            return v;
    return -1;
}
