/*
 * options.c — corto_options defaults and the one table of option keys that
 * corto_options_set, the CLI and parameter files share. Each entry names a
 * key, its type and default as text, its help line, and how to store it.
 */
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

typedef enum opt_kind {
    OPT_SECONDS,
    OPT_INT,
    OPT_UINT64,
    OPT_BOOL,
    OPT_INIT,
    OPT_SELECTOR,
    OPT_ACCEPTANCE
} opt_kind;

typedef struct opt_entry {
    corto_option_info info;
    opt_kind kind;
    size_t offset; /* field in corto_options */
} opt_entry;

#define OPT(key, type, def, help, kind, field)                                \
    {                                                                         \
        {key, type, def, help}, kind, offsetof(corto_options, field)          \
    }

static const opt_entry opt_table[] = {
    OPT("time-limit", "seconds", "10",
        "CPU-time limit of the search in seconds; 0 means none", OPT_SECONDS,
        time_limit),
    OPT("iterations", "int", "0", "limit on search iterations; 0 means none",
        OPT_INT, iterations),
    OPT("seed", "uint64", "1", "seed of the random number generator",
        OPT_UINT64, seed),
    OPT("init", "auto|savings|nearest|insertion|neural", "auto",
        "construction method: auto picks savings for VRPs and insertion for "
        "TSPs; neural runs the built-in attention policy",
        OPT_INIT, init),
    OPT("construct-only", "bool", "false",
        "stop after the construction heuristic, skipping improvement",
        OPT_BOOL, construct_only),
    OPT("local-search", "bool", "true", "improve solutions with local search",
        OPT_BOOL, local_search),
    OPT("verbose", "int", "0", "log detail: 0 quiet, 1 info, 2 debug", OPT_INT,
        verbose),
    OPT("progress-interval", "seconds", "0.25",
        "seconds between calls of the progress callback", OPT_SECONDS,
        progress_interval),
    OPT("selector",
        "roulette|segmented|ucb1|alpha-ucb|thompson|exp3|epsilon-greedy",
        "thompson",
        "how the ALNS chooses its destroy and repair operators each "
        "iteration",
        OPT_SELECTOR, selector),
    OPT("acceptance", "sa|rrt|lahc|great-deluge|hill-climb", "sa",
        "which ALNS candidates become the current solution", OPT_ACCEPTANCE,
        acceptance),
    OPT("destroy-min", "int", "5",
        "fewest clients an ALNS destroy step removes", OPT_INT, destroy_min),
    OPT("destroy-max", "int", "30",
        "most clients an ALNS destroy step removes (also at most 40% of "
        "them)",
        OPT_INT, destroy_max),
    OPT("vehicles", "int", "0",
        "at most this many vehicles of each type (CVRPLIB A/B/E/P optima "
        "use the k of their name); 0 keeps the instance's fleet",
        OPT_INT, vehicles),
    OPT("stall", "int", "0",
        "stop after this many search iterations without a new best "
        "solution; 0 means never",
        OPT_INT, stall),
    OPT("soft-constraints", "bool", "true",
        "let the ALNS local search pass through solutions over capacity, "
        "time or distance limits at adaptive penalties (returned solutions "
        "stay feasible)",
        OPT_BOOL, soft_constraints),
    OPT("exact", "bool", "false",
        "prove optimality with the exact engine (GLPK) where it applies, "
        "or report the best bound and gap at the time limit",
        OPT_BOOL, exact),
    OPT("route-pool", "bool", "false",
        "let the ALNS recombine its best routes by set partitioning (GLPK)",
        OPT_BOOL, route_pool),
    OPT("samples", "int", "0",
        "with --init neural: keep the best of the greedy construction and "
        "this many sampled ones",
        OPT_INT, samples),
    OPT("starts", "int", "0",
        "with --init neural: also construct greedily from the next most "
        "likely first clients, this many starts in all, and keep the best",
        OPT_INT, starts),
    OPT("augment", "int", "0",
        "with --init neural: repeat the greedy constructions (and their "
        "--starts) on this many of the 8 flips and turns of the "
        "coordinates, at most 8; no effect without coordinates",
        OPT_INT, augment),
    OPT("lower-bound", "bool", "false",
        "also compute a lower bound (TSP/ATSP up to 400 nodes: LP with "
        "subtour and blossom cuts; larger symmetric TSPs: Held-Karp; plain "
        "CVRPs up to 300 nodes: LP with rounded capacity cuts) in at most "
        "10% of the time limit, and report the gap",
        OPT_BOOL, lower_bound),
    OPT("neural-arm", "bool", "false",
        "let the ALNS also rebuild removed clients with the neural policy "
        "(one more repair operator for its bandit; problems --init neural "
        "handles)",
        OPT_BOOL, neural_arm),
};

