/*
 * igraph_safe.h — the only way corto enters igraph. igraph's default
 * error handler prints and aborts, its warning handler prints; igraph_guard
 * installs replacements for the duration of one body: an error is recorded
 * (igraph's temporary memory freed with IGRAPH_FINALLY_FREE) and comes back
 * as a corto_status with the reason in the diag; warnings are kept, never
 * printed; a fatal error (an igraph bug) longjmps back instead of
 * aborting. The previous handlers are restored afterwards.
 *
 * Rules for a body: call igraph_* only inside a body; return the
 * igraph_error_t of the first failed call (IGRAPH_CHECK-style); objects the
 * body creates are freed by the body on every path. Not reentrant.
 */
#ifndef CORTO_IGRAPH_SAFE_H
#define CORTO_IGRAPH_SAFE_H

#include "corto.h"

#include <igraph.h>

typedef igraph_error_t (*igraph_body)(void *arg);

/*
 * Run body(arg) with corto's igraph handlers. CORTO_OK when it returns
 * IGRAPH_SUCCESS; CORTO_ERR_NOMEM for IGRAPH_ENOMEM; CORTO_ERR_EXTERNAL for
 * any other igraph error, with diag (may be NULL) set to
 * "igraph: <reason>".
 */
corto_status igraph_guard(igraph_body body, void *arg, corto_diag *diag);

/* The last warning igraph gave inside the most recent guarded body
 * ("" when none); borrowed, valid until the next igraph_guard. */
const char *igraph_guard_last_warning(void);

#endif /* CORTO_IGRAPH_SAFE_H */
