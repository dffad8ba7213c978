/*
 * problem.c — creating, filling, copying and validating corto_problem.
 * Every setter checks its arguments and copies what it is given.
 */
#include "model.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void profiles_free(corto_problem *p)
{
    if (!p->profiles)
        return;
    for (int k = 0; k < p->n_profiles; k++) {
        if (!p->profiles[k].dur_is_dist)
            free(p->profiles[k].dur);
        free(p->profiles[k].dist);
        free(p->profiles[k].visit_cost);
    }
    free(p->profiles);
    p->profiles = NULL;
}

void corto_problem_destroy(corto_problem *p)
{
    if (!p)
        return;
    free(p->name);
    free(p->is_depot);
    free(p->x);
    free(p->y);
    profiles_free(p);
    free(p->demand);
    free(p->pickup);
    free(p->pair_amount);
    free(p->service);
    free(p->tw_open);
    free(p->tw_close);
    free(p->prize);
    free(p->required);
    free(p->skills);
    free(p->pair_of);
    free(p->pair_role);
    free(p->fixed);
    for (int v = 0; v < p->n_vtypes; v++)
        free(p->vtypes[v].capacity);
    free(p->vtypes);
    free(p->origin);
    free(p->vorigin);
    free(p);
}

corto_status corto_problem_create(corto_problem **out, int n_nodes, int n_dims)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    if (!out || n_nodes < 1 || n_dims < 1 || n_dims > CORTO_MAX_DIMS)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_ALLOC(p, 1);
    size_t n = (size_t)n_nodes, nd = n * (size_t)n_dims;
    p->kind = CORTO_KIND_VRP;
    p->n_nodes = n_nodes;
    p->n_dims = n_dims;
    p->n_profiles = 1;
    CORTO_ALLOC(p->profiles, 1);
    CORTO_ALLOC(p->is_depot, n);
    CORTO_ALLOC(p->demand, nd);
    CORTO_ALLOC(p->pickup, nd);
    CORTO_ALLOC(p->pair_amount, nd);
    CORTO_ALLOC(p->service, n);
    CORTO_ALLOC(p->tw_open, n);
    CORTO_ALLOC(p->tw_close, n);
    CORTO_ALLOC(p->prize, n);
    CORTO_ALLOC(p->required, n);
    CORTO_ALLOC(p->skills, n);
    CORTO_ALLOC(p->pair_of, n);
    CORTO_ALLOC(p->pair_role, n);
    for (size_t i = 0; i < n; i++) {
        p->tw_close[i] = CORTO_UNLIMITED;
        p->required[i] = 1;
        p->pair_of[i] = -1;
    }
    p->is_depot[0] = 1;
    *out = p;
    return CORTO_OK;
cleanup:
    corto_problem_destroy(p);
    return rc;
}

static corto_status dup_array(void *dst_ptr, const void *src, size_t bytes)
{
    void **dst = dst_ptr;
    *dst = NULL;
    if (!src)
        return CORTO_OK;
    *dst = malloc(bytes ? bytes : 1);
    if (!*dst)
        return CORTO_ERR_NOMEM;
    memcpy(*dst, src, bytes);
    return CORTO_OK;
}

