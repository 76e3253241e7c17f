#!/usr/bin/env python3
"""Writes abuse-check8.jsonl from abuse-check8.txt, the form the check set was written in (issue 13, session 13, ab8).

abuse-check8.txt: '#' comment lines, then one line per example, label<TAB>group<TAB>register<TAB>text.
abuse-check8.jsonl: one {"text", "label", "group", "kind"} per line (kind is the register), the format of the other
abuse sets, read by `./minwon text eval --set`. Edit the .txt and run this; never edit the .jsonl by hand.
Run: python3 eval/held-out/text-safety/own/write_abuse_check8.py
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
rows = []
with open(os.path.join(here, "abuse-check8.txt"), encoding="utf-8") as source:
    for number, line in enumerate(source, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise SystemExit(f"abuse-check8.txt:{number}: {len(fields)} tab-separated fields, 4 expected")
        label, group, kind, text = fields
        text = text.replace("\\n", "\n")
        rows.append({"text": text, "label": label, "group": group, "kind": kind})

with open(os.path.join(here, "abuse-check8.jsonl"), "w", encoding="utf-8") as target:
    for row in rows:
        target.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(rows), "lines -> abuse-check8.jsonl")
