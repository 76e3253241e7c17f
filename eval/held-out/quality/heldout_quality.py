#!/usr/bin/env python3
"""Held-apart TEST set for the quality scorer (issue 14): eval/held-out/quality/test.jsonl. Never tuned on.

Written and committed before its first measurement, with the scorer frozen at commit b4bca19, by a method unlike
the development sets in eval/quality: ten new clean consultations (other topics; counsellors who say 고객님 a lot,
who speak in long run-on transcript turns, who use 하십시오체 throughout), each written out clean and then with one
defect at a time by this script, from defect lines of its own (not the phrase pools of eval/quality/write_tune.py):
the same minimal pairs an outside check would build ("only the closing greeting is missing"). Seeded; only timing
and the choice among this file's own defect lines are generated. Run: python3 eval/held-out/quality/heldout_quality.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(1414)

# Each base: turns (speaker, text, role). Roles: greet, ask (the citizen's request), answer (replaced for a dead
# end), empathy (the empathy sentence; dropped for "no empathy"), check, reply (the citizen's answer to the
# check), close; plain: turn index -> the same turn in 반말.
BASES = [
    {
        "id": "seoul-pass", "channel": "chat", "queue": 10,
        "turns": [
            ("c", "안녕하세요 고객님, 서울특별시 120다산콜센터 상담사 윤하은입니다.", "greet"),
            ("p", "기후동행카드 청년 할인 받으려면 어떻게 해요?", "ask"),
            ("c", "고객님, 기후동행카드 청년 할인 문의 주셨군요. 만 19세부터 39세까지 티머니카드&페이 누리집에서 본인 인증하시면 할인 금액으로 충전하실 수 있습니다.", "answer"),
            ("p", "앱 카드도 돼요?", ""),
            ("c", "네 고객님, 모바일 카드도 똑같이 할인됩니다.", "answer"),
            ("c", "고객님, 혹시 더 궁금하신 점 있으실까요?", "check"),
            ("p", "아니요", "reply"),
            ("c", "네 고객님, 이용해 주셔서 감사합니다. 좋은 하루 보내세요.", "close"),
        ],
        "plain": {2: "청년 할인은 만 39세까지야. 티머니카드&페이 누리집에서 인증하면 돼.", 4: "응 모바일 카드도 돼."},
    },
    {
        "id": "water-leak", "channel": "phone", "queue": 17,
        "turns": [
            ("c", "감사합니다 서울특별시 다산콜센터 상담사 조민성입니다", "greet"),
            ("p", "아니 윗집에서 물이 새서 천장이 다 젖었는데 벌써 몇 번째 말해도 안 고쳐 줘요 너무 속상해요", "ask"),
            ("c", "천장까지 젖었는데 해결이 안 돼서 정말 속상하셨겠어요", "empathy"),
            ("c", "윗집과 협의가 안 되실 때는 구청 공동주택 관리 부서나 서울시 공동주택 갈등조정 센터에 조정을 신청하실 수 있고요 번호는 공이 이일삼삼 칠오팔칠 번입니다", "answer"),
            ("p", "아 그런 데가 있어요", ""),
            ("c", "네 누수 사진이랑 날짜 기록해 두시면 조정 때 도움이 됩니다", "answer"),
            ("c", "혹시 다른 궁금하신 점은 없으세요", "check"),
            ("p", "네 없어요", "reply"),
            ("c", "네 감사합니다 잘 해결되시길 바랍니다", "close"),
        ],
        "plain": {3: "윗집이랑 안 되면 구청이나 갈등조정 센터에 조정 신청해 번호는 공이 이일삼삼 칠오팔칠이야", 5: "사진이랑 날짜 적어 놔"},
    },
    {
        "id": "library-return", "channel": "chat", "queue": 3,
        "turns": [
            ("p", "안녕하세요"),
            ("c", "안녕하십니까. 서울시 120다산콜센터 상담원 장서진입니다. 무엇을 도와드릴까요?", "greet"),
            ("p", "서울도서관 책 반납을 다른 구립도서관에서 해도 되나요?", "ask"),
            ("c", "다른 도서관 반납 가능 여부를 문의하셨습니다. 서울도서관 책은 상호대차 반납 서비스에 참여하는 구립도서관에서 반납하실 수 있습니다. 참여 도서관 목록은 서울도서관 누리집에 있습니다.", "answer"),
            ("c", "그 밖에 문의하실 사항은 없으십니까?", "check"),
            ("p", "없습니다", "reply"),
            ("c", "감사합니다. 즐거운 독서 되십시오.", "close"),
        ],
        "plain": {3: "구립도서관 중에 상호대차 하는 데 가서 반납하면 돼. 목록은 누리집에 있어."},
    },
    {
        "id": "bus-stop-shelter", "channel": "phone", "queue": 29,
        "turns": [
            ("c", "네 안녕하세요 서울시 다산콜센터 상담사 황지호입니다", "greet"),
            ("p", "버스 정류장 온열의자가 고장 나서 하나도 안 따뜻해요 할머니들 추워서 덜덜 떨어요", "ask"),
            ("c", "날도 추운데 어르신들이 고생하셔서 걱정되셨겠어요", "empathy"),
            ("c", "정류장 이름이나 번호 말씀해 주시겠어요", ""),
            ("p", "성북구 돈암동 성신여대입구역 정류장이요", ""),
            ("c", "네 성북구청 교통행정과로 온열의자 수리 요청을 접수했고요 처리되면 문자로 알려 드립니다", "answer"),
            ("c", "또 궁금하신 거 있으세요", "check"),
            ("p", "없어요", "reply"),
            ("c", "네 알려 주셔서 감사합니다 따뜻하게 지내세요", "close"),
        ],
        "plain": {5: "성북구청 교통행정과에 수리 접수했어 고쳐지면 문자 갈 거야"},
    },
    {
        "id": "marriage-report", "channel": "chat", "queue": 25,
        "turns": [
            ("c", "안녕하세요! 다산콜센터 상담사 이윤아입니다 :)", "greet"),
            ("p", "혼인신고 하려면 증인이 꼭 있어야 돼요?", "ask"),
            ("c", "혼인신고 증인 문의시군요~ 네, 성인 증인 두 명의 서명이 필요합니다. 증인은 함께 오지 않아도 되고 신고서에 서명만 받아 오시면 돼요.", "answer"),
            ("p", "신고는 어디서 해요?", ""),
            ("c", "두 분 중 한 분의 주소지나 가까운 구청, 주민센터 어디서든 하실 수 있어요.", "answer"),
            ("c", "더 궁금하신 거 있으실까요?", "check"),
            ("p", "없어요 감사합니다!", "reply"),
            ("c", "감사합니다~ 결혼 축하드려요!", "close"),
        ],
        "plain": {2: "응 증인 두 명 서명 필요해. 같이 안 와도 되고 서명만 받아 와.", 4: "구청이나 주민센터 아무 데나 가서 해."},
    },
    {
        "id": "street-tree", "channel": "phone", "queue": 8,
        "turns": [
            ("c", "감사합니다 행복한 서울 다산콜센터 상담사 김도경입니다", "greet"),
            ("p", "어 그 태풍에 가로수가 넘어져서 길을 막고 있어요 지나가다 다칠 뻔했어요", "ask"),
            ("c", "아이고 많이 놀라셨겠어요 다치신 데는 없으시고요", "empathy"),
            ("p", "네 괜찮아요", ""),
            ("c", "위치가 어디쯤인지 말씀해 주세요", ""),
            ("p", "은평구 진관동 은평뉴타운 입구요", ""),
            ("c", "네 은평구청 공원녹지과에 긴급 처리 요청 접수했고 지금 현장으로 출동하도록 전달했습니다", "answer"),
            ("c", "더 문의하실 거 있으세요", "check"),
            ("p", "아니요", "reply"),
            ("c", "네 감사합니다 조심히 다니세요", "close"),
        ],
        "plain": {6: "은평구청 공원녹지과에 접수했어 지금 나간대"},
    },
    {
        "id": "passport-photo", "channel": "chat", "queue": 14,
        "turns": [
            ("c", "안녕하세요, 서울특별시 다산콜센터 상담사 오지훈입니다.", "greet"),
            ("p", "여권 사진 안경 쓰고 찍어도 돼요?", "ask"),
            ("c", "여권 사진 안경 착용 문의시군요. 빛 반사가 없고 눈이 가려지지 않으면 안경을 쓰셔도 되지만, 색안경은 안 됩니다.", "answer"),
            ("c", "다른 문의 사항은 없으세요?", "check"),
            ("p", "네", "reply"),
            ("c", "감사합니다. 좋은 하루 되세요.", "close"),
        ],
        "plain": {2: "반사 없고 눈 안 가리면 써도 돼. 색안경은 안 돼."},
    },
    {
        "id": "care-service", "channel": "phone", "queue": 41,
        "turns": [
            ("c", "안녕하십니까 서울특별시 다산콜센터 상담원 문서윤입니다", "greet"),
            ("p", "어머니가 혼자 사시는데 요즘 식사를 잘 못 챙기셔서 걱정이에요 도움받을 데가 있을까요", "ask"),
            ("c", "어머님 혼자 계셔서 걱정이 많으시겠습니다", "empathy"),
            ("c", "어르신 식사 지원은 주소지 주민센터에서 노인 맞춤돌봄 서비스를 신청하시면 방문해서 식사와 안부를 챙겨 드립니다", "answer"),
            ("c", "급하실 때는 돌봄 에스오에스 센터로 신청하시면 사흘 안에 방문합니다", "answer"),
            ("p", "아 그렇군요", ""),
            ("c", "다른 궁금하신 점 있으십니까", "check"),
            ("p", "없어요", "reply"),
            ("c", "예 감사합니다 어머님 건강하시길 바랍니다", "close"),
        ],
        "plain": {3: "주민센터 가서 노인 맞춤돌봄 신청해 그럼 와서 밥 챙겨 줘", 4: "급하면 돌봄 에스오에스 센터에 신청해 사흘 안에 가"},
    },
    {
        "id": "festival-parking", "channel": "chat", "queue": 6,
        "turns": [
            ("p", "이번 주말 여의도 불꽃축제 때 주차할 데 있나요", "ask"),
            ("c", "안녕하세요, 120다산콜센터 상담사 배민준입니다. 불꽃축제 때 여의도 주차 문의시네요.", "greet"),
            ("c", "축제 당일은 여의도 일대 교통이 통제되고 한강공원 주차장도 오후부터 폐쇄됩니다. 지하철 5호선 여의나루역이나 9호선 샛강역을 이용하시는 걸 권해 드립니다.", "answer"),
            ("c", "혹시 더 필요하신 게 있으실까요?", "check"),
            ("p", "아뇨 괜찮아요", "reply"),
            ("c", "감사합니다. 즐거운 관람 되세요!", "close"),
        ],
        "plain": {2: "그날은 차 막히고 한강공원 주차장도 닫아. 지하철 타고 와."},
    },
    {
        "id": "noise-construction", "channel": "phone", "queue": 22,
        "turns": [
            ("c", "네 감사합니다 다산콜센터 상담사 한예린입니다", "greet"),
            ("p", "일요일 아침부터 공사를 해서 시끄러워 죽겠어요 이거 해도 되는 거예요", "ask"),
            ("c", "쉬는 날 아침부터 공사 소리 때문에 많이 힘드셨겠어요", "empathy"),
            ("c", "공사장 주소를 알려 주시면 확인해 보겠습니다", ""),
            ("p", "동대문구 휘경동 이백십 번지요", ""),
            ("c", "네 휴일 공사는 구청 허가 조건을 어긴 경우 과태료 대상이라 동대문구청 환경관리과에 소음 점검 요청으로 접수했습니다", "answer"),
            ("c", "그 외에 궁금하신 건 없으세요", "check"),
            ("p", "네", "reply"),
            ("c", "네 불편을 드려 죄송하고요 편안한 하루 되세요", "close"),
        ],
        "plain": {5: "동대문구청 환경관리과에 점검 접수했어 허가 어긴 거면 과태료 나와"},
    },
]

# This file's own defect lines.
NO_GREETING = ["네 말씀하세요", "네 뭐 도와드릴까요", "네 말씀해 보세요", "네 어떤 거요"]
NAME_ONLY = "안녕하세요 상담사 {name}입니다"
INSTITUTION_ONLY = "안녕하세요 서울시 다산콜센터입니다"
BLAME = [
    "그걸 왜 이제 말씀하세요", "아까 말씀드렸잖아요 다시 말씀드리면", "제가 몇 번을 말해요", "그건 처음부터 제대로 알아보셨어야죠",
    "이런 건 좀 찾아보고 전화하세요", "아니 그러니까 제 말을 들으시라고요",
]
DEAD_END = [
    "그건 저희 소관 아니에요", "그런 건 저희가 답변드릴 수가 없어요", "저희 쪽에서 처리하는 업무가 아닙니다",
    "그건 여기서 알려 드릴 수 있는 게 없어요", "그 부분은 다른 데 알아보셔야 돼요",
]
NO_CLOSE = ["네", "네 그럼 그렇게 하세요", None]


def name_of(base):
    text = next(t[1] for t in base["turns"] if len(t) > 2 and t[2] == "greet")
    for marker in ("상담사 ", "상담원 "):
        if marker in text:
            rest = text.split(marker, 1)[1]
            return rest.split("입니다")[0].strip()
    return "김하늘"


def turns_of(base):
    return [list(t) + [""] * (3 - len(t)) for t in base["turns"]]


def offsets(turns, channel, silence_before=None, silence=0.0):
    t = 0.0
    out = []
    for i, (speaker, text, _) in enumerate(turns):
        if i > 0:
            if channel == "phone":
                t += len(turns[i - 1][1].replace(" ", "")) / 7 + rng.uniform(0.4, 2.2)
            else:
                t += (len(text.replace(" ", "")) / 3.2 if speaker == "c" else len(text) / 2.2) + rng.uniform(3, 18)
            if silence_before == i:
                t += silence
        out.append({"speaker": "counsellor" if speaker == "c" else "citizen", "text": text, "offsetSeconds": round(t, 1)})
    return out


def line(base, variant, turns, defects, queue=None, silence_before=None, silence=0.0):
    return {"id": f"{base['id']}-{variant}", "channel": base["channel"], "queueSeconds": base["queue"] if queue is None else queue,
            "turns": offsets(turns, base["channel"], silence_before, silence), "defects": defects}


def end_chat(text, chat):
    return text + ("." if chat and not text.endswith(("?", ".", "!")) else "")


def main():
    out = []
    for base in BASES:
        chat = base["channel"] == "chat"
        name = name_of(base)
        roles = [t[2] for t in turns_of(base)]
        out.append(line(base, "clean", turns_of(base), []))

        greet = roles.index("greet")
        for n, text in enumerate([rng.choice(NO_GREETING), NAME_ONLY.format(name=name), INSTITUTION_ONLY]):
            ts = turns_of(base)
            ts[greet] = ["c", end_chat(text, chat), "greet"]
            out.append(line(base, f"greeting-{n}", ts, ["greeting"]))

        ts = turns_of(base)
        for i, text in base["plain"].items():
            ts[i] = ["c", end_chat(text, chat), ts[i][2]]
        out.append(line(base, "banmal", ts, ["attitude"]))

        ts = turns_of(base)
        answer = roles.index("answer")
        ts[answer] = ["c", end_chat(rng.choice(BLAME), chat) + " " + ts[answer][1], "answer"]
        out.append(line(base, "blame", ts, ["attitude"]))

        if "empathy" in roles:
            ts = [t for t in turns_of(base) if t[2] != "empathy"]
            out.append(line(base, "no-empathy", ts, ["attitude"]))

        ts = [t for t in turns_of(base) if t[2] != "answer"]
        ask = next(i for i, t in enumerate(ts) if t[2] == "ask")
        refusal = ["c", end_chat(rng.choice(DEAD_END), chat), "answer"]
        # The refusal comes after the counsellor's own questions, right before the check for further questions.
        check = next(i for i, t in enumerate(ts) if t[2] == "check")
        ts.insert(check if check > ask else ask + 1, refusal)
        out.append(line(base, "dead-end", ts, ["handling"]))

        out.append(line(base, "long-queue", turns_of(base), ["reachability"], queue=rng.choice([200, 330, 480, 720])))
        ts = turns_of(base)
        answer = next(i for i, t in enumerate(ts) if t[2] == "answer")
        out.append(line(base, "silent-wait", ts, ["reachability"], silence_before=answer, silence=rng.uniform(200, 320) if chat else rng.uniform(90, 160)))

        ts = turns_of(base)
        close = roles.index("close")
        ending = rng.choice(NO_CLOSE)
        if ending is None:
            ts = ts[:close] + ts[close + 1:]
        else:
            ts[close] = ["c", end_chat(ending, chat), "close"]
        out.append(line(base, "no-goodbye", ts, ["closing"]))

        ts = [t for t in turns_of(base) if t[2] not in ("check", "reply")]
        out.append(line(base, "no-check", ts, ["closing"]))

    with open(os.path.join(HERE, "test.jsonl"), "w", encoding="utf-8") as f:
        for item in out:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(out)} consultations, {sum(1 for o in out if not o['defects'])} clean")


if __name__ == "__main__":
    main()
