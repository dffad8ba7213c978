/*
 * vroom_read.c — problems as JSON documents modelled on VROOM's API
 * (github.com/VROOM-Project/vroom, docs/API.md): "jobs", "shipments",
 * "vehicles" and "matrices". corto has no routing engine, so travel data
 * must come as matrices indexed by location_index.
 *
 * Mapping (see vroom.h for the node layout):
 *  - each vehicle is a vehicle type of count 1; start_index is required,
 *    a missing end_index makes the route open;
 *  - each job is a client (delivery -> demand, pickup -> pickup); each
 *    shipment is a pickup-delivery pair carrying its amount;
 *  - node-level matrices are built from the location matrices, one corto
 *    profile per (profile, speed_factor) pair; durations are divided by
 *    speed_factor and rounded to nearest;
 *  - cost: fixed + per_hour * duration / 3600 + per_km * distance / 1000,
 *    scaled by the smallest integer S that makes every coefficient whole
 *    (S = 1 with VROOM's defaults, so cost = duration in seconds). corto
 *    charges per_hour on the route duration including service and
 *    waiting, where VROOM charges travel time only. A "costs" matrix
 *    replaces per_hour and per_km for the vehicles of its profile;
 *  - a task that no vehicle can serve even alone (skills, capacity, time
 *    windows) is made optional with no prize, so that it ends unassigned
 *    as in VROOM; every other task is required.
 *
 * Anything not understood is refused, naming its JSON path: unknown keys,
 * wrong types and out-of-range values give CORTO_ERR_PARSE; valid VROOM
 * features corto does not model (several time windows per task, setup
 * times, priorities, breaks, max_tasks, ...) give CORTO_ERR_UNSUPPORTED.
 */
#include "problem_read.h"
#include "text_reader.h"
#include "util.h"
#include "vroom.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* JSON paths in messages are built with snprintf into fixed buffers and
 * may be cut short on purpose: GCC's truncation warning does not apply. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

/* Longest JSON path named in a message. */
#define VR_PATH 160
/* Largest time, amount or matrix entry accepted (keeps sums far from
 * overflow). */
#define VR_MAX_VALUE ((int64_t)1 << 40)
/* Largest per_hour / per_km / fixed cost accepted. */
#define VR_MAX_COST ((int64_t)100000000)
/* Most corto profiles (profile, speed_factor) the model takes. */
#define VR_MAX_PROFILES 64

typedef struct vr_reader {
    const char *file;
    corto_diag *diag;
    int n_dims; /* 0 until the first amount array is seen */
    char dims_from[VR_PATH];
    int n_skills; /* distinct external skill values seen */
    int64_t skill_ext[CORTO_MAX_SKILLS];
} vr_reader;

/* A square location matrix. */
typedef struct vr_matrix {
    int64_t *v; /* m*m, NULL when absent */
    int m;
} vr_matrix;

typedef struct vr_profile {
    const char *name; /* borrowed from the JSON tree */
    vr_matrix dur, dist, cost;
} vr_profile;

/* A job, a shipment pickup or a shipment delivery. */
typedef struct vr_task {
    model_origin_kind kind;
    int index; /* in "jobs" or "shipments" */
    int64_t id, loc;
    int64_t service, open, close;
    int64_t delivery[CORTO_MAX_DIMS], pickup[CORTO_MAX_DIMS];
    int64_t amount[CORTO_MAX_DIMS]; /* shipments: moved from P to D */
    skill_set skills;
    int has_xy;
    double x, y;
} vr_task;

typedef struct vr_vehicle {
    int64_t id;
    int vprof; /* index in the profile list */
    double speed;
    int cprof;          /* corto profile */
    int64_t start, end; /* location indices; end -1 = open */
    int has_cap;
    int64_t cap[CORTO_MAX_DIMS];
    skill_set skills;
    int64_t open, close;
    int64_t fixed, per_hour, per_km;
    int has_per_hour, has_per_km;
    int64_t max_travel, max_dist;
    int has_sxy, has_exy;
    double sx, sy, ex, ey;
} vr_vehicle;

