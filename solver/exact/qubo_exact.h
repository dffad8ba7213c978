/*
 * qubo_exact.h — exact QUBO minimisation with GLPK on the standard
 * linearisation (Fortet 1959; Glover & Woolsey 1974): one variable y_ij per
 * pair with y_ij >= x_i + x_j - 1 for w_ij > 0 and y_ij <= x_i, y_ij <=
 * x_j for w_ij < 0. Meant for small QUBOs (shrunk problems, tests).
 */
#ifndef CORTO_QUBO_EXACT_H
#define CORTO_QUBO_EXACT_H

#include "context.h"
#include "qubo.h"

/* Largest QUBO given to GLPK. */
#define QUBO_EXACT_MAX_N 400
/* CPU seconds GLPK gets when ctx has no time limit (GLPK has no iteration
 * count to stop at; the default time limit of corto_qubo_options). */
#define QUBO_EXACT_DEFAULT_S 10.0

/*
 * Minimise q within ctx's time limit, or QUBO_EXACT_DEFAULT_S CPU seconds
 * when ctx has none; ctx's iteration limit, when set, caps the
 * branch-and-bound nodes (a limit that repeats exactly, unlike the time
 * bound, which only stops a solve that reaches it). *found = 1 when GLPK has
 * an integer solution (then x, *e hold it), *optimal = 1 when it is proven
 * optimal. UNSUPPORTED above QUBO_EXACT_MAX_N variables; EXTERNAL on a GLPK
 * error.
 */
corto_status qubo_exact(unsigned char *x, double *e, int *found, int *optimal,
                        const qubo *q, solve_ctx *ctx);

#endif /* CORTO_QUBO_EXACT_H */
