/*
 * model.h — the internal layout of corto_problem and corto_solution.
 *
 * One model covers every routing variant: a plain CVRP only fills what it
 * needs and leaves the rest at neutral defaults (no time windows, no
 * skills, one profile...). Arrays are indexed by node, 0..n_nodes-1;
 * per-dimension arrays are node-major: demand[node * n_dims + d].
 * Everything here is internal; the public API is include/corto.h.
 */
#ifndef CORTO_MODEL_H
#define CORTO_MODEL_H

#include "corto.h"

/* Demand dimensions the model carries (segments hold them inline). */
#define CORTO_MAX_DIMS 8

/* Skill ids are below CORTO_MAX_SKILLS; sets are fixed-size bitsets. */
#define CORTO_MAX_SKILLS  1024
#define CORTO_SKILL_WORDS (CORTO_MAX_SKILLS / 64)

typedef struct skill_set {
    uint64_t bits[CORTO_SKILL_WORDS];
} skill_set;

/* A vehicle type with its arrays owned by the problem. */
typedef struct model_vehicle {
    int64_t count;
    int64_t *capacity; /* n_dims entries; INT64_MAX = unlimited */
    int start_depot;
    int end_depot; /* -1 = open route */
    int64_t fixed_cost;
    int64_t cost_per_distance;
    int64_t cost_per_duration;
    int64_t shift_open, shift_close;
    int64_t max_duration, max_distance;
    int profile;
    int has_skills; /* 0: skills is empty */
    skill_set skills;
} model_vehicle;

/* Where a node came from in a JSON (VROOM-style) problem file. */
typedef enum model_origin_kind {
    MODEL_ORIGIN_START = 0, /* a vehicle's start */
    MODEL_ORIGIN_END,       /* a vehicle's end */
    MODEL_ORIGIN_JOB,
    MODEL_ORIGIN_PICKUP,  /* a shipment's pickup */
    MODEL_ORIGIN_DELIVERY /* a shipment's delivery */
} model_origin_kind;

typedef struct model_origin {
    model_origin_kind kind;
    int64_t id;       /* external id (the vehicle's for start and end) */
    int64_t location; /* location index in the file's matrices */
} model_origin;

/* External identity of a vehicle type read from a JSON problem file. */
typedef struct model_vorigin {
    int64_t id;       /* the vehicle's external id */
    int has_distance; /* its profile's "distance" matrix holds distances
                         (0: it holds costs or durations, see vroom.h) */
} model_vorigin;

/* Travel data of one profile: full n*n matrices, row-major. */
typedef struct model_profile {
    int64_t *dist;
    int64_t *dur;        /* may equal dist (not separately owned) */
    int64_t *visit_cost; /* n_nodes or NULL: cost of serving each client
                            on a route of this profile (0 at depots) */
    int dur_is_dist;
} model_profile;

struct corto_problem {
    char *name;
    corto_problem_kind kind;
    int cost_decimals; /* costs count units of 10^-cost_decimals */
    int n_nodes;
    int n_dims;

    unsigned char *is_depot; /* n_nodes */
    int has_coords;
    double *x, *y; /* n_nodes each when has_coords */

    int n_profiles;
    model_profile *profiles; /* n_profiles; NULL matrices until set */

    int64_t *demand;      /* n_nodes * n_dims: delivered from the depot */
    int64_t *pickup;      /* n_nodes * n_dims: collected, back to the depot */
    int64_t *pair_amount; /* n_nodes * n_dims: +loaded at a pair's pickup,
                             -unloaded at its delivery */
    int64_t *service;     /* n_nodes */
    int64_t *tw_open, *tw_close; /* n_nodes */
    int64_t *prize;              /* n_nodes */
    unsigned char *required;     /* n_nodes */
    skill_set *skills;           /* n_nodes; all zero = no requirement */
    int has_skills;
    int *pair_of;             /* n_nodes: partner node or -1 */
    unsigned char *pair_role; /* 0 none, 1 pickup, 2 delivery */
    int has_pickups;          /* any pickup or pair amount is non-zero */
    int n_fixed;              /* fixed edges (TSPLIB FIXED_EDGES_SECTION) */
    int *fixed; /* 2*n_fixed nodes: edge k is fixed[2k] -> fixed[2k+1]
                   (either direction for CORTO_KIND_TSP) */
    int has_time_windows;

    int n_vtypes;
    model_vehicle *vtypes;

    /* Provenance for JSON problems; all NULL / 0 for other formats. */
    model_origin *origin;   /* n_nodes */
    model_vorigin *vorigin; /* n_vtypes */
    int64_t cost_scale;     /* objective = cost_scale * file's cost units
                               (0 or 1: the same units) */
};

struct corto_solution {
    const corto_problem *problem;
    int n_routes, cap_routes;
    int **routes; /* client nodes of each route (owned) */
    int *route_len;
    int *route_vtype;
    int64_t cost; /* INT64_MAX when not evaluated */
    corto_solution_status status;
    corto_stop_reason stop;
    double seconds;
    int64_t iterations;
    int64_t lower_bound; /* proven bound on the optimum; INT64_MIN none */
};

/* Matrix access without bounds checks (internal hot paths). */
static inline int64_t model_dist(const corto_problem *p, int prof, int i,
                                 int j)
{
    return p->profiles[prof].dist[(size_t)i * (size_t)p->n_nodes + (size_t)j];
}

static inline int64_t model_dur(const corto_problem *p, int prof, int i, int j)
{
    return p->profiles[prof].dur[(size_t)i * (size_t)p->n_nodes + (size_t)j];
}

static inline int skill_set_has(const skill_set *s, int id)
{
    return (int)((s->bits[id / 64] >> (id % 64)) & 1u);
}

static inline void skill_set_add(skill_set *s, int id)
{
    s->bits[id / 64] |= (uint64_t)1 << (id % 64);
}

/* 1 when every skill in `need` is in `have`. */
static inline int skill_set_covers(const skill_set *have,
                                   const skill_set *need)
{
    for (int w = 0; w < CORTO_SKILL_WORDS; w++)
        if (need->bits[w] & ~have->bits[w])
            return 0;
    return 1;
}

/*
 * Fill the matrices of every profile that has coordinates but no matrix
 * (Euclidean, rounded to nearest) and alias unset duration matrices to
 * distances. Used by corto_solve on problems built through the API.
 */
corto_status model_prepare(corto_problem *p);

/* Replace the routes of `dst` by a copy of those in `src` (same problem). */
corto_status solution_copy_routes(corto_solution *dst,
                                  const corto_solution *src);
/* Remove every route. */
void solution_clear(corto_solution *s);

#endif /* CORTO_MODEL_H */
