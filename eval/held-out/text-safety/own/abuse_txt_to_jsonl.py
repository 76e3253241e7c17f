"""Writes an abuse check set's .jsonl from the .txt it was written in; the writers write_abuse_check*.py call write().

NAME.txt: '#' comment lines, then one line per example, label<TAB>group<TAB>register<TAB>text ("\\n" in the text is a
line break). NAME.jsonl: one {"text", "label", "group", "kind"} per line (kind is the register), the format of the other
abuse sets, read by `./minwon text eval --set`. Edit the .txt and run its writer; never edit the .jsonl by hand.
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name):
    rows = []
    with open(os.path.join(here, name + ".txt"), encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                raise SystemExit(f"{name}.txt:{number}: {len(fields)} tab-separated fields, 4 expected")
            label, group, kind, text = fields
            rows.append({"text": text.replace("\\n", "\n"), "label": label, "group": group, "kind": kind})

    with open(os.path.join(here, name + ".jsonl"), "w", encoding="utf-8") as target:
        for row in rows:
            target.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "lines ->", name + ".jsonl")
