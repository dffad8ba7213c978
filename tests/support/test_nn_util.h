/*
 * test_nn_util.h — neural models for the Check suites: a small untrained
 * policy, and the same read back from a weight file through the public
 * API (as `corto solve --model` does).
 */
#ifndef CORTO_TEST_NN_UTIL_H
#define CORTO_TEST_NN_UTIL_H

#include "corto.h"
#include "nn_model.h"

/* An untrained model with d = 16, 2 layers, feed-forward width 16. */
nn_model *test_nn_small_model(void);

/* m saved to a temporary weight file and loaded with
 * corto_neural_model_load (the file is removed again). */
corto_neural_model *test_nn_file_model(const nn_model *m);

#endif /* CORTO_TEST_NN_UTIL_H */
