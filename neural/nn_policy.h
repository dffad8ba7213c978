/*
 * nn_policy.h — the attention policy: an encoder over the node features
 * (embedding, then layers of distance-biased multi-head attention and
 * feed-forward blocks, each with a residual and layer normalisation), and
 * a pointer decoder (Vinyals et al.; Kool et al. 2019) whose context is
 * the current node, the graph embedding and the state scalars of
 * nn_state_context. Construction (greedy and sampled) and the imitation
 * loss used in training.
 */
#ifndef CORTO_NN_POLICY_H
#define CORTO_NN_POLICY_H

#include "nn_features.h"
#include "nn_model.h"
#include "rng.h"

/* How nn_policy_construct decodes. */
typedef struct nn_decoding {
    int starts;    /* > 1: also greedy decodings from the next starts - 1
                      first clients the policy rates most likely (the
                      multiple starts of Kwon et al. 2020, POMO) */
    int views;     /* 1..8: repeat the greedy ones (with their starts) on
                      this many of the square's symmetries of the
                      coordinates (POMO's augmentation; none without
                      coordinates); 0 counts as 1 */
    int samples;   /* also this many sampled decodings (first view) */
    uint64_t seed; /* of the sampling */
} nn_decoding;

/*
 * Build a solution for p (matrices prepared) into `out` (empty): the
 * greedy decoding and the others `how` asks for; the cheapest by
 * route_eval is kept, feasible first. CORTO_ERR_UNSUPPORTED for problems
 * the policy does not handle.
 */
corto_status nn_policy_construct(corto_solution *out, const nn_model *m,
                                 const corto_problem *p,
                                 const nn_decoding *how);

/*
 * A session for repeated partial decodings of one problem (the ALNS's
 * neural repair, heuristics/repair_neural.c): the features and the
 * encoder's output are computed once at creation; m must outlive it.
 * CORTO_ERR_UNSUPPORTED for problems the policy does not handle.
 */
typedef struct nn_session nn_session;
corto_status nn_session_create(nn_session **out, const nn_model *m,
                               const corto_problem *p);
void nn_session_destroy(nn_session *s);
/* The vehicle type the session's routes are for. */
int nn_session_vtype(const nn_session *s);
/*
 * Decode routes through `clients` (n distinct client nodes) only, every
 * other client counting as served and `routes_used` routes already out:
 * greedy when r is NULL, else one sample drawn from r. *seq (borrowed,
 * valid until the next call) gets the routes' clients, each route ended
 * by -1, and *len its length.
 */
corto_status nn_session_decode(nn_session *s, const int *clients, int n,
                               int routes_used, rng *r, const int **seq,
                               int *len);

/*
 * Teacher-forced pass over the expert solution `expert` of p: records the
 * forward pass on tp (a tape with gradients), seeds each step's
 * cross-entropy with weight / steps, and returns the mean loss in *loss
 * and the number of steps in *steps; the caller then runs nn_backward. At
 * a step on an empty route every remaining expert route's first client
 * is a correct action (and its last, for a route that may be reversed:
 * symmetric distances, no time windows). `sym` augments coordinates.
 */
corto_status nn_policy_imitate(nn_tape *tp, const nn_model *m,
                               const corto_problem *p,
                               const corto_solution *expert, int sym,
                               nn_real weight, double *loss, int *steps);

/*
 * REINFORCE with a shared baseline (Williams 1992; Kwon et al. 2020,
 * POMO): encode p once on tp (a tape with gradients), sample `samples`
 * (at least 2) solutions from it with r, and seed every sampled action's
 * log-probability with weight * (cost_k - mean) / (mean * samples), the
 * mean of the samples being the baseline; then run the backward pass, so
 * the model's gradients get weight times the gradient of the expected
 * relative cost. With starts, the samples begin at distinct first
 * clients, those the policy rates most likely (POMO's multiple starts),
 * and that first action gets no gradient. Infeasible samples count twice their
 * cost. The mean and the lowest sampled cost come back in *mean_cost and
 * *min_cost.
 */
corto_status nn_policy_reinforce(nn_tape *tp, const nn_model *m,
                                 const corto_problem *p, int samples,
                                 int starts, int sym, rng *r, nn_real weight,
                                 double *mean_cost, double *min_cost);

#endif /* CORTO_NN_POLICY_H */
