/*
 * repair_neural.h — the neural policy as a repair operator of the VRP ALNS
 * (option neural-arm): the removed clients are decoded by the attention
 * policy of neural/ into new routes, as a sub-instance of the depot and
 * those clients; whatever cannot go into a route of its own (no vehicle
 * left, or a route the policy could only close infeasibly) is inserted by
 * the greedy repair. Only for the problems the policy handles.
 */
#ifndef CORTO_REPAIR_NEURAL_H
#define CORTO_REPAIR_NEURAL_H

#include "repair.h"

typedef struct repair_neural repair_neural;

/* CORTO_OK when the neural arm applies to ctx's problem and options: a
 * VRP the policy handles and a model (given or compiled in);
 * CORTO_ERR_UNSUPPORTED otherwise. */
corto_status repair_neural_supported(const solve_ctx *ctx);

/* Load the model and encode the problem once (one encoder pass). */
corto_status repair_neural_create(repair_neural **out, const vrp_data *d,
                                  const solve_ctx *ctx);
void repair_neural_destroy(repair_neural *w);

/* Insert st's unassigned clients: the policy's routes, drawn as one
 * sample from r, then the greedy repair of rw for what is left. */
corto_status repair_neural_apply(repair_neural *w, repair_ws *rw,
                                 vrp_state *st, rng *r);

#endif /* CORTO_REPAIR_NEURAL_H */
