/* M/M/c reference: a binary min-heap of plain event structs (time, sequence, kind, slot),
 * a FIFO ring buffer of waiting customers, arrival times in recycled slots, GSL mt19937
 * exponentials (two streams: arrivals and services), as a hand-written C model would do it.
 * Usage: mmc CUSTOMERS [LAMBDA MU SERVERS SEED]; prints one JSON line with the mean wait in
 * queue and the Erlang-C value. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

enum { ARRIVAL = 1, DEPARTURE = 2 };
typedef struct { double t; uint64_t seq; int32_t kind; int32_t slot; } ev;

static ev *heap;
static size_t n, cap;
static uint64_t next_seq;

#include "event_heap.h"

static void push(double t, int kind, int slot) {
  if (n == cap) { cap = cap ? 2 * cap : 64; heap = realloc(heap, cap * sizeof(ev)); }
  heap_insert((ev){t, next_seq++, kind, slot});
}

/* Customers in the system: arrival time per slot, slots recycled through a free list. */
static double *arrival;
static int32_t *free_slots;
static size_t n_slots, n_free, slots_cap;
/* FIFO waiting line of slots. */
static int32_t *ring;
static size_t ring_cap = 16, head, count;

static int32_t new_slot(double now) {
  int32_t s;
  if (n_free) s = free_slots[--n_free];
  else {
    if (n_slots == slots_cap) {
      slots_cap = slots_cap ? 2 * slots_cap : 64;
      arrival = realloc(arrival, slots_cap * sizeof(double));
      free_slots = realloc(free_slots, slots_cap * sizeof(int32_t));
    }
    s = (int32_t)n_slots++;
  }
  arrival[s] = now;
  return s;
}

static void ring_push(int32_t s) {
  if (count == ring_cap) {
    int32_t *bigger = malloc(2 * ring_cap * sizeof(int32_t));
    for (size_t i = 0; i < count; i++) bigger[i] = ring[(head + i) % ring_cap];
    free(ring);
    ring = bigger; ring_cap *= 2; head = 0;
  }
  ring[(head + count++) % ring_cap] = s;
}

static int32_t ring_pop(void) {
  int32_t s = ring[head];
  head = (head + 1) % ring_cap;
  count--;
  return s;
}

static double erlang_c_wait(double lambda, double mu, int c) {
  double a = lambda / mu, b = 1;
  for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
  double pc = c * b / (c - a * (1 - b));
  return pc / (c * mu - lambda);
}

int main(int argc, char **argv) {
  long customers = argc > 1 ? strtol(argv[1], 0, 10) : 10000000;
  double lambda = argc > 2 ? atof(argv[2]) : 2.7;
  double mu = argc > 3 ? atof(argv[3]) : 1.0;
  int servers = argc > 4 ? atoi(argv[4]) : 3;
  unsigned long seed = argc > 5 ? strtoul(argv[5], 0, 10) : 1;
  gsl_rng *ra = gsl_rng_alloc(gsl_rng_mt19937), *rs = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(ra, seed);
  gsl_rng_set(rs, seed + 1);
  ring = malloc(ring_cap * sizeof(int32_t));
  double mean_ia = 1 / lambda, mean_s = 1 / mu, wait_sum = 0;
  long arrived = 0, served = 0, events = 0;
  int busy = 0;
  double t0 = now_s();
  push(gsl_ran_exponential(ra, mean_ia), ARRIVAL, 0);
  while (n > 0) {
    ev e = pop();
    double now = e.t;
    events++;
    if (e.kind == ARRIVAL) {
      if (++arrived < customers) push(now + gsl_ran_exponential(ra, mean_ia), ARRIVAL, 0);
      int32_t s = new_slot(now);
      if (busy < servers && count == 0) {
        busy++;
        served++;
        push(now + gsl_ran_exponential(rs, mean_s), DEPARTURE, s);
      } else {
        ring_push(s);
      }
    } else {
      free_slots[n_free++] = e.slot;
      busy--;
      if (count > 0 && busy < servers) {
        int32_t s = ring_pop();
        busy++;
        served++;
        wait_sum += now - arrival[s];
        push(now + gsl_ran_exponential(rs, mean_s), DEPARTURE, s);
      }
    }
  }
  double secs = now_s() - t0;
  printf("{\"benchmark\": \"mmc\", \"entities\": %ld, \"events\": %ld, \"seconds\": %.6f, "
         "\"mean_wait\": %.6f, \"erlang_c_wait\": %.6f, \"peak_in_system\": %zu}\n",
         served, events, secs, wait_sum / served, erlang_c_wait(lambda, mu, servers), n_slots);
  return 0;
}
