// The prefetch hint lives in include/CPrefetch.h as a static inline function; SwiftPM needs
// one source file for a C target.
#include "CPrefetch.h"
