/*
 * grid.h — Moving AI grid maps and scenarios (Sturtevant 2012,
 * "Benchmarks for grid-based pathfinding", IEEE TCIAIG 4(2)) and
 * 8-connected A* on them: straight moves cost 1, diagonal moves sqrt(2),
 * a diagonal move needs both cells it passes between to be free (no corner
 * cutting), and the octile distance is the heuristic.
 *
 * The readers live here too (they are tied to the grid model and need no
 * solver state); they report every malformed line as "FILE:LINE: ...".
 */
#ifndef CORTO_GRID_H
#define CORTO_GRID_H

#include "corto.h"

typedef struct grid_map {
    int width, height;
    unsigned char *free; /* free[y*width + x] = 1 when passable */
} grid_map;

/* Read a .map file ('.', 'G', 'S' passable; '@', 'O', 'T', 'W'
 * blocked). The caller frees with grid_map_free. */
corto_status grid_map_read(grid_map *map, const char *path, corto_diag *diag);
void grid_map_free(grid_map *map);

typedef struct grid_scen {
    int bucket;
    int map_width, map_height;
    int sx, sy, gx, gy; /* x = column, y = row, 0-based from the top-left */
    double optimal;     /* the optimal length stated by the file */
    long line;          /* line of the scenario in its file */
} grid_scen;

/*
 * Read a .scen file ("version 1" then tab-separated lines). When map is
 * not NULL every scenario must fit its size and start and goal must be
 * free cells. *out (n entries) is malloc'd and owned by the caller.
 */
corto_status grid_scen_read(grid_scen **out, int *n, const char *path,
                            const grid_map *map, corto_diag *diag);

typedef struct grid_ws grid_ws;
corto_status grid_ws_create(grid_ws **out, const grid_map *map);
void grid_ws_destroy(grid_ws *ws);

/*
 * Shortest path length from (sx, sy) to (gx, gy); *length = INFINITY when
 * the goal cannot be reached. *expanded (may be NULL) gets the number of
 * cells taken from the queue. ARGUMENT error for cells off the map.
 */
corto_status grid_astar(double *length, long *expanded, grid_ws *ws,
                        const grid_map *map, int sx, int sy, int gx, int gy);

#endif /* CORTO_GRID_H */
