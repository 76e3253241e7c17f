"""Stress check for false positives (not a gate): random recombinations of the innocent words of the evaluation
sets and the 120 category keywords with mecab-ko-dic particles, one line each, to feed `minwon text abuse`.

python3 eval/text-safety/stress_abuse.py > /tmp/stress.txt
./minwon text abuse < /tmp/stress.txt | python3 -c "import sys,json; r=[json.loads(l) for l in sys.stdin]; print(sum(x['label']!='none' for x in r)/len(r))"
"""
import csv, glob, json, os, random

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
kws = []
for r in csv.DictReader(open(os.path.join(root, "data-seed/seoul120_categories.csv"), encoding="utf-8")):
    kws += r["example_keywords"].split(";") + [r["minor"], r["major"]]
words = set()
for f in glob.glob(os.path.join(root, "eval/text-safety/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        o = json.loads(line)
        if o.get("label", "none") == "none":
            words.update(w for w in o["text"].split() if any("가" <= c <= "힣" for c in w))
words = sorted(words) + kws
particles = [l.split(",")[0] for l in open(os.path.join(root, "data-seed/korean/J.csv"), encoding="utf-8")][:200]
rnd = random.Random(1)
for _ in range(20000):
    ws = [rnd.choice(words) + (rnd.choice(particles) if rnd.random() < 0.3 else "") for _ in range(rnd.randint(2, 6))]
    print(("" if rnd.random() < 0.2 else " ").join(ws))
