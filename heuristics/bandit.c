/*
 * bandit.c — the arm selectors of heuristics/bandit.h: adaptive roulette
 * wheels (Ropke & Pisinger 2006), UCB1 (Auer, Cesa-Bianchi & Fischer 2002),
 * alpha-UCB (Hendel 2022), Beta-Bernoulli Thompson sampling (Chapelle & Li
 * 2011), EXP3 (Auer, Cesa-Bianchi, Freund & Schapire 2002) and
 * epsilon-greedy, plus the gamma and beta variates Thompson sampling needs
 * (Marsaglia & Tsang 2000).
 *
 * Implementation details. Every array is sized at creation, so select and
 * reward never allocate. Ties between arms of equal value are broken
 * uniformly at random (reservoir sampling over the tied arms), so no arm is
 * favoured by its index; the rng is only drawn on when a tie occurs, which
 * keeps the draws per call predictable. Selectors that rank arms by a mean
 * (UCB1, alpha-UCB, epsilon-greedy) first pull every arm that has not been
 * rewarded yet, as UCB1 prescribes: a mean over no observation is undefined.
 */
#include "bandit.h"
#include "util.h"

#include <float.h>
#include <math.h>
#include <string.h>

struct bandit {
    bandit_kind kind;
    int n;
    bandit_params p;
    double max_score; /* divisor that maps scores into [0, 1] */
    int64_t t;        /* rewards received, all arms together */
    int seg_done;     /* rewards received in the current segment */
    bandit_arm_stats *stats;
    int64_t *n_rew; /* rewards received per arm */
    /* Roulette wheels: the weight. UCB1, alpha-UCB, epsilon-greedy: the sum
     * of normalised rewards. EXP3: the logarithm of the weight. */
    double *value;
    double *seg_sum;  /* segmented roulette: scores in this segment */
    int64_t *seg_cnt; /* segmented roulette: rewards in this segment */
    double *prob;     /* EXP3: probabilities at the latest select;
                         other kinds: scratch values for arg max */
};

static const char *const bandit_names[BANDIT_N_KINDS] = {
    "roulette", "segmented", "ucb1",          "alpha-ucb",
    "thompson", "exp3",      "epsilon-greedy"};

void bandit_params_init(bandit_params *p)
{
    memset(p, 0, sizeof(*p));
    p->scores[OUTCOME_NEW_BEST] = 33.0;
    p->scores[OUTCOME_BETTER] = 9.0;
    p->scores[OUTCOME_ACCEPTED] = 13.0;
    p->scores[OUTCOME_REJECTED] = 0.0;
    p->decay = 0.8;
    p->segment_length = 100;
    p->ucb_c = 1.0;
    p->alpha = 0.1;
    p->epsilon = 0.1;
    p->exp3_gamma = 0.1;
    p->thompson_success = OUTCOME_BETTER;
}

corto_status bandit_kind_from_name(const char *name, bandit_kind *out)
{
    if (!name || !out)
        return CORTO_ERR_ARGUMENT;
    for (int k = 0; k < BANDIT_N_KINDS; k++)
        if (strcmp(name, bandit_names[k]) == 0) {
            *out = (bandit_kind)k;
            return CORTO_OK;
        }
    return CORTO_ERR_OPTION;
}

const char *bandit_kind_name(bandit_kind kind)
{
    if ((int)kind < 0 || (int)kind >= BANDIT_N_KINDS)
        return "unknown";
    return bandit_names[kind];
}

/* A finite number in [lo, hi] (NaN fails every comparison). */
static int bandit_in_range(double x, double lo, double hi)
{
    return x >= lo && x <= hi;
}

