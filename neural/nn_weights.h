/*
 * nn_weights.h — the policy's weight file: a versioned little-endian
 * binary.
 *
 *   magic "CORTO-NN" | u32 version | config: u32 n_feat, d, heads, layers,
 *   ff, knn | provenance: u64 seed, u64 steps, u32 length + text |
 *   u32 tensor count | per tensor: name (24 bytes, NUL-padded), u32 rows,
 *   u32 cols | values, float32, tensors in table order | u32 CRC-32 (IEEE)
 *   of every byte before it.
 *
 * The loader checks each part and refuses a bad file with a status and a
 * one-line reason: bad magic, unknown version, truncated or overlong data,
 * checksum mismatch, an invalid configuration, a tensor table that does
 * not match the configuration, or a configuration other than the one
 * asked for.
 */
#ifndef CORTO_NN_WEIGHTS_H
#define CORTO_NN_WEIGHTS_H

#include "nn_model.h"

#define NN_WEIGHTS_VERSION 1u

/* CRC-32 (IEEE 802.3, reflected, as zlib and PNG) of len bytes. */
uint32_t nn_crc32(const unsigned char *buf, size_t len);

/* Serialise m into a new buffer (*out, *len; freed by the caller). */
corto_status nn_weights_encode(unsigned char **out, size_t *len,
                               const nn_model *m);
/*
 * Read a model from len bytes. `expect` (may be NULL) is the configuration
 * the caller needs. CORTO_ERR_PARSE for a damaged file, CORTO_ERR_UNSUPPORTED
 * for another version or configuration; diag says which part is wrong.
 */
corto_status nn_weights_decode(nn_model **out, const unsigned char *buf,
                               size_t len, const nn_config *expect,
                               corto_diag *diag);

/* The same through a file (diag names the file). */
corto_status nn_weights_save(const nn_model *m, const char *path,
                             corto_diag *diag);
corto_status nn_weights_load(nn_model **out, const char *path,
                             const nn_config *expect, corto_diag *diag);

#endif /* CORTO_NN_WEIGHTS_H */