static corto_status vr_fail(vr_reader *r, corto_status st, const char *jpath,
                            const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Report `jpath: message` for the file and return st. */
static corto_status vr_fail(vr_reader *r, corto_status st, const char *jpath,
                            const char *fmt, ...)
{
    char text[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return diag_set(r->diag, st, r->file, 0, "%s: %s", jpath, text);
}

/* Every key of obj must be in `allowed` (NULL-terminated). */
static corto_status vr_keys(vr_reader *r, json_t *obj, const char *jpath,
                            const char *const *allowed)
{
    const char *key;
    json_t *val;
    if (!json_is_object(obj))
        return vr_fail(r, CORTO_ERR_PARSE, jpath, "expected an object");
    json_object_foreach(obj, key, val)
    {
        int known = 0;
        for (int k = 0; allowed[k] && !known; k++)
            known = strcmp(key, allowed[k]) == 0;
        if (!known)
            return vr_fail(r, CORTO_ERR_PARSE, jpath, "unknown key \"%s\"",
                           key);
    }
    return CORTO_OK;
}

static corto_status vr_int(vr_reader *r, json_t *v, const char *jpath,
                           int64_t lo, int64_t hi, int64_t *out)
{
    if (!json_is_integer(v))
        return vr_fail(r, CORTO_ERR_PARSE, jpath, "expected an integer");
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "%lld is out of range [%lld, %lld]", (long long)x,
                       (long long)lo, (long long)hi);
    *out = x;
    return CORTO_OK;
}

/* An optional non-negative number of seconds, meters, units... */
static corto_status vr_opt_int(vr_reader *r, json_t *obj, const char *key,
                               const char *jpath, int64_t hi, int64_t *out)
{
    char sub[VR_PATH];
    json_t *v = json_object_get(obj, key);
    if (!v)
        return CORTO_OK;
    snprintf(sub, sizeof sub, "%s.%s", jpath, key);
    return vr_int(r, v, sub, 0, hi, out);
}

static corto_status vr_string(vr_reader *r, json_t *obj, const char *key,
                              const char *jpath)
{
    json_t *v = json_object_get(obj, key);
    if (v && !json_is_string(v)) {
        char sub[VR_PATH];
        snprintf(sub, sizeof sub, "%s.%s", jpath, key);
        return vr_fail(r, CORTO_ERR_PARSE, sub, "expected a string");
    }
    return CORTO_OK;
}

/* An amount array: n_dims non-negative integers, the same n_dims for every
 * amount and capacity of the file. */
static corto_status vr_amounts(vr_reader *r, json_t *v, const char *jpath,
                               int64_t *out)
{
    corto_status rc = CORTO_OK;
    char sub[VR_PATH];
    if (!json_is_array(v))
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "expected an array of integers");
    int n = (int)json_array_size(v);
    if (n < 1)
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "expected at least one amount");
    if (n > CORTO_MAX_DIMS)
        return vr_fail(r, CORTO_ERR_UNSUPPORTED, jpath,
                       "%d amount dimensions; corto handles at most %d", n,
                       CORTO_MAX_DIMS);
    if (r->n_dims == 0) {
        r->n_dims = n;
        snprintf(r->dims_from, sizeof r->dims_from, "%s", jpath);
    } else if (n != r->n_dims) {
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "%d amounts where %s has %d (inconsistent amount "
                       "dimensions)",
                       n, r->dims_from, r->n_dims);
    }
    for (int d = 0; d < n; d++) {
        snprintf(sub, sizeof sub, "%s[%d]", jpath, d);
        CORTO_TRY(vr_int(r, json_array_get(v, (size_t)d), sub, 0, VR_MAX_VALUE,
                         &out[d]));
    }
cleanup:
    return rc;
}

/* [start, end] with 0 <= start <= end. */
static corto_status vr_window(vr_reader *r, json_t *v, const char *jpath,
                              int64_t *open, int64_t *close)
{
    json_t *a = json_array_get(v, 0), *b = json_array_get(v, 1);
    if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(a) ||
        !json_is_integer(b) || json_integer_value(a) < 0 ||
        json_integer_value(a) > json_integer_value(b) ||
        json_integer_value(b) > VR_MAX_VALUE)
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "expected [start, end] with 0 <= start <= end <= "
                       "%lld",
                       (long long)VR_MAX_VALUE);
    *open = json_integer_value(a);
    *close = json_integer_value(b);
    return CORTO_OK;
}

/* "time_windows": at most one window (corto keeps one per node). */
static corto_status vr_windows(vr_reader *r, json_t *obj, const char *jpath,
                               int64_t *open, int64_t *close)
{
    char sub[VR_PATH];
    json_t *v = json_object_get(obj, "time_windows");
    *open = 0;
    *close = CORTO_UNLIMITED;
    if (!v)
        return CORTO_OK;
    snprintf(sub, sizeof sub, "%s.time_windows", jpath);
    if (!json_is_array(v) || json_array_size(v) == 0)
        return vr_fail(r, CORTO_ERR_PARSE, sub,
                       "expected a non-empty array of [start, end]");
    if (json_array_size(v) > 1)
        return vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                       "%zu time windows; corto supports one per task",
                       json_array_size(v));
    snprintf(sub, sizeof sub, "%s.time_windows[0]", jpath);
    return vr_window(r, json_array_get(v, 0), sub, open, close);
}

/* Skills: non-negative integers, renumbered densely for the model. */
static corto_status vr_skills(vr_reader *r, json_t *obj, const char *jpath,
                              skill_set *out)
{
    corto_status rc = CORTO_OK;
    char sub[VR_PATH];
    json_t *v = json_object_get(obj, "skills");
    memset(out, 0, sizeof *out);
    if (!v)
        return CORTO_OK;
    snprintf(sub, sizeof sub, "%s.skills", jpath);
    if (!json_is_array(v))
        return vr_fail(r, CORTO_ERR_PARSE, sub,
                       "expected an array of integers");
    for (size_t k = 0; k < json_array_size(v); k++) {
        int64_t s = 0;
        int id = -1;
        snprintf(sub, sizeof sub, "%s.skills[%zu]", jpath, k);
        CORTO_TRY(vr_int(r, json_array_get(v, k), sub, 0, UINT32_MAX, &s));
        for (int i = 0; i < r->n_skills && id < 0; i++)
            if (r->skill_ext[i] == s)
                id = i;
        if (id < 0) {
            if (r->n_skills == CORTO_MAX_SKILLS)
                return vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                               "more than %d distinct skills",
                               CORTO_MAX_SKILLS);
            id = r->n_skills;
            r->skill_ext[r->n_skills++] = s;
        }
        skill_set_add(out, id);
    }
cleanup:
    return rc;
}

/* Optional [lon, lat] coordinates under key. */
static corto_status vr_coords(vr_reader *r, json_t *obj, const char *key,
                              const char *jpath, int *has, double *x,
                              double *y)
{
    json_t *v = json_object_get(obj, key);
    *has = 0;
    if (!v)
        return CORTO_OK;
    json_t *a = json_array_get(v, 0), *b = json_array_get(v, 1);
    if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_number(a) ||
        !json_is_number(b)) {
        char sub[VR_PATH];
        snprintf(sub, sizeof sub, "%s.%s", jpath, key);
        return vr_fail(r, CORTO_ERR_PARSE, sub, "expected [lon, lat]");
    }
    *has = 1;
    *x = json_number_value(a);
    *y = json_number_value(b);
    return CORTO_OK;
}

