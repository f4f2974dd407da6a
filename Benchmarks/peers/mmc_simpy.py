"""M/M/c in SimPy, as its documentation writes it: a source process and one process per customer."""
import random

import simpy

from common import clock, parse, report

args = parse(200_000)
arrivals, services = random.Random(args.seed), random.Random(args.seed + 1)
stats = {"served": 0, "wait": 0.0}


def customer(env, servers):
    arrived = env.now
    with servers.request() as req:
        yield req
        stats["wait"] += env.now - arrived
        stats["served"] += 1
        yield env.timeout(services.expovariate(args.mu))


def source(env, servers):
    for _ in range(args.customers):
        yield env.timeout(arrivals.expovariate(args.lam))
        env.process(customer(env, servers))


start = clock()
env = simpy.Environment()
servers = simpy.Resource(env, capacity=args.servers)
env.process(source(env, servers))
env.run()
report(args, stats["served"], stats["wait"], clock() - start)
