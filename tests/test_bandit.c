/*
 * test_bandit.c — the arm selectors of heuristics/bandit: convergence to
 * the best arm on synthetic outcome streams, tracking of a best arm that
 * changes, exact statistics and weight updates, determinism, parameter
 * edge cases and validation, the beta sampler's moments, and names.
 */
#include "bandit.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <string.h>

#define N_ARMS 5

/*
 * Outcome probabilities (new best, better, accepted, rejected) per arm. With
 * the default scores 33/9/13/0 the expected scores are 2.08, 3.51, 8.60,
 * 5.14 and 1.10: arm 2 is best, arm 3 second (normalised gap 0.105). For
 * Thompson sampling's default success (new best or better) the rates are
 * 0.06, 0.12, 0.40, 0.13, 0.05.
 */
static const double stream_a[N_ARMS][BANDIT_N_OUTCOMES] = {
    {0.01, 0.05, 0.10, 0.84},
    {0.02, 0.10, 0.15, 0.73},
    {0.10, 0.30, 0.20, 0.40},
    {0.03, 0.10, 0.25, 0.62},
    {0.00, 0.05, 0.05, 0.90}};
/* The same stream with arms 2 and 3 swapped: arm 3 becomes the best. */
static const double stream_b[N_ARMS][BANDIT_N_OUTCOMES] = {
    {0.01, 0.05, 0.10, 0.84},
    {0.02, 0.10, 0.15, 0.73},
    {0.03, 0.10, 0.25, 0.62},
    {0.10, 0.30, 0.20, 0.40},
    {0.00, 0.05, 0.05, 0.90}};

static bandit_outcome draw_outcome(rng *r, const double *p)
{
    double u = rng_uniform(r);
    for (int o = 0; o < BANDIT_N_OUTCOMES - 1; o++) {
        if (u < p[o])
            return (bandit_outcome)o;
        u -= p[o];
    }
    return OUTCOME_REJECTED;
}

/*
 * Pull n times: outcomes come from `before` for the first `switch_at`
 * pulls and from `after` from then on, drawn with an environment rng apart
 * from the selector's. Pull counts of the last `tail` pulls go to tail_cnt.
 */
static void run_stream(bandit *b, uint64_t seed, int n, int switch_at,
                       const double (*before)[BANDIT_N_OUTCOMES],
                       const double (*after)[BANDIT_N_OUTCOMES], int tail,
                       long *tail_cnt)
{
    rng sel, env;
    rng_seed(&sel, seed);
    rng_seed(&env, seed ^ 0x5eed5eedULL);
    for (int a = 0; a < bandit_n_arms(b); a++)
        tail_cnt[a] = 0;
    for (int i = 0; i < n; i++) {
        int arm = bandit_select(b, &sel);
        ck_assert_int_ge(arm, 0);
        ck_assert_int_lt(arm, bandit_n_arms(b));
        const double(*p)[BANDIT_N_OUTCOMES] = i < switch_at ? before : after;
        bandit_reward(b, arm, draw_outcome(&env, p[arm]));
        if (i >= n - tail)
            tail_cnt[arm]++;
    }
}

/*
 * Least share of the best arm over the last quarter of 4000 pulls, per
 * kind, with default parameters. A selector that learned nothing would give
 * 0.2. The roulette wheels draw arms in proportion to weights that track
 * mean scores, so they never concentrate fully (about 0.55 and 0.42 on
 * average); EXP3 and epsilon-greedy (gamma = epsilon = 0.1) cannot exceed
 * 0.92 by construction; UCB1's classic index keeps exploring (0.83 on
 * average). Each bound sits below the least share seen over 300 seeds
 * of this test's seeding (0.44, 0.35, 0.72, 0.92, 0.98, 0.84, 0.89).
 */
