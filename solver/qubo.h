/*
 * qubo.h — the sparse QUBO model: minimise
 *     E(x) = offset + sum_i lin_i x_i + sum_{i<j} w_ij x_i x_j,  x in {0,1}^n
 * (a diagonal q_ii x_i^2 is the linear term q_ii x_i). Pairs are kept in a
 * symmetric CSR adjacency: w_ij appears in row i and in row j, and counts
 * once in the energy. A builder collects terms in any order (duplicates
 * add up) and turns them into the CSR form.
 *
 * Local fields h_i = lin_i + sum_j w_ij x_j give the energy change of
 * flipping x_i as (1 - 2 x_i) h_i; qubo_flip keeps them up to date in
 * O(degree), which is what the SA, tabu and shrinking code build on.
 */
#ifndef CORTO_QUBO_H
#define CORTO_QUBO_H

#include "corto.h"

#include <stddef.h>

typedef struct qubo {
    int n;
    double offset;
    double *lin; /* n */
    int *row;    /* n + 1 */
    int *col;    /* row[n] */
    double *w;   /* row[n] */
} qubo;

typedef struct qubo_term {
    int i, j; /* i < j */
    double v;
} qubo_term;

typedef struct qubo_builder {
    int n;
    double offset;
    double *lin; /* n */
    qubo_term *t;
    size_t nt, cap;
} qubo_builder;

corto_status qb_init(qubo_builder *b, int n);
void qb_free(qubo_builder *b);
/* Add v * x_i * x_j (i == j: v * x_i). */
corto_status qb_add(qubo_builder *b, int i, int j, double v);
/* Build the CSR form (sorts the builder's terms in place; the builder
 * stays usable). Pairs whose weights cancel to 0 are dropped. */
corto_status qb_build(qubo *q, qubo_builder *b);

void qubo_free(qubo *q);
/* Deep copy. */
corto_status qubo_copy(qubo *to, const qubo *from);
double qubo_energy(const qubo *q, const unsigned char *x);
/* h_i = lin_i + sum_j w_ij x_j for every i. */
void qubo_fields(const qubo *q, const unsigned char *x, double *h);

/* Energy change of flipping x_i given its field. */
static inline double qubo_delta(unsigned char xi, double hi)
{
    return xi ? -hi : hi;
}

/* Flip x_i and update the fields of its neighbours. */
void qubo_flip(const qubo *q, unsigned char *x, double *h, int i);

/*
 * Largest possible |flip delta| over all variables (sum of absolute
 * coefficients of a variable) and the smallest non-zero absolute
 * coefficient: the coefficient range the SA schedule is set from.
 */
void qubo_coef_range(const qubo *q, double *max_delta, double *min_coef);

#endif /* CORTO_QUBO_H */