/* A required location index; coordinates alone are refused. */
static corto_status vr_location(vr_reader *r, json_t *obj, const char *key,
                                const char *coord_key, const char *jpath,
                                int64_t *loc)
{
    char sub[VR_PATH];
    json_t *v = json_object_get(obj, key);
    snprintf(sub, sizeof sub, "%s.%s", jpath, key);
    if (!v) {
        if (json_object_get(obj, coord_key))
            return vr_fail(r, CORTO_ERR_PARSE, jpath,
                           "\"%s\" without \"%s\": corto has no routing "
                           "engine, give \"%s\" into \"matrices\"",
                           coord_key, key, key);
        return vr_fail(r, CORTO_ERR_PARSE, jpath, "missing \"%s\"", key);
    }
    return vr_int(r, v, sub, 0, INT32_MAX, loc);
}

/* A value that must be absent or zero (VROOM features corto lacks). */
static corto_status vr_zero_only(vr_reader *r, json_t *obj, const char *key,
                                 const char *jpath, const char *why)
{
    char sub[VR_PATH];
    int64_t x = 0;
    json_t *v = json_object_get(obj, key);
    if (!v)
        return CORTO_OK;
    snprintf(sub, sizeof sub, "%s.%s", jpath, key);
    corto_status rc = vr_int(r, v, sub, 0, VR_MAX_VALUE, &x);
    if (rc == CORTO_OK && x != 0)
        rc = vr_fail(r, CORTO_ERR_UNSUPPORTED, sub, "%s", why);
    return rc;
}

static corto_status vr_priority(vr_reader *r, json_t *obj, const char *jpath)
{
    char sub[VR_PATH];
    int64_t x = 0;
    json_t *v = json_object_get(obj, "priority");
    if (!v)
        return CORTO_OK;
    snprintf(sub, sizeof sub, "%s.priority", jpath);
    corto_status rc = vr_int(r, v, sub, 0, 100, &x);
    if (rc == CORTO_OK && x != 0)
        rc = vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                     "priorities are not supported: corto serves every "
                     "task it can (use 0)");
    return rc;
}

/* A full matrix: m arrays of m non-negative integers. */
static corto_status vr_matrix_parse(vr_reader *r, json_t *v, const char *jpath,
                                    vr_matrix *out)
{
    corto_status rc = CORTO_OK;
    char sub[VR_PATH];
    if (!json_is_array(v) || json_array_size(v) == 0)
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "expected a non-empty array of rows");
    size_t m = json_array_size(v);
    if (m > 100000)
        return vr_fail(r, CORTO_ERR_UNSUPPORTED, jpath, "%zu locations", m);
    out->m = (int)m;
    CORTO_ALLOC(out->v, m * m);
    for (size_t i = 0; i < m; i++) {
        json_t *row = json_array_get(v, i);
        snprintf(sub, sizeof sub, "%s[%zu]", jpath, i);
        if (!json_is_array(row) || json_array_size(row) != m) {
            rc = vr_fail(r, CORTO_ERR_PARSE, sub,
                         "expected a row of %zu integers (the matrix must "
                         "be square)",
                         m);
            goto cleanup;
        }
        for (size_t j = 0; j < m; j++) {
            json_t *x = json_array_get(row, j);
            if (!json_is_integer(x) || json_integer_value(x) < 0 ||
                json_integer_value(x) > VR_MAX_VALUE) {
                snprintf(sub, sizeof sub, "%s[%zu][%zu]", jpath, i, j);
                rc = vr_fail(r, CORTO_ERR_PARSE, sub,
                             "expected an integer in [0, %lld]",
                             (long long)VR_MAX_VALUE);
                goto cleanup;
            }
            out->v[i * m + j] = json_integer_value(x);
        }
    }
cleanup:
    return rc;
}

static corto_status vr_matrices(vr_reader *r, json_t *root, vr_profile **profs,
                                int *n_profs)
{
    static const char *const keys[] = {"durations", "distances", "costs",
                                       NULL};
    static const char *const names[] = {"durations", "distances", "costs"};
    corto_status rc = CORTO_OK;
    char jpath[VR_PATH], sub[VR_PATH];
    json_t *mats = json_object_get(root, "matrices");
    if (!mats)
        return vr_fail(r, CORTO_ERR_PARSE, "matrices",
                       "missing: corto has no routing engine, give "
                       "\"matrices\": {\"car\": {\"durations\": [[...]]}}");
    if (!json_is_object(mats) || json_object_size(mats) == 0)
        return vr_fail(r, CORTO_ERR_PARSE, "matrices",
                       "expected an object with one entry per profile");
    CORTO_ALLOC(*profs, json_object_size(mats));
    const char *name;
    json_t *pm;
    json_object_foreach(mats, name, pm)
    {
        vr_profile *pr = &(*profs)[(*n_profs)++];
        pr->name = name;
        snprintf(jpath, sizeof jpath, "matrices.%s", name);
        CORTO_TRY(vr_keys(r, pm, jpath, keys));
        vr_matrix *slot[3] = {&pr->dur, &pr->dist, &pr->cost};
        for (int k = 0; k < 3; k++) {
            json_t *v = json_object_get(pm, names[k]);
            if (!v)
                continue;
            snprintf(sub, sizeof sub, "%s.%s", jpath, names[k]);
            CORTO_TRY(vr_matrix_parse(r, v, sub, slot[k]));
            if (slot[k]->m != pr->dur.m && pr->dur.v) {
                rc = vr_fail(r, CORTO_ERR_PARSE, sub,
                             "%dx%d where durations are %dx%d", slot[k]->m,
                             slot[k]->m, pr->dur.m, pr->dur.m);
                goto cleanup;
            }
        }
        if (!pr->dur.v) {
            rc = vr_fail(r, CORTO_ERR_PARSE, jpath, "missing \"durations\"");
            goto cleanup;
        }
    }
cleanup:
    return rc;
}

