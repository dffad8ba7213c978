/*
 * accept.h — move acceptance criteria for the ALNS loop: simulated
 * annealing, record-to-record travel, late acceptance hill climbing, great
 * deluge and plain hill climbing behind one interface, so that the schedule
 * is a swappable part of the search (the acceptance criteria compared for
 * ALNS by Santini, Ropke & Hvattum 2018, "A comparison of acceptance
 * criteria for the adaptive large neighbourhood search metaheuristic",
 * J. Heuristics 24(5)).
 *
 * Every criterion accepts a candidate that is no worse than the current
 * solution; they differ in which worse candidates they let through.
 *
 * Schedules are driven by the search progress in [0, 1]: the elapsed
 * fraction of the time limit or of the iteration limit (the larger of the
 * two when both are set, see accept_progress()). The same criterion thus
 * serves time- and iteration-limited runs. A negative progress means "no
 * limit known" (a run stopped only by iterations without improvement or by
 * the user); the criterion then advances its own progress by one step per
 * call, see accept_params.decay.
 *
 * Costs are int64 and exact; doubles are used only for probabilities,
 * temperatures and thresholds. Comparisons against thresholds are exact
 * while costs stay below 2^53 in magnitude.
 */
#ifndef CORTO_ACCEPT_H
#define CORTO_ACCEPT_H

#include "corto.h"
#include "rng.h"

#include <stdint.h>

typedef enum accept_kind {
    ACCEPT_SA,           /* simulated annealing ("sa") */
    ACCEPT_RRT,          /* record-to-record travel ("rrt") */
    ACCEPT_LAHC,         /* late acceptance hill climbing ("lahc") */
    ACCEPT_GREAT_DELUGE, /* great deluge ("great-deluge") */
    ACCEPT_HILL_CLIMB,   /* improving or equal only ("hill-climb") */
    ACCEPT_KIND_COUNT    /* number of kinds, not a kind */
} accept_kind;

/* Name of a kind ("sa", "rrt", ...); NULL for a value out of range. */
const char *accept_kind_name(accept_kind kind);
/* Kind named `name` (as accept_kind_name writes it); CORTO_ERR_ARGUMENT
 * for NULL or an unknown name, leaving *out unchanged. */
corto_status accept_kind_parse(accept_kind *out, const char *name);

/*
 * Parameters of all criteria; accept_params_init() sets the defaults in
 * brackets. Fractions are relative to the magnitude of a cost (|cost|), so
 * they keep their meaning for objectives that go negative (prizes).
 */
typedef struct accept_params {
    /* Simulated annealing. The start temperature T0 is chosen so that a
     * candidate worse than the current one by sa_start_worse * |initial
     * cost| is accepted with probability sa_start_accept at progress 0
     * (Ropke & Pisinger 2006): T0 = -(w * |initial|) / ln(p). The
     * temperature falls exponentially to sa_end_ratio * T0 at progress 1. */
    double sa_start_worse;  /* w, > 0 [0.05] */
    double sa_start_accept; /* p, in (0, 1) [0.5] */
    double sa_end_ratio;    /* T_end / T0, in (0, 1] [0.01] */
    /* Record-to-record travel: a candidate is accepted when it is below
     * best + t * |best|, t falling linearly from rrt_start to rrt_end. */
    double rrt_start; /* >= rrt_end [0.05] */
    double rrt_end;   /* >= 0 [0] */
    /* Late acceptance: history length L (Burke & Bykov 2017). */
    int lahc_length; /* 1 .. ACCEPT_LAHC_MAX [1000] */
    /* Great deluge: the water level starts at initial + deluge_start *
     * |initial| and is lowered linearly to best + deluge_end * |best| at
     * progress 1; it never rises. */
    double deluge_start; /* >= deluge_end [0.05] */
    double deluge_end;   /* >= 0 [0] */
    /* Without a known progress, progress advances per call so that the SA
     * temperature falls by this factor per call (the cooling rate of Ropke
     * & Pisinger 2006), reaching progress 1 after ln(sa_end_ratio) /
     * ln(decay) calls (18,418 with the defaults); the other schedules
     * follow the same progress. In (0, 1) [0.99975]. */
    double decay;
} accept_params;

/* Longest LAHC history accepted (keeps the allocation bounded). */
#define ACCEPT_LAHC_MAX (1 << 24)

/* Fill p with the defaults listed in accept_params. */
void accept_params_init(accept_params *p);

/* One acceptance criterion with its schedule state; opaque. */
typedef struct accept_criterion accept_criterion;

/*
 * Create a criterion of `kind` for a search that starts from a solution of
 * cost initial_cost. params may be NULL for the defaults; every field is
 * checked (not only those of `kind`), and an out-of-range or NaN value, an
 * unknown kind or a NULL out gives CORTO_ERR_ARGUMENT. On failure *out is
 * NULL. The result is owned by the caller (accept_destroy).
 */
corto_status accept_create(accept_criterion **out, accept_kind kind,
                           const accept_params *params, int64_t initial_cost);
/* Free a criterion; NULL is a no-op. */
void accept_destroy(accept_criterion *a);

/*
 * Decide whether the search moves from the current solution to the
 * candidate: 1 to accept, 0 to reject. Call once per iteration, in order,
 * with best_cost <= current_cost the best cost found so far (before this
 * candidate) and progress as described at the top of this file (values
 * above 1 count as 1). Only simulated annealing draws from r, and only for
 * a candidate worse than the current one; r may be NULL for the other
 * kinds (SA then rejects every worse candidate). Same state, arguments and rng
 * state give the same answer. Does not allocate.
 */
int accept_decide(accept_criterion *a, int64_t candidate_cost,
                  int64_t current_cost, int64_t best_cost, double progress,
                  rng *r);

/*
 * The value the last accept_decide compared against, for logs and tests:
 * the temperature (SA), the cost a candidate had to stay below (RRT and
 * great deluge), the history cost it had to match (LAHC), or the current
 * cost (hill climbing). Before the first call: T0 for SA, the initial water
 * level for great deluge, and the initial cost otherwise.
 */
double accept_threshold(const accept_criterion *a);

/*
 * Search progress in [0, 1] from the elapsed seconds and iterations: the
 * larger of elapsed / time_limit and iterations / iteration_limit, over
 * the limits that are set (> 0), capped at 1; -1 when neither is set.
 */
double accept_progress(double elapsed, double time_limit, int64_t iterations,
                       int64_t iteration_limit);

#endif /* CORTO_ACCEPT_H */
