"""M/M/c in Ciw: one node, exponential arrivals and services, until the customers have finished."""
import ciw

from common import clock, parse, report

args = parse(100_000)
start = clock()
network = ciw.create_network(
    arrival_distributions=[ciw.dists.Exponential(rate=args.lam)],
    service_distributions=[ciw.dists.Exponential(rate=args.mu)],
    number_of_servers=[args.servers],
)
ciw.seed(args.seed)
q = ciw.Simulation(network)
q.simulate_until_max_customers(args.customers, method="Finish")
records = q.get_all_records()
report(args, len(records), sum(r.waiting_time for r in records), clock() - start)
