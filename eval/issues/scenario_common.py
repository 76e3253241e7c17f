"""What every issue-scenario generator here shares (scenarios.py, scenarios_spread.py, scenarios_family3-5.py): the
writer of the stream and truth files and, for the families that draw counts, a Poisson draw from the generator's own
random stream; for families 5 and 6, an incident's phase drawn by the hours since its onset and its truth row. Only code that was the same in all of them lives here; each family's phrasing, calendar, shapes, seeds
and roughening stay in its own file. A change here changes every family's streams: check that --out and --truth stay
byte-identical (sha256) for every family and seed the docs use: scenarios.py dev 1-6 and test 1-2,
scenarios_spread.py 1-6, families 3-6 seeds 1-2 (family 6: the hashes in eval/held-out/sealed6/README.md).
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


def phase_at(r, incidents, kind, hours_in, lead=0.7):
    """An incident's (category, phrases) at hours_in after its onset: among the phases begun by then, the newest with
    probability lead, otherwise any of them."""
    phases = [ph for ph in incidents[kind]["phases"] if ph[0] <= hours_in]
    if len(phases) > 1 and r.random() < lead:
        newest = max(ph[0] for ph in phases)
        phases = [ph for ph in phases if ph[0] == newest]
    _, cat, phrases = r.choice(phases)
    return cat, phrases


def record(truth, incidents, kind, onset, times, district):
    """Appends an incident's truth row (its onset, last contact, district or None, category, terms and size)."""
    inc = incidents[kind]
    truth.append({"type": kind, "onset": onset.isoformat(), "end": max(times).isoformat(), "district": district,
                  "category": inc["category"], "terms": inc["terms"], "size": len(times)})
