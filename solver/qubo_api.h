/*
 * qubo_api.h — what the public QUBO handles (corto.h) hold: the original
 * problem, and a solved result.
 */
#ifndef CORTO_QUBO_API_H
#define CORTO_QUBO_API_H

#include "qubo_problem.h"

struct corto_qubo {
    qp_problem p;
};

struct corto_qubo_result {
    int n;
    int *values;      /* n: 0/1, or QAP locations / TSP cities in order */
    double objective; /* in the problem's own sense */
    int feasible;
    int repaired; /* the solver's answer was infeasible before repair */
    int solved_vars;
    int optimal;
    double seconds;
};

#endif /* CORTO_QUBO_API_H */
