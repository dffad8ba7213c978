/*
 * test_nn_util.c — neural models for the Check suites (test_nn_util.h).
 */
#include "test_nn_util.h"
#include "nn_weights.h"
#include "test_util.h"

#include <check.h>
#include <stdio.h>

nn_model *test_nn_small_model(void)
{
    nn_config cfg;
    nn_config_default(&cfg);
    cfg.d = 16;
    cfg.layers = 2;
    cfg.ff = 16;
    nn_model *m = NULL;
    ck_assert_int_eq(nn_model_create(&m, &cfg, 3), CORTO_OK);
    return m;
}

corto_neural_model *test_nn_file_model(const nn_model *m)
{
    char path[256];
    corto_diag diag = {0};
    test_temp_file(path, sizeof path, ".cnn", "");
    ck_assert_int_eq(nn_weights_save(m, path, &diag), CORTO_OK);
    corto_neural_model *nm = NULL;
    ck_assert_int_eq(corto_neural_model_load(&nm, path, &diag), CORTO_OK);
    remove(path);
    return nm;
}
