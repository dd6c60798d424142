#ifndef HEAP_STATS_H
#define HEAP_STATS_H
#include <stddef.h>

/// Bytes the allocator has handed out and not had back (glibc's mallinfo2 uordblks): what tests measure caches by.
size_t heap_bytes_in_use(void);

#endif