static const double converge_min_share[BANDIT_N_KINDS] = {
    [BANDIT_ROULETTE] = 0.35,      [BANDIT_SEGMENTED_ROULETTE] = 0.30,
    [BANDIT_UCB1] = 0.55,          [BANDIT_ALPHA_UCB] = 0.80,
    [BANDIT_THOMPSON] = 0.85,      [BANDIT_EXP3] = 0.75,
    [BANDIT_EPSILON_GREEDY] = 0.80};

START_TEST(each_kind_converges_to_best_arm)
{
    bandit_kind kind = (bandit_kind)_i;
    const int n = 4000, tail = n / 4;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        bandit *b = NULL;
        long cnt[N_ARMS];
        ck_assert_int_eq(bandit_create(&b, kind, N_ARMS, NULL), CORTO_OK);
        run_stream(b, seed, n, n, stream_a, stream_a, tail, cnt);
        for (int a = 0; a < N_ARMS; a++)
            if (a != 2)
                ck_assert_msg(cnt[2] > cnt[a], "%s seed %d: arm %d %ld >= %ld",
                              bandit_kind_name(kind), (int)seed, a, cnt[a],
                              cnt[2]);
        double share = (double)cnt[2] / tail;
        ck_assert_msg(share > converge_min_share[kind],
                      "%s seed %d: best arm share %.3f",
                      bandit_kind_name(kind), (int)seed, share);
        bandit_destroy(b);
    }
}
END_TEST

/*
 * The best arm changes after half of 4000 pulls. Over the last fifth, the
 * roulette wheels must pull the new best arm most, and more than the old
 * one (now second: a wheel that had frozen its weights would favour it).
 * Over 300 seeds (with this test's environment seeding) the new best arm
 * always led, with least shares 0.43 (roulette) and 0.36 (segmented); the
 * old best arm's share averaged 0.27 and 0.26.
 */
START_TEST(roulettes_follow_a_moving_best_arm)
{
    const bandit_kind kinds[] = {BANDIT_ROULETTE, BANDIT_SEGMENTED_ROULETTE};
    const double min_share[] = {0.35, 0.28};
    const int n = 4000, tail = n / 5;
    for (int k = 0; k < 2; k++)
        for (uint64_t seed = 1; seed <= 5; seed++) {
            bandit *b = NULL;
            long cnt[N_ARMS];
            ck_assert_int_eq(bandit_create(&b, kinds[k], N_ARMS, NULL),
                             CORTO_OK);
            run_stream(b, seed, n, n / 2, stream_a, stream_b, tail, cnt);
            for (int a = 0; a < N_ARMS; a++)
                if (a != 3)
                    ck_assert_int_gt(cnt[3], cnt[a]);
            ck_assert_double_gt((double)cnt[3] / tail, min_share[k]);
            bandit_destroy(b);
        }
}
END_TEST