corto_status corto_problem_copy(corto_problem **out, const corto_problem *src)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    if (!out || !src)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    CORTO_ALLOC(p, 1);
    *p = *src;
    /* Clear every owned pointer first so a failure frees only copies. */
    p->name = NULL;
    p->is_depot = NULL;
    p->x = p->y = NULL;
    p->profiles = NULL;
    p->demand = p->pickup = p->pair_amount = NULL;
    p->service = p->tw_open = p->tw_close = p->prize = NULL;
    p->required = NULL;
    p->skills = NULL;
    p->pair_of = NULL;
    p->pair_role = NULL;
    p->vtypes = NULL;
    p->n_vtypes = 0;
    p->fixed = NULL;
    p->origin = NULL;
    p->vorigin = NULL;
    p->n_profiles = 0;
    size_t n = (size_t)src->n_nodes, nd = n * (size_t)src->n_dims;
    if (src->name && !(p->name = util_strdup(src->name))) {
        rc = CORTO_ERR_NOMEM;
        goto cleanup;
    }
    CORTO_TRY(dup_array(&p->is_depot, src->is_depot, n));
    CORTO_TRY(dup_array(&p->x, src->x, n * sizeof(double)));
    CORTO_TRY(dup_array(&p->y, src->y, n * sizeof(double)));
    CORTO_TRY(dup_array(&p->demand, src->demand, nd * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->pickup, src->pickup, nd * sizeof(int64_t)));
    CORTO_TRY(
        dup_array(&p->pair_amount, src->pair_amount, nd * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->service, src->service, n * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->tw_open, src->tw_open, n * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->tw_close, src->tw_close, n * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->prize, src->prize, n * sizeof(int64_t)));
    CORTO_TRY(dup_array(&p->required, src->required, n));
    CORTO_TRY(dup_array(&p->skills, src->skills, n * sizeof(skill_set)));
    CORTO_TRY(dup_array(&p->pair_of, src->pair_of, n * sizeof(int)));
    CORTO_TRY(dup_array(&p->pair_role, src->pair_role, n));
    CORTO_TRY(dup_array(&p->fixed, src->fixed,
                        (size_t)src->n_fixed * 2 * sizeof(int)));
    CORTO_TRY(dup_array(&p->origin, src->origin, n * sizeof(model_origin)));
    CORTO_TRY(dup_array(&p->vorigin, src->vorigin,
                        (size_t)src->n_vtypes * sizeof(model_vorigin)));
    CORTO_ALLOC(p->profiles, src->n_profiles);
    p->n_profiles = src->n_profiles;
    for (int k = 0; k < src->n_profiles; k++) {
        const model_profile *sp = &src->profiles[k];
        model_profile *dp = &p->profiles[k];
        CORTO_TRY(dup_array(&dp->dist, sp->dist, n * n * sizeof(int64_t)));
        if (sp->dur_is_dist) {
            dp->dur = dp->dist;
            dp->dur_is_dist = 1;
        } else {
            CORTO_TRY(dup_array(&dp->dur, sp->dur, n * n * sizeof(int64_t)));
        }
        CORTO_TRY(
            dup_array(&dp->visit_cost, sp->visit_cost, n * sizeof(int64_t)));
    }
    CORTO_ALLOC(p->vtypes, src->n_vtypes);
    for (int v = 0; v < src->n_vtypes; v++) {
        p->vtypes[v] = src->vtypes[v];
        p->vtypes[v].capacity = NULL;
        p->n_vtypes = v + 1;
        CORTO_TRY(dup_array(&p->vtypes[v].capacity, src->vtypes[v].capacity,
                            (size_t)src->n_dims * sizeof(int64_t)));
    }
    *out = p;
    return CORTO_OK;
cleanup:
    corto_problem_destroy(p);
    return rc;
}

static int node_ok(const corto_problem *p, int node)
{
    return p && node >= 0 && node < p->n_nodes;
}

corto_status corto_problem_set_name(corto_problem *p, const char *name)
{
    if (!p || !name)
        return CORTO_ERR_ARGUMENT;
    char *copy = util_strdup(name);
    if (!copy)
        return CORTO_ERR_NOMEM;
    free(p->name);
    p->name = copy;
    return CORTO_OK;
}

corto_status corto_problem_set_cost_decimals(corto_problem *p, int decimals)
{
    if (!p || decimals < 0 || decimals > 6)
        return CORTO_ERR_ARGUMENT;
    p->cost_decimals = decimals;
    return CORTO_OK;
}

int corto_problem_cost_decimals(const corto_problem *p)
{
    return p ? p->cost_decimals : 0;
}

int corto_cost_format(char *buf, size_t size, int64_t cost, int decimals)
{
    if (decimals <= 0)
        return snprintf(buf, size, "%lld", (long long)cost);
    int64_t scale = 1;
    for (int k = 0; k < decimals; k++)
        scale *= 10;
    uint64_t mag = cost < 0 ? 0 - (uint64_t)cost : (uint64_t)cost;
    return snprintf(buf, size, "%s%llu.%0*llu", cost < 0 ? "-" : "",
                    (unsigned long long)(mag / (uint64_t)scale), decimals,
                    (unsigned long long)(mag % (uint64_t)scale));
}

corto_status corto_problem_set_kind(corto_problem *p, corto_problem_kind kind)
{
    if (!p || kind < CORTO_KIND_VRP || kind > CORTO_KIND_ATSP)
        return CORTO_ERR_ARGUMENT;
    p->kind = kind;
    return CORTO_OK;
}

corto_status corto_problem_set_depot(corto_problem *p, int node, int is_depot)
{
    if (!node_ok(p, node))
        return CORTO_ERR_ARGUMENT;
    p->is_depot[node] = is_depot ? 1 : 0;
    return CORTO_OK;
}

