/*
 * qubo_polish.c — optional improvement of a repaired QAP / TSP answer in
 * the original problem: best-improvement pairwise swaps of locations until
 * none improves, each swap priced in O(n) with the asymmetric QAP swap
 * delta (Taillard 1991, "Robust taboo search for the quadratic assignment
 * problem", Parallel Computing 17:443-455).
 */
#include "qubo_problem.h"

/* Cost change of exchanging the locations of facilities r and s. */
int64_t qp_swap_delta(const qp_problem *p, const int *perm, int r, int s)
{
    int n = p->n, pr = perm[r], ps = perm[s];
    const int64_t *a = p->a, *b = p->b;
#define A(i, j) a[(size_t)(i)*n + (j)]
#define B(i, j) b[(size_t)(i)*n + (j)]
    int64_t d = (A(r, r) - A(s, s)) * (B(ps, ps) - B(pr, pr)) +
                (A(r, s) - A(s, r)) * (B(ps, pr) - B(pr, ps));
    for (int k = 0; k < n; k++) {
        if (k == r || k == s)
            continue;
        int pk = perm[k];
        d += (A(k, r) - A(k, s)) * (B(pk, ps) - B(pk, pr)) +
             (A(r, k) - A(s, k)) * (B(ps, pk) - B(pr, pk));
    }
#undef A
#undef B
    return d;
}

void qp_polish(qp_sol *s, const qp_problem *p)
{
    if (p->kind != CORTO_QUBO_QAP && p->kind != CORTO_QUBO_TSP)
        return;
    for (;;) {
        int64_t best = 0;
        int br = -1, bs = -1;
        for (int r = 0; r < p->n; r++)
            for (int t = r + 1; t < p->n; t++) {
                int64_t d = qp_swap_delta(p, s->perm, r, t);
                if (d < best) {
                    best = d;
                    br = r;
                    bs = t;
                }
            }
        if (br < 0)
            return;
        int tmp = s->perm[br];
        s->perm[br] = s->perm[bs];
        s->perm[bs] = tmp;
    }
}
