"""Converts inline-marked lines into the PII JSONL format.

A marked line holds spans as [kind|text]; a line without marks is a look-alike (nothing may be masked).
Run: python3 eval/held-out/mark_to_jsonl.py IN.marked.txt OUT.jsonl
"""
import json, re, sys

MARK = re.compile(r"\[([a-z_]+)\|([^\]]*)\]")

def convert(line):
    text, spans, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(2)
        spans.append({"start": start, "end": len(text), "kind": m.group(1)})
        pos = m.end()
    text += line[pos:]
    return {"text": text, "spans": spans, "group": "positive" if spans else "lookalike"}

with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for raw in f:
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.startswith("#"):
            continue
        out.write(json.dumps(convert(raw), ensure_ascii=False) + "\n")
