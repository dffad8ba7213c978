/*
 * vrp_build.c — units of clients that travel together (pairs joined or
 * linked), the build vehicle type, and the fleet-aware final step shared
 * by the VRP constructions.
 */
#include "vrp_build.h"
#include "util.h"

#include <string.h>

int vrp_build_vtype(const corto_problem *p)
{
    int best = 0;
    double best_cap = -1.0;
    for (int v = 0; v < p->n_vtypes; v++) {
        if (p->vtypes[v].count <= 0)
            continue;
        double cap = 0.0;
        for (int d = 0; d < p->n_dims; d++)
            cap += (double)p->vtypes[v].capacity[d];
        if (cap > best_cap) {
            best_cap = cap;
            best = v;
        }
    }
    return best;
}

/* Segment of nodes[0..n) in order (step 1) or reversed (step -1). */
static void vrp_seg_of(seg *out, const corto_problem *p, int prof,
                       const int *nodes, int n, int reversed)
{
    seg one;
    seg_empty(out);
    for (int k = 0; k < n; k++) {
        seg_node(&one, p, nodes[reversed ? n - 1 - k : k]);
        seg_join(out, out, &one, p, prof);
    }
}

/*
 * Units: chains of client-to-client fixed edges first. Then each pair:
 * with `split`, when the pickup's chain and the delivery's chain hold no
 * other pair member, the two chains stay units of their own, linked as
 * partners; otherwise the pickup's unit is joined in front of its
 * delivery's unit, so that the constructions, which only concatenate
 * units, keep pairs ordered and fixed edges whole.
 */
static corto_status vrp_units_make(vrp_units *u, const corto_problem *p,
                                   int vtype, int split)
{
    corto_status rc = CORTO_OK;
    int n = p->n_nodes;
    int *succ = NULL, *pred = NULL, *nxt = NULL, *first = NULL, *last = NULL,
        *uid = NULL, *newid = NULL, *n_pair = NULL, *link = NULL;
    unsigned char *head_req = NULL, *tail_req = NULL, *marked = NULL;
    memset(u, 0, sizeof *u);
    CORTO_ALLOC(succ, n);
    CORTO_ALLOC(pred, n);
    CORTO_ALLOC(nxt, n);
    CORTO_ALLOC(first, n);
    CORTO_ALLOC(last, n);
    CORTO_ALLOC(uid, n);
    CORTO_ALLOC(newid, n);
    CORTO_ALLOC(head_req, n);
    CORTO_ALLOC(tail_req, n);
    CORTO_ALLOC(marked, n);
    CORTO_ALLOC(n_pair, n);
    CORTO_ALLOC(link, n);
    for (int i = 0; i < n; i++)
        succ[i] = pred[i] = nxt[i] = uid[i] = link[i] = -1;
    for (int k = 0; k < p->n_fixed; k++) {
        int a = p->fixed[2 * k], b = p->fixed[2 * k + 1];
        marked[a] = marked[b] = 1;
        if (p->is_depot[a] && p->is_depot[b])
            continue;
        if (p->is_depot[a])
            head_req[b] = 1;
        else if (p->is_depot[b])
            tail_req[a] = 1;
        else if (succ[a] < 0 && pred[b] < 0) {
            succ[a] = b;
            pred[b] = a;
        }
    }
    /* Chains from their heads, then what is left (cycles) from its lowest
     * node, cutting the cycle there. */
    int m = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int c = 0; c < n; c++) {
            if (p->is_depot[c] || uid[c] >= 0 || (pass == 0 && pred[c] >= 0))
                continue;
            first[m] = c;
            int x = c;
            uid[x] = m;
            while (succ[x] >= 0 && uid[succ[x]] < 0) {
                nxt[x] = succ[x];
                x = succ[x];
                uid[x] = m;
            }
            last[m] = x;
            m++;
        }
    for (int x = 0; x < n; x++)
        if (!p->is_depot[x] && p->pair_role[x] != 0)
            n_pair[uid[x]]++;
    for (int pk = 0; pk < n; pk++) {
        if (p->is_depot[pk] || p->pair_role[pk] != 1)
            continue;
        int dl = p->pair_of[pk];
        int up = uid[pk], ud = uid[dl];
        if (up == ud)
            continue;
        if (split && n_pair[up] == 1 && n_pair[ud] == 1) {
            link[up] = ud;
            link[ud] = up;
            continue;
        }
        if (tail_req[last[up]] || head_req[first[ud]])
            continue;
        n_pair[up] += n_pair[ud];
        nxt[last[up]] = first[ud];
        for (int x = first[ud]; x >= 0; x = nxt[x])
            uid[x] = up;
        last[up] = last[ud];
        first[ud] = -1;
    }
    int count = 0;
    for (int k = 0; k < m; k++)
        newid[k] = first[k] >= 0 ? count++ : -1;
    u->n_units = count;
    CORTO_ALLOC(u->start, count + 1);
    CORTO_ALLOC(u->nodes, n);
    CORTO_ALLOC(u->unit_of, n);
    CORTO_ALLOC(u->rigid, count);
    CORTO_ALLOC(u->head_depot, count);
    CORTO_ALLOC(u->tail_depot, count);
    CORTO_ALLOC(u->foreign, count);
    CORTO_ALLOC(u->fwd, count);
    CORTO_ALLOC(u->rev, count);
    CORTO_ALLOC(u->partner, count);
    CORTO_ALLOC(u->lead, count);
    for (int i = 0; i < n; i++)
        u->unit_of[i] = -1;
    const model_vehicle *vt = &p->vtypes[vtype];
    int pos = 0;
    for (int k = 0; k < m; k++) {
        if (first[k] < 0)
            continue;
        int id = newid[k];
        u->start[id] = pos;
        for (int x = first[k]; x >= 0; x = nxt[x]) {
            u->nodes[pos++] = x;
            u->unit_of[x] = id;
            if (p->pair_role[x] != 0 || marked[x])
                u->rigid[id] = 1;
            if (link[k] >= 0 && p->pair_role[x] == 1)
                u->lead[id] = 1;
            if (p->has_skills && !skill_set_covers(&vt->skills, &p->skills[x]))
                u->foreign[id] = 1;
        }
        /* Linked chains are never joined, so newid[link[k]] is valid. */
        u->partner[id] = link[k] >= 0 ? newid[link[k]] : -1;
        u->head_depot[id] = head_req[first[k]];
        u->tail_depot[id] = tail_req[last[k]];
        int len = pos - u->start[id];
        vrp_seg_of(&u->fwd[id], p, vt->profile, u->nodes + u->start[id], len,
                   0);
        vrp_seg_of(&u->rev[id], p, vt->profile, u->nodes + u->start[id], len,
                   1);
    }
    u->start[count] = pos;
