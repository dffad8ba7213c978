/*
 * nn_features.h — what the policy sees of an instance: per-node features
 * taken from the matrices (distance to and from the depot, the k nearest
 * outgoing and incoming distances), demand over capacity, time windows
 * when present and coordinates only when they exist; and the normalised
 * distance matrix with its transpose, which bias attention (RRNCO's idea
 * of embedding real asymmetric matrices rather than coordinates).
 */
#ifndef CORTO_NN_FEATURES_H
#define CORTO_NN_FEATURES_H

#include "model.h"
#include "nn_model.h"

typedef struct nn_features {
    int n;          /* nodes */
    int depot;      /* the start depot */
    int vtype;      /* the vehicle type the policy builds routes for */
    int prof;       /* its travel profile */
    double scale;   /* distance unit: mean off-diagonal distance */
    double horizon; /* time unit: the depot's (or latest) window close */
    nn_real *x;     /* n * n_feat node features */
    nn_real *dn;    /* n * n distances / scale (capped) */
    nn_real *dnt;   /* its transpose: row i = distances into i */
} nn_features;

/*
 * The problems the policy handles: one depot, a vehicle type starting
 * there, required clients only, no pickup-delivery pairs, skills or fixed
 * edges. CORTO_ERR_UNSUPPORTED otherwise.
 */
corto_status nn_features_supported(const corto_problem *p);

/* Fill f for p (problem prepared: matrices set). `sym` in 0..7 applies
 * one of the square's symmetries to the coordinates (augmentation during
 * training; 0 = none). */
corto_status nn_features_build(nn_features *f, const nn_config *cfg,
                               const corto_problem *p, int sym);
void nn_features_free(nn_features *f);

#endif /* CORTO_NN_FEATURES_H */
