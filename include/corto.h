/*
 * corto.h — the public interface of corto, a library for combinatorial
 * routing and optimisation (vehicle routing, TSP/ATSP).
 *
 * Conventions used throughout:
 *  - Opaque handles come in create/destroy pairs; destroy(NULL) is a no-op.
 *  - Every function that can fail returns a corto_status; outputs come first.
 *  - Inputs are copied: the caller keeps ownership of what it passes in.
 *  - Pointers returned by getters are "borrowed": valid until the object
 *    they come from is destroyed (or changed), never freed by the caller.
 *  - The library never prints, exits or aborts.
 *  - Nodes are numbered 0..n-1. For files in TSPLIB/CVRPLIB format node k
 *    of the file is node k-1 here, so the CVRPLIB depot (node 1) is node 0.
 *  - Distances, durations, demands and costs are int64 after the rounding
 *    rule of the instance's format, so costs are exact and reproducible.
 */
#ifndef CORTO_H
#define CORTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CORTO_BUILDING_SHARED) && defined(__GNUC__)
#define CORTO_API __attribute__((visibility("default")))
#else
#define CORTO_API
#endif

/* ------------------------------------------------------------------ */
/* Version                                                             */
/* ------------------------------------------------------------------ */

#define CORTO_VERSION_MAJOR  0
#define CORTO_VERSION_MINOR  1
#define CORTO_VERSION_PATCH  0
#define CORTO_VERSION_STRING "0.1.0"
/* MAJOR*10000 + MINOR*100 + PATCH, compare against corto_version_number(). */
#define CORTO_VERSION_NUMBER 100

