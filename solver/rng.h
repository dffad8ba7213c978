/*
 * rng.h — the explicit random number generator every component uses
 * (xoshiro256** by Blackman & Vigna, seeded through splitmix64). There is
 * no global state: each solve owns an rng seeded from its options.
 */
#ifndef CORTO_RNG_H
#define CORTO_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s[4];
} rng;

/* Any seed, 0 included, gives a valid, distinct stream. */
void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
/* Uniform integer in [0, n) for n >= 1 (unbiased). */
uint64_t rng_below(rng *r, uint64_t n);
/* Uniform double in [0, 1). */
double rng_uniform(rng *r);

#endif /* CORTO_RNG_H */
