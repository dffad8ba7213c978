/*
 * qubo_read.h — readers for the QUBO problem files (formats in
 * ../shared/instances/SOURCES.md): Beasley bqp (several problems per
 * file), Gset max-cut, DIMACS graphs for MIS (.clq = clique benchmark, so
 * the MIS is taken on the complement; .mis as given), OR-Library mknap1 /
 * mknapcb multidimensional knapsacks, QAPLIB .dat and .sln, and TSPLIB
 * through the routing reader.
 */
#ifndef CORTO_QUBO_READ_H
#define CORTO_QUBO_READ_H

#include "qubo_problem.h"

/* Largest .clq graph complemented (a bit matrix of n^2). */
#define QR_MAX_CLQ_N 20000

/*
 * Read `path` as a problem of `kind` into *p. `index` (1-based, 0 = 1)
 * picks the problem of a bqp or mknap file. On failure *p is empty and
 * diag names FILE:LINE and the problem.
 */
corto_status qr_read(qp_problem *p, const char *path, corto_qubo_kind kind,
                     int index, corto_diag *diag);

/* A QAPLIB .sln: its size, stated value and 0-based permutation (perm
 * gets n entries, owned by the caller). */
corto_status qr_read_sln(int **perm, int *n, int64_t *value, const char *path,
                         corto_diag *diag);

#endif /* CORTO_QUBO_READ_H */
