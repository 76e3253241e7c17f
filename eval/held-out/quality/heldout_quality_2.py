#!/usr/bin/env python3
"""Second held-apart TEST set for the quality scorer (issue 14): eval/held-out/quality/test-2.jsonl. Never tuned on.

Written and committed before its first measurement, with the scorer frozen at commit 6912ed4 (the scorer of every
figure reported after the first held-apart test set became a development set). Ten new clean consultations on topics
none of the other sets use (bulky waste, lost property on the subway, youth rent support, illegal parking, flu
shots, public bikes, moving-in reports online, potholes, public Wi-Fi, water bills), by counsellors in styles the
other sets have little of (fillers 어/음 in transcripts, 해요체 throughout, several questions in one chat, a complaint
raised late in the call), each written out clean and then with one defect at a time from defect lines of this file's
own (not those of heldout_quality.py or eval/quality). Only fields of the command-line contract are used (id,
channel, queueSeconds, turns), as an outside check would. Seeded; only timing and the choice among this file's own
defect lines are generated. Run: python3 eval/held-out/quality/heldout_quality_2.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2626)

BASES = [
    {
        "id": "bulky-waste", "channel": "chat", "queue": 12,
        "turns": [
            ("c", "안녕하세요, 서울시 120다산콜센터 상담사 서지안입니다. 무엇을 도와드릴까요?", "greet"),
            ("p", "소파 버리려면 어떻게 해야 돼요? 그냥 밖에 내놓으면 되나요?", "ask"),
            ("c", "소파 배출 방법 문의시군요. 소파는 대형폐기물이라 구청 누리집이나 모바일 앱에서 배출 신고를 하고 수수료를 내신 뒤, 신고 번호를 적어 붙여서 내놓으셔야 해요.", "answer"),
            ("p", "수수료는 얼마 정도예요?", ""),
            ("c", "3인용 소파는 구마다 조금 다르지만 보통 1만 원 안팎이에요.", "answer"),
            ("c", "더 궁금하신 점 있으세요?", "check"),
            ("p", "아뇨 됐어요", "reply"),
            ("c", "네, 이용해 주셔서 감사합니다. 좋은 하루 되세요.", "close"),
        ],
        "plain": {2: "대형폐기물이라 구청 앱에서 신고하고 수수료 내야 돼. 번호 적어서 붙여 놔.", 4: "보통 1만 원쯤 해."},
    },
    {
        "id": "subway-lost", "channel": "phone", "queue": 24,
        "turns": [
            ("c", "네 감사합니다 서울시 다산콜센터 상담사 최우진입니다", "greet"),
            ("p", "어 제가 지하철에 가방을 두고 내렸는데요 이호선이요", "ask"),
            ("c", "어 이호선에 가방 두고 내리셨군요 몇 시쯤 어느 역에서 내리셨어요", ""),
            ("p", "한 시간 전에 강남역이요", ""),
            ("c", "음 이호선 유실물은 시청역 유실물센터에서 관리하고요 번호는 공이 육일일공 이일삼삼 번입니다 그리고 로스트112 누리집에서도 조회하실 수 있어요", "answer"),
            ("p", "아 네", ""),
            ("c", "혹시 또 필요하신 건 없으세요", "check"),
            ("p", "네 없어요", "reply"),
            ("c", "네 꼭 찾으시길 바랍니다 감사합니다", "close"),
        ],
        "plain": {4: "이호선 유실물은 시청역 유실물센터에 있어 번호는 공이 육일일공 이일삼삼이야 로스트112에서도 찾아봐"},
    },
    {
        "id": "youth-rent", "channel": "chat", "queue": 31,
        "turns": [
            ("p", "안녕하세요 청년월세 지원 문의하려고요", "ask"),
            ("c", "안녕하세요, 다산콜센터 상담사 유하린입니다. 청년월세 지원 문의 주셨네요.", "greet"),
            ("c", "서울 청년월세 지원은 만 19세부터 39세 무주택 청년이 대상이고, 월 최대 20만 원을 12개월 동안 받으실 수 있어요. 신청은 서울주거포털에서 모집 기간에 하시면 됩니다.", "answer"),
            ("p", "지금도 신청돼요? 그리고 부모님이랑 주소가 같으면요?", ""),
            ("c", "올해 모집은 끝났고 내년 상반기에 다시 공고가 나와요. 부모님과 같이 사시면 대상이 아니고, 따로 임차해 사시는 경우에만 신청하실 수 있어요.", "answer"),
            ("c", "다른 궁금하신 사항 있으실까요?", "check"),
            ("p", "없어요", "reply"),
            ("c", "감사합니다. 좋은 하루 보내세요!", "close"),
        ],
        "plain": {2: "만 39세 이하 무주택 청년이면 월 20만 원씩 12개월 받아. 서울주거포털에서 신청해.", 4: "올해 건 끝났어. 부모님이랑 살면 안 돼."},
    },
    {
        "id": "illegal-parking", "channel": "phone", "queue": 35,
        "turns": [
            ("c", "안녕하세요 서울특별시 120다산콜센터 상담사 강민서입니다", "greet"),
            ("p", "우리 집 차고 앞에 차가 또 서 있어서 출근을 못 하고 있어요 이게 벌써 이번 주만 세 번째예요 정말 화가 나요", "ask"),
            ("c", "출근길에 차를 못 빼셔서 얼마나 답답하시겠어요", "empathy"),
            ("c", "주소 말씀해 주시면 바로 조치할 수 있게 하겠습니다", ""),
            ("p", "강서구 화곡동 삼백사십 다시 이요", ""),
            ("c", "네 강서구청 주차관리과로 견인 요청 접수했고요 차주에게 바로 연락해서 이동 조치하도록 전달했습니다", "answer"),
            ("c", "반복되는 곳은 생활불편신고 앱으로 사진 찍어 신고하시면 과태료도 부과됩니다", "answer"),
            ("c", "더 도와드릴 일 있으신가요", "check"),
            ("p", "아니요", "reply"),
            ("c", "네 감사합니다 좋은 하루 되세요", "close"),
        ],
        "plain": {5: "강서구청 주차관리과에 견인 접수했어 차주한테 연락 간다", 6: "계속 그러면 앱으로 사진 찍어서 신고해"},
    },
    {
        "id": "flu-shot", "channel": "phone", "queue": 9,
        "turns": [
            ("c", "감사합니다 서울시 다산콜센터 상담원 정예준입니다", "greet"),
            ("p", "여보세요", ""),
            ("c", "네 어르신 말씀하세요", ""),
            ("p", "내가 올해 일흔 둘인데 독감 주사 공짜로 맞을 수 있어요", "ask"),
            ("c", "네 어르신 만 65세 이상이시면 무료로 맞으실 수 있습니다 동네 지정 병원이나 보건소에 신분증 가지고 가시면 됩니다", "answer"),
            ("p", "지정 병원은 어떻게 알아요", ""),
            ("c", "예방접종도우미 누리집에 나오고요 어려우시면 보건소 공이 이천 오천 칠백 번으로 전화하시면 가까운 곳 알려 드립니다", "answer"),
            ("c", "또 궁금하신 거 있으세요 어르신", "check"),
            ("p", "없어요 고마워요", "reply"),
            ("c", "네 감사합니다 어르신 건강하세요", "close"),
        ],
        "plain": {4: "만 65세 넘으면 공짜야 병원이나 보건소에 신분증 가져가", 6: "누리집 봐 아니면 보건소에 전화해"},
    },
    {
        "id": "bike-fare", "channel": "chat", "queue": 4,
        "turns": [
            ("c", "안녕하세요! 120다산콜센터 상담사 남궁솔입니다~", "greet"),
            ("p", "따릉이 1시간권이랑 2시간권 차이가 뭐예요?", "ask"),
            ("c", "넵! 따릉이 이용권 문의시네요. 1시간권은 1,000원, 2시간권은 2,000원이고 시간 넘으면 5분마다 200원씩 추가 요금이 붙어요.", "answer"),
            ("p", "정기권도 있어요?", ""),
            ("c", "네 있어요~ 7일권부터 1년권까지 있고, 따릉이 앱에서 바로 구매하실 수 있어요.", "answer"),
            ("c", "더 궁금하신 거 있으실까요? ㅎㅎ", "check"),
            ("p", "아뇨 감사해요", "reply"),
            ("c", "감사합니다~ 안전하게 타세요!", "close"),
        ],
        "plain": {2: "1시간권 1,000원, 2시간권 2,000원이야. 넘으면 5분에 200원 더 내.", 4: "응 있어. 앱에서 사."},
    },
    {
        "id": "move-in-online", "channel": "chat", "queue": 58,
        "turns": [
            ("c", "안녕하십니까. 서울특별시 다산콜센터 상담원 임도윤입니다.", "greet"),
            ("p", "이사했는데 전입신고 인터넷으로 해도 돼요?", "ask"),
            ("c", "전입신고를 온라인으로 하실 수 있는지 문의하셨습니다. 정부24에서 공동인증서나 간편인증으로 로그인하신 뒤 전입신고를 하실 수 있습니다.", "answer"),
            ("p", "세대주 동의가 필요하다던데요?", ""),
            ("c", "기존 세대에 들어가시는 경우에는 세대주 확인이 필요하며, 세대주께서 정부24에서 확인해 주시면 처리됩니다. 이사하신 날부터 14일 안에 하셔야 합니다.", "answer"),
            ("c", "추가로 문의하실 사항은 없으십니까?", "check"),
            ("p", "없습니다", "reply"),
            ("c", "감사합니다. 편안한 하루 되십시오.", "close"),
        ],
        "plain": {2: "정부24에서 인증하고 전입신고 하면 돼.", 4: "세대주가 정부24에서 확인해 줘야 돼. 14일 안에 해."},
    },
    {
        "id": "pothole", "channel": "phone", "queue": 19,
        "turns": [
            ("c", "네 안녕하세요 다산콜센터 상담사 송하율입니다", "greet"),
            ("p", "네 도로에 구멍이 크게 나 있는데요", "ask"),
            ("c", "네 도로 파손 신고시군요 어디쯤인지 말씀해 주시겠어요", ""),
            ("p", "관악구 신림로 신림역 사거리 근처요 근데 거기서 제 차 타이어가 터졌어요 수리비만 이십만 원 나왔어요 너무 억울해요", ""),
            ("c", "타이어까지 터지셔서 정말 놀라시고 억울하셨겠어요", "empathy"),
            ("c", "도로 구멍은 관악구청 도로과에 긴급 보수 요청으로 접수했고요 타이어 피해는 관악구청에 영조물 배상 신청을 하시면 심사해서 보상받으실 수 있습니다 수리 영수증이랑 사진 챙겨 두세요", "answer"),
            ("c", "혹시 더 궁금하신 건 없으세요", "check"),
            ("p", "아니요", "reply"),
            ("c", "네 감사합니다 운전 조심하세요", "close"),
        ],
        "plain": {5: "관악구청 도로과에 보수 접수했어 타이어는 구청에 배상 신청해 영수증 챙겨"},
    },
    {
        "id": "public-wifi", "channel": "chat", "queue": 7,
        "turns": [
            ("c", "안녕하세요, 서울시 120다산콜센터 상담사 권나은입니다.", "greet"),
            ("p", "버스 정류장에서 서울 와이파이가 계속 끊겨요", "ask"),
            ("c", "정류장에서 서울 공공와이파이가 끊기는군요. 어느 정류장인지 알려 주시겠어요?", ""),
            ("p", "영등포구청역 정류장이요", ""),
            ("c", "서울디지털재단 공공와이파이 담당 부서에 장애 점검 요청으로 접수했어요. 접수번호는 W2612-0441이고 사흘 안에 점검합니다.", "answer"),
            ("c", "다른 문의 사항 있으신가요?", "check"),
            ("p", "없어요", "reply"),
            ("c", "감사합니다. 좋은 하루 되세요.", "close"),
        ],
        "plain": {4: "공공와이파이 담당에 점검 접수했어. 접수번호 W2612-0441이고 사흘 안에 봐."},
    },
    {
        "id": "water-bill", "channel": "phone", "queue": 44,
        "turns": [
            ("c", "안녕하십니까 행복한 서울 다산콜센터 상담사 백지유입니다", "greet"),
            ("p", "수도 요금이 지난달보다 세 배나 나왔어요 말이 돼요 이거 진짜 황당하네요", "ask"),
            ("c", "갑자기 요금이 많이 나와서 당황스러우셨겠습니다", "empathy"),
            ("c", "어 수도 요금이 갑자기 많이 나오는 건 대개 누수 때문이라서요 집 안 수도꼭지를 모두 잠그신 상태에서 계량기 별표가 돌아가는지 한번 봐 주세요", "answer"),
            ("p", "돌아가면요", ""),
            ("c", "돌아가면 누수라서 관할 수도사업소에 누수 감면 신청을 하시면 요금을 줄여 받으실 수 있고요 번호는 국번 없이 백이십 번으로 연결해 드릴 수 있습니다", "answer"),
            ("c", "다른 궁금하신 점 있으세요", "check"),
            ("p", "없어요", "reply"),
            ("c", "네 감사합니다 좋은 하루 되세요", "close"),
        ],
        "plain": {3: "보통 누수 때문이야 수도꼭지 다 잠그고 계량기 돌아가는지 봐", 5: "돌아가면 수도사업소에 감면 신청해"},
    },
]

# This file's own defect lines.
NO_GREETING = ["네", "여보세요 네", "네 얘기하세요", "네 무슨 일이세요"]
NAME_ONLY = "네 상담사 {name}입니다"
INSTITUTION_ONLY = "네 다산콜센터입니다"
BLAME = [
    "그건 고객님이 잘못 알고 계신 거예요", "기본적인 건 좀 알고 전화 주세요", "제 말 안 들으셨어요", "그러니까 아까부터 계속 말씀드리잖아요",
    "홈페이지에 다 나와 있는데 안 보셨어요", "그렇게 급하시면 진작 하셨어야죠",
]
DEAD_END = [
    "저희는 그런 거 안 해요", "그건 저희 담당이 아니라서요", "여기서는 확인이 안 됩니다", "그런 문의는 받지 않습니다",
    "저희가 해 드릴 수 있는 건 없네요",
]
NO_CLOSE = ["네 그럼 끊겠습니다", "네 알겠습니다", None]


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

    with open(os.path.join(HERE, "test-2.jsonl"), "w", encoding="utf-8") as f:
        for item in out:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(out)} consultations, {sum(1 for o in out if not o['defects'])} clean")


if __name__ == "__main__":
    main()