static corto_status vr_vehicle_parse(vr_reader *r, json_t *v, int index,
                                     const vr_profile *profs, int n_profs,
                                     vr_vehicle *out)
{
    static const char *const keys[] = {
        "id",           "profile",     "description",  "start",
        "start_index",  "end",         "end_index",    "capacity",
        "skills",       "time_window", "costs",        "max_travel_time",
        "max_distance", "max_tasks",   "speed_factor", "breaks",
        "steps",        NULL};
    static const char *const cost_keys[] = {"fixed", "per_hour", "per_km",
                                            NULL};
    corto_status rc = CORTO_OK;
    char jpath[VR_PATH], sub[VR_PATH];
    snprintf(jpath, sizeof jpath, "vehicles[%d]", index);
    CORTO_TRY(vr_keys(r, v, jpath, keys));
    json_t *x = json_object_get(v, "id");
    if (!x)
        return vr_fail(r, CORTO_ERR_PARSE, jpath, "missing \"id\"");
    snprintf(sub, sizeof sub, "%s.id", jpath);
    CORTO_TRY(vr_int(r, x, sub, 0, INT64_MAX, &out->id));
    CORTO_TRY(vr_string(r, v, "description", jpath));

    const char *pname = "car";
    if ((x = json_object_get(v, "profile"))) {
        snprintf(sub, sizeof sub, "%s.profile", jpath);
        if (!json_is_string(x))
            return vr_fail(r, CORTO_ERR_PARSE, sub, "expected a string");
        pname = json_string_value(x);
    }
    out->vprof = -1;
    for (int k = 0; k < n_profs; k++)
        if (strcmp(profs[k].name, pname) == 0)
            out->vprof = k;
    if (out->vprof < 0)
        return vr_fail(r, CORTO_ERR_PARSE, jpath,
                       "no matrices for profile \"%s\"", pname);

    if (!json_object_get(v, "start_index") && !json_object_get(v, "start"))
        return vr_fail(r, CORTO_ERR_UNSUPPORTED, jpath,
                       "no start_index: corto routes start at a fixed "
                       "place");
    CORTO_TRY(vr_location(r, v, "start_index", "start", jpath, &out->start));
    CORTO_TRY(
        vr_coords(r, v, "start", jpath, &out->has_sxy, &out->sx, &out->sy));
    out->end = -1;
    if (json_object_get(v, "end_index") || json_object_get(v, "end")) {
        CORTO_TRY(vr_location(r, v, "end_index", "end", jpath, &out->end));
        CORTO_TRY(
            vr_coords(r, v, "end", jpath, &out->has_exy, &out->ex, &out->ey));
    }

    if ((x = json_object_get(v, "capacity"))) {
        snprintf(sub, sizeof sub, "%s.capacity", jpath);
        CORTO_TRY(vr_amounts(r, x, sub, out->cap));
        out->has_cap = 1;
    }
    CORTO_TRY(vr_skills(r, v, jpath, &out->skills));
    out->open = 0;
    out->close = CORTO_UNLIMITED;
    if ((x = json_object_get(v, "time_window"))) {
        snprintf(sub, sizeof sub, "%s.time_window", jpath);
        CORTO_TRY(vr_window(r, x, sub, &out->open, &out->close));
    }
    out->per_hour = 3600;
    if ((x = json_object_get(v, "costs"))) {
        snprintf(sub, sizeof sub, "%s.costs", jpath);
        CORTO_TRY(vr_keys(r, x, sub, cost_keys));
        CORTO_TRY(vr_opt_int(r, x, "fixed", sub, VR_MAX_COST, &out->fixed));
        CORTO_TRY(
            vr_opt_int(r, x, "per_hour", sub, VR_MAX_COST, &out->per_hour));
        CORTO_TRY(vr_opt_int(r, x, "per_km", sub, VR_MAX_COST, &out->per_km));
        out->has_per_hour = json_object_get(x, "per_hour") != NULL;
        out->has_per_km = json_object_get(x, "per_km") != NULL;
    }
    out->max_travel = CORTO_UNLIMITED;
    out->max_dist = CORTO_UNLIMITED;
    CORTO_TRY(vr_opt_int(r, v, "max_travel_time", jpath, VR_MAX_VALUE,
                         &out->max_travel));
    CORTO_TRY(
        vr_opt_int(r, v, "max_distance", jpath, VR_MAX_VALUE, &out->max_dist));
    if ((x = json_object_get(v, "max_tasks"))) {
        snprintf(sub, sizeof sub, "%s.max_tasks", jpath);
        int64_t t = 0;
        CORTO_TRY(vr_int(r, x, sub, 0, INT32_MAX, &t));
        return vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                       "corto has no limit on the number of tasks");
    }
    out->speed = 1.0;
    if ((x = json_object_get(v, "speed_factor"))) {
        snprintf(sub, sizeof sub, "%s.speed_factor", jpath);
        if (!json_is_number(x) || !(json_number_value(x) > 0.0) ||
            json_number_value(x) > 5.0)
            return vr_fail(r, CORTO_ERR_PARSE, sub,
                           "expected a number in (0, 5]");
        out->speed = json_number_value(x);
    }
    if ((x = json_object_get(v, "breaks"))) {
        snprintf(sub, sizeof sub, "%s.breaks", jpath);
        if (!json_is_array(x))
            return vr_fail(r, CORTO_ERR_PARSE, sub, "expected an array");
        if (json_array_size(x) > 0)
            return vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                           "breaks are not supported");
    }
    if ((x = json_object_get(v, "steps"))) {
        snprintf(sub, sizeof sub, "%s.steps", jpath);
        if (!json_is_array(x))
            return vr_fail(r, CORTO_ERR_PARSE, sub, "expected an array");
        if (json_array_size(x) > 0)
            return vr_fail(r, CORTO_ERR_UNSUPPORTED, sub,
                           "imposed vehicle steps are not supported");
    }
cleanup:
    return rc;
}

/* The place part of a job or shipment step: id, location, service,
 * windows. */
