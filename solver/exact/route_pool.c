/*
 * route_pool.c — the ALNS route pool and its set-partitioning
 * recombination (see route_pool.h), the idea of the ILS-SP and HGS-SP
 * hybrids: the heuristic finds good routes in many different solutions,
 * and a MIP over those routes finds combinations no single trajectory
 * reached (Subramanian, Uchoa & Ochi 2013, "A hybrid algorithm for a class
 * of vehicle routing problems", C&OR 40(10)).
 *
 * Implementation details. A route is keyed by a commutative hash of its
 * client set (a sum of per-node random keys, Zobrist style) and its
 * vehicle type, in an open-addressing table with linear probing and
 * backward-shift deletion. The nodes live in one store; evicted routes
 * leave holes that a compaction into a spare store of the same size
 * removes when the tail runs out. Eviction follows the clock (second
 * chance) policy: a route offered again or chosen by the set partitioning
 * gets its reference bit set, and the hand evicts the first route without
 * one, clearing the bits it passes. Everything is sized at creation; the
 * stores grow (rarely) when routes are longer than first guessed.
 *
 * The set partitioning (set_partition.h) has a row per client, required
 * ones covered exactly once and optional ones at most once, a column per
 * pool route and a row per vehicle type whose count is finite. Routes in
 * the pool are feasible on their own, so pickup-delivery pairs are whole
 * in every column; the solution is evaluated again by route_eval before
 * it replaces the ALNS best.
 */
#include "route_pool.h"
#include "clock.h"
#include "glpk_safe.h"
#include "set_partition.h"
#include "util.h"

#include <limits.h>
#include <string.h>

/* Iteration schedule: a recombination every tenth of the limit, at least
 * this many iterations apart, and at most this many B&B nodes each. */
#define POOL_MIN_PERIOD 50
#define POOL_NODE_LIM   200
/* Iterations between recombinations with neither limit set. */
#define POOL_FREE_PERIOD 1000
/* Time schedule: the first recombination after this share of the time
 * limit, each one capped at POOL_CAP_SHARE of it, and the next one after
 * POOL_WAIT times the time the last one took (about 10% of the CPU). */
#define POOL_FIRST_SHARE 0.1
#define POOL_CAP_SHARE   0.05
#define POOL_WAIT        9.0

typedef struct pool_entry {
    uint64_t hash;
    int64_t cost;
    int off, len, vtype;
    int ref; /* reference bit of the clock policy */
} pool_entry;

struct route_pool {
    const vrp_data *d;
    int cap, n, hand;
    pool_entry *e;
    int *slot; /* hash table: entry index or -1 */
    uint64_t mask;
    int *store, *spare; /* nodes of the entries; spare for compaction */
    size_t size, used;
    uint64_t *key; /* per node */
    int *mark;     /* per node: epoch of the last set marked */
    int epoch;
    int64_t fresh; /* routes stored since the last recombination */
    int off;       /* 1 after a GLPK failure */
    int64_t next_iter;
    double next_cpu;
    vrp_state scratch;
    int scratch_ready;
    corto_solution *sol;
    int runs, wins;
};

static uint64_t pool_mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

corto_status route_pool_create(route_pool **out, const vrp_data *d,
                               int capacity)
{
    corto_status rc = CORTO_OK;
    route_pool *pool = NULL;
    *out = NULL;
    CORTO_ALLOC(pool, 1);
    pool->d = d;
    if (capacity <= 0) {
        int64_t c = (int64_t)ROUTE_POOL_PER_CLIENT * d->n_clients;
        capacity = c < 200 ? 200 : c > 20000 ? 20000 : (int)c;
    }
    pool->cap = capacity;
    CORTO_ALLOC(pool->e, capacity);
    uint64_t tsize = 16;
    while (tsize < 2 * (uint64_t)capacity)
        tsize *= 2;
    pool->mask = tsize - 1;
    CORTO_ALLOC(pool->slot, tsize);
    for (uint64_t t = 0; t < tsize; t++)
        pool->slot[t] = -1;
    int guess = d->n_clients < 8 ? d->n_clients : 8;
    pool->size = (size_t)capacity * (size_t)(guess > 0 ? guess : 1);
    CORTO_ALLOC(pool->store, pool->size);
    CORTO_ALLOC(pool->spare, pool->size);
    CORTO_ALLOC(pool->key, d->n + 1 + d->p->n_vtypes);
    for (int x = 0; x < d->n + 1 + d->p->n_vtypes; x++)
        pool->key[x] = pool_mix((uint64_t)x * 0xD1B54A32D192ED03ull + 7);
    CORTO_ALLOC(pool->mark, d->n);
    CORTO_TRY(corto_solution_create(&pool->sol, d->p));
    *out = pool;
    pool = NULL;
cleanup:
    route_pool_destroy(pool);
    return rc;
}