corto_status corto_problem_set_coords(corto_problem *p, const double *x,
                                      const double *y)
{
    if (!p || !x || !y)
        return CORTO_ERR_ARGUMENT;
    size_t n = (size_t)p->n_nodes;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return CORTO_ERR_ARGUMENT;
    double *nx = malloc(n * sizeof *nx), *ny = malloc(n * sizeof *ny);
    if (!nx || !ny) {
        free(nx);
        free(ny);
        return CORTO_ERR_NOMEM;
    }
    memcpy(nx, x, n * sizeof *nx);
    memcpy(ny, y, n * sizeof *ny);
    free(p->x);
    free(p->y);
    p->x = nx;
    p->y = ny;
    p->has_coords = 1;
    return CORTO_OK;
}

corto_status corto_problem_set_profiles(corto_problem *p, int n_profiles)
{
    if (!p || n_profiles < 1 || n_profiles > 64)
        return CORTO_ERR_ARGUMENT;
    model_profile *np = calloc((size_t)n_profiles, sizeof *np);
    if (!np)
        return CORTO_ERR_NOMEM;
    int keep = n_profiles < p->n_profiles ? n_profiles : p->n_profiles;
    memcpy(np, p->profiles, (size_t)keep * sizeof *np);
    for (int k = keep; k < p->n_profiles; k++) {
        if (!p->profiles[k].dur_is_dist)
            free(p->profiles[k].dur);
        free(p->profiles[k].dist);
        free(p->profiles[k].visit_cost);
    }
    free(p->profiles);
    p->profiles = np;
    p->n_profiles = n_profiles;
    return CORTO_OK;
}

static corto_status set_matrix(corto_problem *p, int profile, const int64_t *m,
                               int durations)
{
    if (!p || !m || profile < 0 || profile >= p->n_profiles)
        return CORTO_ERR_ARGUMENT;
    size_t nn = (size_t)p->n_nodes * (size_t)p->n_nodes;
    for (size_t k = 0; k < nn; k++)
        if (m[k] < 0 || m[k] > INT64_MAX / 4 / (int64_t)p->n_nodes)
            return CORTO_ERR_ARGUMENT;
    int64_t *copy = malloc(nn * sizeof *copy);
    if (!copy)
        return CORTO_ERR_NOMEM;
    memcpy(copy, m, nn * sizeof *copy);
    model_profile *pr = &p->profiles[profile];
    if (durations) {
        if (!pr->dur_is_dist)
            free(pr->dur);
        pr->dur = copy;
        pr->dur_is_dist = 0;
    } else {
        if (pr->dur_is_dist)
            pr->dur = NULL;
        pr->dur_is_dist = 0;
        free(pr->dist);
        pr->dist = copy;
    }
    if (!pr->dur) {
        pr->dur = pr->dist;
        pr->dur_is_dist = pr->dist != NULL;
    }
    return CORTO_OK;
}

corto_status corto_problem_set_distances(corto_problem *p, int profile,
                                         const int64_t *matrix)
{
    return set_matrix(p, profile, matrix, 0);
}

corto_status corto_problem_set_durations(corto_problem *p, int profile,
                                         const int64_t *matrix)
{
    return set_matrix(p, profile, matrix, 1);
}

corto_status corto_problem_set_visit_costs(corto_problem *p, int profile,
                                           const int64_t *costs)
{
    if (!p || !costs || profile < 0 || profile >= p->n_profiles)
        return CORTO_ERR_ARGUMENT;
    const int64_t limit = (int64_t)1e12;
    for (int i = 0; i < p->n_nodes; i++)
        if (costs[i] < -limit || costs[i] > limit)
            return CORTO_ERR_ARGUMENT;
    model_profile *pr = &p->profiles[profile];
    if (!pr->visit_cost) {
        pr->visit_cost = malloc((size_t)p->n_nodes * sizeof(int64_t));
        if (!pr->visit_cost)
            return CORTO_ERR_NOMEM;
    }
    for (int i = 0; i < p->n_nodes; i++)
        pr->visit_cost[i] = p->is_depot[i] ? 0 : costs[i];
    return CORTO_OK;
}

