"""Shared bits of the Python peers: arguments, timing, the Erlang-C value, one JSON line."""
import argparse
import json
import time


def parse(default_customers):
    p = argparse.ArgumentParser()
    p.add_argument("customers", type=int, nargs="?", default=default_customers)
    p.add_argument("--lam", type=float, default=2.7)
    p.add_argument("--mu", type=float, default=1.0)
    p.add_argument("--servers", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


def erlang_c_wait(lam, mu, c):
    a, b = lam / mu, 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    pc = c * b / (c - a * (1 - b))
    return pc / (c * mu - lam)


def report(args, served, wait_sum, seconds):
    """Prints the run's JSON line; events are nominal (arrival + departure per customer)."""
    print(json.dumps({
        "benchmark": "mmc", "entities": served, "events": 2 * served, "seconds": seconds,
        "mean_wait": wait_sum / served, "erlang_c_wait": erlang_c_wait(args.lam, args.mu, args.servers),
    }))


clock = time.perf_counter