static int bandit_params_valid(const bandit_params *p)
{
    for (int o = 0; o < BANDIT_N_OUTCOMES; o++)
        if (!bandit_in_range(p->scores[o], 0.0, DBL_MAX))
            return 0;
    return bandit_in_range(p->decay, 0.0, 1.0) && p->segment_length >= 1 &&
           bandit_in_range(p->ucb_c, 0.0, DBL_MAX) &&
           bandit_in_range(p->alpha, 0.0, DBL_MAX) &&
           bandit_in_range(p->epsilon, 0.0, 1.0) && p->exp3_gamma > 0.0 &&
           p->exp3_gamma <= 1.0 && (int)p->thompson_success >= 0 &&
           (int)p->thompson_success < BANDIT_N_OUTCOMES;
}

corto_status bandit_create(bandit **out, bandit_kind kind, int n_arms,
                           const bandit_params *params)
{
    corto_status rc = CORTO_OK;
    bandit *b = NULL;
    if (!out)
        return CORTO_ERR_ARGUMENT;
    *out = NULL;
    bandit_params defaults;
    if (!params) {
        bandit_params_init(&defaults);
        params = &defaults;
    }
    if ((int)kind < 0 || (int)kind >= BANDIT_N_KINDS || n_arms < 1 ||
        !bandit_params_valid(params))
        return CORTO_ERR_ARGUMENT;

    CORTO_ALLOC(b, 1);
    b->kind = kind;
    b->n = n_arms;
    b->p = *params;
    b->max_score = 0.0;
    for (int o = 0; o < BANDIT_N_OUTCOMES; o++)
        if (params->scores[o] > b->max_score)
            b->max_score = params->scores[o];
    if (b->max_score <= 0.0)
        b->max_score = 1.0; /* all scores 0: every reward normalises to 0 */
    CORTO_ALLOC(b->stats, n_arms);
    CORTO_ALLOC(b->n_rew, n_arms);
    CORTO_ALLOC(b->value, n_arms);
    CORTO_ALLOC(b->seg_sum, n_arms);
    CORTO_ALLOC(b->seg_cnt, n_arms);
    CORTO_ALLOC(b->prob, n_arms);
    for (int a = 0; a < n_arms; a++) {
        /* Roulette wheels start with equal weights of 1; EXP3 with equal
         * weights (log 0) and uniform probabilities. */
        b->value[a] =
            (kind == BANDIT_ROULETTE || kind == BANDIT_SEGMENTED_ROULETTE)
                ? 1.0
                : 0.0;
        b->prob[a] = 1.0 / n_arms;
    }
    *out = b;
    b = NULL;

cleanup:
    bandit_destroy(b);
    return rc;
}

void bandit_destroy(bandit *b)
{
    if (!b)
        return;
    free(b->stats);
    free(b->n_rew);
    free(b->value);
    free(b->seg_sum);
    free(b->seg_cnt);
    free(b->prob);
    free(b);
}

int bandit_n_arms(const bandit *b)
{
    return b->n;
}

bandit_kind bandit_get_kind(const bandit *b)
{
    return b->kind;
}

const bandit_arm_stats *bandit_stats(const bandit *b, int arm)
{
    if (!b || arm < 0 || arm >= b->n)
        return NULL;
    return &b->stats[arm];
}

/* ---- random variates --------------------------------------------------- */

/* Standard normal variate by Marsaglia's polar method (the second variate
 * of each pair is dropped, so no state is kept between calls). */
static double bandit_normal(rng *r)
{
    double u, v, s;
    do {
        u = 2.0 * rng_uniform(r) - 1.0;
        v = 2.0 * rng_uniform(r) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return u * sqrt(-2.0 * log(s) / s);
}

/*
 * Gamma(a, 1) variate by Marsaglia & Tsang, "A simple method for generating
 * gamma variables", ACM TOMS 26(3), 2000: for a >= 1 a squeezed rejection
 * from a transformed normal, with d = a - 1/3 and c = 1 / sqrt(9 d); for
 * a < 1 their boost Gamma(a) = Gamma(a + 1) U^(1/a).
 */
static double bandit_gamma(rng *r, double a)
{
    if (a < 1.0) {
        double u = rng_uniform(r);
        double g = bandit_gamma(r, a + 1.0);
        return u > 0.0 ? g * exp(log(u) / a) : 0.0;
    }
    double d = a - 1.0 / 3.0;
    double c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = bandit_normal(r);
        double v = 1.0 + c * x;
        if (v <= 0.0)
            continue;
        v = v * v * v;
        double u = rng_uniform(r);
        double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2)
            return d * v;
        if (u > 0.0 && log(u) < 0.5 * x2 + d * (1.0 - v + log(v)))
            return d * v;
    }
}

