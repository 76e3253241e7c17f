"""Splits the public abusive-comment data (CC BY-SA 4.0, see README.md here) for the abuse classifier (issue 13).

Every distinct text goes to exactly one split, chosen by a hash of the text (FNV-1a 32 of its UTF-8 bytes, mod 100):
  0-14  TEST  -> eval/held-out/text-safety/abuse-public-test.jsonl   (never trained on, never tuned on)
  15-24 DEV   -> eval/text-safety/abuse-public-dev.jsonl             (threshold calibration and feature choices)
  25-99 TRAIN -> data-seed/abuse-training/train.jsonl                (what `minwon text train-abuse` learns from)
A text that carries different labels in different rows counts as abusive (the sources disagree rarely).
Binary label: K-MHaS any class except 8 (not hate speech); BEEP! hate or offensive.
Also writes the "aligned" views of DEV and TEST (issue 13, third pass): the same lines without those labelled only BEEP!
"offensive" (rude, aggressive or sarcastic but not hate), the one source class that Minwon's definition of abuse leaves
out (anger and rudeness are not abuse); labels unchanged:
  eval/text-safety/abuse-public-aligned-dev.jsonl, eval/held-out/text-safety/abuse-public-aligned-test.jsonl
Run: python3 data-seed/abuse-training/split.py
"""
import csv, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))
KMHAS = {"0": "origin", "1": "physical", "2": "politics", "3": "profanity", "4": "age", "5": "gender", "6": "race", "7": "religion"}

def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h

def clean(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return " ".join(text.split())

rows = {}
def add(text, abusive, source, classes):
    text = clean(text)
    if not text:
        return
    prev = rows.get(text)
    if prev is None or abusive and not prev[0]:
        rows[text] = (abusive, source, classes)

csv.field_size_limit(1 << 20)
for name in ["kmhas_test.tsv", "kmhas_valid.tsv"]:
    with open(os.path.join(here, name), encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, _, label = line.rstrip("\n").rpartition("\t")
            classes = [KMHAS[c] for c in label.split(",") if c in KMHAS]
            add(doc, bool(classes), "kmhas", classes)
for name in ["kocohub_train.tsv", "kocohub_dev.tsv"]:
    with open(os.path.join(here, name), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            add(parts[0], parts[3] in ("hate", "offensive"), "beep", [parts[3]] if parts[3] != "none" else [])

splits = {"test": [], "dev": [], "train": []}
for text, (abusive, source, classes) in rows.items():
    bucket = fnv1a(text) % 100
    split = "test" if bucket < 15 else "dev" if bucket < 25 else "train"
    label = ("profanity" if classes == ["profanity"] else "insult") if abusive else "none"
    splits[split].append({"text": text, "label": label, "group": "public-" + source, "classes": classes})

targets = {"test": os.path.join(root, "eval", "held-out", "text-safety", "abuse-public-test.jsonl"),
           "dev": os.path.join(root, "eval", "text-safety", "abuse-public-dev.jsonl"),
           "train": os.path.join(here, "train.jsonl")}
for split, path in targets.items():
    with open(path, "w", encoding="utf-8") as f:
        for r in splits[split]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = len(splits[split]); pos = sum(r["label"] != "none" for r in splits[split])
    print(f"{split}: {n} lines, {pos} abusive ({pos / n:.1%})", file=sys.stderr)

aligned = {"test": os.path.join(root, "eval", "held-out", "text-safety", "abuse-public-aligned-test.jsonl"),
           "dev": os.path.join(root, "eval", "text-safety", "abuse-public-aligned-dev.jsonl")}
for split, path in aligned.items():
    kept = [r for r in splits[split] if r["classes"] != ["offensive"]]
    with open(path, "w", encoding="utf-8") as f:
        for r in kept:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = len(kept); pos = sum(r["label"] != "none" for r in kept)
    print(f"{split} aligned: {n} lines, {pos} abusive ({pos / n:.1%})", file=sys.stderr)
