/*
 * accept.c — acceptance criteria for the ALNS loop (see accept.h).
 *
 * - Simulated annealing (Kirkpatrick, Gelatt & Vecchi 1983, "Optimization
 *   by simulated annealing", Science 220): a candidate worse by d > 0 is
 *   accepted with probability exp(-d / T). The start temperature follows
 *   Ropke & Pisinger 2006 ("An adaptive large neighborhood search heuristic
 *   for the pickup and delivery problem with time windows", Transportation
 *   Science 40(4)); the temperature then falls exponentially in progress,
 *   T(p) = T0 * (T_end / T0)^p, which is their geometric per-iteration
 *   cooling spread over a known horizon.
 * - Record-to-record travel (Dueck 1993, "New optimization heuristics: the
 *   great deluge algorithm and the record-to-record travel", J. Comput.
 *   Physics 104): accept a candidate below the record (best cost) plus an
 *   allowed deviation; here the deviation shrinks linearly in progress, the
 *   variant Santini, Ropke & Hvattum 2018 found consistently undominated.
 * - Great deluge (Dueck 1993): accept a candidate below a water level that
 *   is lowered steadily. The linear descent from the initial cost to a
 *   final level follows the degraded ceiling of Burke, Bykov, Newall &
 *   Petrovic 2004 ("A time-predefined local search approach to exam
 *   timetabling problems", IIE Transactions 36(6)), who also accept any
 *   candidate no worse than the current one. Their final level is an
 *   estimate of the attainable cost; here it is the best cost found so far
 *   plus deluge_end, so no estimate is needed.
 * - Late acceptance hill climbing (Burke & Bykov 2017, "The late
 *   acceptance hill-climbing heuristic", EJOR 258(1)): accept a candidate
 *   no worse than the current cost or than the current cost of L
 *   iterations ago, kept in a ring buffer.
 * - Hill climbing: improving or equal candidates only.
 *
 * Every criterion accepts a candidate no worse than the current solution.
 * For RRT and great deluge this is an addition to Dueck's rule: once the
 * band has shrunk below the current cost, the pure rule would reject even
 * improving candidates and stall the walk.
 */
#include "accept.h"
#include "util.h"

#include <math.h>
#include <string.h>

struct accept_criterion {
    accept_kind kind;
    accept_params par;
    int64_t calls; /* accept_decide calls so far */
    double t0;     /* SA start temperature */
    double level0; /* great deluge start level */
    double level;  /* great deluge water level (never rises) */
    double last;   /* what the last decision compared against */
    int64_t *hist; /* LAHC ring buffer of lahc_length costs */
};

static const char *const accept_names[ACCEPT_KIND_COUNT] = {
    [ACCEPT_SA] = "sa",
    [ACCEPT_RRT] = "rrt",
    [ACCEPT_LAHC] = "lahc",
    [ACCEPT_GREAT_DELUGE] = "great-deluge",
    [ACCEPT_HILL_CLIMB] = "hill-climb",
};

const char *accept_kind_name(accept_kind kind)
{
    if ((int)kind < 0 || kind >= ACCEPT_KIND_COUNT)
        return NULL;
    return accept_names[kind];
}

corto_status accept_kind_parse(accept_kind *out, const char *name)
{
    if (!out || !name)
        return CORTO_ERR_ARGUMENT;
    for (int k = 0; k < ACCEPT_KIND_COUNT; k++) {
        if (strcmp(name, accept_names[k]) == 0) {
            *out = (accept_kind)k;
            return CORTO_OK;
        }
    }
    return CORTO_ERR_ARGUMENT;
}

void accept_params_init(accept_params *p)
{
    p->sa_start_worse = 0.05;
    p->sa_start_accept = 0.5;
    p->sa_end_ratio = 0.01;
    p->rrt_start = 0.05;
    p->rrt_end = 0.0;
    p->lahc_length = 1000;
    p->deluge_start = 0.05;
    p->deluge_end = 0.0;
    p->decay = 0.99975;
}

/* lo < x < hi, or lo <= x when closed_lo, or x <= hi when closed_hi; false
 * for NaN, since every comparison with NaN fails. */
static int accept_between(double x, double lo, int closed_lo, double hi,
                          int closed_hi)
{
    return (closed_lo ? x >= lo : x > lo) && (closed_hi ? x <= hi : x < hi);
}

/* Every field in range; NaN and infinities are rejected. */
static int accept_params_valid(const accept_params *p)
{
    return accept_between(p->sa_start_worse, 0.0, 0, INFINITY, 0) &&
           accept_between(p->sa_start_accept, 0.0, 0, 1.0, 0) &&
           accept_between(p->sa_end_ratio, 0.0, 0, 1.0, 1) &&
           accept_between(p->rrt_end, 0.0, 1, INFINITY, 0) &&
           accept_between(p->rrt_start, p->rrt_end, 1, INFINITY, 0) &&
           p->lahc_length >= 1 && p->lahc_length <= ACCEPT_LAHC_MAX &&
           accept_between(p->deluge_end, 0.0, 1, INFINITY, 0) &&
           accept_between(p->deluge_start, p->deluge_end, 1, INFINITY, 0) &&
           accept_between(p->decay, 0.0, 0, 1.0, 0);
}