double bandit_sample_beta(rng *r, double a, double b)
{
    double x = bandit_gamma(r, a);
    double y = bandit_gamma(r, b);
    if (x + y <= 0.0)
        return 0.5; /* both underflowed: only for tiny a and b */
    return x / (x + y);
}

/* ---- selection -----------------------------------------------------------
 */

/* Index of the largest of v[0..n-1], ties broken uniformly at random. */
static int bandit_argmax(const double *v, int n, rng *r)
{
    int best = 0;
    int ties = 1;
    for (int a = 1; a < n; a++) {
        if (v[a] > v[best]) {
            best = a;
            ties = 1;
        } else if (v[a] == v[best]) {
            ties++;
            if (rng_below(r, (uint64_t)ties) == 0)
                best = a;
        }
    }
    return best;
}

/* Draw an arm with probability proportional to w[a] >= 0; uniformly when
 * every weight is 0 (or the sum is not finite). */
static int bandit_wheel(const double *w, int n, rng *r)
{
    double total = 0.0;
    for (int a = 0; a < n; a++)
        total += w[a];
    if (!(total > 0.0 && total <= DBL_MAX))
        return (int)rng_below(r, (uint64_t)n);
    double x = rng_uniform(r) * total;
    int last = 0;
    for (int a = 0; a < n; a++) {
        if (w[a] <= 0.0)
            continue;
        last = a;
        if (x < w[a])
            return a;
        x -= w[a];
    }
    return last; /* rounding left x just above the last weight */
}

/* Mean normalised reward of an arm, +infinity before its first reward. */
static double bandit_mean_or_inf(const bandit *b, int a)
{
    return b->n_rew[a] > 0 ? b->value[a] / (double)b->n_rew[a] : INFINITY;
}

/*
 * UCB1 (Auer, Cesa-Bianchi & Fischer, "Finite-time analysis of the
 * multiarmed bandit problem", Machine Learning 47, 2002): the arm maximising
 * mean + c sqrt(2 ln t / n_a), t the rewards so far, rewards in [0, 1].
 * c = 1 is their index; a smaller c exploits sooner.
 */
static int bandit_select_ucb1(bandit *b, rng *r)
{
    double lt = b->t > 1 ? log((double)b->t) : 0.0;
    for (int a = 0; a < b->n; a++) {
        double m = bandit_mean_or_inf(b, a);
        b->prob[a] =
            isinf(m) ? m
                     : m + b->p.ucb_c * sqrt(2.0 * lt / (double)b->n_rew[a]);
    }
    return bandit_argmax(b->prob, b->n, r);
}

/*
 * alpha-UCB (Bubeck & Cesa-Bianchi, "Regret analysis of stochastic and
 * nonstochastic multi-armed bandit problems", 2012, section 2.2), in the
 * form Hendel ("Adaptive large neighborhood search for mixed integer
 * programming", Math. Prog. Comp. 14, 2022) uses to choose LNS heuristics:
 * mean + sqrt(alpha ln(1 + t) / n_a). Its alpha plays the role of 2 c^2
 * in UCB1; small values (<= 0.1) suit the low, skewed rewards of ALNS.
 */
static int bandit_select_alpha_ucb(bandit *b, rng *r)
{
    double lt = log(1.0 + (double)b->t);
    for (int a = 0; a < b->n; a++) {
        double m = bandit_mean_or_inf(b, a);
        b->prob[a] =
            isinf(m) ? m : m + sqrt(b->p.alpha * lt / (double)b->n_rew[a]);
    }
    return bandit_argmax(b->prob, b->n, r);
}