static corto_status vr_place(vr_reader *r, json_t *o, const char *jpath,
                             vr_task *t)
{
    corto_status rc = CORTO_OK;
    char sub[VR_PATH];
    json_t *x = json_object_get(o, "id");
    if (!x)
        return vr_fail(r, CORTO_ERR_PARSE, jpath, "missing \"id\"");
    snprintf(sub, sizeof sub, "%s.id", jpath);
    CORTO_TRY(vr_int(r, x, sub, 0, INT64_MAX, &t->id));
    CORTO_TRY(vr_string(r, o, "description", jpath));
    CORTO_TRY(vr_location(r, o, "location_index", "location", jpath, &t->loc));
    CORTO_TRY(vr_coords(r, o, "location", jpath, &t->has_xy, &t->x, &t->y));
    CORTO_TRY(vr_zero_only(r, o, "setup", jpath,
                           "setup times are not supported (use 0)"));
    CORTO_TRY(vr_opt_int(r, o, "service", jpath, VR_MAX_VALUE, &t->service));
    CORTO_TRY(vr_windows(r, o, jpath, &t->open, &t->close));
cleanup:
    return rc;
}

static corto_status vr_job_parse(vr_reader *r, json_t *o, int index,
                                 vr_task *t)
{
    static const char *const keys[] = {
        "id",       "description",  "location", "location_index", "setup",
        "service",  "delivery",     "pickup",   "amount",         "skills",
        "priority", "time_windows", NULL};
    corto_status rc = CORTO_OK;
    char jpath[VR_PATH], sub[VR_PATH];
    snprintf(jpath, sizeof jpath, "jobs[%d]", index);
    CORTO_TRY(vr_keys(r, o, jpath, keys));
    t->kind = MODEL_ORIGIN_JOB;
    t->index = index;
    CORTO_TRY(vr_place(r, o, jpath, t));
    json_t *x;
    if ((x = json_object_get(o, "delivery"))) {
        snprintf(sub, sizeof sub, "%s.delivery", jpath);
        CORTO_TRY(vr_amounts(r, x, sub, t->delivery));
    }
    if ((x = json_object_get(o, "amount"))) {
        snprintf(sub, sizeof sub, "%s.amount", jpath);
        if (json_object_get(o, "delivery")) {
            rc = vr_fail(r, CORTO_ERR_PARSE, sub,
                         "give \"delivery\" or the legacy \"amount\", not "
                         "both");
            goto cleanup;
        }
        CORTO_TRY(vr_amounts(r, x, sub, t->delivery));
    }
    if ((x = json_object_get(o, "pickup"))) {
        snprintf(sub, sizeof sub, "%s.pickup", jpath);
        CORTO_TRY(vr_amounts(r, x, sub, t->pickup));
    }
    CORTO_TRY(vr_skills(r, o, jpath, &t->skills));
    CORTO_TRY(vr_priority(r, o, jpath));
cleanup:
    return rc;
}

/* A shipment: t[0] its pickup, t[1] its delivery. */
static corto_status vr_shipment_parse(vr_reader *r, json_t *o, int index,
                                      vr_task *t)
{
    static const char *const keys[] = {"pickup", "delivery", "amount",
                                       "skills", "priority", NULL};
    static const char *const step_keys[] = {
        "id",    "description", "location",     "location_index",
        "setup", "service",     "time_windows", NULL};
    static const char *const side[] = {"pickup", "delivery"};
    corto_status rc = CORTO_OK;
    char jpath[VR_PATH], sub[VR_PATH];
    snprintf(jpath, sizeof jpath, "shipments[%d]", index);
    CORTO_TRY(vr_keys(r, o, jpath, keys));
    int64_t amount[CORTO_MAX_DIMS] = {0};
    skill_set skills;
    json_t *x;
    if ((x = json_object_get(o, "amount"))) {
        snprintf(sub, sizeof sub, "%s.amount", jpath);
        CORTO_TRY(vr_amounts(r, x, sub, amount));
    }
    CORTO_TRY(vr_skills(r, o, jpath, &skills));
    CORTO_TRY(vr_priority(r, o, jpath));
    for (int k = 0; k < 2; k++) {
        snprintf(sub, sizeof sub, "%s.%s", jpath, side[k]);
        x = json_object_get(o, side[k]);
        if (!x) {
            rc = vr_fail(r, CORTO_ERR_PARSE, jpath, "missing \"%s\"", side[k]);
            goto cleanup;
        }
        CORTO_TRY(vr_keys(r, x, sub, step_keys));
        t[k].kind = k == 0 ? MODEL_ORIGIN_PICKUP : MODEL_ORIGIN_DELIVERY;
        t[k].index = index;
        CORTO_TRY(vr_place(r, x, sub, &t[k]));
        memcpy(t[k].amount, amount, sizeof amount);
        t[k].skills = skills;
    }
cleanup:
    return rc;
}

/* JSON path of a task, for messages. */
static void vr_task_path(char *buf, size_t size, const vr_task *t)
{
    if (t->kind == MODEL_ORIGIN_JOB)
        snprintf(buf, size, "jobs[%d]", t->index);
    else
        snprintf(buf, size, "shipments[%d].%s", t->index,
                 t->kind == MODEL_ORIGIN_PICKUP ? "pickup" : "delivery");
}