/* Statistics match what the caller observed, exactly, for every kind. */
START_TEST(statistics_are_exact)
{
    bandit_params p;
    bandit_params_init(&p);
    for (int k = 0; k < BANDIT_N_KINDS; k++) {
        bandit *b = NULL;
        ck_assert_int_eq(bandit_create(&b, (bandit_kind)k, N_ARMS, &p),
                         CORTO_OK);
        long pulls[N_ARMS] = {0}, count[N_ARMS][BANDIT_N_OUTCOMES] = {{0}};
        double reward[N_ARMS] = {0};
        rng sel, env;
        rng_seed(&sel, 7);
        rng_seed(&env, 8);
        for (int i = 0; i < 1500; i++) {
            int arm = bandit_select(b, &sel);
            pulls[arm]++;
            /* Every third pull goes unrewarded: pulls and rewards differ. */
            if (i % 3 == 2)
                continue;
            bandit_outcome o = draw_outcome(&env, stream_a[arm]);
            count[arm][o]++;
            reward[arm] += p.scores[o];
            bandit_reward(b, arm, o);
        }
        long total = 0;
        for (int a = 0; a < N_ARMS; a++) {
            const bandit_arm_stats *st = bandit_stats(b, a);
            ck_assert_ptr_nonnull(st);
            ck_assert_int_eq(st->pulls, pulls[a]);
            for (int o = 0; o < BANDIT_N_OUTCOMES; o++)
                ck_assert_int_eq(st->count[o], count[a][o]);
            /* Integer scores: the sums are exact in double. */
            ck_assert_double_eq(st->reward, reward[a]);
            total += st->pulls;
        }
        ck_assert_int_eq(total, 1500);
        ck_assert_ptr_null(bandit_stats(b, -1));
        ck_assert_ptr_null(bandit_stats(b, N_ARMS));
        /* Out-of-range arms and outcomes are ignored. */
        bandit_arm_stats before = *bandit_stats(b, 0);
        bandit_reward(b, N_ARMS, OUTCOME_NEW_BEST);
        bandit_reward(b, -1, OUTCOME_NEW_BEST);
        bandit_reward(b, 0, (bandit_outcome)BANDIT_N_OUTCOMES);
        ck_assert_int_eq(memcmp(&before, bandit_stats(b, 0), sizeof(before)),
                         0);
        bandit_destroy(b);
    }
}
END_TEST

/* Same seed, same arms; another seed, other arms (for the kinds whose
 * choices are random beyond tie-breaking). */
START_TEST(same_seed_same_sequence)
{
    for (int k = 0; k < BANDIT_N_KINDS; k++) {
        bandit *b[3] = {NULL, NULL, NULL};
        rng sel[3], env[3];
        for (int j = 0; j < 3; j++) {
            ck_assert_int_eq(
                bandit_create(&b[j], (bandit_kind)k, N_ARMS, NULL), CORTO_OK);
            rng_seed(&sel[j], j < 2 ? 99 : 100);
            rng_seed(&env[j], 5);
        }
        int differ = 0;
        for (int i = 0; i < 600; i++) {
            int arm[3];
            for (int j = 0; j < 3; j++) {
                arm[j] = bandit_select(b[j], &sel[j]);
                bandit_reward(b[j], arm[j],
                              draw_outcome(&env[j], stream_a[arm[j]]));
            }
            ck_assert_int_eq(arm[0], arm[1]);
            differ += arm[0] != arm[2];
        }
        ck_assert_int_eq(memcmp(&sel[0], &sel[1], sizeof(rng)), 0);
        if (k != BANDIT_UCB1 && k != BANDIT_ALPHA_UCB)
            ck_assert_int_gt(differ, 0);
        for (int j = 0; j < 3; j++)
            bandit_destroy(b[j]);
    }
}
END_TEST

START_TEST(single_arm_always_chosen)
{
    for (int k = 0; k < BANDIT_N_KINDS; k++) {
        bandit *b = NULL;
        rng r;
        rng_seed(&r, 3);
        ck_assert_int_eq(bandit_create(&b, (bandit_kind)k, 1, NULL), CORTO_OK);
        for (int i = 0; i < 200; i++) {
            ck_assert_int_eq(bandit_select(b, &r), 0);
            bandit_reward(b, 0, (bandit_outcome)(i % BANDIT_N_OUTCOMES));
        }
        ck_assert_int_eq(bandit_stats(b, 0)->pulls, 200);
        double e = bandit_estimate(b, 0);
        ck_assert(isfinite(e) && e >= 0.0);
        if (k == BANDIT_EXP3)
            ck_assert_double_eq_tol(e, 1.0, 1e-12);
        bandit_destroy(b);
    }
}
END_TEST

/* Arm 3 always yields a new best, every other arm is always rejected. */
static void run_fixed(bandit *b, rng *r, int n)
{
    for (int i = 0; i < n; i++) {
        int arm = bandit_select(b, r);
        bandit_reward(b, arm, arm == 3 ? OUTCOME_NEW_BEST : OUTCOME_REJECTED);
    }
}