/* Successes and failures of an arm under the Thompson success threshold. */
static void bandit_beta_counts(const bandit *b, int a, double *succ,
                               double *fail)
{
    int64_t s = 0, f = 0;
    for (int o = 0; o < BANDIT_N_OUTCOMES; o++) {
        if (o <= (int)b->p.thompson_success)
            s += b->stats[a].count[o];
        else
            f += b->stats[a].count[o];
    }
    *succ = (double)s;
    *fail = (double)f;
}

/*
 * Thompson sampling for Bernoulli rewards (Thompson 1933; Chapelle & Li,
 * "An empirical evaluation of Thompson sampling", NIPS 2011): each arm's
 * success rate has a Beta(1 + successes, 1 + failures) posterior (uniform
 * prior); draw one rate per arm and pull the arm with the largest draw.
 * Balans (Cai, Kadioglu & Dilkina 2025) is one ALNS that selects by it.
 * The Beta-Bernoulli model needs a binary reward: an outcome at least as
 * good as params.thompson_success is a success, any other a failure.
 */
static int bandit_select_thompson(bandit *b, rng *r)
{
    for (int a = 0; a < b->n; a++) {
        double s, f;
        bandit_beta_counts(b, a, &s, &f);
        b->prob[a] = bandit_sample_beta(r, 1.0 + s, 1.0 + f);
    }
    return bandit_argmax(b->prob, b->n, r);
}

/* EXP3 probabilities p_a = (1 - gamma) w_a / sum w + gamma / K, from the
 * log weights (shifted by their maximum, so no weight overflows). */
static void bandit_exp3_probs(const bandit *b, double *p)
{
    double mx = b->value[0];
    for (int a = 1; a < b->n; a++)
        if (b->value[a] > mx)
            mx = b->value[a];
    double total = 0.0;
    for (int a = 0; a < b->n; a++) {
        p[a] = exp(b->value[a] - mx);
        total += p[a];
    }
    double g = b->p.exp3_gamma;
    for (int a = 0; a < b->n; a++)
        p[a] = (1.0 - g) * p[a] / total + g / b->n;
}

/*
 * EXP3 (Auer, Cesa-Bianchi, Freund & Schapire, "The nonstochastic
 * multiarmed bandit problem", SIAM J. Computing 32(1), 2002): draw from the
 * mixture of the exponential weights and the uniform distribution; on
 * reward x in [0, 1], the pulled arm's weight is multiplied by
 * exp(gamma x / (p_a K)), an unbiased estimate of its reward over all arms.
 */
static int bandit_select_exp3(bandit *b, rng *r)
{
    bandit_exp3_probs(b, b->prob);
    return bandit_wheel(b->prob, b->n, r);
}

/* Epsilon-greedy: a uniformly random arm with probability epsilon, else
 * the arm of largest mean reward (unrewarded arms first). */
static int bandit_select_greedy(bandit *b, rng *r)
{
    if (rng_uniform(r) < b->p.epsilon)
        return (int)rng_below(r, (uint64_t)b->n);
    for (int a = 0; a < b->n; a++)
        b->prob[a] = bandit_mean_or_inf(b, a);
    return bandit_argmax(b->prob, b->n, r);
}

int bandit_select(bandit *b, rng *r)
{
    int arm = 0;
    switch (b->kind) {
    case BANDIT_ROULETTE:
    case BANDIT_SEGMENTED_ROULETTE:
        arm = bandit_wheel(b->value, b->n, r);
        break;
    case BANDIT_UCB1:
        arm = bandit_select_ucb1(b, r);
        break;
    case BANDIT_ALPHA_UCB:
        arm = bandit_select_alpha_ucb(b, r);
        break;
    case BANDIT_THOMPSON:
        arm = bandit_select_thompson(b, r);
        break;
    case BANDIT_EXP3:
        arm = bandit_select_exp3(b, r);
        break;
    case BANDIT_EPSILON_GREEDY:
        arm = bandit_select_greedy(b, r);
        break;
    }
    b->stats[arm].pulls++;
    return arm;
}

