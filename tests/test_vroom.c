/*
 * test_vroom.c — JSON problems in VROOM's input format and the VROOM-like
 * JSON solution document: a hand-computed case (costs, cost scale, arrival
 * times), malformed inputs refused with their JSON path, tasks no vehicle
 * can serve reported as unassigned with a reason, write -> read -> check
 * round trips, and a random 30-job problem solved and held against the
 * independent checker.
 */
#include "corto.h"
#include "model.h"
#include "test_problems.h"
#include "test_util.h"

#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PATH_SIZE 4096

static corto_problem *load_json(const char *relative)
{
    char path[PATH_SIZE];
    corto_problem *p = NULL;
    corto_diag d;
    test_source_path(path, sizeof path, relative);
    corto_status rc = corto_read_problem(&p, path, &d);
    ck_assert_msg(rc == CORTO_OK, "%s", d.message);
    return p;
}

/* Read a problem from inline JSON text; returns the status. */
static corto_status read_inline(corto_problem **p, const char *text,
                                corto_diag *d)
{
    char path[PATH_SIZE];
    ck_assert_ptr_nonnull(test_temp_file(path, sizeof path, ".json", text));
    corto_status rc = corto_read_problem(p, path, d);
    unlink(path);
    return rc;
}

/* Write s as JSON and parse the document back with jansson. */
static json_t *write_doc(const corto_solution *s, const corto_problem *p)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(corto_write_solution(s, p, CORTO_FORMAT_JSON, NULL, f),
                     CORTO_OK);
    rewind(f);
    json_error_t err;
    json_t *root = json_loadf(f, 0, &err);
    fclose(f);
    ck_assert_msg(root != NULL, "%s", err.text);
    return root;
}

/* Write s as JSON to a file, read it back, check it: must be feasible with
 * the claimed cost equal to the recomputed one; returns that cost. */
static int64_t round_trip(const corto_problem *p, const corto_solution *s)
{
    char path[PATH_SIZE];
    corto_solution *back = NULL;
    corto_diag d;
    int64_t claimed = 0;
    corto_check_report rep;
    ck_assert_ptr_nonnull(test_temp_file(path, sizeof path, ".json", ""));
    ck_assert_int_eq(corto_write_solution(s, p, CORTO_FORMAT_JSON, path, NULL),
                     CORTO_OK);
    ck_assert_msg(corto_read_solution(&back, &claimed, p, path, &d) ==
                      CORTO_OK,
                  "%s", d.message);
    unlink(path);
    ck_assert_int_eq(corto_solution_check(&rep, p, back, claimed), CORTO_OK);
    ck_assert_msg(rep.feasible, "%s", rep.first);
    ck_assert_int_eq(claimed, rep.cost);
    corto_solution_destroy(back);
    return rep.cost;
}

static json_int_t geti(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_integer(v), "\"%s\" is not an integer", key);
    return json_integer_value(v);
}

/*
 * tests/data/json/hand.json, computed by hand.
 *
 * Nodes: 0/1 start/end of vehicle 1, 2/3 of vehicle 2, 4 job 101,
 * 5 job 102, 6 job 201, 7 pickup 301, 8 delivery 302.
 * Costs: vehicle 1 has per_hour 3600 (default) and per_km 1, vehicle 2
 * fixed 100 and per_hour 7200. per_km / 1000 needs a scale of 1000:
 * vehicle 1 pays 1000 per second and 1 per meter, vehicle 2 100000 fixed
 * and 2000 per second.
 *
 * Skills force jobs 101, 102 on vehicle 1 and job 201 plus the shipment
 * on vehicle 2.
 * Vehicle 1: 0 -> 1 -> 2 -> 0 (the reverse order reaches job 101 at 55,
 * after its window [0, 30] closes). Travel 10 + 10 + 20 = 40, service
 * 5 + 5. Leaving at 0 would wait at job 102 (window opens at 40, reached
 * at 25), so the vehicle leaves at 15: arrivals 25 (101), 40 (102), 65
 * (end). Duration 50, distance 100 + 100 + 200 = 400 m.
 * Cost 1000 * 50 + 400 = 50400.
 * Vehicle 2: 0 -> 3 (pickup 301) -> 4 (job 201) -> 4 (delivery 302) -> 0.
 * Job 201's window [50, 52] rules out serving delivery 302 (service 5)
 * first (201 would start at 55); serving 201 first from the depot takes
 * 15 + 20 + 20 + 15 = 70 of travel against 30 + 20 + 0 + 15 = 65.
 * Leaves at 0: arrivals 30 (301), 50 (201, service 10), 60 (302, service
 * 5), 80 (end). Duration 80, distance 300 + 200 + 0 + 150 = 650 m.
 * Cost 100000 + 2000 * 80 = 260000.
 * Total 310400 (310.4 in VROOM's cost units with corto's duration rule).
 */
