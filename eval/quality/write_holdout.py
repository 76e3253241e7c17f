#!/usr/bin/env python3
"""Writes eval/quality/holdout.jsonl from holdout_consultations.py: each base clean, then each hand-written variant
with the one area it breaks. Only timing is generated (seeded): speech at about 5.5 syllables a second on the
phone, typing at about 2.5 characters a second in chat, plus pauses. Run: python3 eval/quality/write_holdout.py
"""
import json
import os
import random

from holdout_consultations import BASES

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2026)


def offsets(turns, channel, silence_after=None, silence=0.0):
    t = 0.0
    out = []
    for i, (speaker, text) in enumerate(turns):
        if i > 0:
            previous = turns[i - 1][1]
            if channel == "phone":
                t += len(previous.replace(" ", "")) / 5.5 + rng.uniform(0.3, 3.0)
            else:
                t += (len(text.replace(" ", "")) / 2.5 if speaker == "c" else len(text) / 2.0) + rng.uniform(2, 25)
            if silence_after is not None and i == silence_after + 1:
                t += silence
        out.append({"speaker": "counsellor" if speaker == "c" else "citizen", "text": text, "offsetSeconds": round(t, 1)})
    return out


def main():
    lines = []
    for base in BASES:
        lines.append({"id": f"{base['id']}-clean", "channel": base["channel"], "queueSeconds": base["queue"],
                      "turns": offsets(base["turns"], base["channel"]), "defects": []})
        for n, variant in enumerate(base["variants"], 1):
            turns = list(base["turns"])
            for index, turn in variant.get("replace", {}).items():
                turns[index] = turn
            kept = [t for i, t in enumerate(turns) if i not in set(variant.get("drop", []))]
            # Dropped turns before the silence move it; the silence index counts kept turns.
            after = variant.get("silence_after")
            if after is not None:
                after -= sum(1 for d in variant.get("drop", []) if d <= after)
            lines.append({
                "id": f"{base['id']}-{variant['defect']}-{n}", "channel": base["channel"],
                "queueSeconds": variant.get("queue", base["queue"]),
                "turns": offsets(kept, base["channel"], after, variant.get("silence", 0.0)),
                "defects": [variant["defect"]],
            })
    with open(os.path.join(HERE, "holdout.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} consultations, {sum(1 for l in lines if not l['defects'])} clean")


if __name__ == "__main__":
    main()
