/*
 * route_eval.c — segment concatenation for routes: distance, duration and
 * time warp (Vidal et al. 2013), multi-dimensional loads with pickups, and
 * the cost and feasibility of whole routes and solutions.
 */
#include "route_eval.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int64_t clamp_inf(int64_t v)
{
    if (v > SEG_INF)
        return SEG_INF;
    if (v < -SEG_INF)
        return -SEG_INF;
    return v;
}

void seg_empty(seg *s)
{
    memset(s, 0, sizeof *s);
    s->first = s->last = -1;
    s->early = -SEG_INF;
    s->late = SEG_INF;
}

void seg_node(seg *s, const corto_problem *p, int node)
{
    seg_empty(s);
    s->first = s->last = node;
    s->dur = p->service[node];
    s->early = clamp_inf(p->tw_open[node]);
    s->late = clamp_inf(p->tw_close[node]);
    s->prize = p->is_depot[node] ? 0 : p->prize[node];
    size_t base = (size_t)node * (size_t)p->n_dims;
    for (int d = 0; d < p->n_dims; d++) {
        int64_t dl = p->demand[base + d];
        int64_t en = p->pickup[base + d] + p->pair_amount[base + d];
        s->deliv[d] = dl;
        s->end[d] = en;
        s->peak[d] = max64(dl, en);
    }
}

/* A depot visit bounded by the vehicle's shift and the depot's window. */
static void seg_depot(seg *s, const corto_problem *p, int vtype, int node)
{
    const model_vehicle *v = &p->vtypes[vtype];
    seg_empty(s);
    s->first = s->last = node;
    s->early = clamp_inf(max64(v->shift_open, p->tw_open[node]));
    s->late = clamp_inf(min64(v->shift_close, p->tw_close[node]));
    /* A shift and a depot window that do not overlap: every visit is late
     * by the gap. As in Vidal's join of [e,e] then [l,l]: TW = e - l,
     * E = L = e. */
    if (s->early > s->late) {
        s->tw = s->early - s->late;
        s->late = s->early;
    }
}

void seg_start(seg *s, const corto_problem *p, int vtype)
{
    seg_depot(s, p, vtype, p->vtypes[vtype].start_depot);
}

void seg_end(seg *s, const corto_problem *p, int vtype)
{
    int end = p->vtypes[vtype].end_depot;
    if (end < 0)
        seg_empty(s);
    else
        seg_depot(s, p, vtype, end);
}

/* Written field by field straight into *out: this is the hottest function
 * of the search, and a whole-struct temporary would copy all
 * CORTO_MAX_DIMS load slots. Every scalar is read before any is written,
 * and load slot d of out depends only on slot d of a and b, so out may
 * alias a or b. Load slots at and above n_dims are left untouched: nothing
 * reads them. */
void seg_join(seg *out, const seg *a, const seg *b, const corto_problem *p,
              int profile)
{
    if (a->first < 0) {
        if (out != b)
            *out = *b;
        return;
    }
    if (b->first < 0) {
        if (out != a)
            *out = *a;
        return;
    }
    int64_t dist = model_dist(p, profile, a->last, b->first);
    int64_t travel = model_dur(p, profile, a->last, b->first);
    /* Vidal et al. (2013), equations for D, TW, E, L of a concatenation. */
    int64_t delta = a->dur - a->tw + travel;
    int64_t wait = max64(b->early - delta - a->late, 0);
    int64_t warp = max64(a->early + delta - b->late, 0);
    int first = a->first, last = b->last;
    int64_t r_dist = a->dist + b->dist + dist;
    int64_t r_dur = a->dur + b->dur + travel + wait;
    int64_t r_tw = a->tw + b->tw + warp;
    int64_t r_early = clamp_inf(max64(b->early - delta, a->early) - wait);
    int64_t r_late = clamp_inf(min64(b->late - delta, a->late) + warp);
    int64_t r_prize = a->prize + b->prize;
    const int64_t *vc = p->profiles[profile].visit_cost;
    int64_t r_vcost = a->vcost + b->vcost + (vc ? vc[b->first] : 0);
    for (int d = 0; d < p->n_dims; d++) {
        int64_t peak = max64(a->peak[d] + b->deliv[d], a->end[d] + b->peak[d]);
        out->deliv[d] = a->deliv[d] + b->deliv[d];
        out->end[d] = a->end[d] + b->end[d];
        out->peak[d] = peak;
    }
    out->first = first;
    out->last = last;
    out->dist = r_dist;
    out->dur = r_dur;
    out->tw = r_tw;
    out->early = r_early;
    out->late = r_late;
    out->prize = r_prize;
    out->vcost = r_vcost;
}

void route_eval_seg(route_eval *out, const corto_problem *p, int vtype,
                    const seg *whole, int n_clients)
{
    const model_vehicle *v = &p->vtypes[vtype];
    memset(out, 0, sizeof *out);
    if (n_clients == 0) {
        out->feasible = 1;
        return;
    }
    out->dist = whole->dist;
    out->dur = whole->dur;
    out->time_warp = whole->tw;
    for (int d = 0; d < p->n_dims; d++)
        if (whole->peak[d] > v->capacity[d])
            out->load_excess += whole->peak[d] - v->capacity[d];
    if (whole->dur > v->max_duration)
        out->duration_excess = whole->dur - v->max_duration;
    if (whole->dist > v->max_distance)
        out->distance_excess = whole->dist - v->max_distance;
    out->cost = v->fixed_cost + v->cost_per_distance * whole->dist +
                v->cost_per_duration * whole->dur - whole->prize +
                whole->vcost;
    out->feasible = out->time_warp == 0 && out->load_excess == 0 &&
                    out->duration_excess == 0 && out->distance_excess == 0;
}

