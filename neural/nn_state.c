/*
 * nn_state.c — the decoder's partial solution and feasibility mask (see
 * nn_state.h). A client is allowed when start .. cur, client, end is a
 * feasible route by route_eval; the depot (closing the route) is allowed
 * on a non-empty route unless it is the last vehicle and some client
 * still fits. When nothing fits an empty route, every left client is
 * allowed so the decoder always completes (the evaluation then reports
 * the solution infeasible, as the other constructions do).
 */
#include "nn_state.h"
#include "util.h"

#include <string.h>

corto_status nn_state_init(nn_state *st, const corto_problem *p,
                           const nn_features *f)
{
    corto_status rc = CORTO_OK;
    memset(st, 0, sizeof *st);
    st->p = p;
    st->n = p->n_nodes;
    st->depot = f->depot;
    st->vtype = f->vtype;
    st->prof = f->prof;
    CORTO_ALLOC(st->visited, st->n);
    CORTO_ALLOC(st->mask, st->n);
    CORTO_ALLOC(st->seq, 2 * st->n + 2);
    seg_start(&st->start, p, st->vtype);
    seg_end(&st->end, p, st->vtype);
    nn_state_reset(st);
cleanup:
    if (rc != CORTO_OK)
        nn_state_free(st);
    return rc;
}

void nn_state_free(nn_state *st)
{
    free(st->visited);
    free(st->mask);
    free(st->seq);
    memset(st, 0, sizeof *st);
}

void nn_state_reset(nn_state *st)
{
    st->n_clients = 0;
    for (int i = 0; i < st->n; i++) {
        st->visited[i] = st->p->is_depot[i] != 0;
        st->n_clients += !st->p->is_depot[i];
    }
    st->n_left = st->n_clients;
    st->cur = st->depot;
    st->route_len = 0;
    st->routes_done = 0;
    st->acc = st->start;
    st->seq_len = 0;
}

void nn_state_reset_subset(nn_state *st, const int *clients, int n,
                           int routes_done)
{
    nn_state_reset(st);
    memset(st->visited, 1, (size_t)st->n);
    for (int k = 0; k < n; k++)
        st->visited[clients[k]] = 0;
    st->n_clients = st->n_left = n;
    st->routes_done = routes_done;
}

/* 1 when the current route followed by client j fits. */
static int nn_fits(const nn_state *st, int j)
{
    seg node, trial;
    route_eval re;
    seg_node(&node, st->p, j);
    seg_join(&trial, &st->acc, &node, st->p, st->prof);
    seg_join(&trial, &trial, &st->end, st->p, st->prof);
    route_eval_seg(&re, st->p, st->vtype, &trial, st->route_len + 1);
    return re.feasible;
}

int nn_state_mask(nn_state *st)
{
    int allowed = 0;
    memset(st->mask, 1, (size_t)st->n);
    if (st->n_left == 0)
        return 0;
    for (int j = 0; j < st->n; j++)
        if (!st->visited[j] && nn_fits(st, j)) {
            st->mask[j] = 0;
            allowed++;
        }
    if (st->route_len == 0) {
        if (allowed == 0)
            for (int j = 0; j < st->n; j++)
                if (!st->visited[j]) {
                    st->mask[j] = 0;
                    allowed++;
                }
        return allowed;
    }
    /* A TSP is one tour, whatever the vehicle type says. */
    int64_t count =
        st->p->kind == CORTO_KIND_VRP ? st->p->vtypes[st->vtype].count : 1;
    int last_vehicle =
        count != CORTO_UNLIMITED && st->routes_done + 1 >= count;
    if (allowed == 0 || !last_vehicle) {
        st->mask[st->depot] = 0;
        allowed++;
    }
    return allowed;
}

static void nn_close_route(nn_state *st)
{
    st->seq[st->seq_len++] = -1;
    st->routes_done++;
    st->route_len = 0;
    st->cur = st->depot;
    st->acc = st->start;
}

void nn_state_step(nn_state *st, int a)
{
    if (a == st->depot || st->p->is_depot[a]) {
        if (st->route_len > 0)
            nn_close_route(st);
        return;
    }
    seg node;
    seg_node(&node, st->p, a);
    seg_join(&st->acc, &st->acc, &node, st->p, st->prof);
    st->visited[a] = 1;
    st->n_left--;
    st->seq[st->seq_len++] = a;
    st->route_len++;
    st->cur = a;
    if (st->n_left == 0)
        nn_close_route(st);
}

void nn_state_context(const nn_state *st, const nn_features *f, nn_real *ctx)
{
    const model_vehicle *vt = &st->p->vtypes[st->vtype];
    double used = 0;
    for (int d = 0; d < st->p->n_dims; d++) {
        double cap = (double)vt->capacity[d];
        if (cap > 0 && cap < (double)SEG_INF) {
            double u = (double)st->acc.peak[d] / cap;
            used = u > used ? u : used;
        }
    }
    double t = st->route_len > 0
                   ? (double)(st->acc.early + st->acc.dur) / f->horizon
                   : 0;
    ctx[0] = (nn_real)(1 - used);
    ctx[1] = (nn_real)(t < 2 ? t : 2);
    ctx[2] =
        (nn_real)st->n_left / (nn_real)(st->n_clients ? st->n_clients : 1);
    ctx[3] = st->route_len == 0;
}

corto_status nn_state_solution(const nn_state *st, corto_solution *out)
{
    corto_status rc = CORTO_OK;
    int begin = 0;
    for (int k = 0; k < st->seq_len; k++)
        if (st->seq[k] < 0) {
            if (k > begin)
                CORTO_TRY(corto_solution_add_route(
                    out, st->vtype, st->seq + begin, k - begin));
            begin = k + 1;
        }
cleanup:
    return rc;
}
