/*
 * neighbours.c — k-nearest neighbour lists by partial insertion sort: each
 * row keeps its k best (cost, index) pairs in order, so building costs
 * O(n^2) comparisons plus O(n k) moves in the worst case.
 */
#include "neighbours.h"
#include "util.h"

#include <string.h>

/* Insert (key, id) into the sorted arrays of length *len (capacity k). */
static void nb_insert(int64_t *keys, int *ids, int *len, int k, int64_t key,
                      int id)
{
    int m = *len;
    if (m == k &&
        (key > keys[m - 1] || (key == keys[m - 1] && id > ids[m - 1])))
        return;
    if (m < k)
        m++;
    int t = m - 1;
    while (t > 0 &&
           (keys[t - 1] > key || (keys[t - 1] == key && ids[t - 1] > id))) {
        keys[t] = keys[t - 1];
        ids[t] = ids[t - 1];
        t--;
    }
    keys[t] = key;
    ids[t] = id;
    *len = m;
}

corto_status nb_build(nb_lists *nb, const int64_t *cost, int n,
                      const unsigned char *member, int k, int want_in)
{
    corto_status rc = CORTO_OK;
    int64_t *keys = NULL;
    int members = 0;
    memset(nb, 0, sizeof *nb);
    for (int i = 0; i < n; i++)
        if (!member || member[i])
            members++;
    if (k > members - 1)
        k = members - 1;
    if (k < 1)
        k = 1;
    nb->n = n;
    nb->k = k;
    CORTO_ALLOC(nb->out, (size_t)n * (size_t)k);
    if (want_in)
        CORTO_ALLOC(nb->in, (size_t)n * (size_t)k);
    CORTO_ALLOC(keys, k);
    for (int dir = 0; dir < (want_in ? 2 : 1); dir++) {
        int *rows = dir == 0 ? nb->out : nb->in;
        for (int i = 0; i < n; i++) {
            int *ids = rows + (size_t)i * (size_t)k;
            int len = 0;
            for (int t = 0; t < k; t++)
                ids[t] = -1;
            if (member && !member[i])
                continue;
            for (int j = 0; j < n; j++) {
                if (j == i || (member && !member[j]))
                    continue;
                int64_t c = dir == 0 ? cost[(size_t)i * (size_t)n + (size_t)j]
                                     : cost[(size_t)j * (size_t)n + (size_t)i];
                nb_insert(keys, ids, &len, k, c, j);
            }
        }
    }
cleanup:
    free(keys);
    if (rc != CORTO_OK)
        nb_free(nb);
    return rc;
}

void nb_free(nb_lists *nb)
{
    free(nb->out);
    free(nb->in);
    nb->out = nb->in = NULL;
}
