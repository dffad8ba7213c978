/*
 * io_stub.c — placeholder readers and writers, replaced by io/.
 */
#include "model.h"
#include "util.h"

corto_status corto_read_problem(corto_problem **out, const char *path,
                                corto_diag *diag)
{
    (void)out;
    return diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 0, "not implemented");
}

corto_status corto_read_solution(corto_solution **out, int64_t *claimed_cost,
                                 const corto_problem *problem,
                                 const char *path, corto_diag *diag)
{
    (void)out;
    (void)claimed_cost;
    (void)problem;
    return diag_set(diag, CORTO_ERR_UNSUPPORTED, path, 0, "not implemented");
}

corto_status corto_write_solution(const corto_solution *solution,
                                  const corto_problem *problem,
                                  corto_format format, const char *path,
                                  void *stream)
{
    (void)solution;
    (void)problem;
    (void)format;
    (void)path;
    (void)stream;
    return CORTO_ERR_UNSUPPORTED;
}
