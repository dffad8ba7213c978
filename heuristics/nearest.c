/*
 * nearest.c — nearest-neighbour construction for VRPs: each route grows
 * from its last node to the nearest unrouted unit (see vrp_build.h) that
 * keeps it feasible, judged by route_eval on the route's segment; when
 * none fits a new route is opened. A unit that fits no empty route still
 * gets one of its own, which the evaluation then reports as infeasible.
 */
#include "construct.h"
#include "vrp_build.h"
#include "util.h"

#include <string.h>

corto_status construct_nearest(corto_solution *out, solve_ctx *ctx)
{
    corto_status rc = CORTO_OK;
    const corto_problem *p = ctx->problem;
    int vtype = vrp_build_vtype(p);
    const model_vehicle *vt = &p->vtypes[vtype];
    int prof = vt->profile;
    vrp_units un = {0};
    unsigned char *routed = NULL;
    vrp_route_buf *routes = NULL;
    int n_routes = 0;

    CORTO_TRY(vrp_units_build(&un, p, vtype));
    int nu = un.n_units;
    CORTO_ALLOC(routed, nu > 0 ? nu : 1);
    CORTO_ALLOC(routes, nu > 0 ? nu : 1);
    seg start, end, acc, trial;
    seg_start(&start, p, vtype);
    seg_end(&end, p, vtype);

    int left = nu;
    while (left > 0) {
        /* Open a route and extend it while some unit fits. */
        vrp_route_buf *r = &routes[n_routes++];
        acc = start;
        int last = vt->start_depot, closed = 0;
        while (left > 0 && !closed) {
            int best = -1;
            int64_t best_d = INT64_MAX;
            for (int u = 0; u < nu; u++) {
                if (routed[u])
                    continue;
                /* A foreign unit or one tied to the depot travels alone. */
                int alone = un.foreign[u] || un.tail_depot[u] ||
                            (un.head_depot[u] && r->len > 0);
                if (alone && r->len > 0)
                    continue;
                int64_t d = model_dist(p, prof, last, un.nodes[un.start[u]]);
                if (d >= best_d)
                    continue;
                route_eval re;
                seg_join(&trial, &acc, &un.fwd[u], p, prof);
                seg_join(&trial, &trial, &end, p, prof);
                route_eval_seg(&re, p, vtype, &trial,
                               r->len + un.start[u + 1] - un.start[u]);
                if (re.feasible || r->len == 0) {
                    /* An empty route takes the nearest unit even when it
                     * does not fit alone, but prefers one that fits. */
                    if (!re.feasible && best >= 0)
                        continue;
                    best = u;
                    best_d = re.feasible ? d : INT64_MAX - 1;
                }
            }
            if (best < 0)
                break;
            seg_join(&acc, &acc, &un.fwd[best], p, prof);
            for (int k = un.start[best]; k < un.start[best + 1]; k++)
                CORTO_TRY(vrp_route_push(r, un.nodes[k]));
            last = un.nodes[un.start[best + 1] - 1];
            routed[best] = 1;
            left--;
            route_eval re;
            seg_join(&trial, &acc, &end, p, prof);
            route_eval_seg(&re, p, vtype, &trial, r->len);
            closed = !re.feasible || un.foreign[best] || un.tail_depot[best];
        }
    }
    rc = vrp_finalize(out, p, vtype, routes, n_routes);
    n_routes = 0;
cleanup:
    vrp_routes_free(routes, n_routes);
    free(routed);
    vrp_units_free(&un);
    return rc;
}