cleanup:
    free(succ);
    free(pred);
    free(nxt);
    free(first);
    free(last);
    free(uid);
    free(newid);
    free(head_req);
    free(tail_req);
    free(marked);
    free(n_pair);
    free(link);
    if (rc != CORTO_OK)
        vrp_units_free(u);
    return rc;
}

corto_status vrp_units_build(vrp_units *u, const corto_problem *p, int vtype)
{
    return vrp_units_make(u, p, vtype, 0);
}

corto_status vrp_units_build_split(vrp_units *u, const corto_problem *p,
                                   int vtype)
{
    return vrp_units_make(u, p, vtype, 1);
}

void vrp_units_free(vrp_units *u)
{
    free(u->start);
    free(u->nodes);
    free(u->unit_of);
    free(u->rigid);
    free(u->head_depot);
    free(u->tail_depot);
    free(u->foreign);
    free(u->fwd);
    free(u->rev);
    free(u->partner);
    free(u->lead);
    memset(u, 0, sizeof *u);
}

void vrp_routes_free(vrp_route_buf *routes, int n)
{
    for (int r = 0; routes && r < n; r++)
        free(routes[r].nodes);
    free(routes);
}

corto_status vrp_route_push(vrp_route_buf *r, int node)
{
    if (r->len == r->cap) {
        int cap = r->cap ? 2 * r->cap : 8;
        int *grown = realloc(r->nodes, (size_t)cap * sizeof *grown);
        if (!grown)
            return CORTO_ERR_NOMEM;
        r->nodes = grown;
        r->cap = cap;
    }
    r->nodes[r->len++] = node;
    return CORTO_OK;
}

/* Sum of a route's excesses, to rank infeasible vehicle choices. */
static int64_t vrp_excess(const route_eval *re)
{
    return sat_add(sat_add(re->time_warp, re->load_excess),
                   sat_add(re->duration_excess, re->distance_excess));
}

/* 1 when vehicle type v has every skill the route's clients need. */
static int vrp_skills_ok(const corto_problem *p, int v, const int *nodes,
                         int n)
{
    if (!p->has_skills)
        return 1;
    for (int k = 0; k < n; k++)
        if (!skill_set_covers(&p->vtypes[v].skills, &p->skills[nodes[k]]))
            return 0;
    return 1;
}

/* Remove optional clients while that lowers the route's cost without
 * making a feasible route infeasible. */
static void vrp_prune_optional(const corto_problem *p, int vtype,
                               vrp_route_buf *r, int *scratch,
                               const unsigned char *locked)
{
    int again = 1;
    while (again) {
        again = 0;
        route_eval cur;
        route_eval_nodes(&cur, p, vtype, r->nodes, r->len);
        for (int k = 0; k < r->len && !again; k++) {
            int x = r->nodes[k];
            if (p->required[x] || locked[x])
                continue;
            int m = 0;
            for (int t = 0; t < r->len; t++)
                if (t != k)
                    scratch[m++] = r->nodes[t];
            route_eval re;
            route_eval_nodes(&re, p, vtype, scratch, m);
            if (re.cost < cur.cost && (re.feasible || !cur.feasible)) {
                memcpy(r->nodes, scratch, (size_t)m * sizeof *scratch);
                r->len = m;
                again = 1;
            }
        }
    }
}