START_TEST(epsilon_zero_is_greedy_and_one_is_uniform)
{
    bandit_params p;
    bandit_params_init(&p);
    bandit *b = NULL;
    rng r;
    rng_seed(&r, 11);

    /* epsilon 0: each arm once (unrewarded arms first), then only arm 3. */
    p.epsilon = 0.0;
    ck_assert_int_eq(bandit_create(&b, BANDIT_EPSILON_GREEDY, N_ARMS, &p),
                     CORTO_OK);
    run_fixed(b, &r, 1000);
    for (int a = 0; a < N_ARMS; a++)
        ck_assert_int_eq(bandit_stats(b, a)->pulls, a == 3 ? 996 : 1);
    ck_assert_double_eq(bandit_estimate(b, 3), 1.0);
    ck_assert_double_eq(bandit_estimate(b, 0), 0.0);
    bandit_destroy(b);

    /* epsilon 1: uniform whatever the rewards; 10000 pulls give shares
     * within 0.03 of 0.2 (7.5 standard deviations). */
    p.epsilon = 1.0;
    ck_assert_int_eq(bandit_create(&b, BANDIT_EPSILON_GREEDY, N_ARMS, &p),
                     CORTO_OK);
    run_fixed(b, &r, 10000);
    for (int a = 0; a < N_ARMS; a++)
        ck_assert_double_eq_tol((double)bandit_stats(b, a)->pulls / 10000, 0.2,
                                0.03);
    bandit_destroy(b);
}
END_TEST

/* UCB1 and alpha-UCB try every arm once before pulling any arm twice. */
START_TEST(ucb_tries_every_arm_first)
{
    const bandit_kind kinds[] = {BANDIT_UCB1, BANDIT_ALPHA_UCB};
    for (int k = 0; k < 2; k++) {
        bandit *b = NULL;
        rng r;
        rng_seed(&r, 4);
        ck_assert_int_eq(bandit_create(&b, kinds[k], N_ARMS, NULL), CORTO_OK);
        run_fixed(b, &r, N_ARMS);
        for (int a = 0; a < N_ARMS; a++)
            ck_assert_int_eq(bandit_stats(b, a)->pulls, 1);
        /* Means are normalised by the largest score (33). */
        ck_assert_double_eq(bandit_estimate(b, 3), 1.0);
        ck_assert_double_eq(bandit_estimate(b, 1), 0.0);
        bandit_destroy(b);
    }
}
END_TEST

/* Hand-computed weights: w = decay w + (1 - decay) score per reward for the
 * roulette wheel; per segment, from the segment's mean score. */
START_TEST(roulette_weight_updates)
{
    bandit_params p;
    bandit_params_init(&p);
    p.decay = 0.75;
    p.segment_length = 4;
    bandit *b = NULL;

    ck_assert_int_eq(bandit_create(&b, BANDIT_ROULETTE, 3, &p), CORTO_OK);
    bandit_reward(b, 1, OUTCOME_NEW_BEST); /* 0.75 + 0.25 * 33 */
    ck_assert_double_eq_tol(bandit_estimate(b, 1), 9.0, 1e-12);
    bandit_reward(b, 1, OUTCOME_ACCEPTED); /* 6.75 + 0.25 * 13 */
    ck_assert_double_eq_tol(bandit_estimate(b, 1), 10.0, 1e-12);
    bandit_reward(b, 1, OUTCOME_REJECTED);
    ck_assert_double_eq_tol(bandit_estimate(b, 1), 7.5, 1e-12);
    ck_assert_double_eq(bandit_estimate(b, 0), 1.0);
    bandit_destroy(b);

    ck_assert_int_eq(bandit_create(&b, BANDIT_SEGMENTED_ROULETTE, 3, &p),
                     CORTO_OK);
    bandit_reward(b, 0, OUTCOME_NEW_BEST);
    bandit_reward(b, 0, OUTCOME_REJECTED);
    bandit_reward(b, 2, OUTCOME_BETTER);
    /* Within the segment the weights do not move. */
    for (int a = 0; a < 3; a++)
        ck_assert_double_eq(bandit_estimate(b, a), 1.0);
    bandit_reward(b, 0, OUTCOME_ACCEPTED);
    /* Segment end: arm 0 mean (33 + 0 + 13) / 3; arm 2 mean 9; arm 1
     * unused keeps its weight. */
    ck_assert_double_eq_tol(bandit_estimate(b, 0), 0.75 + 0.25 * 46.0 / 3.0,
                            1e-12);
    ck_assert_double_eq_tol(bandit_estimate(b, 2), 3.0, 1e-12);
    ck_assert_double_eq(bandit_estimate(b, 1), 1.0);
    bandit_destroy(b);
}
END_TEST