void route_pool_destroy(route_pool *pool)
{
    if (!pool)
        return;
    free(pool->e);
    free(pool->slot);
    free(pool->store);
    free(pool->spare);
    free(pool->key);
    free(pool->mark);
    if (pool->scratch_ready)
        vrp_state_free(&pool->scratch);
    corto_solution_destroy(pool->sol);
    free(pool);
}

int route_pool_size(const route_pool *pool)
{
    return pool->n;
}

const int *route_pool_route(const route_pool *pool, int e, int *len,
                            int *vtype, int64_t *cost)
{
    const pool_entry *E = &pool->e[e];
    if (len)
        *len = E->len;
    if (vtype)
        *vtype = E->vtype;
    if (cost)
        *cost = E->cost;
    return pool->store + E->off;
}

static uint64_t pool_hash(const route_pool *pool, int vtype, const int *nodes,
                          int len)
{
    uint64_t h = pool->key[pool->d->n + 1 + vtype];
    for (int k = 0; k < len; k++)
        h += pool->key[nodes[k]];
    return h;
}

/* Entry with the same vehicle type and client set as nodes, or -1. */
static int pool_find(route_pool *pool, uint64_t h, int vtype, const int *nodes,
                     int len)
{
    int marked = 0;
    for (uint64_t i = h & pool->mask;; i = (i + 1) & pool->mask) {
        int e = pool->slot[i];
        if (e < 0)
            return -1;
        const pool_entry *E = &pool->e[e];
        if (E->hash != h || E->vtype != vtype || E->len != len)
            continue;
        if (!marked) {
            if (++pool->epoch == INT_MAX) {
                memset(pool->mark, 0, (size_t)pool->d->n * sizeof(int));
                pool->epoch = 1;
            }
            for (int k = 0; k < len; k++)
                pool->mark[nodes[k]] = pool->epoch;
            marked = 1;
        }
        const int *other = pool->store + E->off;
        int k = 0;
        while (k < len && pool->mark[other[k]] == pool->epoch)
            k++;
        if (k == len)
            return e;
    }
}

/* Take entry e out of the hash table (backward-shift deletion). */
static void pool_unlink(route_pool *pool, int e)
{
    uint64_t i = pool->e[e].hash & pool->mask;
    while (pool->slot[i] != e)
        i = (i + 1) & pool->mask;
    for (uint64_t j = (i + 1) & pool->mask;; j = (j + 1) & pool->mask) {
        int f = pool->slot[j];
        if (f < 0)
            break;
        uint64_t home = pool->e[f].hash & pool->mask;
        /* f may move to the hole at i when its home is not in (i, j]. */
        int stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            pool->slot[i] = f;
            i = j;
        }
    }
    pool->slot[i] = -1;
}

static void pool_link(route_pool *pool, int e)
{
    uint64_t i = pool->e[e].hash & pool->mask;
    while (pool->slot[i] >= 0)
        i = (i + 1) & pool->mask;
    pool->slot[i] = e;
}

/* Make room for len more nodes at the store's tail: compact the live
 * entries into the spare store, into new stores twice the size when the
 * live entries would fill more than half of it. */
static corto_status pool_reserve(route_pool *pool, int len)
{
    if (pool->used + (size_t)len <= pool->size)
        return CORTO_OK;
    size_t live = 0;
    for (int e = 0; e < pool->n; e++)
        live += (size_t)pool->e[e].len;
    size_t size = pool->size;
    int *to = pool->spare, *spare = pool->store;
    if (live + (size_t)len > size / 2) {
        size = 2 * (live + (size_t)len);
        if (size < 2 * pool->size)
            size = 2 * pool->size;
        to = malloc(size * sizeof *to);
        spare = malloc(size * sizeof *spare);
        if (!to || !spare) {
            free(to);
            free(spare);
            return CORTO_ERR_NOMEM;
        }
    }
    size_t used = 0;
    for (int e = 0; e < pool->n; e++) {
        pool_entry *E = &pool->e[e];
        memcpy(to + used, pool->store + E->off, (size_t)E->len * sizeof *to);
        E->off = (int)used;
        used += (size_t)E->len;
    }
    if (size != pool->size) {
        free(pool->store);
        free(pool->spare);
    }
    pool->store = to;
    pool->spare = spare;
    pool->size = size;
    pool->used = used;
    return CORTO_OK;
}