void route_eval_nodes(route_eval *out, const corto_problem *p, int vtype,
                      const int *nodes, int n)
{
    int prof = p->vtypes[vtype].profile;
    seg acc, one;
    seg_start(&acc, p, vtype);
    for (int k = 0; k < n; k++) {
        seg_node(&one, p, nodes[k]);
        seg_join(&acc, &acc, &one, p, prof);
    }
    seg_end(&one, p, vtype);
    seg_join(&acc, &acc, &one, p, prof);
    route_eval_seg(out, p, vtype, &acc, n);
}

/* Node at position k of route r, with the depots at -1 and len. */
static int route_node_at(const corto_solution *s, int r, int k)
{
    const model_vehicle *v = &s->problem->vtypes[s->route_vtype[r]];
    if (k < 0)
        return v->start_depot;
    if (k >= s->route_len[r])
        return v->end_depot;
    return s->routes[r][k];
}

int route_eval_has_edge(const corto_solution *s, int from, int to,
                        int either_direction)
{
    for (int r = 0; r < s->n_routes; r++) {
        if (s->route_len[r] == 0)
            continue;
        for (int k = -1; k < s->route_len[r]; k++) {
            int a = route_node_at(s, r, k), b = route_node_at(s, r, k + 1);
            if ((a == from && b == to) ||
                (either_direction && a == to && b == from))
                return 1;
        }
    }
    return 0;
}

/* Structural checks that segments do not cover: each client at most once
 * and every required one served, fleet sizes, skills, pair order. */
static int solution_structure_ok(const corto_solution *s)
{
    const corto_problem *p = s->problem;
    int ok = 1;
    int *pos_route = malloc((size_t)p->n_nodes * sizeof *pos_route);
    int *pos_index = malloc((size_t)p->n_nodes * sizeof *pos_index);
    int64_t *used = calloc((size_t)p->n_vtypes, sizeof *used);
    if (!pos_route || !pos_index || !used) {
        ok = 0;
        goto done;
    }
    for (int i = 0; i < p->n_nodes; i++)
        pos_route[i] = -1;
    for (int r = 0; r < s->n_routes && ok; r++) {
        int vt = s->route_vtype[r];
        if (vt < 0 || vt >= p->n_vtypes) {
            ok = 0;
            break;
        }
        if (s->route_len[r] > 0)
            used[vt]++;
        for (int k = 0; k < s->route_len[r] && ok; k++) {
            int node = s->routes[r][k];
            if (node < 0 || node >= p->n_nodes || p->is_depot[node] ||
                pos_route[node] >= 0)
                ok = 0;
            else {
                pos_route[node] = r;
                pos_index[node] = k;
                if (p->has_skills &&
                    !skill_set_covers(&p->vtypes[vt].skills, &p->skills[node]))
                    ok = 0;
            }
        }
    }
    for (int v = 0; v < p->n_vtypes && ok; v++)
        if (used[v] > p->vtypes[v].count)
            ok = 0;
    for (int i = 0; i < p->n_nodes && ok; i++) {
        if (p->is_depot[i])
            continue;
        if (p->required[i] && pos_route[i] < 0)
            ok = 0;
        if (p->pair_role[i] == 1) {
            int d = p->pair_of[i];
            if ((pos_route[i] < 0) != (pos_route[d] < 0))
                ok = 0;
            else if (pos_route[i] >= 0 && (pos_route[i] != pos_route[d] ||
                                           pos_index[i] > pos_index[d]))
                ok = 0;
        }
    }
    for (int k = 0; k < p->n_fixed && ok; k++)
        ok = route_eval_has_edge(s, p->fixed[2 * k], p->fixed[2 * k + 1],
                                 p->kind == CORTO_KIND_TSP);
done:
    free(pos_route);
    free(pos_index);
    free(used);
    return ok;
}

void route_eval_solution(corto_solution *s)
{
    const corto_problem *p = s->problem;
    int feasible = 1;
    int64_t cost = 0;
    for (int r = 0; r < s->n_routes; r++) {
        int vt = s->route_vtype[r];
        if (vt < 0 || vt >= p->n_vtypes) {
            feasible = 0;
            continue;
        }
        int bad_node = 0;
        for (int k = 0; k < s->route_len[r]; k++)
            if (s->routes[r][k] < 0 || s->routes[r][k] >= p->n_nodes)
                bad_node = 1;
        if (bad_node) {
            feasible = 0;
            continue;
        }
        route_eval re;
        route_eval_nodes(&re, p, vt, s->routes[r], s->route_len[r]);
        cost += re.cost;
        feasible &= re.feasible;
    }
    if (feasible)
        feasible = solution_structure_ok(s);
    s->cost = cost;
    s->status = feasible ? CORTO_SOLUTION_FEASIBLE : CORTO_SOLUTION_INFEASIBLE;
}
