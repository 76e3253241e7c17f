#!/usr/bin/env python3
"""Writes eval/quality/tune.jsonl: the tuning set of the quality scorer (issue 14).

Every hand-written clean consultation of tune_dialogues.py is written once clean and once per defect, each defect
touching one KSQI area only, so the evaluation can check that the scorer lowers that area and no other. Chat
dialogues are also rewritten the way a speech-to-text engine would return them (no punctuation, fillers, split
sentences) to make phone variants. Deterministic (seeded). Run: python3 eval/quality/write_tune.py
"""
import json
import os
import random
import re

from tune_dialogues import DIALOGUES, PHONE_DIALOGUES

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(14)

NO_GREETING = ["네 말씀하세요.", "네.", "네, 무슨 일이세요?", "여보세요?", "네 뭐 문의하실 거예요?", "네 말씀하시면 됩니다."]
NO_NAME = ["안녕하세요, 120다산콜센터입니다. 무엇을 도와드릴까요?", "네 감사합니다. 서울시 다산콜센터입니다.", "안녕하십니까, 서울특별시 120입니다."]
NO_INSTITUTION = ["안녕하세요, 상담사 {name}입니다.", "안녕하세요. 저는 {name}입니다. 무엇을 도와드릴까요?", "네 안녕하세요 {name} 상담사입니다."]
BLAME = [
    "아까 말씀드렸잖아요.", "그걸 왜 이제 말씀하세요?", "제가 몇 번을 말씀드려요.", "그것도 모르셨어요?",
    "그러니까 제 말을 좀 끝까지 들으세요.", "그건 고객님이 잘못하신 거예요.", "별것도 아닌 걸로 전화하셨네요.",
    "용건만 간단히 말씀해 주세요.", "네네네네 알겠으니까요.", "그렇게 잘 아시면 직접 하시지 그러셨어요.",
]
NO_CLOSING = ["네.", "네 그럼 그렇게 하세요.", "네 알겠습니다.", None]
HOLD_PLAIN = ["네 확인했습니다.", "네.", "네 알겠습니다."]
FILLERS = ["어 ", "음 ", "아 네 ", "네 ", "그 "]


def name_of(dialogue):
    greet = " ".join(t[1] for t in dialogue["turns"] if "greet" in t[2])
    m = re.search(r"(?:상담사|상담원)\s*([가-힣]{2,4}?)(?:입니다|였습니다)", greet) or re.search(r"([가-힣]{3}) 상담사", greet)
    return m.group(1) if m else "김하늘"


def turns_of(dialogue):
    return [list(t) for t in dialogue["turns"]]


def to_stt(turns):
    """Rewrites typed turns as a transcript: no punctuation, some fillers, longer counsellor turns split."""
    out = []
    for speaker, text, tags in turns:
        plain = re.sub(r"[.,?!~]", " ", text)
        plain = re.sub(r"\s+", " ", plain).strip()
        sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
        if speaker == "c" and len(sentences) > 1 and rng.random() < 0.6:
            for i, s in enumerate(sentences):
                s = re.sub(r"\s+", " ", re.sub(r"[.,?!~]", " ", s)).strip()
                out.append([speaker, s, tags if i == 0 or "close" in tags or "check" in tags else tags])
            continue
        if rng.random() < 0.3:
            plain = rng.choice(FILLERS) + plain
        out.append([speaker, plain, tags])
    return out


def with_offsets(turns, channel, hold_gap=None, hold_after=None):
    """Adds offsetSeconds: speaking or typing time plus a pause; hold_gap seconds of silence after turn hold_after."""
    result = []
    t = 0.0
    previous = ""
    for i, (speaker, text, _) in enumerate(turns):
        if i > 0:
            if channel == "phone":
                t += len(previous.replace(" ", "")) / 6 + rng.uniform(0.5, 2.5)
            else:
                t += (len(text.replace(" ", "")) / 3 if speaker == "c" else len(text) / 2) + rng.uniform(3, 15)
            if hold_after is not None and i == hold_after + 1:
                t += hold_gap
        result.append({"speaker": "counsellor" if speaker == "c" else "citizen", "text": text, "offsetSeconds": round(t, 1)})
        previous = text
    return result


def record(dialogue, variant, turns, channel, defects, queue=None, hold_gap=None, hold_after=None, style=None):
    return {
        "id": f"{dialogue['id']}-{variant}-{channel}" + (f"-{style}" if style else ""),
        "channel": channel,
        "queueSeconds": dialogue["queue"] if queue is None else queue,
        "turns": with_offsets(turns, channel, hold_gap, hold_after),
        "defects": defects,
        "defect": variant,
    }


