/*
 * nn_gen.h — random training and benchmark instances for the policy:
 * CVRPs in the distribution of Kool et al. (2019) (depot and clients
 * uniform in the unit square, demands 1..9, capacity 30 / 40 / 50 for 20 /
 * 50 / 100 clients), or with clients gathered around a few centres.
 * Coordinates are scaled by 1000 and distances rounded to integers.
 */
#ifndef CORTO_NN_GEN_H
#define CORTO_NN_GEN_H

#include "model.h"
#include "rng.h"

typedef enum nn_gen_kind { NN_GEN_UNIFORM = 0, NN_GEN_CLUSTERED } nn_gen_kind;

#define NN_GEN_SCALE 1000.0

/* Kool et al.'s capacity for n clients (interpolated between sizes). */
int64_t nn_gen_capacity(int n_clients);

/* The fleet (unlimited vehicles of Kool et al.'s capacity), the name
 * KIND-nN and the preparation of a generated CVRP. */
corto_status nn_gen_finish(corto_problem *p, int n_clients, const char *kind);

/* A prepared CVRP (matrices filled, unlimited fleet) owned by the caller. */
corto_status nn_gen_cvrp(corto_problem **out, int n_clients, nn_gen_kind kind,
                         rng *r);

#endif /* CORTO_NN_GEN_H */
