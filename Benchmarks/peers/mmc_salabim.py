"""M/M/c in salabim, as its documentation writes it: a generator component and a Resource."""
import salabim as sim

from common import clock, parse, report

args = parse(100_000)
sim.yieldless(False)
stats = {"served": 0, "wait": 0.0}


class Customer(sim.Component):
    def process(self):
        arrived = self.env.now()
        yield self.request(servers)
        stats["wait"] += self.env.now() - arrived
        stats["served"] += 1
        yield self.hold(service.sample())
        self.release()


class Source(sim.Component):
    def process(self):
        for _ in range(args.customers):
            yield self.hold(interarrival.sample())
            Customer()


start = clock()
env = sim.Environment(trace=False, random_seed=args.seed)
interarrival = sim.Exponential(1 / args.lam)
service = sim.Exponential(1 / args.mu)
servers = sim.Resource("servers", capacity=args.servers)
Source()
env.run()
report(args, stats["served"], stats["wait"], clock() - start)
