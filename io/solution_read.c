/*
 * solution_read.c — reading solutions: CVRPLIB .sol ("Route #k: ..." lines
 * and "Cost N"), TSPLIB .tour (TOUR_SECTION of 1-based ids ending in -1)
 * and the JSON document (see solution_io.h; both its VROOM-like layout
 * and corto's former "nodes" layout are read). The format is told from
 * the content: '{' starts JSON, "Route"/"Cost" a .sol, anything else is
 * read as a TSPLIB tour.
 *
 * Node ids are taken as written, even out of range or repeated: judging
 * them is the checker's job (corto_solution_check). Only a file that
 * cannot be read as its format is refused, with "FILE:LINE: what".
 */
#include "solution_io.h"
#include "model.h"
#include "text_reader.h"
#include "util.h"
#include "vroom.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A growing list of ints. */
typedef struct sol_ints {
    int *v;
    int n, cap;
} sol_ints;

static corto_status sol_ints_push(sol_ints *a, int x)
{
    if (a->n == a->cap) {
        int cap = a->cap ? 2 * a->cap : 64;
        int *grown = realloc(a->v, (size_t)cap * sizeof *grown);
        if (!grown)
            return CORTO_ERR_NOMEM;
        a->v = grown;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return CORTO_OK;
}

static corto_status sol_err(const text_reader *r, corto_diag *diag,
                            const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static corto_status sol_err(const text_reader *r, corto_diag *diag,
                            const char *fmt, ...)
{
    char text[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return diag_set(diag, CORTO_ERR_PARSE, r->path,
                    r->lineno > 0 ? r->lineno : 1, "%s", text);
}

/* ------------------------------------------------------------------ */
/* TSPLIB .tour                                                        */
/* ------------------------------------------------------------------ */

/* TOUR_SECTION: ids up to the closing -1, wrapping over lines freely. */
static corto_status sol_tour_section(text_reader *r, sol_ints *ids,
                                     corto_diag *diag)
{
    for (;;) {
        char *tok = NULL;
        int id = 0;
        corto_status rc = text_next_token(r, &tok, diag);
        if (rc != CORTO_OK)
            return rc;
        if (!tok)
            return sol_err(r, diag,
                           "file ends inside TOUR_SECTION (no closing -1)");
        if (!text_parse_int(tok, &id)) {
            if (isalpha((unsigned char)tok[0]))
                return sol_err(r, diag,
                               "TOUR_SECTION does not end with -1 before "
                               "'%s'",
                               tok);
            return sol_err(r, diag, "node id '%s' is not an integer", tok);
        }
        if (id == -1)
            break;
        rc = sol_ints_push(ids, id);
        if (rc != CORTO_OK)
            return rc;
    }
    if (!text_line_rest_empty(r))
        return sol_err(r, diag, "unexpected text after the closing -1");
    return CORTO_OK;
}

/* A TSPLIB tour, from the current line of r on. */
static corto_status sol_tour_parse(text_reader *r, sol_ints *ids,
                                   int *dimension, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    int have_section = 0, got = 1, closed = 0;
    *dimension = -1;
    while (got) {
        char *line = r->line + strspn(r->line, " \t");
        size_t k = 0;
        char key[32];
        while ((isalnum((unsigned char)line[k]) || line[k] == '_') &&
               k + 1 < sizeof key) {
            key[k] = line[k];
            k++;
        }
        key[k] = '\0';
        char *value = line + k;
        value += strspn(value, " \t");
        if (*value == ':')
            value++;
        value += strspn(value, " \t");
        char *end = value + strlen(value);
        while (end > value && isspace((unsigned char)end[-1]))
            *--end = '\0';
        if (strcmp(key, "EOF") == 0)
            break;
        if (strcmp(key, "NAME") == 0 || strcmp(key, "COMMENT") == 0) {
            /* free text */
        } else if (strcmp(key, "TYPE") == 0) {
            if (strncmp(value, "TOUR", 4) != 0 ||
                (value[4] && !isspace((unsigned char)value[4])))
                return sol_err(r, diag, "TYPE '%s' is not TOUR", value);
        } else if (strcmp(key, "DIMENSION") == 0) {
            if (!text_parse_int(value, dimension) || *dimension < 1)
                return sol_err(r, diag,
                               "DIMENSION '%s' is not a positive integer",
                               value);
        } else if (strcmp(key, "TOUR_SECTION") == 0) {
            if (have_section)
                return sol_err(r, diag, "a second TOUR_SECTION");
            have_section = 1;
            r->cursor = r->line + r->line_len;
            CORTO_TRY(sol_tour_section(r, ids, diag));
            closed = 1;
        } else if (strcmp(line, "-1") == 0 && closed) {
            closed = 0; /* the optional -1 that ends the list of tours */
        } else if (k == 0 || isdigit((unsigned char)key[0])) {
            return sol_err(r, diag,
                           "unexpected '%.40s' (expected a TSPLIB tour "
                           "keyword%s)",
                           line,
                           have_section ? "; only one tour is read" : "");
        } else {
            return sol_err(r, diag, "unknown keyword '%s' in a tour file",
                           key);
        }
        CORTO_TRY(text_next_nonblank(r, &got, diag));
    }
    if (!have_section)
        return sol_err(r, diag, "missing TOUR_SECTION");
cleanup:
    return rc;
}

corto_status solution_read_tour_ids(int **ids_out, int *n, int *dimension,
                                    const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    text_reader r;
    sol_ints ids = {0};
    int got = 0;
    *ids_out = NULL;
    *n = 0;
    CORTO_TRY(text_open(&r, path, diag));
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    if (!got) {
        rc = sol_err(&r, diag, "empty file");
        goto cleanup;
    }
    CORTO_TRY(sol_tour_parse(&r, &ids, dimension, diag));
    *ids_out = ids.v;
    *n = ids.n;
    ids.v = NULL;
cleanup:
    text_close(&r);
    free(ids.v);
    return rc;
}

/*
 * A tour may start anywhere: rotate it so that it leaves from the depot
 * (node 0) and add the rest, in tour order, as one route. Without node 0
 * every node becomes part of the route, for the checker to report.
 */
static corto_status sol_tour_to_solution(corto_solution *s, const int *ids,
                                         int n)
{
    corto_status rc = CORTO_OK;
    int *route = NULL, start = -1, len = 0;
    CORTO_ALLOC(route, n);
    for (int k = 0; k < n && start < 0; k++)
        if (ids[k] == 1)
            start = k;
    if (start < 0) {
        for (int k = 0; k < n; k++)
            route[len++] = ids[k] - 1;
    } else {
        for (int k = 1; k < n; k++)
            route[len++] = ids[(start + k) % n] - 1;
    }
    CORTO_TRY(corto_solution_add_route(s, 0, route, len));
cleanup:
    free(route);
    return rc;
}

/* ------------------------------------------------------------------ */
/* CVRPLIB .sol                                                        */
/* ------------------------------------------------------------------ */

/* "Route #k: c1 c2 ..." with the cursor after "Route". */
static corto_status sol_route_line(text_reader *r, corto_solution *s,
                                   sol_ints *nodes, corto_diag *diag)
{
    char *c = r->cursor + strspn(r->cursor, " \t");
    char *end = NULL;
    if (*c != '#')
        return sol_err(r, diag, "expected '#' after 'Route'");
    long k = strtol(c + 1, &end, 10);
    if (end == c + 1 || k < 0)
        return sol_err(r, diag, "route number after '#' is missing");
    c = end + strspn(end, " \t");
    if (*c != ':')
        return sol_err(r, diag, "expected ':' after 'Route #%ld'", k);
    r->cursor = c + 1;
    nodes->n = 0;
    for (char *tok; (tok = text_line_token(r));) {
        int node = 0;
        if (!text_parse_int(tok, &node))
            return sol_err(r, diag,
                           "customer '%s' on route #%ld is not an integer",
                           tok, k);
        corto_status rc = sol_ints_push(nodes, node);
        if (rc != CORTO_OK)
            return rc;
    }
    return corto_solution_add_route(s, 0, nodes->v, nodes->n);
}

/* A CVRPLIB solution, from the current line of r on. */
/* A cost written with at most `decimals` decimals ("827.3"), as an
 * integer in units of 10^-decimals. 0 when it is not such a number. */
static int sol_parse_cost(const char *tok, int decimals, int64_t *out)
{
    char digits[40];
    const char *dot = strchr(tok, '.');
    if (!dot)
        dot = tok + strlen(tok);
    size_t ilen = (size_t)(dot - tok);
    size_t flen = *dot ? strlen(dot + 1) : 0;
    if ((*dot && flen == 0) || flen > (size_t)decimals ||
        ilen + (size_t)decimals >= sizeof digits)
        return 0;
    memcpy(digits, tok, ilen);
    for (size_t k = 0; k < (size_t)decimals; k++)
        digits[ilen + k] = k < flen ? dot[1 + k] : '0';
    digits[ilen + (size_t)decimals] = '\0';
    for (size_t k = ilen; k < ilen + (size_t)decimals; k++)
        if (digits[k] < '0' || digits[k] > '9')
            return 0;
    return text_parse_int64(digits, out);
}

static corto_status sol_sol_parse(text_reader *r, corto_solution *s,
                                  int64_t *claimed, int decimals,
                                  corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    sol_ints nodes = {0};
    long cost_line = 0;
    int got = 1;
    while (got) {
        char *word = text_line_token(r);
        if (strcasecmp(word, "Route") == 0) {
            CORTO_TRY(sol_route_line(r, s, &nodes, diag));
        } else if (strcasecmp(word, "Cost") == 0 ||
                   strcasecmp(word, "Cost:") == 0) {
            char *tok = text_line_token(r);
            if (tok && strcmp(tok, ":") == 0)
                tok = text_line_token(r);
            int64_t v = 0;
            if (cost_line) {
                rc = sol_err(r, diag, "second Cost line (first on line %ld)",
                             cost_line);
                goto cleanup;
            }
            if (!tok || !sol_parse_cost(tok, decimals, &v)) {
                if (decimals > 0)
                    rc = sol_err(r, diag,
                                 "cost '%s' is not a number with at most %d "
                                 "decimal%s",
                                 tok ? tok : "", decimals,
                                 decimals == 1 ? "" : "s");
                else
                    rc = sol_err(r, diag, "cost '%s' is not an integer",
                                 tok ? tok : "");
                goto cleanup;
            }
            if ((tok = text_line_token(r))) {
                rc = sol_err(r, diag, "unexpected '%s' after the cost", tok);
                goto cleanup;
            }
            cost_line = r->lineno;
            *claimed = v;
        } else {
            rc = sol_err(r, diag,
                         "expected 'Route #k: ...' or 'Cost N', found "
                         "'%.40s'",
                         word);
            goto cleanup;
        }
        CORTO_TRY(text_next_nonblank(r, &got, diag));
    }
cleanup:
    free(nodes.v);
    return rc;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

/* Rest of the file (the current line included) as one buffer, so that
 * jansson's line numbers match the file's. */
static corto_status sol_slurp(text_reader *r, char **out, size_t *len,
                              corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    long first = r->lineno;
    size_t cap = 4096 + (size_t)first, n = 0;
    char *buf = NULL;
    int got = 1;
    CORTO_ALLOC(buf, cap);
    /* Keep the line numbering: the caller skipped blank lines before the
     * first one. */
    for (long k = 1; k < first; k++)
        buf[n++] = '\n';
    while (got) {
        size_t need = n + r->line_len + 2;
        if (need > cap) {
            while (need > cap)
                cap *= 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                rc = CORTO_ERR_NOMEM;
                goto cleanup;
            }
            buf = grown;
        }
        memcpy(buf + n, r->line, r->line_len);
        n += r->line_len;
        buf[n++] = '\n';
        CORTO_TRY(text_next_line(r, &got, diag));
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
cleanup:
    free(buf);
    return rc;
}

static corto_status sol_json_err(const char *path, corto_diag *diag,
                                 const char *what)
{
    return diag_set(diag, CORTO_ERR_PARSE, path, 0, "%s", what);
}

/* The vehicle type of route ri: "vehicle_type" (a corto index) when
 * present, else "vehicle" (the external id of a JSON problem, the vehicle
 * type index otherwise), else 0. */
static corto_status sol_json_vtype(const char *path, corto_diag *diag,
                                   const corto_problem *p, json_t *route,
                                   size_t ri, int *vtype)
{
    char what[160];
    json_t *vt = json_object_get(route, "vehicle_type");
    json_t *veh = json_object_get(route, "vehicle");
    *vtype = 0;
    if (vt) {
        json_int_t v = json_is_integer(vt) ? json_integer_value(vt) : -1;
        if (v < 0 || v > INT32_MAX) {
            snprintf(what, sizeof what,
                     "routes[%zu].vehicle_type: expected a non-negative "
                     "integer",
                     ri);
            return sol_json_err(path, diag, what);
        }
        *vtype = (int)v;
    } else if (veh) {
        int v = json_is_integer(veh)
                    ? vroom_vehicle_type(p, json_integer_value(veh))
                    : -1;
        if (v < 0) {
            snprintf(what, sizeof what,
                     "routes[%zu].vehicle: not a vehicle of the problem", ri);
            return sol_json_err(path, diag, what);
        }
        *vtype = v;
    }
    return CORTO_OK;
}

/*
 * The client nodes of route ri: from "nodes" (corto's former layout:
 * 0-based nodes, taken as written) or from "steps" (the VROOM-like layout
 * written now: "start" and "end" steps are skipped, a job, pickup or
 * delivery step names its node by id, see vroom_step_node). *nodes is
 * malloc'ed.
 */
static corto_status sol_json_route(const char *path, corto_diag *diag,
                                   const corto_problem *p, json_t *route,
                                   size_t ri, int *vtype, int **nodes,
                                   int *n_out)
{
    corto_status rc = CORTO_OK;
    char what[200];
    json_t *list = json_object_get(route, "nodes");
    json_t *steps = json_object_get(route, "steps");
    if (!json_is_object(route) ||
        (!json_is_array(list) && !json_is_array(steps))) {
        snprintf(what, sizeof what,
                 "routes[%zu]: no \"steps\" (or \"nodes\") array", ri);
        return sol_json_err(path, diag, what);
    }
    CORTO_TRY(sol_json_vtype(path, diag, p, route, ri, vtype));
    size_t n = json_array_size(list ? list : steps), k;
    json_t *item;
    int m = 0;
    CORTO_ALLOC(*nodes, n);
    if (json_is_array(list)) {
        json_array_foreach(list, k, item)
        {
            json_int_t v =
                json_is_integer(item) ? json_integer_value(item) : 0;
            if (!json_is_integer(item) || v < INT32_MIN || v > INT32_MAX) {
                snprintf(what, sizeof what,
                         "node %zu of route %zu is not an integer", k, ri);
                rc = sol_json_err(path, diag, what);
                goto cleanup;
            }
            (*nodes)[m++] = (int)v;
        }
    } else {
        json_array_foreach(steps, k, item)
        {
            json_t *type = json_object_get(item, "type");
            json_t *id = json_object_get(item, "id");
            const char *t = json_string_value(type);
            if (!t) {
                snprintf(what, sizeof what,
                         "routes[%zu].steps[%zu].type: expected a string", ri,
                         k);
                rc = sol_json_err(path, diag, what);
                goto cleanup;
            }
            if (strcmp(t, "start") == 0 || strcmp(t, "end") == 0)
                continue;
            int node = -1;
            if (json_is_integer(id) && !p->origin) {
                json_int_t v = json_integer_value(id);
                if (v > INT32_MIN && v <= (json_int_t)INT32_MAX + 1)
                    node = (int)(v - 1); /* as written: the checker judges */
                else
                    id = NULL;
            } else if (json_is_integer(id)) {
                node = vroom_step_node(p, t, json_integer_value(id));
            }
            if (!json_is_integer(id) || (p->origin && node < 0) ||
                (strcmp(t, "job") && strcmp(t, "pickup") &&
                 strcmp(t, "delivery"))) {
                snprintf(what, sizeof what,
                         "routes[%zu].steps[%zu]: no %s with that id in the "
                         "problem",
                         ri, k, t);
                rc = sol_json_err(path, diag, what);
                goto cleanup;
            }
            (*nodes)[m++] = node;
        }
    }
    *n_out = m;
cleanup:
    return rc;
}

static corto_status sol_json_parse(text_reader *r, corto_solution *s,
                                   int64_t *claimed, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    char *text = NULL;
    size_t len = 0;
    json_t *root = NULL;
    int *nodes = NULL;
    json_error_t err;
    const char *path = r->path;
    CORTO_TRY(sol_slurp(r, &text, &len, diag));
    root = json_loadb(text, len, 0, &err);
    if (!root) {
        rc = diag_set(diag, CORTO_ERR_PARSE, path, err.line > 0 ? err.line : 1,
                      "invalid JSON: %s", err.text);
        goto cleanup;
    }
    if (!json_is_object(root)) {
        rc = sol_json_err(path, diag, "the JSON document is not an object");
        goto cleanup;
    }
    json_t *cost = json_object_get(root, "cost");
    if (cost && json_is_integer(cost)) {
        *claimed = json_integer_value(cost);
    } else if (cost && !json_is_null(cost)) {
        rc = sol_json_err(path, diag, "\"cost\" is not an integer or null");
        goto cleanup;
    }
    json_t *routes = json_object_get(root, "routes");
    if (!json_is_array(routes)) {
        rc = sol_json_err(path, diag, "\"routes\" is missing or not an array");
        goto cleanup;
    }
    size_t ri;
    json_t *route;
    json_array_foreach(routes, ri, route)
    {
        int vtype = 0, n = 0;
        free(nodes);
        nodes = NULL;
        CORTO_TRY(sol_json_route(path, diag, s->problem, route, ri, &vtype,
                                 &nodes, &n));
        CORTO_TRY(corto_solution_add_route(s, vtype, nodes, n));
    }
cleanup:
    free(nodes);
    free(text);
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

corto_status corto_read_solution(corto_solution **out, int64_t *claimed_cost,
                                 const corto_problem *problem,
                                 const char *path, corto_diag *diag)
{
    corto_status rc = CORTO_OK;
    corto_solution *s = NULL;
    text_reader r;
    sol_ints ids = {0};
    int64_t claimed = INT64_MAX;
    int got = 0;
    memset(&r, 0, sizeof r);
    if (diag)
        memset(diag, 0, sizeof *diag);
    if (!out || !problem || !path)
        return diag_set(diag, CORTO_ERR_ARGUMENT, path, 0,
                        "no output, problem or file name");
    *out = NULL;
    if (claimed_cost)
        *claimed_cost = INT64_MAX;
    CORTO_TRY(corto_solution_create(&s, problem));
    CORTO_TRY(text_open(&r, path, diag));
    CORTO_TRY(text_next_nonblank(&r, &got, diag));
    if (!got) {
        rc = sol_err(&r, diag, "empty file");
        goto cleanup;
    }
    const char *first = r.line + strspn(r.line, " \t");
    if (*first == '{' || *first == '[') {
        CORTO_TRY(sol_json_parse(&r, s, &claimed, diag));
    } else if (strncasecmp(first, "Route", 5) == 0 ||
               strncasecmp(first, "Cost", 4) == 0) {
        CORTO_TRY(
            sol_sol_parse(&r, s, &claimed, problem->cost_decimals, diag));
    } else {
        int dimension = -1;
        CORTO_TRY(sol_tour_parse(&r, &ids, &dimension, diag));
        CORTO_TRY(sol_tour_to_solution(s, ids.v, ids.n));
    }
    *out = s;
    s = NULL;
    if (claimed_cost)
        *claimed_cost = claimed;
cleanup:
    if (rc != CORTO_OK && diag && diag->message[0] == '\0')
        diag_set(diag, rc, path, 0, "%s", corto_status_string(rc));
    text_close(&r);
    free(ids.v);
    corto_solution_destroy(s);
    return rc;
}
