/*
 * mincut.h — global minimum cuts of a small dense undirected graph by
 * Stoer-Wagner, reporting every "cut of the phase" below a threshold, as
 * subtour separation for the exact TSP needs (several violated cuts per
 * call, not only the smallest).
 */
#ifndef CORTO_MINCUT_H
#define CORTO_MINCUT_H

#include "corto.h"

/* Workspace for graphs of up to n nodes; no allocation after init. */
typedef struct mincut_ws {
    int n;
    double *a;         /* n*n working copy of the weights */
    double *key;       /* n: connection to the growing set in a phase */
    int *active;       /* n: super-vertices left */
    int *next;         /* n: original nodes of a super-vertex, linked */
    int *tail;         /* n: last node of each super-vertex's list */
    unsigned char *in; /* n: added in the current phase */
} mincut_ws;

corto_status mincut_ws_init(mincut_ws *ws, int n);
void mincut_ws_free(mincut_ws *ws);

/*
 * Stoer & Wagner (1997), "A simple min-cut algorithm", J. ACM 44(4): the
 * minimum cut of the graph on n <= ws->n nodes with symmetric weights w
 * (n*n, row-major, diagonal ignored). Every cut of the phase whose weight
 * is below `limit` is written to sides (max_cuts rows of n bytes: 1 = in
 * the set, the set never holding node 0) up to max_cuts, duplicates left
 * out; *n_cuts receives how many. Returns the minimum cut weight (0 for
 * n < 2). O(n^3).
 */
double mincut_stoer_wagner(mincut_ws *ws, const double *w, int n, double limit,
                           unsigned char *sides, int max_cuts, int *n_cuts);

#endif /* CORTO_MINCUT_H */
