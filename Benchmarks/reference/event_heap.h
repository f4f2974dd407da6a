/* The event heap shared by the C references: a binary min-heap of the includer's event
 * struct `ev` (fields `t`, `seq`, ordered by time then sequence, so ties are FIFO) held in
 * the includer's globals `heap` and `n`, and a monotonic clock. Include it after defining
 * them; the includer makes room in `heap` before `heap_insert`. */
#include <time.h>

static inline int before(const ev *a, const ev *b) {
  return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void heap_insert(ev e) {
  size_t c = n++;
  while (c > 0) {
    size_t p = (c - 1) / 2;
    if (!before(&e, &heap[p])) break;
    heap[c] = heap[p];
    c = p;
  }
  heap[c] = e;
}

static ev pop(void) {
  ev top = heap[0];
  ev last = heap[--n];
  size_t p = 0;
  for (;;) {
    size_t c = 2 * p + 1;
    if (c >= n) break;
    if (c + 1 < n && before(&heap[c + 1], &heap[c])) c++;
    if (!before(&heap[c], &last)) break;
    heap[p] = heap[c];
    p = c;
  }
  heap[p] = last;
  return top;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
