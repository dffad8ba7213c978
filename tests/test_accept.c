/*
 * test_accept.c — the acceptance criteria of heuristics/accept: each one
 * behaves as its definition says (boundaries computed by hand, SA
 * probabilities checked against exp(-d / T) by sampling), parameters are
 * checked, and decisions are reproducible from a seed.
 */
#include "accept.h"
#include "rng.h"
#include "test_util.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>

/* Draws per SA frequency estimate. The standard error of a frequency is at
 * most sqrt(0.25 / N) = 0.0035; the tolerance below is 5.6 of those, so a
 * correct implementation fails for fewer than 1e-7 of all seeds, while a
 * wrong temperature (say, T0 off by 10%) moves the 0.5 target by > 0.03. */
#define SA_DRAWS 20000
#define SA_TOL   0.02

static accept_criterion *make(accept_kind kind, const accept_params *p,
                              int64_t init)
{
    accept_criterion *a = NULL;
    ck_assert_int_eq(accept_create(&a, kind, p, init), CORTO_OK);
    ck_assert_ptr_nonnull(a);
    return a;
}

/* Frequency with which a fresh-state SA accepts a move worse by d at
 * the given progress. */
static double sa_frequency(accept_criterion *a, int64_t cur, int64_t d,
                           double progress, rng *r)
{
    int n = 0;
    for (int i = 0; i < SA_DRAWS; i++)
        n += accept_decide(a, cur + d, cur, cur, progress, r);
    return (double)n / SA_DRAWS;
}