static int64_t vr_gcd(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Smallest S making fixed*S, per_hour*S/3600 and per_km*S/1000 whole for
 * every vehicle (divides lcm(3600, 1000) = 18000). */
static int64_t vr_cost_scale(const vr_vehicle *v, int n)
{
    int64_t s = 1;
    for (int k = 0; k < n; k++) {
        int64_t a = 3600 / vr_gcd(v[k].per_hour, 3600);
        int64_t b = 1000 / vr_gcd(v[k].per_km, 1000);
        s = s / vr_gcd(s, a) * a;
        s = s / vr_gcd(s, b) * b;
    }
    return s;
}

/* The whole text of the (possibly gzipped) file. */
static corto_status vr_slurp(const char *path, char **out, size_t *len,
                             corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader tr;
    size_t cap = 1 << 16, n = 0;
    char *buf = NULL;
    int got = 1;
    memset(&tr, 0, sizeof tr);
    CORTO_TRY(text_open(&tr, path, diag));
    CORTO_ALLOC(buf, cap);
    for (;;) {
        CORTO_TRY(text_next_line(&tr, &got, diag));
        if (!got)
            break;
        if (n + tr.line_len + 2 > cap) {
            while (n + tr.line_len + 2 > cap)
                cap *= 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                rc = CORTO_ERR_NOMEM;
                goto cleanup;
            }
            buf = grown;
        }
        memcpy(buf + n, tr.line, tr.line_len);
        n += tr.line_len;
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
cleanup:
    text_close(&tr);
    free(buf);
    return rc;
}

/* The list of dense skill ids of a set, for corto_problem_set_skills. */
static int vr_skill_list(const skill_set *s, int n_skills, int *out)
{
    int n = 0;
    for (int id = 0; id < n_skills; id++)
        if (skill_set_has(s, id))
            out[n++] = id;
    return n;
}

/* Unique ids: jobs among jobs, pickups among pickups, deliveries among
 * deliveries, vehicles among vehicles (quadratic; inputs are small). */
static corto_status vr_unique_ids(vr_reader *r, const vr_task *t, int nt,
                                  const vr_vehicle *v, int nv)
{
    char a[VR_PATH], b[VR_PATH];
    for (int i = 0; i < nt; i++)
        for (int j = 0; j < i; j++)
            if (t[i].kind == t[j].kind && t[i].id == t[j].id) {
                vr_task_path(a, sizeof a, &t[i]);
                vr_task_path(b, sizeof b, &t[j]);
                strncat(a, ".id", sizeof a - strlen(a) - 1);
                return vr_fail(r, CORTO_ERR_PARSE, a,
                               "id %lld already used by %s",
                               (long long)t[i].id, b);
            }
    for (int i = 0; i < nv; i++)
        for (int j = 0; j < i; j++)
            if (v[i].id == v[j].id) {
                snprintf(a, sizeof a, "vehicles[%d].id", i);
                return vr_fail(r, CORTO_ERR_PARSE, a,
                               "id %lld already used by vehicles[%d]",
                               (long long)v[i].id, j);
            }
    return CORTO_OK;
}

/* Parsed input → corto problem. */
typedef struct vr_input {
    vr_profile *profs;
    int n_profs;
    vr_vehicle *veh;
    int n_veh;
    vr_task *tasks;
    int n_tasks;
} vr_input;

/* Per vehicle: the distance-slot choice, and checks that need matrices. */
static corto_status vr_check_vehicles(vr_reader *r, vr_input *in)
{
    char jpath[VR_PATH];
    for (int k = 0; k < in->n_veh; k++) {
        vr_vehicle *v = &in->veh[k];
        const vr_profile *pr = &in->profs[v->vprof];
        snprintf(jpath, sizeof jpath, "vehicles[%d]", k);
        if (pr->cost.v && (v->has_per_hour || v->has_per_km))
            return vr_fail(r, CORTO_ERR_PARSE, jpath,
                           "costs.per_hour / costs.per_km cannot be used with "
                           "the \"costs\" matrix of profile \"%s\"",
                           pr->name);
        if (pr->cost.v)
            v->per_hour = v->per_km = 0;
        if (!pr->dist.v && v->per_km > 0)
            return vr_fail(r, CORTO_ERR_PARSE, jpath,
                           "costs.per_km needs \"distances\" for profile "
                           "\"%s\"",
                           pr->name);
        if ((!pr->dist.v || pr->cost.v) && v->max_dist != CORTO_UNLIMITED)
            return vr_fail(
                r, pr->dist.v ? CORTO_ERR_UNSUPPORTED : CORTO_ERR_PARSE, jpath,
                "max_distance needs \"distances\"%s for profile "
                "\"%s\"",
                pr->dist.v ? " and no \"costs\" matrix" : "", pr->name);
        int64_t locs[2] = {v->start, v->end};
        for (int e = 0; e < 2; e++)
            if (locs[e] >= pr->dur.m)
                return vr_fail(r, CORTO_ERR_PARSE, jpath,
                               "%s %lld is outside the %dx%d matrices of "
                               "profile \"%s\"",
                               e ? "end_index" : "start_index",
                               (long long)locs[e], pr->dur.m, pr->dur.m,
                               pr->name);
    }
    for (int t = 0; t < in->n_tasks; t++)
        for (int k = 0; k < in->n_veh; k++) {
            const vr_profile *pr = &in->profs[in->veh[k].vprof];
            if (in->tasks[t].loc >= pr->dur.m) {
                vr_task_path(jpath, sizeof jpath, &in->tasks[t]);
                strncat(jpath, ".location_index",
                        sizeof jpath - strlen(jpath) - 1);
                return vr_fail(r, CORTO_ERR_PARSE, jpath,
                               "%lld is outside the %dx%d matrices of "
                               "profile \"%s\" (vehicles[%d])",
                               (long long)in->tasks[t].loc, pr->dur.m,
                               pr->dur.m, pr->name, k);
            }
        }
    return CORTO_OK;
}

/* Build the corto problem from the parsed input. */
static corto_status vr_build(vr_reader *r, vr_input *in, const char *path,
                             corto_problem **out)
{
    corto_status rc = CORTO_OK;
    corto_problem *p = NULL;
    int64_t *mdur = NULL, *mdist = NULL, *loc = NULL;
    int *vnode = NULL; /* 2 per vehicle: start node, end node or -1 */
    double *xs = NULL, *ys = NULL;
    model_origin *origin = NULL;
    model_vorigin *vorigin = NULL;
    int prof_v[VR_MAX_PROFILES];
    double prof_speed[VR_MAX_PROFILES];
    int n_cprof = 0, all_xy = 1, skill_ids[CORTO_MAX_SKILLS];

    /* corto profiles: one per distinct (profile, speed_factor). */
    for (int k = 0; k < in->n_veh; k++) {
        vr_vehicle *v = &in->veh[k];
        v->cprof = -1;
        for (int c = 0; c < n_cprof && v->cprof < 0; c++)
            if (prof_v[c] == v->vprof && prof_speed[c] == v->speed)
                v->cprof = c;
        if (v->cprof < 0) {
            if (n_cprof == VR_MAX_PROFILES) {
                char jpath[VR_PATH];
                snprintf(jpath, sizeof jpath, "vehicles[%d]", k);
                rc = vr_fail(r, CORTO_ERR_UNSUPPORTED, jpath,
                             "more than %d (profile, speed_factor) "
                             "combinations",
                             VR_MAX_PROFILES);
                goto cleanup;
            }
            prof_v[n_cprof] = v->vprof;
            prof_speed[n_cprof] = v->speed;
            v->cprof = n_cprof++;
        }
    }

    /* Nodes: each vehicle's start (and end), then the tasks. */
    int n = in->n_tasks;
    for (int k = 0; k < in->n_veh; k++)
        n += 1 + (in->veh[k].end >= 0);
    int dims = r->n_dims > 0 ? r->n_dims : 1;
    CORTO_TRY(corto_problem_create(&p, n, dims));
    CORTO_ALLOC(loc, n);
    CORTO_ALLOC(origin, n);
    CORTO_ALLOC(vorigin, in->n_veh);
    CORTO_ALLOC(vnode, 2 * (size_t)in->n_veh);
    CORTO_ALLOC(xs, n);
    CORTO_ALLOC(ys, n);
    int node = 0;
    for (int k = 0; k < in->n_veh; k++) {
        const vr_vehicle *v = &in->veh[k];
        origin[node] = (model_origin){MODEL_ORIGIN_START, v->id, v->start};
        loc[node] = v->start;
        all_xy &= v->has_sxy;
        xs[node] = v->sx;
        ys[node] = v->sy;
        CORTO_TRY(corto_problem_set_depot(p, node, 1));
        vnode[2 * k] = node++;
        vnode[2 * k + 1] = -1;
        if (v->end >= 0) {
            origin[node] = (model_origin){MODEL_ORIGIN_END, v->id, v->end};
            loc[node] = v->end;
            all_xy &= v->has_exy;
            xs[node] = v->ex;
            ys[node] = v->ey;
            CORTO_TRY(corto_problem_set_depot(p, node, 1));
            vnode[2 * k + 1] = node++;
        }
    }
    int first_task = node;
    for (int t = 0; t < in->n_tasks; t++, node++) {
        const vr_task *tk = &in->tasks[t];
        origin[node] = (model_origin){tk->kind, tk->id, tk->loc};
        loc[node] = tk->loc;
        all_xy &= tk->has_xy;
        xs[node] = tk->x;
        ys[node] = tk->y;
        CORTO_TRY(corto_problem_set_depot(p, node, 0));
        CORTO_TRY(corto_problem_set_demand(p, node, tk->delivery));
        CORTO_TRY(corto_problem_set_pickup(p, node, tk->pickup));
        CORTO_TRY(corto_problem_set_service(p, node, tk->service));
        CORTO_TRY(corto_problem_set_time_window(p, node, tk->open, tk->close));
        int ns = vr_skill_list(&tk->skills, r->n_skills, skill_ids);
        CORTO_TRY(corto_problem_set_skills(p, node, skill_ids, ns));
        if (tk->kind == MODEL_ORIGIN_DELIVERY)
            CORTO_TRY(corto_problem_add_pair(p, node - 1, node,
                                             in->tasks[t - 1].amount));
    }
    (void)first_task;
    if (all_xy)
        CORTO_TRY(corto_problem_set_coords(p, xs, ys));

    /* Node-level matrices of every corto profile. */
    CORTO_TRY(corto_problem_set_profiles(p, n_cprof));
    CORTO_ALLOC(mdur, (size_t)n * (size_t)n);
    CORTO_ALLOC(mdist, (size_t)n * (size_t)n);
    for (int c = 0; c < n_cprof; c++) {
        const vr_profile *pr = &in->profs[prof_v[c]];
        const vr_matrix *dslot = pr->cost.v   ? &pr->cost
                                 : pr->dist.v ? &pr->dist
                                              : NULL;
        size_t m = (size_t)pr->dur.m;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                size_t lij = (size_t)loc[i] * m + (size_t)loc[j];
                size_t at = (size_t)i * (size_t)n + (size_t)j;
                int64_t d = pr->dur.v[lij];
                if (prof_speed[c] != 1.0)
                    d = (int64_t)llround((double)d / prof_speed[c]);
                mdur[at] = d;
                mdist[at] = dslot ? dslot->v[lij] : d;
            }
        CORTO_TRY(corto_problem_set_durations(p, c, mdur));
        CORTO_TRY(corto_problem_set_distances(p, c, mdist));
    }

    /* Vehicles. */
    int64_t scale = vr_cost_scale(in->veh, in->n_veh);
    for (int k = 0; k < in->n_veh; k++) {
        const vr_vehicle *v = &in->veh[k];
        const vr_profile *pr = &in->profs[v->vprof];
        corto_vehicle_type vt;
        corto_vehicle_type_init(&vt);
        vt.count = 1;
        vt.capacity = v->has_cap ? v->cap : NULL;
        vt.start_depot = vnode[2 * k];
        vt.end_depot = vnode[2 * k + 1];
        vt.fixed_cost = v->fixed * scale;
        if (pr->cost.v) {
            vt.cost_per_distance = scale;
            vt.cost_per_duration = 0;
        } else {
            vt.cost_per_distance = v->per_km * scale / 1000;
            vt.cost_per_duration = v->per_hour * scale / 3600;
        }
        vt.shift_open = v->open;
        vt.shift_close = v->close;
        vt.max_duration = v->max_travel;
        vt.max_distance = v->max_dist;
        vt.profile = v->cprof;
        vt.n_skills = vr_skill_list(&v->skills, r->n_skills, skill_ids);
        vt.skills = skill_ids;
        CORTO_TRY(corto_problem_add_vehicle_type(p, &vt, NULL));
        vorigin[k].id = v->id;
        vorigin[k].has_distance = pr->dist.v && !pr->cost.v;
    }
    p->origin = origin;
    p->vorigin = vorigin;
    origin = NULL;
    vorigin = NULL;
    p->cost_scale = scale;
    {
        const char *base = strrchr(path, '/');
        CORTO_TRY(corto_problem_set_name(p, base ? base + 1 : path));
    }

    /* Tasks nobody can serve stay out, unassigned, as in VROOM. */
    for (int i = 0; i < n; i++)
        if (!p->is_depot[i] && vroom_unreachable_reason(p, i))
            p->required[i] = 0;
    CORTO_TRY(corto_problem_validate(p, r->diag));
    *out = p;
    p = NULL;
cleanup:
    corto_problem_destroy(p);
    free(mdur);
    free(mdist);
    free(loc);
    free(vnode);
    free(xs);
    free(ys);
    free(origin);
    free(vorigin);
    return rc;
}