corto_status vrp_finalize(corto_solution *out, const corto_problem *p,
                          int vtype, vrp_route_buf *routes, int n_routes)
{
    corto_status rc = CORTO_OK;
    int n = p->n_nodes;
    int *scratch = NULL, *order = NULL, *vt_of = NULL;
    int64_t *left = NULL, *load = NULL;
    unsigned char *locked = NULL;
    CORTO_ALLOC(scratch, n + 1);
    CORTO_ALLOC(order, n_routes);
    CORTO_ALLOC(vt_of, n_routes);
    CORTO_ALLOC(left, p->n_vtypes);
    CORTO_ALLOC(load, n_routes);
    CORTO_ALLOC(locked, n);
    for (int k = 0; k < 2 * p->n_fixed; k++)
        locked[p->fixed[k]] = 1;
    for (int i = 0; i < n; i++)
        if (p->pair_role[i] != 0)
            locked[i] = 1;

    int any_optional = 0;
    for (int i = 0; i < n; i++)
        if (!p->is_depot[i] && !p->required[i])
            any_optional = 1;
    if (any_optional)
        for (int r = 0; r < n_routes; r++)
            vrp_prune_optional(p, vtype, &routes[r], scratch, locked);

    /* Heaviest routes choose their vehicle first (insertion sort: the
     * order is deterministic and n_routes is modest). */
    int m = 0;
    for (int r = 0; r < n_routes; r++) {
        vt_of[r] = -1;
        if (routes[r].len == 0)
            continue;
        for (int k = 0; k < routes[r].len; k++)
            for (int d = 0; d < p->n_dims; d++) {
                size_t at =
                    (size_t)routes[r].nodes[k] * (size_t)p->n_dims + (size_t)d;
                load[r] += p->demand[at] + p->pickup[at];
            }
        int t = m++;
        while (t > 0 && load[order[t - 1]] < load[r]) {
            order[t] = order[t - 1];
            t--;
        }
        order[t] = r;
    }
    for (int v = 0; v < p->n_vtypes; v++)
        left[v] = p->vtypes[v].count;
    for (int t = 0; t < m; t++) {
        int r = order[t], best = -1, fallback = -1;
        int64_t best_cost = INT64_MAX, least_excess = INT64_MAX;
        for (int v = 0; v < p->n_vtypes; v++) {
            if (left[v] <= 0 ||
                !vrp_skills_ok(p, v, routes[r].nodes, routes[r].len))
                continue;
            route_eval re;
            route_eval_nodes(&re, p, v, routes[r].nodes, routes[r].len);
            if (re.feasible && re.cost < best_cost) {
                best = v;
                best_cost = re.cost;
            } else if (!re.feasible && vrp_excess(&re) < least_excess) {
                fallback = v;
                least_excess = vrp_excess(&re);
            }
        }
        vt_of[r] = best >= 0 ? best : fallback;
        if (vt_of[r] >= 0)
            left[vt_of[r]]--;
    }

    /* Routes left without a vehicle: insert their clients where they fit
     * best (cheapest feasible position); the rest stays unserved. */
    for (int r = 0; r < n_routes; r++) {
        if (vt_of[r] >= 0 || routes[r].len == 0)
            continue;
        for (int k = 0; k < routes[r].len; k++) {
            int x = routes[r].nodes[k];
            if (locked[x])
                continue;
            int best_r = -1, best_pos = -1;
            int64_t best_delta = INT64_MAX;
            for (int r2 = 0; r2 < n_routes; r2++) {
                int v = vt_of[r2];
                if (v < 0 || !vrp_skills_ok(p, v, &x, 1))
                    continue;
                route_eval base;
                route_eval_nodes(&base, p, v, routes[r2].nodes,
                                 routes[r2].len);
                for (int pos = 0; pos <= routes[r2].len; pos++) {
                    int len = 0;
                    for (int t = 0; t < routes[r2].len; t++) {
                        if (t == pos)
                            scratch[len++] = x;
                        scratch[len++] = routes[r2].nodes[t];
                    }
                    if (pos == routes[r2].len)
                        scratch[len++] = x;
                    route_eval re;
                    route_eval_nodes(&re, p, v, scratch, len);
                    if (re.feasible && re.cost - base.cost < best_delta) {
                        best_delta = re.cost - base.cost;
                        best_r = r2;
                        best_pos = pos;
                    }
                }
            }
            if (best_r < 0)
                continue;
            vrp_route_buf *dst = &routes[best_r];
            CORTO_TRY(vrp_route_push(dst, x));
            memmove(dst->nodes + best_pos + 1, dst->nodes + best_pos,
                    (size_t)(dst->len - 1 - best_pos) * sizeof(int));
            dst->nodes[best_pos] = x;
        }
    }

    solution_clear(out);
    for (int r = 0; r < n_routes; r++)
        if (vt_of[r] >= 0 && routes[r].len > 0)
            CORTO_TRY(corto_solution_add_route(out, vt_of[r], routes[r].nodes,
                                               routes[r].len));
cleanup:
    for (int r = 0; r < n_routes; r++) {
        free(routes[r].nodes);
        routes[r].nodes = NULL;
        routes[r].len = routes[r].cap = 0;
    }
    free(scratch);
    free(order);
    free(vt_of);
    free(left);
    free(load);
    free(locked);
    return rc;
}
