#ifndef PLEXUS_CPREFETCH_H
#define PLEXUS_CPREFETCH_H

/// Asks the processor to start reading the cache line at `address` for a read soon
/// (GCC/Clang's __builtin_prefetch). A hint only: it never faults and changes no result.
static inline void plexus_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