static corto_status vr_array(vr_reader *r, json_t *root, const char *key,
                             json_t **out)
{
    *out = json_object_get(root, key);
    if (*out && !json_is_array(*out))
        return vr_fail(r, CORTO_ERR_PARSE, key, "expected an array");
    return CORTO_OK;
}

corto_status vroom_read(corto_problem **out, const char *path,
                        corto_diag *diag)
{
    static const char *const root_keys[] = {"jobs", "shipments", "vehicles",
                                            "matrices", NULL};
    corto_status rc = CORTO_OK;
    vr_reader *r = NULL;
    vr_input in;
    char *text = NULL;
    size_t len = 0;
    json_t *root = NULL, *jobs = NULL, *ships = NULL, *vehs = NULL;
    json_error_t err;
    memset(&in, 0, sizeof in);
    *out = NULL;
    CORTO_ALLOC(r, 1);
    r->file = path;
    r->diag = diag;
    CORTO_TRY(vr_slurp(path, &text, &len, diag));
    root = json_loadb(text, len, 0, &err);
    if (!root) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, err.line > 0 ? err.line : 1,
                      "invalid JSON: %s", err.text);
        goto cleanup;
    }
    if (json_is_object(root) && json_object_get(root, "matrix")) {
        rc = vr_fail(r, CORTO_ERR_UNSUPPORTED, "matrix",
                     "the legacy top-level matrix is not read; give "
                     "\"matrices\": {\"car\": {\"durations\": ...}}");
        goto cleanup;
    }
    CORTO_TRY(vr_keys(r, root, "(document)", root_keys));
    CORTO_TRY(vr_array(r, root, "jobs", &jobs));
    CORTO_TRY(vr_array(r, root, "shipments", &ships));
    CORTO_TRY(vr_array(r, root, "vehicles", &vehs));
    if (!vehs || json_array_size(vehs) == 0) {
        rc = vr_fail(r, CORTO_ERR_PARSE, "vehicles",
                     "missing or empty: at least one vehicle is needed");
        goto cleanup;
    }
    if (json_array_size(jobs) + json_array_size(ships) == 0) {
        rc = vr_fail(r, CORTO_ERR_PARSE, "jobs",
                     "no jobs and no shipments: nothing to route");
        goto cleanup;
    }
    if (json_array_size(jobs) + 2 * json_array_size(ships) +
            2 * json_array_size(vehs) >
        100000) {
        rc = vr_fail(r, CORTO_ERR_UNSUPPORTED, "jobs", "too many tasks");
        goto cleanup;
    }
    CORTO_TRY(vr_matrices(r, root, &in.profs, &in.n_profs));

    in.n_veh = (int)json_array_size(vehs);
    CORTO_ALLOC(in.veh, in.n_veh);
    for (int k = 0; k < in.n_veh; k++)
        CORTO_TRY(vr_vehicle_parse(r, json_array_get(vehs, (size_t)k), k,
                                   in.profs, in.n_profs, &in.veh[k]));
    CORTO_ALLOC(in.tasks, json_array_size(jobs) + 2 * json_array_size(ships));
    for (size_t k = 0; k < json_array_size(jobs); k++)
        CORTO_TRY(vr_job_parse(r, json_array_get(jobs, k), (int)k,
                               &in.tasks[in.n_tasks++]));
    for (size_t k = 0; k < json_array_size(ships); k++) {
        CORTO_TRY(vr_shipment_parse(r, json_array_get(ships, k), (int)k,
                                    &in.tasks[in.n_tasks]));
        in.n_tasks += 2;
    }
    CORTO_TRY(vr_unique_ids(r, in.tasks, in.n_tasks, in.veh, in.n_veh));
    CORTO_TRY(vr_check_vehicles(r, &in));
    CORTO_TRY(vr_build(r, &in, path, out));
cleanup:
    if (rc != CORTO_OK && diag && diag->message[0] == '\0')
        diag_set(diag, rc, path, 0, "%s", corto_status_string(rc));
    for (int k = 0; k < in.n_profs; k++) {
        free(in.profs[k].dur.v);
        free(in.profs[k].dist.v);
        free(in.profs[k].cost.v);
    }
    free(in.profs);
    free(in.veh);
    free(in.tasks);
    json_decref(root);
    free(text);
    free(r);
    return rc;
}
