"""What every issue-scenario generator here shares (scenarios.py, scenarios_spread.py, scenarios_family3-5.py): the
writer of the stream and truth files and, for the families that draw counts, a Poisson draw from the generator's own
random stream. Only code that was the same in all of them lives here; each family's phrasing, calendar, shapes, seeds
and roughening stay in its own file. A change here changes every family's streams: check that --out and --truth stay
byte-identical (sha256) for every family and seed the docs use: scenarios.py dev 1-6 and test 1-2,
scenarios_spread.py 1-6, families 3-5 seeds 1-2.
"""
import json, math


def poisson(r, lam):
    """A Poisson count with mean lam drawn from r (a normal approximation above 40)."""
    if lam > 40:
        return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
    n, p_, u = 0, math.exp(-lam), r.random()
    cum = p_
    while u > cum:
        n += 1
        p_ *= lam / n
        cum += p_
    return n


def write_streams(out, truth_path, events, truth):
    """Sorts the contacts by time (in place) and writes them to out, and the incidents by onset to truth_path, as JSON
    lines: {"time","text","category","district","channel"} and the truth rows as they are."""
    events.sort(key=lambda e: e[0])
    with open(out, "w", encoding="utf-8") as f:
        for t, text, cat, dist, channel in events:
            f.write(json.dumps({"time": t.isoformat(), "text": text, "category": cat, "district": dist, "channel": channel}, ensure_ascii=False) + "\n")
    with open(truth_path, "w", encoding="utf-8") as f:
        for row in sorted(truth, key=lambda x: x["onset"]):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
