#ifndef PLEXUS_CGRAPHVIZ_SHIM_H
#define PLEXUS_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stddef.h>

/// Renders a laid-out graph into memory, hiding the length type of
/// `gvRenderData`, which is `unsigned int *` in Graphviz 2.43 and `size_t *`
/// in later releases. Returns 0 on success; the caller frees `*result` with
/// `gvFreeRenderData`.
static inline int plexus_gv_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                        char **result, size_t *length) {
    unsigned int len = 0;
    int status = gvRenderData(gvc, g, format, result, &len);
    *length = (size_t)len;
    return status;
}

/// Parses DOT text held in memory; NULL on a syntax error (see `aglasterr`).
static inline Agraph_t *plexus_ag_read_string(const char *text) {
    return agmemread(text);
}

#endif