/*
 * EXP3 by hand: from uniform probabilities 1/5, a new best (x = 1) on arm 3
 * adds gamma x / (p K) = 0.1 to its log weight; the next reward divides by
 * the probability arm 3 had at the select before it.
 */
START_TEST(exp3_weight_updates)
{
    bandit *b = NULL;
    rng r;
    rng_seed(&r, 21);
    ck_assert_int_eq(bandit_create(&b, BANDIT_EXP3, N_ARMS, NULL), CORTO_OK);
    for (int a = 0; a < N_ARMS; a++)
        ck_assert_double_eq_tol(bandit_estimate(b, a), 0.2, 1e-12);
    (void)bandit_select(b, &r);
    bandit_reward(b, 3, OUTCOME_NEW_BEST);
    double w3 = exp(0.1);
    double p3 = 0.9 * w3 / (w3 + 4.0) + 0.02;
    ck_assert_double_eq_tol(bandit_estimate(b, 3), p3, 1e-12);
    ck_assert_double_eq_tol(bandit_estimate(b, 0), 0.9 / (w3 + 4.0) + 0.02,
                            1e-12);
    (void)bandit_select(b, &r);
    bandit_reward(b, 3, OUTCOME_ACCEPTED); /* x = 13 / 33 */
    w3 = exp(0.1 + 0.1 * (13.0 / 33.0) / (p3 * N_ARMS));
    ck_assert_double_eq_tol(bandit_estimate(b, 3),
                            0.9 * w3 / (w3 + 4.0) + 0.02, 1e-12);
    bandit_destroy(b);
}
END_TEST

/* EXP3's probabilities sum to one, keep the gamma / K floor, and move
 * towards a rewarded arm. */
START_TEST(exp3_probabilities)
{
    bandit *b = NULL;
    rng r;
    rng_seed(&r, 21);
    ck_assert_int_eq(bandit_create(&b, BANDIT_EXP3, N_ARMS, NULL), CORTO_OK);
    run_fixed(b, &r, 3000);
    double sum = 0.0;
    for (int a = 0; a < N_ARMS; a++) {
        double e = bandit_estimate(b, a);
        ck_assert_double_ge(e, 0.1 / N_ARMS - 1e-12);
        sum += e;
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-9);
    ck_assert_double_gt(bandit_estimate(b, 3), 0.9);
    bandit_destroy(b);
}
END_TEST

/* Ties are broken at random, not by index: a greedy bandit whose arms all
 * score the same spreads its pulls evenly (2000 pulls: shares within 0.05
 * of 0.2, 5.6 standard deviations). */
START_TEST(ties_are_broken_at_random)
{
    bandit_params p;
    bandit_params_init(&p);
    p.epsilon = 0.0;
    bandit *b = NULL;
    rng r;
    rng_seed(&r, 31);
    ck_assert_int_eq(bandit_create(&b, BANDIT_EPSILON_GREEDY, N_ARMS, &p),
                     CORTO_OK);
    for (int i = 0; i < 2000; i++)
        bandit_reward(b, bandit_select(b, &r), OUTCOME_REJECTED);
    for (int a = 0; a < N_ARMS; a++)
        ck_assert_double_eq_tol((double)bandit_stats(b, a)->pulls / 2000, 0.2,
                                0.05);
    bandit_destroy(b);
}
END_TEST

