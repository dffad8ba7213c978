/*
 * alns.h — adaptive large neighbourhood search for VRPs (Ropke & Pisinger
 * 2006) with the (destroy, repair) pair chosen by a multi-armed bandit
 * (the Balans idea: Cai, Kadioglu & Dilkina 2025), local search on the
 * candidates and a swappable acceptance criterion. See alns.c.
 */
#ifndef CORTO_ALNS_H
#define CORTO_ALNS_H

#include "context.h"

/*
 * Improve the VRP solution s in place until ctx says stop (time, iteration
 * limit or callback). Options: ctx->opt->selector, acceptance, destroy_min
 * and destroy_max. s is replaced only by a solution with a lower penalised
 * objective, so the result is never worse than the start. A solution the
 * search cannot represent (foreign nodes, duplicate clients) is left
 * untouched. Each iteration adds one to ctx->iteration.
 */
corto_status alns_run(corto_solution *s, solve_ctx *ctx);

#endif /* CORTO_ALNS_H */