/* ---- reward --------------------------------------------------------------
 */

/*
 * Ropke & Pisinger, "An adaptive large neighborhood search heuristic for
 * the pickup and delivery problem with time windows", Transportation
 * Science 40(4), 2006, section 3.4: at the end of each segment, the weight
 * of every arm used in it becomes w (1 - r) + r pi / theta, pi the arm's
 * scores in the segment and theta its uses; here r = 1 - decay. Arms not
 * used in the segment keep their weight.
 */
static void bandit_end_segment(bandit *b)
{
    double d = b->p.decay;
    for (int a = 0; a < b->n; a++) {
        if (b->seg_cnt[a] > 0)
            b->value[a] = d * b->value[a] +
                          (1.0 - d) * b->seg_sum[a] / (double)b->seg_cnt[a];
        b->seg_sum[a] = 0.0;
        b->seg_cnt[a] = 0;
    }
    b->seg_done = 0;
}

void bandit_reward(bandit *b, int arm, bandit_outcome outcome)
{
    if (!b || arm < 0 || arm >= b->n || (int)outcome < 0 ||
        (int)outcome >= BANDIT_N_OUTCOMES)
        return;
    double s = b->p.scores[outcome];
    double x = s / b->max_score; /* in [0, 1] */
    bandit_arm_stats *st = &b->stats[arm];
    st->count[outcome]++;
    st->reward += s;
    b->n_rew[arm]++;
    b->t++;

    switch (b->kind) {
    case BANDIT_ROULETTE:
        /* The per-use form of Ropke & Pisinger's update, as in the alns
         * package's RouletteWheel: an exponential moving average of the
         * arm's scores, so weights track a change in the best arm. */
        b->value[arm] = b->p.decay * b->value[arm] + (1.0 - b->p.decay) * s;
        break;
    case BANDIT_SEGMENTED_ROULETTE:
        b->seg_sum[arm] += s;
        b->seg_cnt[arm]++;
        if (++b->seg_done >= b->p.segment_length)
            bandit_end_segment(b);
        break;
    case BANDIT_UCB1:
    case BANDIT_ALPHA_UCB:
    case BANDIT_EPSILON_GREEDY:
        b->value[arm] += x;
        break;
    case BANDIT_THOMPSON:
        break; /* the posterior is read from the outcome counts */
    case BANDIT_EXP3: {
        double p = b->prob[arm] > 0.0 ? b->prob[arm] : 1.0 / b->n;
        b->value[arm] += b->p.exp3_gamma * x / (p * b->n);
        break;
    }
    }
}

double bandit_estimate(const bandit *b, int arm)
{
    if (!b || arm < 0 || arm >= b->n)
        return 0.0;
    switch (b->kind) {
    case BANDIT_ROULETTE:
    case BANDIT_SEGMENTED_ROULETTE:
        return b->value[arm];
    case BANDIT_UCB1:
    case BANDIT_ALPHA_UCB:
    case BANDIT_EPSILON_GREEDY:
        return b->n_rew[arm] > 0 ? b->value[arm] / (double)b->n_rew[arm] : 0.0;
    case BANDIT_THOMPSON: {
        double s, f;
        bandit_beta_counts(b, arm, &s, &f);
        return (1.0 + s) / (2.0 + s + f);
    }
    case BANDIT_EXP3: {
        /* Current probability, from the weights (not the stale prob[]). */
        double mx = b->value[0], total = 0.0;
        for (int a = 1; a < b->n; a++)
            if (b->value[a] > mx)
                mx = b->value[a];
        for (int a = 0; a < b->n; a++)
            total += exp(b->value[a] - mx);
        double g = b->p.exp3_gamma;
        return (1.0 - g) * exp(b->value[arm] - mx) / total + g / b->n;
    }
    }
    return 0.0;
}