/*
 * The Thompson success threshold decides which arm is best: arm 0 is
 * accepted 90% of the time but never improves, arm 1 improves 30% of the
 * time and is rejected otherwise.
 */
START_TEST(thompson_success_threshold)
{
    static const double stream[2][BANDIT_N_OUTCOMES] = {{0.0, 0.0, 0.9, 0.1},
                                                        {0.0, 0.3, 0.0, 0.7}};
    const bandit_outcome thr[] = {OUTCOME_BETTER, OUTCOME_ACCEPTED};
    const int best[] = {1, 0};
    for (int k = 0; k < 2; k++) {
        bandit_params p;
        bandit_params_init(&p);
        p.thompson_success = thr[k];
        bandit *b = NULL;
        long cnt[2];
        ck_assert_int_eq(bandit_create(&b, BANDIT_THOMPSON, 2, &p), CORTO_OK);
        run_stream(b, 17, 1000, 1000, stream, stream, 500, cnt);
        ck_assert_int_gt(cnt[best[k]], 450);
        /* Posterior mean (1 + s) / (2 + s + f) from the outcome counts. */
        const bandit_arm_stats *st = bandit_stats(b, 0);
        double s = (double)(st->count[OUTCOME_ACCEPTED] * k);
        double n = (double)(st->count[OUTCOME_ACCEPTED] +
                            st->count[OUTCOME_REJECTED]);
        ck_assert_double_eq_tol(bandit_estimate(b, 0), (1 + s) / (2 + n),
                                1e-12);
        bandit_destroy(b);
    }
}
END_TEST

/* Sample mean and variance of Beta(a, b) against a / (a + b) and
 * a b / ((a + b)^2 (a + b + 1)), for shapes above and below 1. With 40000
 * draws the tolerances are over 5 standard errors. */
START_TEST(beta_sampler_moments)
{
    const double shapes[][2] = {{2.0, 5.0}, {0.5, 0.5}, {30.0, 3.0}};
    rng r;
    rng_seed(&r, 2024);
    for (int s = 0; s < 3; s++) {
        double a = shapes[s][0], bb = shapes[s][1];
        double mean = a / (a + bb);
        double var = a * bb / ((a + bb) * (a + bb) * (a + bb + 1.0));
        const int n = 40000;
        double sum = 0.0, sum2 = 0.0;
        for (int i = 0; i < n; i++) {
            double x = bandit_sample_beta(&r, a, bb);
            ck_assert(x >= 0.0 && x <= 1.0);
            sum += x;
            sum2 += x * x;
        }
        double m = sum / n;
        double v = sum2 / n - m * m;
        ck_assert_double_eq_tol(m, mean, 5.0 * sqrt(var / n) + 1e-4);
        ck_assert_double_eq_tol(v, var, 0.06 * var);
    }
}
END_TEST