/* Version of the library actually linked (borrowed static string). */
CORTO_API const char *corto_version(void);
CORTO_API int corto_version_number(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

typedef enum corto_status {
    CORTO_OK = 0,
    CORTO_ERR_NOMEM,       /* an allocation failed */
    CORTO_ERR_ARGUMENT,    /* a NULL or out-of-range argument */
    CORTO_ERR_IO,          /* a file could not be opened or read */
    CORTO_ERR_PARSE,       /* a file is malformed (see corto_diag) */
    CORTO_ERR_UNSUPPORTED, /* valid input that corto does not handle */
    CORTO_ERR_MODEL,       /* the problem is inconsistent (e.g. demand above
                              every capacity) */
    CORTO_ERR_OPTION,      /* unknown option key or bad option value */
    CORTO_ERR_EXTERNAL,    /* GLPK or igraph reported an error */
    CORTO_ERR_INTERNAL     /* a bug in corto: please report it */
} corto_status;

/* Short English description of a status (borrowed static string). */
CORTO_API const char *corto_status_string(corto_status status);

/*
 * Where a reader or the option parser found a problem. Filled by the
 * functions that take a corto_diag *; may be NULL when not wanted.
 * `message` is one line: "FILE:LINE: what is wrong" (LINE omitted when 0).
 */
typedef struct corto_diag {
    long line;         /* 1-based line of the problem, 0 if not known */
    char message[512]; /* one line, no trailing newline */
} corto_diag;

/* ------------------------------------------------------------------ */
/* Problem model                                                       */
/* ------------------------------------------------------------------ */

typedef struct corto_problem corto_problem;

typedef enum corto_problem_kind {
    CORTO_KIND_VRP = 0, /* vehicle routing in any of its variants */
    CORTO_KIND_TSP,     /* symmetric travelling salesman: one closed tour */
    CORTO_KIND_ATSP     /* asymmetric travelling salesman */
} corto_problem_kind;

/* "No limit" for time windows, durations, distances and vehicle counts. */
#define CORTO_UNLIMITED INT64_MAX

/*
 * Create an empty problem with n_nodes nodes and n_dims demand dimensions
 * (1 <= n_dims <= 8). Every node starts as a required client with zero demand,
 * no service time and an unbounded time window; node 0 starts as the only
 * depot. No vehicle types exist until added. The new problem is owned by the
 * caller and freed with corto_problem_destroy.
 */
CORTO_API corto_status corto_problem_create(corto_problem **out, int n_nodes,
                                            int n_dims);
CORTO_API void corto_problem_destroy(corto_problem *problem);
/* Deep copy; the copy is owned by the caller. */
CORTO_API corto_status corto_problem_copy(corto_problem **out,
                                          const corto_problem *problem);

CORTO_API corto_status corto_problem_set_name(corto_problem *problem,
                                              const char *name);
CORTO_API corto_status corto_problem_set_kind(corto_problem *problem,
                                              corto_problem_kind kind);
/*
 * Costs, distances and times are integers. A problem whose data has
 * decimals (Solomon's distances truncated to 0.1) is stored scaled by
 * 10^decimals; this records the scale (0..6, default 0) so that costs are
 * shown in the file's own units (corto_cost_format).
 */
CORTO_API corto_status corto_problem_set_cost_decimals(corto_problem *problem,
                                                       int decimals);
CORTO_API int corto_problem_cost_decimals(const corto_problem *problem);
/* Write `cost` with `decimals` decimals (cost / 10^decimals) into buf;
 * returns what snprintf returns. */
CORTO_API int corto_cost_format(char *buf, size_t size, int64_t cost,
                                int decimals);
/* Mark node `node` as depot (1) or client (0). */
CORTO_API corto_status corto_problem_set_depot(corto_problem *problem,
                                               int node, int is_depot);
/* Coordinates for display and neighbourhoods; x and y have n_nodes entries. */
CORTO_API corto_status corto_problem_set_coords(corto_problem *problem,
                                                const double *x,
                                                const double *y);
/*
 * Number of travel profiles (default 1). Each profile has a full
 * n_nodes x n_nodes distance and duration matrix, row-major,
 * matrix[i*n + j] = from i to j; asymmetric matrices are allowed.
 * A profile whose duration matrix is never set uses its distances.
 */
CORTO_API corto_status corto_problem_set_profiles(corto_problem *problem,
                                                  int n_profiles);
CORTO_API corto_status corto_problem_set_distances(corto_problem *problem,
                                                   int profile,
                                                   const int64_t *matrix);
CORTO_API corto_status corto_problem_set_durations(corto_problem *problem,
                                                   int profile,
                                                   const int64_t *matrix);
/*
 * Cost added each time a route of this profile serves a client
 * (n_nodes entries, any sign within +-10^12; depot entries are ignored).
 * Giving each vehicle type its own profile (same matrices) makes these
 * client-vehicle type preferences as costs, as in the profiled VRP.
 */
CORTO_API corto_status corto_problem_set_visit_costs(corto_problem *problem,
                                                     int profile,
                                                     const int64_t *costs);
/* demand has n_dims entries: amount delivered from the depot to the node. */
CORTO_API corto_status corto_problem_set_demand(corto_problem *problem,
                                                int node,
                                                const int64_t *demand);
/* pickup has n_dims entries: amount collected at the node, back to depot. */
CORTO_API corto_status corto_problem_set_pickup(corto_problem *problem,
                                                int node,
                                                const int64_t *pickup);
CORTO_API corto_status corto_problem_set_service(corto_problem *problem,
                                                 int node,
                                                 int64_t service_time);
/* Service at `node` must start within [open, close]; waiting is allowed. */
CORTO_API corto_status corto_problem_set_time_window(corto_problem *problem,
                                                     int node, int64_t open,
                                                     int64_t close);
/* An optional client may be left unserved; serving it earns `prize`. */
CORTO_API corto_status corto_problem_set_prize(corto_problem *problem,
                                               int node, int64_t prize,
                                               int required);
/* Skill ids are non-negative integers below 1024. */
CORTO_API corto_status corto_problem_set_skills(corto_problem *problem,
                                                int node, const int *skills,
                                                int n_skills);
/*
 * Pickup-delivery pair: `amount` (n_dims entries) is loaded at `pickup` and
 * unloaded at `delivery`, on the same route, pickup first.
 */
CORTO_API corto_status corto_problem_add_pair(corto_problem *problem,
                                              int pickup, int delivery,
                                              const int64_t *amount);

/*
 * Require that `to` directly follows `from` on a route (for CORTO_KIND_TSP
 * the edge may be used in either direction), as TSPLIB's FIXED_EDGES.
 */
CORTO_API corto_status corto_problem_add_fixed_edge(corto_problem *problem,
                                                    int from, int to);

/* A kind of vehicle. Fill with corto_vehicle_type_init, then change fields. */
typedef struct corto_vehicle_type {
    int64_t count;           /* vehicles available; CORTO_UNLIMITED = any */
    const int64_t *capacity; /* n_dims entries; NULL = unlimited */
    int start_depot;         /* node the routes start from (default 0) */
    int end_depot;      /* node they end at; -1 = open route (default 0) */
    int64_t fixed_cost; /* paid once per used vehicle (default 0) */
    int64_t cost_per_distance; /* default 1 */
    int64_t cost_per_duration; /* default 0 */
    int64_t shift_open;        /* earliest departure (default 0) */
    int64_t shift_close;       /* latest return (default CORTO_UNLIMITED) */
    int64_t max_duration;      /* default CORTO_UNLIMITED */
    int64_t max_distance;      /* default CORTO_UNLIMITED */
    int profile;               /* travel profile (default 0) */
    const int *skills;         /* skill ids the vehicle has (may be NULL) */
    int n_skills;
} corto_vehicle_type;

CORTO_API void corto_vehicle_type_init(corto_vehicle_type *vt);
/* Copies *vt (and the arrays it points to); *index_out may be NULL. */
CORTO_API corto_status corto_problem_add_vehicle_type(
    corto_problem *problem, const corto_vehicle_type *vt, int *index_out);

/*
 * Check the problem for consistency (a depot exists, matrices are set or can
 * be derived from coordinates, every required client fits some vehicle...).
 * corto_solve calls it; readers call it too. On failure diag says why.
 */
CORTO_API corto_status corto_problem_validate(const corto_problem *problem,
                                              corto_diag *diag);

/* Getters. Borrowed strings; node indices must be in range. */
CORTO_API const char *corto_problem_name(const corto_problem *problem);
CORTO_API corto_problem_kind
corto_problem_get_kind(const corto_problem *problem);
CORTO_API int corto_problem_n_nodes(const corto_problem *problem);
CORTO_API int corto_problem_n_dims(const corto_problem *problem);
CORTO_API int corto_problem_n_clients(const corto_problem *problem);
CORTO_API int corto_problem_is_depot(const corto_problem *problem, int node);
CORTO_API int corto_problem_n_vehicle_types(const corto_problem *problem);
/* Distance / duration of the arc i->j in the given profile. */
CORTO_API int64_t corto_problem_distance(const corto_problem *problem,
                                         int profile, int i, int j);
CORTO_API int64_t corto_problem_duration(const corto_problem *problem,
                                         int profile, int i, int j);

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

/* Progress: called with the best cost so far (or INT64_MAX when none yet),
 * elapsed seconds and iteration count; return non-zero to stop the solve,
 * which then returns the best solution found. */
typedef int (*corto_progress_fn)(void *user, int64_t best_cost,
                                 double elapsed_s, int64_t iteration);
/* Log: one line of text (no newline) at the given level (0 info, 1 debug). */
typedef void (*corto_log_fn)(void *user, int level, const char *line);

typedef enum corto_init_method {
    CORTO_INIT_AUTO = 0,  /* the best construction for the problem kind */
    CORTO_INIT_SAVINGS,   /* Clarke-Wright parallel savings (VRP) */
    CORTO_INIT_NEAREST,   /* nearest neighbour (VRP, TSP, ATSP) */
    CORTO_INIT_INSERTION, /* cheapest/farthest insertion (TSP, ATSP) */
    CORTO_INIT_NEURAL     /* the attention policy compiled into the library
                             (CVRP, VRPTW, TSP, ATSP with one depot) */
} corto_init_method;

/* How the ALNS picks its (destroy, repair) pair each iteration. */
typedef enum corto_selector {
    CORTO_SELECTOR_ROULETTE = 0,  /* adaptive roulette wheel */
    CORTO_SELECTOR_SEGMENTED,     /* segmented roulette (Ropke-Pisinger) */
    CORTO_SELECTOR_UCB1,          /* upper confidence bound */
    CORTO_SELECTOR_ALPHA_UCB,     /* alpha-UCB */
    CORTO_SELECTOR_THOMPSON,      /* Thompson sampling */
    CORTO_SELECTOR_EXP3,          /* EXP3 */
    CORTO_SELECTOR_EPSILON_GREEDY /* epsilon-greedy */
} corto_selector;

/* Which candidates the ALNS accepts as its current solution. */
typedef enum corto_acceptance {
    CORTO_ACCEPT_SA = 0,       /* simulated annealing */
    CORTO_ACCEPT_RRT,          /* record-to-record travel */
    CORTO_ACCEPT_LAHC,         /* late acceptance hill climbing */
    CORTO_ACCEPT_GREAT_DELUGE, /* great deluge */
    CORTO_ACCEPT_HILL_CLIMB    /* improving or equal only */
} corto_acceptance;

typedef struct corto_options {
    double time_limit;      /* seconds of CPU time; <= 0 = none (default 10) */
    int64_t iterations;     /* search iterations; <= 0 = none (default 0) */
    uint64_t seed;          /* RNG seed, any value (default 1) */
    corto_init_method init; /* construction method (default AUTO) */
    int construct_only;     /* 1: stop after construction (default 0) */
    int local_search;       /* 1: improve the construction (default 1) */
    int verbose;            /* 0 quiet, 1 info, 2 debug log (default 0) */
    double progress_interval;   /* seconds between progress calls (0.25) */
    corto_progress_fn progress; /* may be NULL */
    void *progress_user;
    corto_log_fn log; /* may be NULL */
    void *log_user;
    /* ALNS (VRPs). */
    corto_selector selector;     /* operator selection (default THOMPSON) */
    corto_acceptance acceptance; /* acceptance criterion (default SA) */
    int64_t destroy_min;         /* fewest clients removed (default 5) */
    int64_t destroy_max;  /* most clients removed, also capped at 40% of the
                             clients (default 30) */
    int64_t vehicles;     /* cap on each vehicle type's count; 0 = the
                             problem's own fleet (default 0) */
    int64_t stall;        /* stop after this many iterations without a new
                             best; <= 0 = never (default 0) */
    int soft_constraints; /* 1: the ALNS local search may cross solutions
                             over capacity, time or distance limits at
                             adaptive penalties (default 1) */
    int exact;            /* 1: prove optimality with the exact engine
                             (TSP/ATSP; small VRPs) within the time limit
                             (default 0) */
    int route_pool;       /* 1: the ALNS recombines a pool of good routes
                             by set partitioning (default 0) */
    int64_t samples;      /* --init neural: best of the greedy and this many
                             sampled constructions (default 0) */
    int lower_bound;      /* 1: also compute a cheap lower bound (an LP
                             relaxation for TSP/ATSP up to 400 nodes and
                             plain CVRPs up to 300, Held-Karp for larger
                             symmetric TSPs) in at most 10% of the time
                             limit, reported by corto_solution_lower_bound
                             (default 0) */
    const struct corto_neural_model *neural_model; /* --init neural: this
                             model (corto_neural_model_load) instead of the
                             built-in one; NULL = built-in (default) */
    int neural_arm;  /* 1: the VRP ALNS may also repair with the neural
                        policy, one more arm for its bandit (problems
                        --init neural handles; default 0) */
    int64_t starts;  /* --init neural: also greedy constructions from the
                        starts - 1 next most likely first clients, the
                        best kept (POMO's multiple starts; default 0) */
    int64_t augment; /* --init neural: repeat the greedy constructions
                        (with --starts) on this many of the 8 symmetries
                        of the coordinates, at most 8 (POMO's
                        augmentation; default 0 = 1) */
} corto_options;

/* Fill *opt with the defaults documented above. */
CORTO_API void corto_options_init(corto_options *opt);

/*
 * Set one option by key from text, e.g. ("time-limit", "30"). The keys,
 * types, defaults and help are the table returned by corto_option_table;
 * the CLI exposes each key as --KEY. Returns CORTO_ERR_OPTION for an unknown
 * key or a bad value, with the reason in diag (may be NULL).
 */
CORTO_API corto_status corto_options_set(corto_options *opt, const char *key,
                                         const char *value, corto_diag *diag);

typedef struct corto_option_info {
    const char *key;           /* e.g. "time-limit" */
    const char *type;          /* "seconds", "int", "uint64", "bool", or
                                  "a|b|c" for a choice */
    const char *default_value; /* as text */
    const char *help;          /* one sentence */
} corto_option_info;

/* The option table (borrowed static array of *count entries). */
CORTO_API const corto_option_info *corto_option_table(size_t *count);

/* ------------------------------------------------------------------ */
/* Solutions                                                           */
/* ------------------------------------------------------------------ */

typedef struct corto_solution corto_solution;

/* What the solver knows about a solution's quality. */
typedef enum corto_solution_status {
    CORTO_SOLUTION_UNKNOWN = 0, /* not evaluated (e.g. built by the caller) */
    CORTO_SOLUTION_FEASIBLE,    /* all constraints hold */
    CORTO_SOLUTION_OPTIMAL,     /* feasible and proven optimal */
    CORTO_SOLUTION_INFEASIBLE   /* some constraint is violated */
} corto_solution_status;

/* Why the solve stopped. */
typedef enum corto_stop_reason {
    CORTO_STOP_NONE = 0,  /* not produced by a solve */
    CORTO_STOP_COMPLETED, /* the method ran to its natural end */
    CORTO_STOP_TIME_LIMIT,
    CORTO_STOP_ITERATION_LIMIT,
    CORTO_STOP_CALLBACK, /* the progress callback asked to stop */
    CORTO_STOP_STALL     /* `stall` iterations passed without a new best */
} corto_stop_reason;

/*
 * An empty solution for `problem` (no routes), owned by the caller. The
 * solution refers to the problem, which must outlive it.
 */
CORTO_API corto_status corto_solution_create(corto_solution **out,
                                             const corto_problem *problem);
CORTO_API void corto_solution_destroy(corto_solution *solution);
/*
 * Append a route of vehicle type `vehicle_type` visiting `nodes` (n entries,
 * client nodes only: the depots come from the vehicle type). Copied.
 */
CORTO_API corto_status corto_solution_add_route(corto_solution *solution,
                                                int vehicle_type,
                                                const int *nodes, int n);

CORTO_API int corto_solution_n_routes(const corto_solution *solution);
/* Borrowed array of the route's client nodes; *n receives its length. */
CORTO_API const int *corto_solution_route(const corto_solution *solution,
                                          int route, int *n);
CORTO_API int corto_solution_route_vehicle_type(const corto_solution *solution,
                                                int route);
/* Objective value as evaluated by the solver (INT64_MAX if not evaluated). */
CORTO_API int64_t corto_solution_cost(const corto_solution *solution);
CORTO_API corto_solution_status
corto_solution_get_status(const corto_solution *solution);
CORTO_API corto_stop_reason
corto_solution_stop_reason(const corto_solution *solution);
/* Seconds of CPU time the solve took, and its iterations. */
CORTO_API double corto_solution_seconds(const corto_solution *solution);
CORTO_API int64_t corto_solution_iterations(const corto_solution *solution);
/* A proven lower bound on the optimal cost from the exact engine or the
 * lower-bound option (equal to
 * the cost when the status is OPTIMAL); INT64_MIN when none is known. */
CORTO_API int64_t corto_solution_lower_bound(const corto_solution *solution);

/* ------------------------------------------------------------------ */
/* Solving                                                             */
/* ------------------------------------------------------------------ */

/*
 * Solve `problem` with `opt` (NULL = defaults). On CORTO_OK *out holds a new
 * solution owned by the caller, feasible or marked infeasible by its status.
 */
CORTO_API corto_status corto_solve(corto_solution **out,
                                   const corto_problem *problem,
                                   const corto_options *opt);

/* 1 when a trained neural construction model is built into the library
 * (CORTO_INIT_NEURAL then works without any file), 0 otherwise. */
CORTO_API int corto_neural_available(void);

/* A neural construction model read from a weight file (`corto train`). */
typedef struct corto_neural_model corto_neural_model;

/*
 * Read the weight file at path. CORTO_ERR_IO when it cannot be read,
 * CORTO_ERR_PARSE for a damaged file, CORTO_ERR_UNSUPPORTED for another
 * version; diag names the file and the part that is wrong.
 */
CORTO_API corto_status corto_neural_model_load(corto_neural_model **out,
                                               const char *path,
                                               corto_diag *diag);
CORTO_API void corto_neural_model_destroy(corto_neural_model *m);

/* ------------------------------------------------------------------ */
/* Independent checker                                                 */
/* ------------------------------------------------------------------ */

/* Kinds of violation the checker counts. */
typedef enum corto_violation {
    CORTO_VIOL_MISSING = 0, /* a required client is not served */
    CORTO_VIOL_DUPLICATE,   /* a client is served more than once */
    CORTO_VIOL_BAD_NODE,    /* a node index out of range, or a depot */
    CORTO_VIOL_CAPACITY,    /* load above capacity somewhere on a route */
    CORTO_VIOL_TIME_WINDOW, /* service after a window closes */
    CORTO_VIOL_DURATION,    /* route longer than the vehicle's limit */
    CORTO_VIOL_DISTANCE,    /* route distance above the vehicle's limit */
    CORTO_VIOL_FLEET,       /* more vehicles of a type than available */
    CORTO_VIOL_SKILL,       /* vehicle lacks a skill the client needs */
    CORTO_VIOL_PAIRING,     /* pickup/delivery not on one route in order */
    CORTO_VIOL_COST,        /* the claimed cost differs from the real one */
    CORTO_VIOL_FIXED_EDGE,  /* a fixed edge is not used by any route */
    CORTO_VIOL_COUNT
} corto_violation;

/* Short name of a violation kind ("missing", "time-window", ...; borrowed
 * static string), as `corto check` prints it. */
CORTO_API const char *corto_violation_string(corto_violation kind);

typedef struct corto_check_report {
    int feasible;     /* 1 when no violation of any kind */
    int64_t cost;     /* objective recomputed from scratch */
    int64_t distance; /* total distance */
    int64_t duration; /* total duration incl. waiting and service */
    int routes_used;  /* non-empty routes */
    int violations[CORTO_VIOL_COUNT]; /* count per kind */
    char first[256]; /* description of the first violation found */
} corto_check_report;

/*
 * Recompute a solution from scratch, without the solver's incremental
 * evaluation, and report every violated constraint. If claimed_cost is not
 * INT64_MAX it is compared with the recomputed cost (CORTO_VIOL_COST).
 * Returns CORTO_OK whenever the check ran, feasible or not.
 */
CORTO_API corto_status corto_solution_check(corto_check_report *report,
                                            const corto_problem *problem,
                                            const corto_solution *solution,
                                            int64_t claimed_cost);

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

/*
 * Read a problem in TSPLIB / CVRPLIB format (TSP, ATSP, CVRP); a file
 * ending in .gz is decompressed transparently. On failure diag names the
 * file, line and problem. The problem is owned by the caller.
 */
CORTO_API corto_status corto_read_problem(corto_problem **out,
                                          const char *path, corto_diag *diag);

typedef enum corto_format {
    CORTO_FORMAT_AUTO = 0, /* JSON for JSON problems, else .sol for VRPs
                              and .tour for TSP/ATSP */
    CORTO_FORMAT_SOL,      /* CVRPLIB: "Route #k: ..." and "Cost N" */
    CORTO_FORMAT_TOUR,     /* TSPLIB TOUR_SECTION, 1-based, ends in -1 */
    CORTO_FORMAT_JSON      /* VROOM-like JSON: routes with steps */
} corto_format;

/*
 * Read a solution for `problem` from a file in any of the formats above
 * (detected from the content). *claimed_cost receives the cost the file
 * states, or INT64_MAX when it states none. The solution is owned by the
 * caller and refers to `problem`.
 */
CORTO_API corto_status corto_read_solution(corto_solution **out,
                                           int64_t *claimed_cost,
                                           const corto_problem *problem,
                                           const char *path, corto_diag *diag);

/*
 * Write a solution in `format` to `path`, or to the open stream `stream`
 * when path is NULL (stream is a FILE *, kept void here so the header does
 * not need <stdio.h>).
 */
CORTO_API corto_status corto_write_solution(const corto_solution *solution,
                                            const corto_problem *problem,
                                            corto_format format,
                                            const char *path, void *stream);

/* ------------------------------------------------------------------ */
/* QUBO problems and graph shrinking                                   */
/* ------------------------------------------------------------------ */

/*
 * A QUBO minimises E(x) = const + sum_i c_i x_i + sum_{i<j} q_ij x_i x_j
 * over x in {0,1}^n. A corto_qubo is either such a model given term by
 * term (kind RAW) or an original problem read from a file (Beasley bqp,
 * Gset max-cut, DIMACS MIS, OR-Library MDKP, QAPLIB QAP, TSPLIB TSP) whose
 * QUBO corto builds. Solving (simulated annealing, tabu search or exact by
 * GLPK), optionally on a QUBO shrunk by merging correlated variables,
 * always ends with a check and repair in the original problem.
 */
typedef struct corto_qubo corto_qubo;
typedef struct corto_qubo_result corto_qubo_result;

typedef enum corto_qubo_kind {
    CORTO_QUBO_RAW = 0, /* minimise E as given */
    CORTO_QUBO_BQP,     /* Beasley: maximise x^T Q x, Q symmetric */
    CORTO_QUBO_MAXCUT,  /* maximise the weight of the cut */
    CORTO_QUBO_MIS,     /* maximum independent set (.clq: of the
                           complement, i.e. maximum clique) */
    CORTO_QUBO_MDKP,    /* multidimensional knapsack: maximise profit */
    CORTO_QUBO_QAP,     /* quadratic assignment: minimise cost */
    CORTO_QUBO_TSP      /* travelling salesman: minimise tour length */
} corto_qubo_kind;

typedef enum corto_qubo_solver {
    CORTO_QUBO_SA = 0, /* simulated annealing (default) */
    CORTO_QUBO_TABU,   /* 1-flip tabu search; QAP / TSP without
                          shrinking: robust tabu search by location swaps
                          on the problem's matrices, without building the
                          QUBO, any n (SA, EXACT and shrinking build it and
                          refuse n > 100 with CORTO_ERR_UNSUPPORTED) */
    CORTO_QUBO_EXACT   /* GLPK on the linearised QUBO (small sizes) */
} corto_qubo_solver;

/* How MDKP capacities enter the QUBO. */
typedef enum corto_qubo_penalty {
    CORTO_QUBO_PENALTY_SLACK = 0, /* binary slack variables, squared
                                     equality penalty */
    CORTO_QUBO_PENALTY_LAGRANGE   /* no slack: Lagrangian terms updated by
                                     dual ascent over rounds ("Cutting
                                     Slack") */
} corto_qubo_penalty;

/* MIS: how the repaired QUBO answer is improved on the graph itself; the
 * local search gets 90% of the time limit, the QUBO search the rest. */
typedef enum corto_qubo_mis_search {
    CORTO_QUBO_MIS_NONE = 0, /* keep the repaired QUBO answer */
    CORTO_QUBO_MIS_ILS,      /* iterated local search, (1,2)-swaps
                                (Andrade, Resende & Werneck 2012) */
    CORTO_QUBO_MIS_NUMVC     /* complement of a NuMVC vertex cover (Cai et
                                al. 2013) */
} corto_qubo_mis_search;

/* How graph shrinking estimates the correlation of two variables. */
typedef enum corto_qubo_correlations {
    CORTO_QUBO_CORR_SAMPLES = 0, /* low-energy annealing samples */
    CORTO_QUBO_CORR_LOWRANK,     /* rank-8 Burer-Monteiro relaxation of
                                    the +-1 form: v_i . v_j */
    CORTO_QUBO_CORR_BOTH         /* the mean of the two */
} corto_qubo_correlations;

typedef struct corto_qubo_options {
    corto_qubo_solver solver; /* default SA */
    double time_limit;    /* CPU seconds in all; <= 0 = none (default 10) */
    int64_t iterations;   /* SA sweeps / tabu moves per solve; <= 0 = none
                             (default 0); with a limit runs are repeatable.
                             EXACT: branch-and-bound nodes; with no time
                             limit GLPK also stops after 10 CPU s */
    uint64_t seed;        /* default 1 */
    int shrink_to;        /* solve a QUBO shrunk to at most this many
                             variables; 0 = no shrinking (default 0) */
    int constraint_aware; /* 1: never merge variables that would force a
                             constraint violation (default 1) */
    int recalc_every;     /* adaptive: re-sample correlations every this
                             many merges; 0 = once, and again only when
                             no candidate is left (default 10) */
    int samples;          /* low-energy samples per correlation estimate
                             (default 32) */
    corto_qubo_penalty penalty; /* MDKP (default SLACK) */
    int rounds;       /* dual-ascent rounds for LAGRANGE (default 20) */
    int polish;       /* 1: after repair, improve QAP / TSP answers by pairwise
                         swaps in the original problem (default 0) */
    int verbose;      /* 0 quiet, 1 info, 2 debug (default 0) */
    corto_log_fn log; /* may be NULL */
    void *log_user;
    /* MIS: the local search on the graph after the QUBO search (default
     * NUMVC) */
    corto_qubo_mis_search mis_search;
    corto_qubo_correlations correlations; /* shrinking's estimate (default
                                             SAMPLES) */
} corto_qubo_options;

CORTO_API void corto_qubo_options_init(corto_qubo_options *opt);

/* A RAW QUBO with n variables and no terms, owned by the caller. */
CORTO_API corto_status corto_qubo_create(corto_qubo **out, int n);
CORTO_API void corto_qubo_destroy(corto_qubo *qubo);
/* Add v * x_i * x_j to a RAW QUBO (i == j: v * x_i); terms add up. */
CORTO_API corto_status corto_qubo_add(corto_qubo *qubo, int i, int j,
                                      double v);
CORTO_API corto_status corto_qubo_add_constant(corto_qubo *qubo, double v);

/*
 * Read a problem of `kind` from `path` (plain or gzip). `index` picks the
 * problem of a file holding several (bqp, mknap: 1-based; 0 = the first).
 * MIS reads DIMACS .clq (maximum clique: MIS of the complement) and .mis
 * (MIS of the graph as given); MDKP reads the OR-Library mknap1 /
 * mknapcb format; TSP reads TSPLIB. On failure diag says FILE:LINE: why.
 */
CORTO_API corto_status corto_qubo_read(corto_qubo **out, const char *path,
                                       corto_qubo_kind kind, int index,
                                       corto_diag *diag);
CORTO_API corto_qubo_kind corto_qubo_get_kind(const corto_qubo *qubo);
/* Original variables: vertices, items, facilities or cities. */
CORTO_API int corto_qubo_n(const corto_qubo *qubo);
/* Variables of the QUBO that corto builds with these options. */
CORTO_API int corto_qubo_n_vars(const corto_qubo *qubo,
                                const corto_qubo_options *opt);

/* Solve; *out (owned by the caller) holds a solution of the original
 * problem, repaired to feasibility where the problem has constraints. */
CORTO_API corto_status corto_qubo_solve(corto_qubo_result **out,
                                        const corto_qubo *qubo,
                                        const corto_qubo_options *opt);
CORTO_API void corto_qubo_result_destroy(corto_qubo_result *result);
/* Objective in the problem's own sense: bqp value, cut weight, set size,
 * profit (maximised), QAP cost, tour length, raw energy (minimised). */
CORTO_API double corto_qubo_result_objective(const corto_qubo_result *r);
CORTO_API int corto_qubo_result_feasible(const corto_qubo_result *r);
/* 1 when the solver's (expanded, decoded) answer broke a constraint and
 * repair changed it; 0 when it was feasible as found. */
CORTO_API int corto_qubo_result_repaired(const corto_qubo_result *r);
/* Borrowed: corto_qubo_n values, 0/1 per variable or, for QAP and TSP,
 * the 0-based location of each facility / the city at each position. */
CORTO_API const int *corto_qubo_result_values(const corto_qubo_result *r);
/* Variables the inner solver saw (after shrinking), CPU seconds. */
CORTO_API int corto_qubo_result_solved_vars(const corto_qubo_result *r);
CORTO_API double corto_qubo_result_seconds(const corto_qubo_result *r);
/* 1 when the exact solver proved the QUBO optimum. */
CORTO_API int corto_qubo_result_optimal(const corto_qubo_result *r);

/*
 * Write a result: for QAP the QAPLIB .sln form ("n cost", then the 1-based
 * permutation); otherwise line 1 the objective and line 2 the 0/1 value of
 * every variable (TSP: the 1-based cities in tour order). To `path`, or to
 * the FILE * `stream` when path is NULL.
 */
CORTO_API corto_status corto_qubo_write_result(const corto_qubo_result *r,
                                               const corto_qubo *qubo,
                                               const char *path, void *stream);

#ifdef __cplusplus
}
#endif

#endif /* CORTO_H */