#define N_OPTS (sizeof opt_table / sizeof opt_table[0])

static const char *init_names[] = {"auto", "savings", "nearest", "insertion",
                                   "neural"};
static const char *selector_names[] = {"roulette",      "segmented", "ucb1",
                                       "alpha-ucb",     "thompson",  "exp3",
                                       "epsilon-greedy"};
static const char *acceptance_names[] = {"sa", "rrt", "lahc", "great-deluge",
                                         "hill-climb"};

void corto_options_init(corto_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    /* The table's defaults are the single source; parse them. */
    for (size_t k = 0; k < N_OPTS; k++)
        corto_options_set(opt, opt_table[k].info.key,
                          opt_table[k].info.default_value, NULL);
}

const corto_option_info *corto_option_table(size_t *count)
{
    /* info is the first member of opt_entry, but entries are larger than
     * infos, so hand out a parallel static array built once. */
    static corto_option_info infos[N_OPTS];
    for (size_t k = 0; k < N_OPTS; k++)
        infos[k] = opt_table[k].info;
    if (count)
        *count = N_OPTS;
    return infos;
}

static int parse_bool(const char *v, int *out)
{
    static const char *yes[] = {"1", "true", "yes", "on"};
    static const char *no[] = {"0", "false", "no", "off"};
    for (size_t k = 0; k < 4; k++) {
        if (strcmp(v, yes[k]) == 0) {
            *out = 1;
            return 1;
        }
        if (strcmp(v, no[k]) == 0) {
            *out = 0;
            return 1;
        }
    }
    return 0;
}

corto_status corto_options_set(corto_options *opt, const char *key,
                               const char *value, corto_diag *diag)
{
    if (!opt || !key || !value)
        return CORTO_ERR_ARGUMENT;
    const opt_entry *e = NULL;
    for (size_t k = 0; k < N_OPTS && !e; k++)
        if (strcmp(opt_table[k].info.key, key) == 0)
            e = &opt_table[k];
    if (!e)
        return diag_set(diag, CORTO_ERR_OPTION, NULL, 0, "unknown option '%s'",
                        key);
    char *field = (char *)opt + e->offset;
    char *end = NULL;
    errno = 0;
    switch (e->kind) {
    case OPT_SECONDS: {
        double d = strtod(value, &end);
        if (end == value || *end || errno || !isfinite(d) || d < 0)
            goto bad;
        memcpy(field, &d, sizeof d);
        return CORTO_OK;
    }
    case OPT_INT: {
        long long v = strtoll(value, &end, 10);
        if (end == value || *end || errno || v < 0)
            goto bad;
        if (e->offset == offsetof(corto_options, verbose)) {
            if (v > 2)
                goto bad;
            opt->verbose = (int)v;
        } else {
            int64_t w = v;
            memcpy(field, &w, sizeof w);
        }
        return CORTO_OK;
    }
    case OPT_UINT64: {
        if (value[0] == '-')
            goto bad;
        unsigned long long v = strtoull(value, &end, 10);
        if (end == value || *end || errno)
            goto bad;
        uint64_t w = v;
        memcpy(field, &w, sizeof w);
        return CORTO_OK;
    }
    case OPT_BOOL: {
        int b;
        if (!parse_bool(value, &b))
            goto bad;
        memcpy(field, &b, sizeof b);
        return CORTO_OK;
    }
    case OPT_INIT:
        for (size_t k = 0; k < sizeof init_names / sizeof *init_names; k++)
            if (strcmp(value, init_names[k]) == 0) {
                opt->init = (corto_init_method)k;
                return CORTO_OK;
            }
        goto bad;
    case OPT_SELECTOR:
        for (size_t k = 0; k < sizeof selector_names / sizeof *selector_names;
             k++)
            if (strcmp(value, selector_names[k]) == 0) {
                opt->selector = (corto_selector)k;
                return CORTO_OK;
            }
        goto bad;
    case OPT_ACCEPTANCE:
        for (size_t k = 0;
             k < sizeof acceptance_names / sizeof *acceptance_names; k++)
            if (strcmp(value, acceptance_names[k]) == 0) {
                opt->acceptance = (corto_acceptance)k;
                return CORTO_OK;
            }
        goto bad;
    }
bad:
    return diag_set(diag, CORTO_ERR_OPTION, NULL, 0,
                    "bad value '%s' for option '%s' (expected %s)", value, key,
                    e->info.type);
}