START_TEST(create_validates_arguments)
{
    static int dummy;
    bandit *b = (bandit *)&dummy; /* non-NULL: must be reset to NULL */
    bandit_params p;

    ck_assert_int_eq(bandit_create(&b, BANDIT_UCB1, 0, NULL),
                     CORTO_ERR_ARGUMENT);
    ck_assert_ptr_null(b);
    ck_assert_int_eq(bandit_create(&b, (bandit_kind)BANDIT_N_KINDS, 3, NULL),
                     CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(bandit_create(NULL, BANDIT_UCB1, 3, NULL),
                     CORTO_ERR_ARGUMENT);

    /* One bad field at a time. */
    for (int c = 0; c < 9; c++) {
        bandit_params_init(&p);
        switch (c) {
        case 0:
            p.decay = 1.5;
            break;
        case 1:
            p.segment_length = 0;
            break;
        case 2:
            p.ucb_c = -1.0;
            break;
        case 3:
            p.alpha = NAN;
            break;
        case 4:
            p.epsilon = -0.1;
            break;
        case 5:
            p.exp3_gamma = 0.0;
            break;
        case 6:
            p.scores[OUTCOME_BETTER] = -1.0;
            break;
        case 7:
            p.scores[OUTCOME_NEW_BEST] = INFINITY;
            break;
        case 8:
            p.thompson_success = (bandit_outcome)BANDIT_N_OUTCOMES;
            break;
        }
        b = NULL;
        ck_assert_int_eq(bandit_create(&b, BANDIT_ROULETTE, 3, &p),
                         CORTO_ERR_ARGUMENT);
        ck_assert_ptr_null(b);
    }

    /* Boundary values are valid, all-zero scores included. */
    bandit_params_init(&p);
    p.decay = 0.0;
    p.epsilon = 1.0;
    p.exp3_gamma = 1.0;
    p.alpha = 0.0;
    p.ucb_c = 0.0;
    for (int o = 0; o < BANDIT_N_OUTCOMES; o++)
        p.scores[o] = 0.0;
    for (int k = 0; k < BANDIT_N_KINDS; k++) {
        rng r;
        rng_seed(&r, 1);
        ck_assert_int_eq(bandit_create(&b, (bandit_kind)k, 4, &p), CORTO_OK);
        run_fixed(b, &r, 100);
        ck_assert_int_eq(bandit_get_kind(b), k);
        ck_assert_int_eq(bandit_n_arms(b), 4);
        bandit_destroy(b);
    }
    bandit_destroy(NULL);
}
END_TEST

START_TEST(names_round_trip)
{
    for (int k = 0; k < BANDIT_N_KINDS; k++) {
        bandit_kind back = BANDIT_N_KINDS;
        const char *name = bandit_kind_name((bandit_kind)k);
        ck_assert_str_ne(name, "unknown");
        ck_assert_int_eq(bandit_kind_from_name(name, &back), CORTO_OK);
        ck_assert_int_eq(back, k);
    }
    ck_assert_str_eq(bandit_kind_name(BANDIT_ALPHA_UCB), "alpha-ucb");
    ck_assert_str_eq(bandit_kind_name((bandit_kind)99), "unknown");
    bandit_kind kept = BANDIT_EXP3;
    ck_assert_int_eq(bandit_kind_from_name("ucb2", &kept), CORTO_ERR_OPTION);
    ck_assert_int_eq(bandit_kind_from_name("", &kept), CORTO_ERR_OPTION);
    ck_assert_int_eq(kept, BANDIT_EXP3);
    ck_assert_int_eq(bandit_kind_from_name(NULL, &kept), CORTO_ERR_ARGUMENT);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bandit");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, each_kind_converges_to_best_arm, 0,
                        BANDIT_N_KINDS);
    tcase_add_test(tc, roulettes_follow_a_moving_best_arm);
    tcase_add_test(tc, statistics_are_exact);
    tcase_add_test(tc, same_seed_same_sequence);
    tcase_add_test(tc, single_arm_always_chosen);
    tcase_add_test(tc, epsilon_zero_is_greedy_and_one_is_uniform);
    tcase_add_test(tc, ucb_tries_every_arm_first);
    tcase_add_test(tc, roulette_weight_updates);
    tcase_add_test(tc, exp3_weight_updates);
    tcase_add_test(tc, exp3_probabilities);
    tcase_add_test(tc, ties_are_broken_at_random);
    tcase_add_test(tc, thompson_success_threshold);
    tcase_add_test(tc, beta_sampler_moments);
    tcase_add_test(tc, create_validates_arguments);
    tcase_add_test(tc, names_round_trip);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
