/*
 * tsplib.h — the TSPLIB / CVRPLIB problem reader (TSP, ATSP, CVRP, and
 * VRPTW with service times and time windows as in the ORTEC files).
 *
 * corto_read_problem (corto.h) is the public entry point. The two steps it
 * takes are exposed here for callers inside corto and for tests: parsing a
 * file into a tsplib_data (coordinates or explicit weights, demands...)
 * and building a corto_problem from it with the full distance matrix.
 * tsplib_weight gives an edge weight straight from the parsed data, which
 * also works for instances too large for a full matrix.
 */
#ifndef CORTO_TSPLIB_H
#define CORTO_TSPLIB_H

#include "corto.h"

/* Largest DIMENSION corto builds a full distance matrix for. */
#define TSPLIB_MAX_NODES 20000

typedef enum tsplib_weight_type {
    TSPLIB_EW_NONE = 0,
    TSPLIB_EW_EXPLICIT,
    TSPLIB_EW_EUC_2D,  /* nint(euclidean) */
    TSPLIB_EW_CEIL_2D, /* ceil(euclidean) */
    TSPLIB_EW_ATT,     /* pseudo-Euclidean of att48 / att532 */
    TSPLIB_EW_GEO,     /* geographical, coordinates in DDD.MM */
    TSPLIB_EW_MAN_2D,  /* nint(|dx| + |dy|) */
    TSPLIB_EW_MAX_2D   /* max(nint|dx|, nint|dy|) */
} tsplib_weight_type;

typedef struct tsplib_data {
    char *name; /* NAME, or NULL when the file has none */
    corto_problem_kind kind;
    int n; /* DIMENSION */
    tsplib_weight_type weight_type;
    double *x, *y;        /* n each, or NULL without NODE_COORD_SECTION */
    double *lat;          /* GEO only: latitude and longitude in radians */
    double *lon;          /* (n each) */
    int64_t *matrix;      /* EXPLICIT only: n*n, row-major, zero diagonal */
    int64_t capacity;     /* CVRP: CAPACITY (-1 when absent) */
    int64_t vehicles;     /* VEHICLES, or -1 when absent */
    int64_t max_distance; /* DISTANCE, or -1 when absent */
    int64_t service_time; /* SERVICE_TIME, or -1 when absent */
    int64_t *demand;      /* n entries (CVRP), or NULL */
    int time_windows;     /* TYPE VRPTW */
    int64_t *service;     /* SERVICE_TIME_SECTION: n entries, or NULL */
    int64_t *tw_open;     /* TIME_WINDOW_SECTION: n entries each, or NULL */
    int64_t *tw_close;
    int depot;   /* 0-based depot (CVRP), or -1 */
    int n_fixed; /* FIXED_EDGES_SECTION, 0-based pairs */
    int *fixed;
} tsplib_data;

/* Flags of tsplib_parse. */
#define TSPLIB_NO_SIZE_LIMIT                                                  \
    1 /* accept DIMENSION > TSPLIB_MAX_NODES for                              \
         coordinate instances (no matrix built) */

/*
 * Parse a TSPLIB/CVRPLIB file (plain or gzip) into *d, which the caller
 * frees with tsplib_data_free (also after a failure). PARSE errors and
 * UNSUPPORTED name "FILE:LINE" in diag.
 */
corto_status tsplib_parse(tsplib_data *d, const char *path, int flags,
                          corto_diag *diag);
void tsplib_data_free(tsplib_data *d);

/* Weight of the edge i -> j (0-based) by the instance's rule; 0 for i == j. */
int64_t tsplib_weight(const tsplib_data *d, int i, int j);

/*
 * Build the corto problem: kind, name, depot, vehicle type, demands,
 * coordinates and the full distance matrix, then corto_problem_validate.
 * `path` is only used in messages.
 */
corto_status tsplib_build(corto_problem **out, const tsplib_data *d,
                          const char *path, corto_diag *diag);

#endif /* CORTO_TSPLIB_H */