START_TEST(hand_case_by_hand)
{
    corto_problem *p = load_json("tests/data/json/hand.json");
    ck_assert_int_eq(corto_problem_n_nodes(p), 9);
    ck_assert_int_eq(corto_problem_n_vehicle_types(p), 2);
    ck_assert_int_eq(p->cost_scale, 1000);
    ck_assert_int_eq(p->vtypes[0].cost_per_duration, 1000);
    ck_assert_int_eq(p->vtypes[0].cost_per_distance, 1);
    ck_assert_int_eq(p->vtypes[1].fixed_cost, 100000);
    ck_assert_int_eq(p->vtypes[1].cost_per_duration, 2000);
    ck_assert_int_eq(p->origin[6].kind, MODEL_ORIGIN_JOB);
    ck_assert_int_eq(p->origin[6].id, 201);
    ck_assert_int_eq(p->origin[8].kind, MODEL_ORIGIN_DELIVERY);
    ck_assert_int_eq(p->origin[8].location, 4);
    ck_assert_int_eq(p->pair_of[7], 8);
    /* Jobs 201 and 302 share location 4: zero travel between them. */
    ck_assert_int_eq(corto_problem_duration(p, 0, 6, 8), 0);
    ck_assert_int_eq(corto_problem_distance(p, 0, 7, 6), 200);

    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solution_create(&s, p), CORTO_OK);
    int r1[] = {4, 5}, r2[] = {7, 6, 8};
    ck_assert_int_eq(corto_solution_add_route(s, 0, r1, 2), CORTO_OK);
    ck_assert_int_eq(corto_solution_add_route(s, 1, r2, 3), CORTO_OK);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, 310400), CORTO_OK);
    ck_assert_msg(rep.feasible, "%s", rep.first);

    json_t *doc = write_doc(s, p);
    ck_assert_int_eq(geti(doc, "cost"), 310400);
    ck_assert_int_eq(geti(doc, "cost_scale"), 1000);
    ck_assert_int_eq(geti(doc, "code"), 0);
    json_t *sum = json_object_get(doc, "summary");
    ck_assert_int_eq(geti(sum, "cost"), 310400);
    ck_assert_int_eq(geti(sum, "routes"), 2);
    ck_assert_int_eq(geti(sum, "unassigned"), 0);
    ck_assert_int_eq(geti(sum, "duration"), 40 + 65); /* travel only */
    ck_assert_int_eq(geti(sum, "service"), 10 + 15);
    ck_assert_int_eq(geti(sum, "distance"), 400 + 650);
    json_t *routes = json_object_get(doc, "routes");
    static const struct {
        const char *type;
        json_int_t id, arrival, travel, load;
    } want[2][5] = {
        {{"start", -1, 15, 0, 2},
         {"job", 101, 25, 10, 1},
         {"job", 102, 40, 20, 0},
         {"end", -1, 65, 40, 0},
         {NULL, 0, 0, 0, 0}},
        {{"start", -1, 0, 0, 2},
         {"pickup", 301, 30, 30, 3},
         {"job", 201, 50, 50, 1},
         {"delivery", 302, 60, 50, 0},
         {"end", -1, 80, 65, 0}},
    };
    static const json_int_t route_cost[2] = {50400, 260000};
    for (int r = 0; r < 2; r++) {
        json_t *route = json_array_get(routes, (size_t)r);
        ck_assert_int_eq(geti(route, "vehicle"), r + 1);
        ck_assert_int_eq(geti(route, "cost"), route_cost[r]);
        json_t *steps = json_object_get(route, "steps");
        for (int k = 0; k < 5 && want[r][k].type; k++) {
            json_t *st = json_array_get(steps, (size_t)k);
            ck_assert_str_eq(json_string_value(json_object_get(st, "type")),
                             want[r][k].type);
            if (want[r][k].id >= 0)
                ck_assert_int_eq(geti(st, "id"), want[r][k].id);
            else
                ck_assert_ptr_null(json_object_get(st, "id"));
            ck_assert_int_eq(geti(st, "arrival"), want[r][k].arrival);
            ck_assert_int_eq(geti(st, "duration"), want[r][k].travel);
            ck_assert_int_eq(geti(st, "waiting_time"), 0);
            ck_assert_int_eq(json_integer_value(json_array_get(
                                 json_object_get(st, "load"), 0)),
                             want[r][k].load);
        }
    }
    json_decref(doc);
    ck_assert_int_eq(round_trip(p, s), 310400);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* The solver finds the hand-computed optimum of the small case. */
