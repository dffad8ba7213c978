/*
 * bandit.h — online selectors for adaptive large neighbourhood search: each
 * iteration picks one of n arms, applies it, and reports how it went. An arm
 * is a plain index; the caller maps it to a (destroy, repair) pair, to a
 * destroy size, or to anything else it wants to learn online (one bandit per
 * decision: a second bandit over destroy sizes, say).
 *
 * Selectors (chosen by bandit_kind; defaults in bandit_params_init):
 *  - roulette wheel with adaptive weights updated after every use
 *    (Ropke & Pisinger 2006, with the per-iteration update of the `alns`
 *    package by Wouda & Lan);
 *  - segmented roulette wheel: weights fixed during a segment and updated
 *    from the segment's average score at its end (Ropke & Pisinger 2006);
 *  - UCB1 (Auer, Cesa-Bianchi & Fischer 2002);
 *  - alpha-UCB (Bubeck & Cesa-Bianchi 2012, in the form Hendel 2022 uses to
 *    pick LNS heuristics in SCIP);
 *  - Thompson sampling with Beta-Bernoulli posteriors (Thompson 1933;
 *    Chapelle & Li 2011), as in Balans (Cai, Kadioglu & Dilkina 2025);
 *  - EXP3 (Auer, Cesa-Bianchi, Freund & Schapire 2002);
 *  - epsilon-greedy (Sutton & Barto 2018, section 2.2).
 *
 * Rewards are given as one of four outcomes of the iteration; the score of
 * each outcome is a parameter. Selection and reward never allocate, and a
 * bandit is deterministic given the state of the rng passed to select.
 */
#ifndef CORTO_BANDIT_H
#define CORTO_BANDIT_H

#include "corto.h"
#include "rng.h"

#include <stdint.h>

typedef enum bandit_kind {
    BANDIT_ROULETTE,
    BANDIT_SEGMENTED_ROULETTE,
    BANDIT_UCB1,
    BANDIT_ALPHA_UCB,
    BANDIT_THOMPSON,
    BANDIT_EXP3,
    BANDIT_EPSILON_GREEDY
} bandit_kind;

#define BANDIT_N_KINDS 7

/* What became of the candidate an arm produced, best first. */
typedef enum bandit_outcome {
    OUTCOME_NEW_BEST, /* a new global best solution */
    OUTCOME_BETTER,   /* better than the current solution, not a new best */
    OUTCOME_ACCEPTED, /* not better, but accepted as the current solution */
    OUTCOME_REJECTED  /* rejected */
} bandit_outcome;

#define BANDIT_N_OUTCOMES 4

typedef struct bandit_params {
    /* Score of each outcome, indexed by bandit_outcome; >= 0, finite.
     * Default 33, 9, 13, 0: the sigma_1..3 Ropke & Pisinger tuned (an
     * accepted worse solution scores above a mere improvement, to reward
     * diversification). Selectors that need rewards in [0, 1] (UCB1,
     * alpha-UCB, EXP3) divide by the largest score. */
    double scores[BANDIT_N_OUTCOMES];
    /* Roulette wheels: share of the old weight kept at each update,
     * w = decay * w + (1 - decay) * score; in [0, 1], default 0.8.
     * Ropke & Pisinger's reaction factor r is 1 - decay (they used
     * r = 0.1 with segments of 100 iterations). */
    double decay;
    /* Segmented roulette: rewards per segment, >= 1, default 100. */
    int segment_length;
    /* UCB1 exploration multiplier c in mean + c sqrt(2 ln t / n); >= 0,
     * default 1 (Auer et al.'s index). */
    double ucb_c;
    /* alpha-UCB exploration alpha in mean + sqrt(alpha ln(1 + t) / n);
     * >= 0, default 0.1. */
    double alpha;
    /* Epsilon-greedy: probability of a uniformly random arm; in [0, 1],
     * default 0.1. */
    double epsilon;
    /* EXP3 exploration gamma; in (0, 1], default 0.1. */
    double exp3_gamma;
    /* Thompson sampling: an outcome counts as a success when it is this
     * outcome or a better one; default OUTCOME_BETTER (the candidate
     * improved on the current solution). */
    bandit_outcome thompson_success;
} bandit_params;

/* Per-arm statistics, for reporting (e.g. --verbose tables). */
typedef struct bandit_arm_stats {
    int64_t pulls; /* times bandit_select returned the arm */
    int64_t count[BANDIT_N_OUTCOMES]; /* rewards received, per outcome */
    double reward;                    /* sum of the scores of those outcomes */
} bandit_arm_stats;

typedef struct bandit bandit;

/* Fill p with the defaults documented above. */
void bandit_params_init(bandit_params *p);

/* Parse a selector name ("roulette", "segmented", "ucb1", "alpha-ucb",
 * "thompson", "exp3", "epsilon-greedy"); CORTO_ERR_OPTION if unknown,
 * *out unchanged then. */
corto_status bandit_kind_from_name(const char *name, bandit_kind *out);
/* The name of a kind (static storage); "unknown" when out of range. */
const char *bandit_kind_name(bandit_kind kind);

/*
 * Create a bandit over arms 0..n_arms-1 (n_arms >= 1). params may be NULL
 * for the defaults; it is copied. CORTO_ERR_ARGUMENT for a bad kind, arm
 * count or parameter, CORTO_ERR_NOMEM when out of memory; *out is NULL on
 * failure. The caller owns *out.
 */
corto_status bandit_create(bandit **out, bandit_kind kind, int n_arms,
                           const bandit_params *params);
/* Free b; NULL is a no-op. */
void bandit_destroy(bandit *b);

/* Choose the arm to pull next, drawing randomness from r only. */
int bandit_select(bandit *b, rng *r);
/*
 * Report the outcome of pulling `arm` (0 <= arm < n_arms; out-of-range arms
 * and outcomes are ignored). Normally called once after each select with
 * the arm it returned; EXP3 weighs the reward by the probability the arm had
 * at the latest select.
 */
void bandit_reward(bandit *b, int arm, bandit_outcome outcome);

int bandit_n_arms(const bandit *b);
bandit_kind bandit_get_kind(const bandit *b);
/* Borrowed statistics of one arm (NULL when arm is out of range), valid
 * until b is destroyed and updated in place by select and reward. */
const bandit_arm_stats *bandit_stats(const bandit *b, int arm);
/*
 * The selector's current view of one arm, for reporting: the weight for
 * roulette wheels, the mean normalised reward for UCB1, alpha-UCB and
 * epsilon-greedy, the posterior mean success rate for Thompson sampling,
 * the selection probability for EXP3. 0 for an arm out of range.
 */
double bandit_estimate(const bandit *b, int arm);

/* One draw from Beta(a, b), a, b > 0, as X / (X + Y) for independent
 * gamma variates X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia & Tsang 2000).
 * Exposed for testing; Thompson sampling draws through it. */
double bandit_sample_beta(rng *r, double a, double b);

#endif /* CORTO_BANDIT_H */
