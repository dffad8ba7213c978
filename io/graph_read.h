/*
 * graph_read.h — readers for road graph files into the graph model of
 * solver/graph/graph.h:
 *  - DIMACS 9th challenge shortest-path `.gr` (`c` comments, `p sp N M`,
 *    `a U V W` with 1-based ids), with optional `.co` coordinates
 *    (`p aux sp co N`, `v ID X Y`);
 *  - the 0-based variant without header (`a U V W` lines only, node ids
 *    from 0, N = largest id + 1);
 *  - Li Feifei's `.cnode` (`ID X Y`) and `.cedge` (`EID U V LENGTH`,
 *    undirected) pairs.
 * Any of them may be gzip-compressed. Every malformed line is a PARSE error
 * "FILE:LINE: problem" in the diag.
 */
#ifndef CORTO_GRAPH_READ_H
#define CORTO_GRAPH_READ_H

#include "graph.h"

/*
 * Read the graph at `path` into *g (which the caller frees with
 * graph_free). A path ending in .cnode or .cedge (optionally .gz) reads
 * that pair (the other file named alike). Otherwise `path` is a .gr file
 * and its format is told from its first non-comment line ('p': DIMACS,
 * 'a': 0-based). coord_path names a DIMACS .co file; when NULL, PATH with
 * .gr[.gz] replaced by .co or .co.gz is used if it exists.
 */
corto_status graph_read(graph *g, const char *path, const char *coord_path,
                        corto_diag *diag);

/*
 * Second weights for g, the graph read from `path`, taken from `path2`: a
 * file of the same format listing the same arcs in the same order with
 * other weights (durations beside distances, as the Bremen pair). *w2
 * (owned by the caller) gets g->m entries aligned with g->out_w: for each
 * arc the second weight of the file arc g kept for it (its lightest
 * parallel arc; the least second weight among equally light ones). An
 * arc joining other nodes is a PARSE error "PATH2:LINE: problem".
 */
corto_status graph_read_second(double **w2, const graph *g, const char *path,
                               const char *path2, corto_diag *diag);

#endif /* CORTO_GRAPH_READ_H */