START_TEST(hand_case_solved)
{
    corto_problem *p = load_json("tests/data/json/hand.json");
    corto_options opt;
    corto_options_init(&opt);
    opt.time_limit = 0;
    opt.iterations = 300;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, corto_solution_cost(s)),
                     CORTO_OK);
    ck_assert_msg(rep.feasible, "%s", rep.first);
    ck_assert_int_eq(rep.cost, 310400);
    ck_assert_int_eq(round_trip(p, s), 310400);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A small valid document with one substitution, for the malformed cases:
 * the text between the markers is replaced. */
#define DOC_HEAD                                                              \
    "{\"vehicles\": [{\"id\": 1, \"start_index\": 0, \"end_index\": 0, "      \
    "\"capacity\": [5]}],\n"
#define DOC_MATRIX                                                            \
    "\"matrices\": {\"car\": {\"durations\": [[0, 3, 4], [3, 0, 5], "         \
    "[4, 5, 0]]}}}\n"

/* Malformed inputs: the status and the JSON path in the message. */
START_TEST(malformed_inputs)
{
    static const struct {
        const char *text; /* NULL: use the fixture `file` */
        const char *file;
        corto_status status;
        const char *mention;
    } cases[] = {
        {NULL, "tests/data/json/bad_unknown_key.json", CORTO_ERR_PARSE,
         "jobs[1]: unknown key \"servcie\""},
        {NULL, "tests/data/json/bad_window.json", CORTO_ERR_PARSE,
         "jobs[0].time_windows[0]: expected [start, end]"},
        {NULL, "tests/data/json/bad_no_matrices.json", CORTO_ERR_PARSE,
         "matrices: missing: corto has no routing engine"},
        {NULL, "tests/data/json/bad_syntax.json", CORTO_ERR_PARSE,
         "invalid JSON"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"service\": \"5\"}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "jobs[0].service: expected an integer"},
        {DOC_HEAD
         "\"jobs\": [{\"id\": 1, \"location_index\": 7}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "jobs[0].location_index: 7 is outside"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"delivery\": [-1]}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "jobs[0].delivery[0]: -1 is out of range"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"delivery\": [1, 2]}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE,
         "jobs[0].delivery: 2 amounts where vehicles[0].capacity has 1"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1}],\n"
                  "\"matrices\": {\"car\": {\"durations\": [[0, 3, 4], [3, "
                  "0], [4, 5, 0]]}}}\n",
         NULL, CORTO_ERR_PARSE, "matrices.car.durations[1]: expected a row"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1}]}\n", NULL,
         CORTO_ERR_PARSE, "matrices: missing"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1}, {\"id\": 1, "
                  "\"location_index\": 2}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "jobs[1].id: id 1 already used by jobs[0]"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"time_windows\": [[0, 9], [20, 30]]}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_UNSUPPORTED, "jobs[0].time_windows: 2 time windows"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"priority\": 3}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_UNSUPPORTED, "jobs[0].priority"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"priority\": 101}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "jobs[0].priority: 101 is out of range"},
        {DOC_HEAD "\"jobs\": [{\"id\": 1, \"location_index\": 1, "
                  "\"setup\": 4}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_UNSUPPORTED, "jobs[0].setup"},
        {"{\"vehicles\": [{\"id\": 1, \"end_index\": 0}],\n"
         "\"jobs\": [{\"id\": 1, \"location_index\": 1}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_UNSUPPORTED, "vehicles[0]: no start_index"},
        {"{\"vehicles\": [{\"id\": 1, \"start_index\": 0, \"max_tasks\": "
         "3}],\n"
         "\"jobs\": [{\"id\": 1, \"location_index\": 1}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_UNSUPPORTED, "vehicles[0].max_tasks"},
        {"{\"vehicles\": [{\"id\": 1, \"start_index\": 0, \"profile\": "
         "\"bike\"}],\n"
         "\"jobs\": [{\"id\": 1, \"location_index\": 1}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "vehicles[0]: no matrices for profile"},
        {"{\"vehicles\": [{\"id\": 1, \"start_index\": 0, \"costs\": "
         "{\"per_km\": 5}}],\n"
         "\"jobs\": [{\"id\": 1, \"location_index\": 1}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "vehicles[0]: costs.per_km needs"},
        {DOC_HEAD "\"shipments\": [{\"pickup\": {\"id\": 1, "
                  "\"location_index\": 1}}],\n" DOC_MATRIX,
         NULL, CORTO_ERR_PARSE, "shipments[0]: missing \"delivery\""},
        {DOC_HEAD "\"jobs\": [], \"extra\": 1,\n" DOC_MATRIX, NULL,
         CORTO_ERR_PARSE, "unknown key \"extra\""},
        {DOC_HEAD "\"jobs\": {\"id\": 1},\n" DOC_MATRIX, NULL, CORTO_ERR_PARSE,
         "jobs: expected an array"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        corto_problem *p = NULL;
        corto_diag d;
        corto_status rc;
        if (cases[c].text) {
            rc = read_inline(&p, cases[c].text, &d);
        } else {
            char path[PATH_SIZE];
            test_source_path(path, sizeof path, cases[c].file);
            rc = corto_read_problem(&p, path, &d);
        }
        ck_assert_msg(rc == cases[c].status, "case %zu: status %d (%s)", c,
                      (int)rc, d.message);
        ck_assert_ptr_null(p);
        ck_assert_msg(strstr(d.message, cases[c].mention) != NULL,
                      "case %zu: '%s' does not mention '%s'", c, d.message,
                      cases[c].mention);
        ck_assert_ptr_null(strchr(d.message, '\n'));
    }
}
END_TEST

/* Tasks no vehicle can serve are optional, left out, and reported with a
 * reason; the rest is served and the solution is feasible. */
START_TEST(unassigned_with_reasons)
{
    corto_problem *p = load_json("tests/data/json/unreachable.json");
    corto_options opt;
    corto_options_init(&opt);
    opt.time_limit = 0;
    opt.iterations = 100;
    corto_solution *s = NULL;
    ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
    json_t *doc = write_doc(s, p);
    ck_assert(json_is_true(json_object_get(doc, "feasible")));
    json_t *un = json_object_get(doc, "unassigned");
    ck_assert_int_eq(json_array_size(un), 3);
    ck_assert_int_eq(geti(json_object_get(doc, "summary"), "unassigned"), 3);
    static const struct {
        json_int_t id;
        const char *reason;
    } want[] = {{2, "skills"}, {3, "capacity"}, {4, "time window"}};
    for (size_t k = 0; k < 3; k++) {
        json_t *u = json_array_get(un, k);
        ck_assert_int_eq(geti(u, "id"), want[k].id);
        ck_assert_str_eq(json_string_value(json_object_get(u, "type")), "job");
        ck_assert_msg(strstr(json_string_value(json_object_get(u, "reason")),
                             want[k].reason) != NULL,
                      "id %lld: %s", (long long)want[k].id,
                      json_string_value(json_object_get(u, "reason")));
    }
    json_decref(doc);
    round_trip(p, s);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* A random problem: 30 jobs (some with windows and pickups), 3 shipments,
 * 3 vehicles with skills, capacities, an open route and a speed factor. */
static char *random_doc(uint64_t seed)
{
    enum { LOCS = 25, JOBS = 30, SHIPS = 3 };
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    double x[LOCS], y[LOCS];
    test_rand_seed(seed);
    for (int i = 0; i < LOCS; i++) {
        x[i] = test_rand_below(1000);
        y[i] = test_rand_below(1000);
    }
#define EMIT(...)                                                             \
    do {                                                                      \
        n += (size_t)snprintf(buf + n, cap - n, __VA_ARGS__);                 \
        ck_assert(n < cap);                                                   \
    } while (0)
    EMIT("{\"vehicles\": [\n"
         "{\"id\": 7, \"start_index\": 0, \"end_index\": 0, \"capacity\": "
         "[40, 10], \"skills\": [1, 2], \"time_window\": [0, 20000]},\n"
         "{\"id\": 8, \"start_index\": 0, \"end_index\": 1, \"capacity\": "
         "[40, 10], \"skills\": [1], \"speed_factor\": 1.5, \"costs\": "
         "{\"fixed\": 50, \"per_km\": 2}},\n"
         "{\"id\": 9, \"start_index\": 0, \"capacity\": [60, 10], "
         "\"skills\": [2], \"max_travel_time\": 20000}\n],\n\"jobs\": [\n");
    for (int j = 0; j < JOBS; j++) {
        int loc = 2 + test_rand_below(LOCS - 2);
        EMIT("%s{\"id\": %d, \"location_index\": %d, \"service\": %d, "
             "\"delivery\": [%d, %d], \"pickup\": [%d, 0]",
             j ? ",\n" : "", 1000 + j, loc, test_rand_below(60),
             1 + test_rand_below(5), test_rand_below(2),
             test_rand_below(3) == 0 ? test_rand_below(5) : 0);
        if (j % 4 == 0)
            EMIT(", \"skills\": [%d]", 1 + j % 8 / 4);
        if (j % 3 == 0) {
            int open = test_rand_below(6000);
            EMIT(", \"time_windows\": [[%d, %d]]", open, open + 4000);
        }
        EMIT("}");
    }
    EMIT("],\n\"shipments\": [\n");
    for (int k = 0; k < SHIPS; k++)
        EMIT("%s{\"amount\": [%d, 1], \"pickup\": {\"id\": %d, "
             "\"location_index\": %d, \"service\": 10}, \"delivery\": "
             "{\"id\": %d, \"location_index\": %d, \"service\": 10}}",
             k ? ",\n" : "", 1 + test_rand_below(5), 500 + k,
             2 + test_rand_below(LOCS - 2), 600 + k,
             2 + test_rand_below(LOCS - 2));
    EMIT("],\n\"matrices\": {\"car\": {\"durations\": [");
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < LOCS; i++) {
            EMIT("%s[", i ? ",\n" : "");
            for (int j = 0; j < LOCS; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double d = sqrt(dx * dx + dy * dy);
                EMIT("%s%d", j ? ", " : "",
                     (int)(pass ? d * 12.0 : d + (i + j) % 3 * (i != j)));
            }
            EMIT("]");
        }
        EMIT(pass ? "]}}}\n" : "],\n\"distances\": [");
    }
#undef EMIT
    return buf;
}

START_TEST(random_30_jobs_checked)
{
    for (uint64_t seed = 1; seed <= 3; seed++) {
        char *text = random_doc(seed);
        corto_problem *p = NULL;
        corto_diag d;
        ck_assert_msg(read_inline(&p, text, &d) == CORTO_OK, "%s", d.message);
        free(text);
        ck_assert_int_eq(corto_problem_n_nodes(p), 5 + 30 + 6);
        ck_assert_int_eq(p->cost_scale, 1000 / 2); /* per_km 2 */
        corto_options opt;
        corto_options_init(&opt);
        opt.time_limit = 0;
        opt.iterations = 400;
        opt.seed = seed;
        corto_solution *s = NULL;
        ck_assert_int_eq(corto_solve(&s, p, &opt), CORTO_OK);
        corto_check_report rep;
        ck_assert_int_eq(
            corto_solution_check(&rep, p, s, corto_solution_cost(s)),
            CORTO_OK);
        ck_assert_msg(rep.feasible, "seed %llu: %s", (unsigned long long)seed,
                      rep.first);
        ck_assert_int_eq(round_trip(p, s), rep.cost);
        /* The document's totals agree with the checker. */
        json_t *doc = write_doc(s, p);
        json_t *sum = json_object_get(doc, "summary");
        ck_assert_int_eq(geti(sum, "cost"), rep.cost);
        ck_assert_int_eq(geti(sum, "routes"), rep.routes_used);
        ck_assert_int_eq(geti(sum, "unassigned"), 0);
        json_decref(doc);
        corto_solution_destroy(s);
        corto_problem_destroy(p);
    }
}
END_TEST

/* For a CVRPLIB problem ids are the file's 1-based node numbers and
 * location_index the 0-based node; the document reads back exactly. */
START_TEST(cvrplib_ids)
{
    corto_problem *p = test_load_problem("instances/P-n16-k8.vrp");
    corto_solution *s = test_load_solution(p, "instances/P-n16-k8.sol", NULL);
    json_t *doc = write_doc(s, p);
    ck_assert_ptr_null(json_object_get(doc, "cost_scale"));
    json_t *r0 = json_array_get(json_object_get(doc, "routes"), 0);
    int n = 0;
    const int *nodes = corto_solution_route(s, 0, &n);
    json_t *steps = json_object_get(r0, "steps");
    ck_assert_int_eq(json_array_size(steps), (size_t)n + 2);
    json_t *first = json_array_get(steps, 1);
    ck_assert_int_eq(geti(first, "id"), nodes[0] + 1);
    ck_assert_int_eq(geti(first, "location_index"), nodes[0]);
    json_t *start = json_array_get(steps, 0);
    ck_assert_int_eq(geti(start, "location_index"), 0);
    json_decref(doc);
    ck_assert_int_eq(round_trip(p, s), 450);
    corto_solution_destroy(s);
    corto_problem_destroy(p);
}
END_TEST

/* Reading a solution for a JSON problem: unknown ids are refused with the
 * step's path; vehicles are found by their external id. */
START_TEST(solution_steps_by_id)
{
    corto_problem *p = load_json("tests/data/json/hand.json");
    static const char *good =
        "{\"routes\": [{\"vehicle\": 2, \"steps\": [{\"type\": \"start\"}, "
        "{\"type\": \"pickup\", \"id\": 301}, {\"type\": \"job\", \"id\": "
        "201}, {\"type\": \"delivery\", \"id\": 302}, {\"type\": "
        "\"end\"}]}]}\n";
    static const char *bad =
        "{\"routes\": [{\"vehicle\": 2, \"steps\": [{\"type\": \"job\", "
        "\"id\": 301}]}]}\n";
    char path[PATH_SIZE];
    corto_solution *s = NULL;
    corto_diag d;
    test_temp_file(path, sizeof path, ".json", good);
    ck_assert_msg(corto_read_solution(&s, NULL, p, path, &d) == CORTO_OK, "%s",
                  d.message);
    unlink(path);
    int n = 0;
    const int *nodes = corto_solution_route(s, 0, &n);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(corto_solution_route_vehicle_type(s, 0), 1);
    ck_assert_int_eq(nodes[0], 7);
    ck_assert_int_eq(nodes[1], 6);
    ck_assert_int_eq(nodes[2], 8);
    corto_check_report rep;
    ck_assert_int_eq(corto_solution_check(&rep, p, s, INT64_MAX), CORTO_OK);
    ck_assert_int_eq(rep.violations[CORTO_VIOL_MISSING], 2);
    corto_solution_destroy(s);
    s = NULL;
    test_temp_file(path, sizeof path, ".json", bad);
    ck_assert_int_eq(corto_read_solution(&s, NULL, p, path, &d),
                     CORTO_ERR_PARSE);
    unlink(path);
    ck_assert_ptr_nonnull(strstr(d.message, "routes[0].steps[0]"));
    corto_problem_destroy(p);
}
END_TEST

/* A copy keeps the provenance. */
START_TEST(copy_keeps_origin)
{
    corto_problem *p = load_json("tests/data/json/hand.json"), *q = NULL;
    ck_assert_int_eq(corto_problem_copy(&q, p), CORTO_OK);
    ck_assert_ptr_nonnull(q->origin);
    ck_assert_ptr_ne(q->origin, p->origin);
    ck_assert_int_eq(q->origin[7].id, 301);
    ck_assert_int_eq(q->vorigin[1].id, 2);
    ck_assert_int_eq(q->cost_scale, 1000);
    corto_problem_destroy(p);
    corto_problem_destroy(q);
}
END_TEST

static Suite *vroom_suite(void)
{
    Suite *s = suite_create("vroom");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, hand_case_by_hand);
    tcase_add_test(tc, hand_case_solved);
    tcase_add_test(tc, malformed_inputs);
    tcase_add_test(tc, unassigned_with_reasons);
    tcase_add_test(tc, random_30_jobs_checked);
    tcase_add_test(tc, cvrplib_ids);
    tcase_add_test(tc, solution_steps_by_id);
    tcase_add_test(tc, copy_keeps_origin);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(vroom_suite());
}
