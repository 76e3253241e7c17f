"""Converts inline-marked lines into the PII JSONL format.

A marked line holds spans as [kind|text]; a line without marks is a look-alike (nothing may be masked). Offsets count
UTF-16 code units (C# string indexes; the same as Python's for text in the BMP).
Run: python3 eval/held-out/mark_to_jsonl.py IN.marked.txt OUT.jsonl
Writers that keep their marked lines in code import convert() and pass their own mark (sealed5 uses ⟦kind|text⟧).
"""
import json, re, sys

MARK = re.compile(r"\[([a-z_]+)\|([^\]]*)\]")


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def convert(line, mark=MARK):
    text, spans, pos = "", [], 0
    for m in mark.finditer(line):
        text += line[pos:m.start()]
        start = u16(text)
        text += m.group(2)
        spans.append({"start": start, "end": u16(text), "kind": m.group(1)})
        pos = m.end()
    text += line[pos:]
    return {"text": text, "spans": spans, "group": "positive" if spans else "lookalike"}


def main(source, target):
    with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        for raw in f:
            raw = raw.rstrip("\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            out.write(json.dumps(convert(raw), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