corto_status accept_create(accept_criterion **out, accept_kind kind,
                           const accept_params *params, int64_t initial_cost)
{
    corto_status rc = CORTO_OK;
    accept_criterion *a = NULL;
    accept_params defaults;
    if (!out)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    if (!params) {
        accept_params_init(&defaults);
        params = &defaults;
    }
    if ((int)kind < 0 || kind >= ACCEPT_KIND_COUNT ||
        !accept_params_valid(params))
        return CORTO_ERR_ARGUMENT;

    CORTO_ALLOC(a, 1);
    a->kind = kind;
    a->par = *params;
    double mag = fabs((double)initial_cost);
    /* T0 = 0 for a zero initial cost: SA then acts as hill climbing. */
    a->t0 = -(params->sa_start_worse * mag) / log(params->sa_start_accept);
    a->level0 = (double)initial_cost + params->deluge_start * mag;
    a->level = a->level0;
    if (kind == ACCEPT_LAHC) {
        CORTO_ALLOC(a->hist, params->lahc_length);
        for (int i = 0; i < params->lahc_length; i++)
            a->hist[i] = initial_cost;
    }
    switch (kind) {
    case ACCEPT_SA:
        a->last = a->t0;
        break;
    case ACCEPT_GREAT_DELUGE:
        a->last = a->level;
        break;
    default:
        a->last = (double)initial_cost;
        break;
    }
    *out = a;
    a = NULL;

cleanup:
    accept_destroy(a);
    return rc;
}

void accept_destroy(accept_criterion *a)
{
    if (!a)
        return;
    free(a->hist);
    free(a);
}

/*
 * Progress used by the schedules: the caller's value clamped to [0, 1], or,
 * when it is negative or NaN, the progress reached after a->calls calls at
 * which SA's exponential schedule equals geometric cooling by par.decay per
 * call: T0 * ratio^p = T0 * decay^calls, so p = calls * ln(decay) /
 * ln(ratio). With sa_end_ratio 1 (constant temperature) the fallback runs
 * to 1 at once, which leaves SA unchanged and makes the other schedules
 * start at their end values.
 */
static double accept_effective_progress(const accept_criterion *a,
                                        double progress)
{
    if (progress >= 0.0)
        return progress > 1.0 ? 1.0 : progress;
    if (a->par.sa_end_ratio >= 1.0)
        return 1.0;
    double p = (double)a->calls * log(a->par.decay) / log(a->par.sa_end_ratio);
    return p > 1.0 ? 1.0 : p;
}

/* Simulated annealing on a candidate worse than the current one by d > 0. */
static int accept_sa(accept_criterion *a, double d, double p, rng *r)
{
    double t = a->t0 * pow(a->par.sa_end_ratio, p);
    a->last = t;
    if (!(t > 0.0) || !r)
        return 0;
    /* u is uniform in [0, 1), so P(u < x) = x exactly. */
    return rng_uniform(r) < exp(-d / t);
}

int accept_decide(accept_criterion *a, int64_t candidate_cost,
                  int64_t current_cost, int64_t best_cost, double progress,
                  rng *r)
{
    double p = accept_effective_progress(a, progress);
    double cand = (double)candidate_cost;
    double best = (double)best_cost;
    int ok = candidate_cost <= current_cost;
    a->calls++;

    switch (a->kind) {
    case ACCEPT_SA:
        if (ok)
            a->last = a->t0 * pow(a->par.sa_end_ratio, p);
        else
            ok = accept_sa(a, cand - (double)current_cost, p, r);
        break;
    case ACCEPT_RRT: {
        double t = a->par.rrt_start + (a->par.rrt_end - a->par.rrt_start) * p;
        a->last = best + t * fabs(best);
        ok = ok || cand < a->last;
        break;
    }
    case ACCEPT_GREAT_DELUGE: {
        double end = best + a->par.deluge_end * fabs(best);
        double level = a->level0 + (end - a->level0) * p;
        if (level < a->level)
            a->level = level;
        a->last = a->level;
        ok = ok || cand < a->level;
        break;
    }
    case ACCEPT_LAHC: {
        /* Burke & Bykov 2017: compare with f[v], v = I mod L, then
         * store the current cost (after the decision) in f[v]. */
        int64_t v = (a->calls - 1) % a->par.lahc_length;
        a->last = (double)a->hist[v];
        ok = ok || candidate_cost <= a->hist[v];
        a->hist[v] = ok ? candidate_cost : current_cost;
        break;
    }
    case ACCEPT_HILL_CLIMB:
    default:
        a->last = (double)current_cost;
        break;
    }
    return ok;
}

double accept_threshold(const accept_criterion *a)
{
    return a->last;
}

double accept_progress(double elapsed, double time_limit, int64_t iterations,
                       int64_t iteration_limit)
{
    double p = -1.0;
    if (time_limit > 0.0) {
        double f = elapsed / time_limit;
        p = f > 0.0 ? f : 0.0;
    }
    if (iteration_limit > 0) {
        double f = (double)iterations / (double)iteration_limit;
        if (f < 0.0)
            f = 0.0;
        if (f > p)
            p = f;
    }
    return p > 1.0 ? 1.0 : p;
}
