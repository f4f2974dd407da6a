/* Hold model reference: a binary min-heap of plain structs (time, sequence), GSL mt19937
 * exponentials, as a hand-written C event loop would do it. Pop one event, push one
 * exp(1) later, with a constant number of pending events.
 * Usage: hold PENDING EVENTS [SEED]; prints one JSON line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

typedef struct { double t; uint64_t seq; } ev;

static ev *heap;
static size_t n;
static uint64_t next_seq;

static inline int before(const ev *a, const ev *b) {
  return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void push(double t) {
  ev e = {t, next_seq++};
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

int main(int argc, char **argv) {
  size_t pending = argc > 1 ? strtoull(argv[1], 0, 10) : 1000;
  long events = argc > 2 ? strtol(argv[2], 0, 10) : 10000000;
  unsigned long seed = argc > 3 ? strtoul(argv[3], 0, 10) : 1;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, seed);
  heap = malloc(sizeof(ev) * (pending + 1));
  for (size_t i = 0; i < pending; i++) push(gsl_ran_exponential(r, 1.0));
  double horizon = (double)events / (double)pending;
  long executed = 0;
  double t0 = now_s();
  while (n > 0 && heap[0].t <= horizon) {
    ev e = pop();
    executed++;
    push(e.t + gsl_ran_exponential(r, 1.0));
  }
  double secs = now_s() - t0;
  printf("{\"benchmark\": \"hold\", \"pending\": %zu, \"entities\": %ld, \"events\": %ld, \"seconds\": %.6f}\n",
         pending, executed, executed, secs);
  free(heap);
  gsl_rng_free(r);
  return 0;
}