corto_status route_pool_add(route_pool *pool, int vtype, const int *nodes,
                            int len, int64_t cost, int *entry)
{
    corto_status rc = CORTO_OK;
    if (entry)
        *entry = -1;
    if (len <= 0)
        return CORTO_OK;
    uint64_t h = pool_hash(pool, vtype, nodes, len);
    int e = pool_find(pool, h, vtype, nodes, len);
    if (e >= 0) {
        pool_entry *E = &pool->e[e];
        E->ref = 1;
        if (cost < E->cost) {
            memcpy(pool->store + E->off, nodes, (size_t)len * sizeof *nodes);
            E->cost = cost;
        }
        if (entry)
            *entry = e;
        return CORTO_OK;
    }
    CORTO_TRY(pool_reserve(pool, len));
    if (pool->n < pool->cap) {
        e = pool->n++;
    } else {
        while (pool->e[pool->hand].ref) {
            pool->e[pool->hand].ref = 0;
            pool->hand = (pool->hand + 1) % pool->cap;
        }
        e = pool->hand;
        pool->hand = (pool->hand + 1) % pool->cap;
        pool_unlink(pool, e);
    }
    pool_entry *E = &pool->e[e];
    E->hash = h;
    E->cost = cost;
    E->off = (int)pool->used;
    E->len = len;
    E->vtype = vtype;
    E->ref = 1;
    memcpy(pool->store + pool->used, nodes, (size_t)len * sizeof *nodes);
    pool->used += (size_t)len;
    pool_link(pool, e);
    pool->fresh++;
    if (entry)
        *entry = e;
cleanup:
    return rc;
}

corto_status route_pool_add_state(route_pool *pool, const vrp_state *st,
                                  int64_t since)
{
    corto_status rc = CORTO_OK;
    for (int r = 0; r < st->n_routes; r++) {
        const vrp_route *R = &st->routes[r];
        if (R->len == 0 || !R->feasible || R->dirty || R->stamp <= since)
            continue;
        CORTO_TRY(
            route_pool_add(pool, R->vtype, R->nodes, R->len, R->cost, NULL));
    }
cleanup:
    return rc;
}

int route_pool_due(route_pool *pool, const solve_ctx *ctx)
{
    const corto_options *o = ctx->opt;
    if (pool->off || pool->fresh == 0)
        return 0;
    if (o->iterations > 0 || o->time_limit <= 0) {
        int64_t period = POOL_FREE_PERIOD;
        if (o->iterations > 0) {
            period = o->iterations / 10;
            if (period < POOL_MIN_PERIOD)
                period = POOL_MIN_PERIOD;
        }
        if (pool->next_iter == 0)
            pool->next_iter = ctx->iteration + period;
        if (ctx->iteration < pool->next_iter)
            return 0;
        pool->next_iter = ctx->iteration + period;
        return 1;
    }
    double now = clock_cpu_seconds();
    if (pool->next_cpu == 0.0)
        pool->next_cpu = ctx->start_cpu + POOL_FIRST_SHARE * o->time_limit;
    return now >= pool->next_cpu;
}

/* The set-partitioning model over the pool: buffers allocated per call. */
typedef struct pool_sp {
    unsigned char *row_kind;
    int *row_of; /* per node: its row, -1 for depots */
    int *col_beg, *col_row, *col_group, *start, *chosen;
    double *cost;
    int64_t *group_max;
} pool_sp;

static void pool_sp_free(pool_sp *m)
{
    free(m->row_kind);
    free(m->row_of);
    free(m->col_beg);
    free(m->col_row);
    free(m->col_group);
    free(m->start);
    free(m->chosen);
    free(m->cost);
    free(m->group_max);
}

/* Load the chosen entries into best when they form a cheaper feasible
 * solution; *improved says whether they did. */
static corto_status pool_adopt(route_pool *pool, vrp_state *best,
                               const sp_result *res, int *improved)
{
    corto_status rc = CORTO_OK;
    solution_clear(pool->sol);
    for (int t = 0; t < res->n_chosen; t++) {
        pool_entry *E = &pool->e[res->chosen[t]];
        E->ref = 1;
        CORTO_TRY(corto_solution_add_route(pool->sol, E->vtype,
                                           pool->store + E->off, E->len));
    }
    route_eval_solution(pool->sol);
    if (pool->sol->status != CORTO_SOLUTION_FEASIBLE ||
        pool->sol->cost >= best->cost)
        goto cleanup;
    if (!pool->scratch_ready) {
        CORTO_TRY(vrp_state_init(&pool->scratch, pool->d));
        pool->scratch_ready = 1;
    }
    if (vrp_state_load(&pool->scratch, pool->sol) != CORTO_OK ||
        !vrp_state_complete(&pool->scratch) ||
        pool->scratch.cost != pool->sol->cost)
        goto cleanup;
    CORTO_TRY(vrp_state_copy(best, &pool->scratch));
    *improved = 1;
cleanup:
    return rc;
}