def index_of(turns, tag):
    return next((i for i, t in enumerate(turns) if tag in t[2].split()), None)


def variants(dialogue, channel, stt):
    base = turns_of(dialogue)
    conv = (lambda ts: to_stt(ts)) if stt else (lambda ts: ts)
    name = name_of(dialogue)
    hold = index_of(base, "hold")
    # The clean consultation; an announced hold, if any, is a short one.
    clean = conv(base)
    yield record(dialogue, "clean", clean, channel, [], hold_gap=rng.uniform(30, 50) if hold is not None else None,
                 hold_after=index_of(clean, "hold"))

    # Greeting: none, no name, no institution.
    kind = rng.choice(["missing", "noname", "noinstitution"])
    pool = {"missing": NO_GREETING, "noname": NO_NAME, "noinstitution": NO_INSTITUTION}[kind]
    greet_idx = [i for i, t in enumerate(base) if "greet" in t[2]]
    ts = [t for i, t in enumerate(base) if i not in greet_idx[1:]]
    ts[greet_idx[0]] = ["c", rng.choice(pool).format(name=name), "greet"]
    yield record(dialogue, f"greeting-{kind}", conv(ts), channel, ["greeting"])

    # Attitude: plain speech in one or all mapped turns; blame; no empathy for a complaint.
    if dialogue.get("banmal"):
        ts = turns_of(dialogue)
        mapping = list(dialogue["banmal"].items())
        for i, text in (mapping if rng.random() < 0.5 else mapping[:1]):
            ts[i] = ["c", text, ts[i][2]]
        yield record(dialogue, "banmal", conv(ts), channel, ["attitude"])
    ts = turns_of(dialogue)
    answer = index_of(ts, "a") or 2
    target = next(i for i in range(answer, len(ts)) if ts[i][0] == "c")
    ts[target] = ["c", rng.choice(BLAME) + " " + ts[target][1], ts[target][2]]
    yield record(dialogue, "blame", conv(ts), channel, ["attitude"])
    if dialogue.get("plain"):
        ts = turns_of(dialogue)
        for i, text in dialogue["plain"].items():
            ts[i] = ["c", text, ts[i][2]]
        yield record(dialogue, "no-empathy", conv(ts), channel, ["attitude"])

    # Handling: the answer block replaced by a refusal with nothing after it.
    ts = turns_of(dialogue)
    block = [i for i, t in enumerate(ts) if "a" in t[2].split()]
    ts = ts[:block[0]] + [list(t) for t in dialogue["deadend"]] + ts[block[-1] + 1:]
    yield record(dialogue, "dead-end", conv(ts), channel, ["handling"])

    # Reachability: a long queue; a long silence without a word of warning.
    yield record(dialogue, "long-queue", conv(base), channel, ["reachability"], queue=rng.choice([240, 380, 600, 900]))
    ts = turns_of(dialogue)
    if hold is not None:
        ts[hold] = ["c", rng.choice(HOLD_PLAIN), ts[hold][2]]
    ts = conv(ts)
    after = index_of(ts, "hold")
    if after is None:
        # The counsellor goes quiet after the citizen's reply to the confirming question.
        after = index_of(ts, "confirm")
        while not (ts[after][0] == "p" and ts[after + 1][0] == "c"):
            after += 1
    gap = rng.uniform(150, 240) if channel == "phone" else rng.uniform(260, 400)
    yield record(dialogue, "silent-hold", ts, channel, ["reachability"], hold_gap=gap, hold_after=after)

    # Closing: no closing greeting; no check for further questions.
    ts = turns_of(dialogue)
    close = index_of(ts, "close")
    replacement = rng.choice(NO_CLOSING)
    if replacement is None:
        ts = ts[:close] + ts[close + 1:]
    else:
        ts[close] = ["c", replacement, "close"]
    yield record(dialogue, "no-closing", conv(ts), channel, ["closing"])
    ts = [t for t in turns_of(dialogue) if not ({"check", "checkreply"} & set(t[2].split()))]
    yield record(dialogue, "no-check", conv(ts), channel, ["closing"])


def main():
    lines = []
    for d in DIALOGUES:
        lines.extend(variants(d, "chat", stt=False))
        # The same consultation as a phone call: the clean one and three defects, transcribed.
        stt = list(variants(d, "phone", stt=True))
        lines.append(stt[0])
        lines.extend(rng.sample(stt[1:], 3))
    for d in PHONE_DIALOGUES:
        lines.extend(variants(d, "phone", stt=False))
    with open(os.path.join(HERE, "tune.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} consultations, {sum(1 for l in lines if not l['defects'])} clean")


if __name__ == "__main__":
    main()