START_TEST(kind_names_round_trip)
{
    for (int k = 0; k < ACCEPT_KIND_COUNT; k++) {
        accept_kind got = ACCEPT_KIND_COUNT;
        const char *name = accept_kind_name((accept_kind)k);
        ck_assert_ptr_nonnull(name);
        ck_assert_int_eq(accept_kind_parse(&got, name), CORTO_OK);
        ck_assert_int_eq(got, k);
    }
    ck_assert_str_eq(accept_kind_name(ACCEPT_GREAT_DELUGE), "great-deluge");
    ck_assert_str_eq(accept_kind_name(ACCEPT_HILL_CLIMB), "hill-climb");
    ck_assert_ptr_null(accept_kind_name(ACCEPT_KIND_COUNT));
    accept_kind k = ACCEPT_LAHC;
    ck_assert_int_eq(accept_kind_parse(&k, "annealing"), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(accept_kind_parse(&k, "SA"), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(accept_kind_parse(&k, NULL), CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(k, ACCEPT_LAHC);
}
END_TEST

/* Every criterion takes any candidate no worse than the current one, at
 * any progress and for any best cost. */
START_TEST(improving_or_equal_always_accepted)
{
    rng r;
    rng_seed(&r, 7);
    accept_params p;
    accept_params_init(&p);
    p.lahc_length = 5;
    for (int k = 0; k < ACCEPT_KIND_COUNT; k++) {
        accept_criterion *a = make((accept_kind)k, &p, 1000);
        for (int i = 0; i < 2000; i++) {
            int64_t cur = 500 + (int64_t)rng_below(&r, 1000);
            int64_t best = cur - (int64_t)rng_below(&r, 400);
            int64_t cand = cur - (int64_t)rng_below(&r, 600);
            double prog = (i % 3 == 0) ? -1.0 : rng_uniform(&r);
            ck_assert_msg(accept_decide(a, cand, cur, best, prog, &r),
                          "%s rejected %lld from %lld",
                          accept_kind_name((accept_kind)k), (long long)cand,
                          (long long)cur);
        }
        accept_destroy(a);
    }
}
END_TEST

START_TEST(hill_climb_rejects_every_worsening)
{
    accept_criterion *a = make(ACCEPT_HILL_CLIMB, NULL, 1000);
    for (int64_t d = 1; d < 3000; d += 7) {
        ck_assert(!accept_decide(a, 1000 + d, 1000, 900, 0.0, NULL));
        ck_assert(!accept_decide(a, 1000 + d, 1000, 1000, -1.0, NULL));
    }
    ck_assert(!accept_decide(a, 1001, 1000, 1000, 1.0, NULL));
    ck_assert(accept_decide(a, 1000, 1000, 1000, 1.0, NULL));
    ck_assert(accept_decide(a, 999, 1000, 1000, 1.0, NULL));
    accept_destroy(a);
}
END_TEST

/* Ropke & Pisinger's rule: at progress 0 a move worse by w * initial is
 * accepted with probability p; T0 = w * initial / ln(1/p). */
START_TEST(sa_start_temperature_and_probability)
{
    rng r;
    rng_seed(&r, 11);
    accept_params p;
    accept_params_init(&p);
    p.sa_start_worse = 0.05;
    p.sa_start_accept = 0.5;
    accept_criterion *a = make(ACCEPT_SA, &p, 10000);
    ck_assert_double_eq_tol(accept_threshold(a), 500.0 / log(2.0), 1e-9);

    double f = sa_frequency(a, 10000, 500, 0.0, &r);
    ck_assert_double_eq_tol(f, 0.5, SA_TOL);
    ck_assert_double_eq_tol(accept_threshold(a), 500.0 / log(2.0), 1e-9);
    /* T0 depends on the initial cost, not on the current one. */
    f = sa_frequency(a, 20000, 500, 0.0, &r);
    ck_assert_double_eq_tol(f, 0.5, SA_TOL);
    accept_destroy(a);

    /* Another target: a 2% worse move taken 1 time in 5. */
    p.sa_start_worse = 0.02;
    p.sa_start_accept = 0.2;
    a = make(ACCEPT_SA, &p, 50000);
    f = sa_frequency(a, 40000, 1000, 0.0, &r);
    ck_assert_double_eq_tol(f, 0.2, SA_TOL);
    accept_destroy(a);
}
END_TEST

/* At progress 1 the temperature is sa_end_ratio * T0: the start move is
 * then accepted with probability 0.5^100, i.e. never in 20,000 draws. */
START_TEST(sa_almost_never_at_end)
{
    rng r;
    rng_seed(&r, 12);
    accept_criterion *a =
        make(ACCEPT_SA, NULL, 10000); /* defaults: 0.05, 0.5, 0.01 */
    ck_assert_double_eq_tol(accept_threshold(a), 500.0 / log(2.0), 1e-9);
    double f = sa_frequency(a, 10000, 500, 1.0, &r);
    ck_assert_double_eq(f, 0.0);
    ck_assert_double_eq_tol(accept_threshold(a), 5.0 / log(2.0), 1e-9);
    /* Progress beyond 1 counts as 1. */
    ck_assert_double_eq(sa_frequency(a, 10000, 500, 7.0, &r), 0.0);
    ck_assert_double_eq_tol(accept_threshold(a), 5.0 / log(2.0), 1e-9);
    /* A move of one unit is still often taken: exp(-ln2 / 5) = 0.87. */
    f = sa_frequency(a, 10000, 1, 1.0, &r);
    ck_assert_double_eq_tol(f, exp(-log(2.0) / 5.0), SA_TOL);
    accept_destroy(a);
}
END_TEST

/* With d = T0 * ln 2 / 10 the acceptance probability is 0.5^(100^p / 10):
 * 0.933, 0.803, 0.5, 0.112, 0.00098 at p = 0, 1/4, 1/2, 3/4, 1. */
START_TEST(sa_probability_decreases_with_progress)
{
    rng r;
    rng_seed(&r, 13);
    accept_criterion *a = make(ACCEPT_SA, NULL, 10000);
    double prev = 2.0;
    double prev_t = INFINITY;
    for (int i = 0; i <= 4; i++) {
        double prog = i / 4.0;
        double expect = pow(0.5, pow(100.0, prog) / 10.0);
        double f = sa_frequency(a, 10000, 50, prog, &r);
        ck_assert_double_eq_tol(f, expect, SA_TOL);
        ck_assert_double_lt(f, prev);
        ck_assert_double_lt(accept_threshold(a), prev_t);
        prev = f;
        prev_t = accept_threshold(a);
    }
    accept_destroy(a);
}
END_TEST

/* Without a known progress the temperature falls by `decay` per call until
 * it reaches sa_end_ratio * T0 (after ln 0.01 / ln 0.5 = 6.6 calls). */
START_TEST(sa_geometric_fallback_without_progress)
{
    rng r;
    rng_seed(&r, 14);
    accept_params p;
    accept_params_init(&p);
    p.decay = 0.5;
    accept_criterion *a = make(ACCEPT_SA, &p, 10000);
    double t0 = accept_threshold(a);
    for (int k = 0; k < 12; k++) {
        accept_decide(a, 10100, 10000, 10000, -1.0, &r);
        double want = k <= 6 ? t0 * pow(0.5, k) : t0 * 0.01;
        ck_assert_double_eq_tol(accept_threshold(a), want, 1e-9 * t0);
    }
    accept_destroy(a);
}
END_TEST

/* RRT accepts exactly the candidates strictly below best + t * |best|,
 * t = 0.5 -> 0 linearly: bands 500, 250, 0 at p = 0, 1/2, 1. */
START_TEST(rrt_threshold_boundaries)
{
    accept_params p;
    accept_params_init(&p);
    p.rrt_start = 0.5;
    p.rrt_end = 0.0;
    accept_criterion *a = make(ACCEPT_RRT, &p, 1000);
    ck_assert(accept_decide(a, 1499, 1000, 1000, 0.0, NULL));
    ck_assert_double_eq(accept_threshold(a), 1500.0);
    ck_assert(!accept_decide(a, 1500, 1000, 1000, 0.0, NULL));
    ck_assert(accept_decide(a, 1249, 1000, 1000, 0.5, NULL));
    ck_assert(!accept_decide(a, 1250, 1000, 1000, 0.5, NULL));
    /* The band hangs from the best cost (800 + 200), not from the current
     * one (900 + 225). */
    ck_assert(accept_decide(a, 999, 900, 800, 0.5, NULL));
    ck_assert_double_eq(accept_threshold(a), 1000.0);
    ck_assert(!accept_decide(a, 1000, 900, 800, 0.5, NULL));
    /* At the end only candidates no worse than current pass (the current
     * cost 1200 is far above the closed band, improvements still pass). */
    ck_assert(!accept_decide(a, 1001, 1000, 1000, 1.0, NULL));
    ck_assert(accept_decide(a, 1100, 1200, 1000, 1.0, NULL));
    ck_assert(!accept_decide(a, 1201, 1200, 1000, 1.0, NULL));
    /* Negative costs: the band is t * |best|. */
    ck_assert(accept_decide(a, -501, -1000, -1000, 0.0, NULL));
    ck_assert(!accept_decide(a, -500, -1000, -1000, 0.0, NULL));
    accept_destroy(a);

    /* Unknown progress: defaults start at a 5% band. */
    a = make(ACCEPT_RRT, NULL, 2000);
    ck_assert(accept_decide(a, 2099, 2000, 2000, -1.0, NULL));
    ck_assert(!accept_decide(a, 2100, 2000, 2000, -1.0, NULL));
    accept_destroy(a);
}
END_TEST

/* LAHC with L = 3 from cost 100 on a hand-traced sequence: f = history,
 * v = i mod 3, accept iff cand <= f[v] or cand <= current, then f[v] =
 * current after the decision. */
START_TEST(lahc_hand_built_sequence)
{
    static const struct {
        int64_t cand;
        int accepted;
        int64_t hist; /* f[v] the candidate is compared with */
    } seq[] = {
        {90, 1, 100},  /* f = [90, 100, 100] */
        {80, 1, 100},  /* f = [90, 80, 100] */
        {100, 1, 100}, /* worse than current 80, equal to f[2] */
        {95, 1, 90},   /* improving; f = [95, 80, 100] */
        {96, 0, 80},   /* above both 95 and f[1] = 80; f[1] = 95 */
        {100, 1, 100}, /* equal to f[2] */
        {99, 1, 95},   /* improving; f[0] = 99 */
        {100, 0, 95},  /* f[1] = 95 < 100; f[1] = 99 */
        {101, 0, 100}, /* f[2] = 100 < 101; f[2] = 99 */
        {99, 1, 99},   /* equal to current */
        {100, 0, 99},  /* f[1] = 99 */
    };
    accept_params p;
    accept_params_init(&p);
    p.lahc_length = 3;
    accept_criterion *a = make(ACCEPT_LAHC, &p, 100);
    int64_t cur = 100, best = 100;
    for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
        int got = accept_decide(a, seq[i].cand, cur, best, 0.5, NULL);
        ck_assert_msg(got == seq[i].accepted, "step %zu: got %d", i, got);
        ck_assert_double_eq(accept_threshold(a), (double)seq[i].hist);
        if (got)
            cur = seq[i].cand;
        if (cur < best)
            best = cur;
    }
    accept_destroy(a);
}
END_TEST

/* Great deluge from initial cost 1000 with deluge 0.5 -> 0: the level
 * starts at 1500 and moves linearly to the best cost; it never rises. */
START_TEST(great_deluge_level_and_boundaries)
{
    accept_params p;
    accept_params_init(&p);
    p.deluge_start = 0.5;
    p.deluge_end = 0.0;
    accept_criterion *a = make(ACCEPT_GREAT_DELUGE, &p, 1000);
    ck_assert_double_eq(accept_threshold(a), 1500.0);
    ck_assert(accept_decide(a, 1499, 1000, 1000, 0.0, NULL));
    ck_assert(!accept_decide(a, 1500, 1000, 1000, 0.0, NULL));
    /* p = 1/2, best 800: level 1500 + (800 - 1500) / 2 = 1150. */
    ck_assert(accept_decide(a, 1149, 800, 800, 0.5, NULL));
    ck_assert_double_eq(accept_threshold(a), 1150.0);
    ck_assert(!accept_decide(a, 1150, 800, 800, 0.5, NULL));
    /* Unlike RRT the level does not follow the best cost back up, nor
     * rise when progress is reported out of order. */
    ck_assert(!accept_decide(a, 1200, 800, 800, 0.25, NULL));
    ck_assert_double_eq(accept_threshold(a), 1150.0);
    /* p = 1: level = best. */
    ck_assert(!accept_decide(a, 801, 800, 800, 1.0, NULL));
    ck_assert_double_eq(accept_threshold(a), 800.0);
    ck_assert(accept_decide(a, 800, 800, 800, 1.0, NULL));
    accept_destroy(a);

    /* The level decreases along a run, strictly while above the best. */
    a = make(ACCEPT_GREAT_DELUGE, &p, 1000);
    double prev = accept_threshold(a);
    for (int i = 1; i <= 20; i++) {
        accept_decide(a, 2000, 900, 900, i / 20.0, NULL);
        ck_assert_double_lt(accept_threshold(a), prev);
        prev = accept_threshold(a);
    }
    ck_assert_double_eq(prev, 900.0);
    accept_destroy(a);
}
END_TEST

/* Same seed and inputs give the same decisions and leave the rng in the
 * same state; another seed gives another sequence. */
START_TEST(sa_deterministic_under_seed)
{
    enum { N = 2000 };
    static int first[N];
    rng inputs, r1, r2;
    for (int round = 0; round < 3; round++) {
        rng_seed(&inputs, 99);
        rng_seed(&r1, round == 2 ? 6 : 5);
        accept_criterion *a = make(ACCEPT_SA, NULL, 10000);
        int differ = 0;
        for (int i = 0; i < N; i++) {
            int64_t cur = 9000 + (int64_t)rng_below(&inputs, 2000);
            int64_t cand = cur + (int64_t)rng_below(&inputs, 800) - 100;
            double prog = rng_uniform(&inputs);
            int got = accept_decide(a, cand, cur, 9000, prog, &r1);
            if (round == 0)
                first[i] = got;
            else if (round == 1)
                ck_assert_int_eq(got, first[i]);
            else
                differ += got != first[i];
        }
        if (round == 0)
            r2 = r1;
        else if (round == 1)
            for (int j = 0; j < 4; j++)
                ck_assert_uint_eq(r1.s[j], r2.s[j]);
        else
            ck_assert_int_gt(differ, 0);
        accept_destroy(a);
    }
}
END_TEST

START_TEST(bad_params_rejected)
{
    accept_params p;
    accept_criterion *a =
        (accept_criterion *)&p; /* any non-NULL value: reset on failure */
    ck_assert_int_eq(accept_create(NULL, ACCEPT_SA, NULL, 10),
                     CORTO_ERR_ARGUMENT);
    ck_assert_int_eq(accept_create(&a, ACCEPT_KIND_COUNT, NULL, 10),
                     CORTO_ERR_ARGUMENT);
    ck_assert_ptr_null(a);
    ck_assert_int_eq(accept_create(&a, (accept_kind)-1, NULL, 10),
                     CORTO_ERR_ARGUMENT);

#define BAD(field, value)                                                     \
    do {                                                                      \
        accept_params_init(&p);                                               \
        p.field = (value);                                                    \
        a = (accept_criterion *)&p;                                           \
        ck_assert_int_eq(accept_create(&a, ACCEPT_HILL_CLIMB, &p, 10),        \
                         CORTO_ERR_ARGUMENT);                                 \
        ck_assert_ptr_null(a);                                                \
    } while (0)
    BAD(sa_start_worse, 0.0);
    BAD(sa_start_worse, -0.1);
    BAD(sa_start_worse, NAN);
    BAD(sa_start_worse, INFINITY);
    BAD(sa_start_accept, 0.0);
    BAD(sa_start_accept, 1.0);
    BAD(sa_start_accept, NAN);
    BAD(sa_end_ratio, 0.0);
    BAD(sa_end_ratio, 1.5);
    BAD(rrt_end, -0.01);
    BAD(rrt_start, -0.01);
    BAD(rrt_start, NAN);
    BAD(rrt_end, 0.2); /* above rrt_start = 0.05 */
    BAD(lahc_length, 0);
    BAD(lahc_length, ACCEPT_LAHC_MAX + 1);
    BAD(deluge_end, 0.1); /* above deluge_start = 0.05 */
    BAD(deluge_start, INFINITY);
    BAD(decay, 0.0);
    BAD(decay, 1.0);
    BAD(decay, NAN);
#undef BAD

    /* Limits that are valid. */
    accept_params_init(&p);
    p.sa_end_ratio = 1.0;
    p.rrt_start = p.rrt_end = 0.0;
    p.lahc_length = 1;
    ck_assert_int_eq(accept_create(&a, ACCEPT_LAHC, &p, 10), CORTO_OK);
    accept_destroy(a);
    accept_destroy(NULL);
}
END_TEST

START_TEST(progress_from_limits)
{
    ck_assert_double_eq(accept_progress(3.0, 0.0, 50, 0), -1.0);
    ck_assert_double_eq(accept_progress(2.5, 10.0, 50, 0), 0.25);
    ck_assert_double_eq(accept_progress(2.5, 0.0, 50, 200), 0.25);
    ck_assert_double_eq(accept_progress(2.5, 10.0, 150, 200), 0.75);
    ck_assert_double_eq(accept_progress(9.0, 10.0, 150, 200), 0.9);
    ck_assert_double_eq(accept_progress(12.0, 10.0, 0, 0), 1.0);
    ck_assert_double_eq(accept_progress(0.0, 10.0, 0, 200), 0.0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("accept");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, kind_names_round_trip);
    tcase_add_test(tc, improving_or_equal_always_accepted);
    tcase_add_test(tc, hill_climb_rejects_every_worsening);
    tcase_add_test(tc, sa_start_temperature_and_probability);
    tcase_add_test(tc, sa_almost_never_at_end);
    tcase_add_test(tc, sa_probability_decreases_with_progress);
    tcase_add_test(tc, sa_geometric_fallback_without_progress);
    tcase_add_test(tc, rrt_threshold_boundaries);
    tcase_add_test(tc, lahc_hand_built_sequence);
    tcase_add_test(tc, great_deluge_level_and_boundaries);
    tcase_add_test(tc, sa_deterministic_under_seed);
    tcase_add_test(tc, bad_params_rejected);
    tcase_add_test(tc, progress_from_limits);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