corto_status route_pool_recombine(route_pool *pool, vrp_state *best,
                                  solve_ctx *ctx, int *improved)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = pool->d->p;
    const corto_options *o = ctx->opt;
    pool_sp m = {0};
    *improved = 0;
    if (pool->off || !vrp_state_complete(best))
        return CORTO_OK;
    double t0 = clock_cpu_seconds();
    CORTO_TRY(route_pool_add_state(pool, best, -1));
    pool->fresh = 0;

    int n_rows = pool->d->n_clients, n_cols = pool->n;
    CORTO_ALLOC(m.row_kind, n_rows);
    CORTO_ALLOC(m.row_of, pool->d->n);
    CORTO_ALLOC(m.col_beg, n_cols + 1);
    CORTO_ALLOC(m.col_row, pool->used);
    CORTO_ALLOC(m.col_group, n_cols);
    CORTO_ALLOC(m.cost, n_cols);
    CORTO_ALLOC(m.group_max, p->n_vtypes);
    CORTO_ALLOC(m.start, best->n_routes);
    CORTO_ALLOC(m.chosen, n_rows);
    for (int x = 0; x < pool->d->n; x++)
        m.row_of[x] = -1;
    for (int t = 0; t < n_rows; t++) {
        int x = pool->d->clients[t];
        m.row_of[x] = t;
        m.row_kind[t] = p->required[x] ? SP_ROW_ONCE : SP_ROW_AT_MOST;
    }
    int nz = 0;
    for (int e = 0; e < n_cols; e++) {
        const pool_entry *E = &pool->e[e];
        m.col_beg[e] = nz;
        for (int k = 0; k < E->len; k++)
            m.col_row[nz++] = m.row_of[pool->store[E->off + k]];
        m.cost[e] = (double)E->cost;
        m.col_group[e] = E->vtype;
    }
    m.col_beg[n_cols] = nz;
    for (int v = 0; v < p->n_vtypes; v++)
        m.group_max[v] = p->vtypes[v].count;
    sp_model model = {
        .n_rows = n_rows,
        .row_kind = m.row_kind,
        .n_cols = n_cols,
        .col_beg = m.col_beg,
        .col_row = m.col_row,
        .cost = m.cost,
        .col_group = m.col_group,
        .n_groups = p->n_vtypes,
        .group_max = m.group_max,
    };
    /* The start: best's routes as pool entries (cheaper orders included). */
    int n_start = 0;
    for (int r = 0; r < best->n_routes; r++) {
        const vrp_route *R = &best->routes[r];
        if (R->len == 0)
            continue;
        uint64_t h = pool_hash(pool, R->vtype, R->nodes, R->len);
        int e = pool_find(pool, h, R->vtype, R->nodes, R->len);
        if (e < 0) {
            n_start = 0; /* evicted meanwhile: no start */
            break;
        }
        m.start[n_start++] = e;
    }
    sp_params prm;
    sp_params_init(&prm);
    prm.start = m.start;
    prm.n_start = n_start;
    prm.tm_lim = glpk_time_limit_ms(ctx);
    prm.cpu_end = ctx->deadline;
    if (o->iterations > 0 || o->time_limit <= 0) {
        prm.node_lim = POOL_NODE_LIM;
    } else {
        double cap = POOL_CAP_SHARE * o->time_limit;
        int cap_ms = (int)(cap * 1000.0) + 1;
        if (prm.tm_lim > cap_ms)
            prm.tm_lim = cap_ms;
        if (prm.cpu_end <= 0 || prm.cpu_end > t0 + cap)
            prm.cpu_end = t0 + cap;
    }
    sp_result res = {.chosen = m.chosen};
    rc = sp_solve(&res, ctx, &model, &prm);
    if (rc == CORTO_ERR_EXTERNAL) {
        ctx_log(ctx, 0, "route pool: GLPK failed, pool turned off");
        pool->off = 1;
        rc = CORTO_OK;
        goto cleanup;
    }
    if (rc != CORTO_OK)
        goto cleanup;
    pool->runs++;
    if (res.found && res.obj < (double)best->cost - 0.5)
        CORTO_TRY(pool_adopt(pool, best, &res, improved));
    pool->wins += *improved;
    ctx_log(ctx, 1,
            "route pool: %d routes, lp %.1f, mip %.1f%s, best %lld%s, "
            "%.3f s",
            n_cols, res.lp, res.found ? res.obj : -1.0,
            res.optimal ? " (optimal)" : "", (long long)best->cost,
            *improved ? " (improved)" : "", clock_cpu_seconds() - t0);
cleanup:
    if (o->time_limit > 0) {
        double spent = clock_cpu_seconds() - t0;
        pool->next_cpu = clock_cpu_seconds() + POOL_WAIT * spent;
        double gap = POOL_CAP_SHARE * o->time_limit;
        if (pool->next_cpu < t0 + gap)
            pool->next_cpu = t0 + gap;
    }
    pool_sp_free(&m);
    return rc;
}
