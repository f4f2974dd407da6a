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

#include "event_heap.h"

static void push(double t) { heap_insert((ev){t, next_seq++}); }

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
