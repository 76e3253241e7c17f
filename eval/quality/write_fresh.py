#!/usr/bin/env python3
"""Writes eval/quality/fresh.jsonl from fresh_consultations.py (timing generated, seeded; silences as written).
Run: python3 eval/quality/write_fresh.py
"""
import json
import os
import random

from fresh_consultations import CONSULTATIONS

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(31)


def main():
    lines = []
    for n, (channel, queue, defects, turns) in enumerate(CONSULTATIONS, 1):
        t = 0.0
        out = []
        for i, turn in enumerate(turns):
            speaker, text = turn[0], turn[1]
            if i > 0:
                previous = turns[i - 1][1]
                if channel == "phone":
                    t += len(previous.replace(" ", "")) / 6.5 + rng.uniform(0.2, 2.0)
                else:
                    t += (len(text.replace(" ", "")) / 3.5 if speaker == "c" else len(text) / 2.5) + rng.uniform(2, 20)
                t += turn[2] if len(turn) > 2 else 0
            out.append({"speaker": "counsellor" if speaker == "c" else "citizen", "text": text, "offsetSeconds": round(t, 1)})
        lines.append({"id": f"fresh-{n:02d}-{defects[0] if defects else 'clean'}", "channel": channel, "queueSeconds": queue,
                      "turns": out, "defects": defects})
    with open(os.path.join(HERE, "fresh.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} consultations, {sum(1 for l in lines if not l['defects'])} clean")


if __name__ == "__main__":
    main()