static corto_status set_amounts(corto_problem *p, int node, int64_t *dst,
                                const int64_t *amount, int allow_negative)
{
    if (!node_ok(p, node) || !amount)
        return CORTO_ERR_ARGUMENT;
    for (int d = 0; d < p->n_dims; d++)
        if (!allow_negative && amount[d] < 0)
            return CORTO_ERR_ARGUMENT;
    memcpy(dst + (size_t)node * (size_t)p->n_dims, amount,
           (size_t)p->n_dims * sizeof *amount);
    return CORTO_OK;
}

corto_status corto_problem_set_demand(corto_problem *p, int node,
                                      const int64_t *demand)
{
    return set_amounts(p, node, p ? p->demand : NULL, demand, 0);
}

corto_status corto_problem_set_pickup(corto_problem *p, int node,
                                      const int64_t *pickup)
{
    corto_status rc = set_amounts(p, node, p ? p->pickup : NULL, pickup, 0);
    if (rc == CORTO_OK)
        for (int d = 0; d < p->n_dims; d++)
            if (pickup[d] != 0)
                p->has_pickups = 1;
    return rc;
}

corto_status corto_problem_set_service(corto_problem *p, int node,
                                       int64_t service_time)
{
    if (!node_ok(p, node) || service_time < 0)
        return CORTO_ERR_ARGUMENT;
    p->service[node] = service_time;
    return CORTO_OK;
}

corto_status corto_problem_set_time_window(corto_problem *p, int node,
                                           int64_t open, int64_t close)
{
    if (!node_ok(p, node) || open > close)
        return CORTO_ERR_ARGUMENT;
    p->tw_open[node] = open;
    p->tw_close[node] = close;
    if (open != 0 || close != CORTO_UNLIMITED)
        p->has_time_windows = 1;
    return CORTO_OK;
}

corto_status corto_problem_set_prize(corto_problem *p, int node, int64_t prize,
                                     int required)
{
    if (!node_ok(p, node) || prize < 0)
        return CORTO_ERR_ARGUMENT;
    p->prize[node] = prize;
    p->required[node] = required ? 1 : 0;
    return CORTO_OK;
}

static corto_status skills_from_list(skill_set *out, const int *skills,
                                     int n_skills)
{
    memset(out, 0, sizeof *out);
    if (n_skills < 0 || (n_skills > 0 && !skills))
        return CORTO_ERR_ARGUMENT;
    for (int k = 0; k < n_skills; k++) {
        if (skills[k] < 0 || skills[k] >= CORTO_MAX_SKILLS)
            return CORTO_ERR_ARGUMENT;
        skill_set_add(out, skills[k]);
    }
    return CORTO_OK;
}

corto_status corto_problem_set_skills(corto_problem *p, int node,
                                      const int *skills, int n_skills)
{
    if (!node_ok(p, node))
        return CORTO_ERR_ARGUMENT;
    skill_set s;
    corto_status rc = skills_from_list(&s, skills, n_skills);
    if (rc != CORTO_OK)
        return rc;
    p->skills[node] = s;
    if (n_skills > 0)
        p->has_skills = 1;
    return CORTO_OK;
}

corto_status corto_problem_add_pair(corto_problem *p, int pickup, int delivery,
                                    const int64_t *amount)
{
    if (!node_ok(p, pickup) || !node_ok(p, delivery) || pickup == delivery ||
        !amount)
        return CORTO_ERR_ARGUMENT;
    if (p->pair_of[pickup] >= 0 || p->pair_of[delivery] >= 0 ||
        p->is_depot[pickup] || p->is_depot[delivery])
        return CORTO_ERR_ARGUMENT;
    for (int d = 0; d < p->n_dims; d++)
        if (amount[d] < 0)
            return CORTO_ERR_ARGUMENT;
    size_t nd = (size_t)p->n_dims;
    for (int d = 0; d < p->n_dims; d++) {
        p->pair_amount[(size_t)pickup * nd + (size_t)d] = amount[d];
        p->pair_amount[(size_t)delivery * nd + (size_t)d] = -amount[d];
        if (amount[d] != 0)
            p->has_pickups = 1;
    }
    p->pair_of[pickup] = delivery;
    p->pair_of[delivery] = pickup;
    p->pair_role[pickup] = 1;
    p->pair_role[delivery] = 2;
    return CORTO_OK;
}

