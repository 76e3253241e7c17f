"""Scores `minwon kb search --top 10` output against a labelled question file, the outside way (issue 13):
the questions go through the command-line contract, not through `kb eval`'s in-memory index.

  python3 eval/held-out/knowledge/score_kb_search.py QUESTIONS.jsonl SEARCH_OUTPUT.jsonl

SEARCH_OUTPUT.jsonl is what `kb search` wrote for the queries of QUESTIONS.jsonl, one line each, in the same order.
Prints Recall@1, Recall@5 and MRR@10, overall and per voice. Written by the sets engineer, session 7.
"""
import collections, json, sys

questions = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
results = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
if len(questions) != len(results):
    sys.exit(f"{len(questions)} questions but {len(results)} result lines")

groups = collections.defaultdict(list)
for q, r in zip(questions, results):
    if q["query"] != r["query"]:
        sys.exit(f"out of order: {q['query']!r} vs {r['query']!r}")
    ids = [h["id"] for h in r["results"]][:10]
    rank = ids.index(q["id"]) + 1 if q["id"] in ids else 0
    for g in ("all", q.get("voice") or q.get("kind") or "-"):
        groups[g].append(rank)

for g, ranks in sorted(groups.items(), key=lambda x: (x[0] != "all", x[0])):
    n = len(ranks)
    print(json.dumps({"group": g, "questions": n,
                      "recall@1": round(sum(r == 1 for r in ranks) / n, 4),
                      "recall@5": round(sum(1 <= r <= 5 for r in ranks) / n, 4),
                      "mrr@10": round(sum(1 / r for r in ranks if r) / n, 4)}, ensure_ascii=False))
