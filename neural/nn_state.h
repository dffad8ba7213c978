/*
 * nn_state.h — the partial solution a decoder builds step by step: the
 * current route as a route_eval segment, visited clients, the fleet used,
 * and the feasibility mask of the next action (a client, or the depot to
 * close the route), computed with solver/route_eval so the policy obeys
 * the same rules as every other construction.
 */
#ifndef CORTO_NN_STATE_H
#define CORTO_NN_STATE_H

#include "nn_features.h"
#include "route_eval.h"

typedef struct nn_state {
    const corto_problem *p;
    int n, depot, vtype, prof, n_clients;
    unsigned char *visited; /* n */
    unsigned char *mask;    /* n: 1 = action not allowed */
    int n_left;             /* clients not yet visited */
    int cur;                /* last node of the current route (or depot) */
    int route_len;          /* clients on the current route */
    int routes_done;        /* closed routes */
    seg start, end, acc;    /* acc: start depot .. cur */
    int *seq;               /* every route's clients, each ended by -1 */
    int seq_len;
} nn_state;

corto_status nn_state_init(nn_state *st, const corto_problem *p,
                           const nn_features *f);
void nn_state_free(nn_state *st);
void nn_state_reset(nn_state *st);
/* Start a decoding over `clients` (n of them) only: every other client
 * counts as served, `routes_done` routes are already out (fleet limit). */
void nn_state_reset_subset(nn_state *st, const int *clients, int n,
                           int routes_done);
/* Fill st->mask; returns the number of allowed actions (0: complete). */
int nn_state_mask(nn_state *st);
/* Take action a (a client, or the depot to close the route). */
void nn_state_step(nn_state *st, int a);
/* The decoder's context scalars (NN_CTX of them): capacity left, time at
 * the current node, share of clients left, 1 on an empty route. */
void nn_state_context(const nn_state *st, const nn_features *f, nn_real *ctx);
/* Append the built routes (complete state) to an empty solution. */
corto_status nn_state_solution(const nn_state *st, corto_solution *out);

#endif /* CORTO_NN_STATE_H */