corto_status corto_problem_add_fixed_edge(corto_problem *p, int from, int to)
{
    if (!node_ok(p, from) || !node_ok(p, to) || from == to)
        return CORTO_ERR_ARGUMENT;
    int *grown =
        realloc(p->fixed, (size_t)(p->n_fixed + 1) * 2 * sizeof *grown);
    if (!grown)
        return CORTO_ERR_NOMEM;
    p->fixed = grown;
    p->fixed[2 * p->n_fixed] = from;
    p->fixed[2 * p->n_fixed + 1] = to;
    p->n_fixed++;
    return CORTO_OK;
}

void corto_vehicle_type_init(corto_vehicle_type *vt)
{
    if (!vt)
        return;
    memset(vt, 0, sizeof *vt);
    vt->count = CORTO_UNLIMITED;
    vt->capacity = NULL;
    vt->start_depot = 0;
    vt->end_depot = 0;
    vt->cost_per_distance = 1;
    vt->shift_open = 0;
    vt->shift_close = CORTO_UNLIMITED;
    vt->max_duration = CORTO_UNLIMITED;
    vt->max_distance = CORTO_UNLIMITED;
}

corto_status corto_problem_add_vehicle_type(corto_problem *p,
                                            const corto_vehicle_type *vt,
                                            int *index_out)
{
    if (!p || !vt || vt->count < 0 || !node_ok(p, vt->start_depot) ||
        (vt->end_depot != -1 && !node_ok(p, vt->end_depot)) ||
        vt->fixed_cost < 0 || vt->cost_per_distance < 0 ||
        vt->cost_per_duration < 0 || vt->shift_open > vt->shift_close ||
        vt->max_duration < 0 || vt->max_distance < 0 || vt->profile < 0 ||
        vt->profile >= p->n_profiles)
        return CORTO_ERR_ARGUMENT;
    model_vehicle mv;
    memset(&mv, 0, sizeof mv);
    corto_status rc = skills_from_list(&mv.skills, vt->skills, vt->n_skills);
    if (rc != CORTO_OK)
        return rc;
    mv.has_skills = vt->n_skills > 0;
    if (vt->capacity)
        for (int d = 0; d < p->n_dims; d++)
            if (vt->capacity[d] < 0)
                return CORTO_ERR_ARGUMENT;
    model_vehicle *grown =
        realloc(p->vtypes, (size_t)(p->n_vtypes + 1) * sizeof *grown);
    if (!grown)
        return CORTO_ERR_NOMEM;
    p->vtypes = grown;
    mv.capacity = malloc((size_t)p->n_dims * sizeof(int64_t));
    if (!mv.capacity)
        return CORTO_ERR_NOMEM;
    for (int d = 0; d < p->n_dims; d++)
        mv.capacity[d] = vt->capacity ? vt->capacity[d] : CORTO_UNLIMITED;
    mv.count = vt->count;
    mv.start_depot = vt->start_depot;
    mv.end_depot = vt->end_depot;
    mv.fixed_cost = vt->fixed_cost;
    mv.cost_per_distance = vt->cost_per_distance;
    mv.cost_per_duration = vt->cost_per_duration;
    mv.shift_open = vt->shift_open;
    mv.shift_close = vt->shift_close;
    mv.max_duration = vt->max_duration;
    mv.max_distance = vt->max_distance;
    mv.profile = vt->profile;
    p->vtypes[p->n_vtypes] = mv;
    if (index_out)
        *index_out = p->n_vtypes;
    p->n_vtypes++;
    return CORTO_OK;
}

/* Euclidean distances rounded to nearest (TSPLIB EUC_2D rule). */
static corto_status fill_euclidean(const corto_problem *p, int64_t **out)
{
    size_t n = (size_t)p->n_nodes;
    int64_t *m = malloc(n * n * sizeof *m);
    if (!m)
        return CORTO_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double dx = p->x[i] - p->x[j], dy = p->y[i] - p->y[j];
            m[i * n + j] = (int64_t)(sqrt(dx * dx + dy * dy) + 0.5);
        }
    *out = m;
    return CORTO_OK;
}

corto_status model_prepare(corto_problem *p)
{
    for (int k = 0; k < p->n_profiles; k++) {
        model_profile *pr = &p->profiles[k];
        if (!pr->dist && p->has_coords) {
            corto_status rc = fill_euclidean(p, &pr->dist);
            if (rc != CORTO_OK)
                return rc;
        }
        if (!pr->dur && pr->dist) {
            pr->dur = pr->dist;
            pr->dur_is_dist = 1;
        }
    }
    return CORTO_OK;
}

