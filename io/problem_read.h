/*
 * problem_read.h — the problem file readers behind corto_read_problem,
 * which picks one by the file's content (problem_read.c):
 *  - TSPLIB / CVRPLIB / VRPLIB keyword files (tsplib.c), including the
 *    ORTEC VRPTW variant with explicit matrices and time windows;
 *  - Solomon and Gehring-Homberger VRPTW tables (solomon.c);
 *  - JSON documents modelled on VROOM's API (vroom_read.c).
 * Each reader opens the file itself (plain or gzip), fills diag with
 * "FILE:LINE: problem" on failure and returns a validated problem.
 */
#ifndef CORTO_PROBLEM_READ_H
#define CORTO_PROBLEM_READ_H

#include "corto.h"

/*
 * Validate a problem a reader built and hand it over: on success *out = *p
 * and *p = NULL; otherwise diag says "FILE: why" and *p stays the caller's
 * to free.
 */
corto_status problem_read_finish(corto_problem **out, corto_problem **p,
                                 const char *path, corto_diag *diag);

corto_status tsplib_read(corto_problem **out, const char *path,
                         corto_diag *diag);
corto_status solomon_read(corto_problem **out, const char *path,
                          corto_diag *diag);
corto_status vroom_read(corto_problem **out, const char *path,
                        corto_diag *diag);

#endif /* CORTO_PROBLEM_READ_H */