corto_status corto_problem_validate(const corto_problem *p, corto_diag *diag)
{
    if (!p)
        return CORTO_ERR_ARGUMENT;
    const char *name = p->name ? p->name : "problem";
    int n_depots = 0, n_clients = 0;
    for (int i = 0; i < p->n_nodes; i++) {
        if (p->is_depot[i])
            n_depots++;
        else
            n_clients++;
    }
    if (n_depots == 0)
        return diag_set(diag, CORTO_ERR_MODEL, NULL, 0, "%s: no depot", name);
    for (int k = 0; k < p->n_profiles; k++)
        if (!p->profiles[k].dist && !p->has_coords)
            return diag_set(diag, CORTO_ERR_MODEL, NULL, 0,
                            "%s: profile %d has neither a distance matrix nor "
                            "coordinates",
                            name, k);
    if (p->n_vtypes == 0)
        return diag_set(diag, CORTO_ERR_MODEL, NULL, 0, "%s: no vehicle type",
                        name);
    for (int v = 0; v < p->n_vtypes; v++) {
        const model_vehicle *mv = &p->vtypes[v];
        if (!p->is_depot[mv->start_depot] ||
            (mv->end_depot >= 0 && !p->is_depot[mv->end_depot]))
            return diag_set(diag, CORTO_ERR_MODEL, NULL, 0,
                            "%s: vehicle type %d starts or ends at node %d, "
                            "which is not a depot",
                            name, v,
                            p->is_depot[mv->start_depot] ? mv->end_depot
                                                         : mv->start_depot);
    }
    if (p->kind != CORTO_KIND_VRP && n_depots != 1)
        return diag_set(diag, CORTO_ERR_MODEL, NULL, 0,
                        "%s: a TSP needs exactly one start node", name);
    /* Every required client must fit at least one vehicle type alone. */
    for (int i = 0; i < p->n_nodes; i++) {
        if (p->is_depot[i] || !p->required[i])
            continue;
        int fits = 0;
        for (int v = 0; v < p->n_vtypes && !fits; v++) {
            const model_vehicle *mv = &p->vtypes[v];
            int ok = mv->count > 0;
            for (int d = 0; d < p->n_dims && ok; d++) {
                size_t k = (size_t)i * (size_t)p->n_dims + (size_t)d;
                int64_t need =
                    p->demand[k] > p->pickup[k] ? p->demand[k] : p->pickup[k];
                if (p->pair_amount[k] > need)
                    need = p->pair_amount[k];
                if (need > mv->capacity[d])
                    ok = 0;
            }
            if (ok && p->has_skills &&
                !skill_set_covers(&mv->skills, &p->skills[i]))
                ok = 0;
            fits = ok;
        }
        if (!fits)
            return diag_set(diag, CORTO_ERR_MODEL, NULL, 0,
                            "%s: client %d fits no vehicle (demand above "
                            "capacity or missing skills)",
                            name, i);
    }
    return CORTO_OK;
}

const char *corto_problem_name(const corto_problem *p)
{
    return p && p->name ? p->name : "";
}

corto_problem_kind corto_problem_get_kind(const corto_problem *p)
{
    return p ? p->kind : CORTO_KIND_VRP;
}

int corto_problem_n_nodes(const corto_problem *p)
{
    return p ? p->n_nodes : 0;
}

int corto_problem_n_dims(const corto_problem *p)
{
    return p ? p->n_dims : 0;
}

int corto_problem_n_clients(const corto_problem *p)
{
    int c = 0;
    for (int i = 0; p && i < p->n_nodes; i++)
        c += !p->is_depot[i];
    return c;
}

int corto_problem_is_depot(const corto_problem *p, int node)
{
    return node_ok(p, node) ? p->is_depot[node] : 0;
}

int corto_problem_n_vehicle_types(const corto_problem *p)
{
    return p ? p->n_vtypes : 0;
}

int64_t corto_problem_distance(const corto_problem *p, int profile, int i,
                               int j)
{
    if (!node_ok(p, i) || !node_ok(p, j) || profile < 0 ||
        profile >= p->n_profiles || !p->profiles[profile].dist)
        return INT64_MAX;
    return model_dist(p, profile, i, j);
}

int64_t corto_problem_duration(const corto_problem *p, int profile, int i,
                               int j)
{
    if (!node_ok(p, i) || !node_ok(p, j) || profile < 0 ||
        profile >= p->n_profiles || !p->profiles[profile].dur)
        return INT64_MAX;
    return model_dur(p, profile, i, j);
}
