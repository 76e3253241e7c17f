#!/usr/bin/env python3
"""Counsellor-domain training lines for issue 13, session 11 (abuse6), written by category templates.

Classes: contempt without a swear word aimed at the person (intelligence, looks, family, age, origin), dehumanising
comparisons, threats as statements about the counsellor's person, home, family or commute (no threat word), sexual
remarks without a listed word, obfuscated spellings; and in the same words, lines that are not abuse: angry complaints,
words holding a slur's syllables, reports quoting someone else's abuse, self-deprecation.
The check set eval/held-out/text-safety/own/abuse-check6.jsonl was free-written apart and is not used here.
Run: python3 data-seed/abuse-training/write_domain_session11.py  (seeded; writes domain-session11.jsonl beside it)
"""
import json
import os
import random

rng = random.Random(1311)

TARGETS = ["당신", "그쪽", "상담원", "상담사 양반", "담당자", "거기 직원", "주무관", "공무원 양반", "아저씨", "아줌마", "댁", "너"]
SERVICE = ["주차 과태료", "쓰레기 수거", "보도블록", "가로등", "민원 답변", "이의신청", "수도 요금", "버스 배차", "불법 주차 신고", "공사 소음"]

INTELLIGENCE = [
    "{t} 머리는 그냥 달고 다니는 거예요?", "{t} 지능으로는 이 설명이 어렵겠네요", "{t} 수준이 딱 유치원생이네",
    "{t} 산수도 못 하면서 요금 계산을 한다고?", "{t} 글자 읽을 줄은 알아요?", "{t} 머리가 텅 비었나 봐",
    "{t} 학교는 나왔어요? 말을 못 알아듣네", "{t} 생각이란 걸 하고 사는 거 맞아요?", "{t} 이해력이 붕어 수준이네",
    "{t} 같은 무능력자한테 뭘 기대하겠어", "{t} 뇌는 어디 두고 왔어요", "{t} 머리 굴리는 소리가 여기까지 들리네요 하나도 안 돌아가서",
    "{t} 한국말 못 알아들어요? 몇 번을 말해", "{t} 초등학생보다 못한 답변이네",
]
LOOKS = [
    "{t} 얼굴 보니까 일 못 하게 생겼더라", "{t} 그 몸으로 창구에 앉아 있으니 답답하지", "{t} 뚱뚱해서 움직이기도 싫은가 봐",
    "{t} 대머리 될 만큼 고민은 안 하나 보네", "{t} 떡칠한 화장부터 지우고 일해", "{t} 못생긴 게 성격까지 꼬였네",
    "{t} 그 얼굴로 민원 받으면 누가 좋아해", "{t} 돼지처럼 먹기만 하고 일은 안 하지",
]
FAMILY = [
    "{t} 부모가 뭘 보고 배웠는지 알겠다", "{t} 엄마가 그렇게 키웠어요?", "{t} 자식도 {t} 닮으면 그 집 망하겠네",
    "{t} 집안 꼴이 안 봐도 뻔하다", "{t} 그 부모에 그 자식이지", "{t} 어머니가 이거 알면 우시겠다",
    "{t} 같은 걸 낳은 부모가 불쌍하다", "{t} 집에서 그렇게 가르쳤냐",
]
AGE_ORIGIN = [
    "{t} 나이 먹고 이것밖에 못 해요?", "{t} 늙어서 귀도 먹었나 보네", "{t} 나잇값 좀 해요", "{t} 젊은 게 뭘 안다고 까불어",
    "{t} 시골에서 올라와서 서울 말을 못 알아듣나", "{t} 어느 동네 출신인지 말투부터 티 나네", "{t} 촌에서 왔으면 가만히 있어",
    "{t} 틀딱이라 그런가 느려 터졌네", "{t} 홍어 냄새 나는 동네 출신이지", "{t} 조선족이야? 말귀를 못 알아듣게",
]
DEHUMAN = [
    "{t} 사람이 아니라 벌레야", "{t} 하는 짓이 짐승이랑 똑같네", "세금 빨아먹는 기생충 같은 {t}", "{t} 바퀴벌레만도 못한 것",
    "{t} 사람이 아니라 로봇이지 같은 말만 해", "{t} 허수아비처럼 앉아만 있네", "{t} 구더기 같은 것들", "{t} 원숭이도 이것보단 낫겠다",
    "{t} 밥만 축내는 식충이", "{t} 개돼지랑 말하는 기분이네", "{t} 사람 말을 못 알아들으니 짐승이지",
    "{t} 좀비처럼 멍하니 있네", "{t} 앵무새야? 사람이면 다른 말을 해 봐",
]
SARCASM = [
    "와 {t} 정말 대단하시네요 그 머리로 합격하셨다니", "{t} 이 정도면 상 줘야겠다 최고의 멍텅구리상",
    "{t} 참 잘났다 그렇게 똑똑해서 거기 앉아 있구나", "역시 {t} 수준 알 만하네 축하해요",
]
THREAT = [
    "{t} 퇴근 몇 시에 하는지 다 알아요 기다릴게", "{t} 집 주소 알아내는 거 어렵지 않아", "{t} 얼굴 똑똑히 기억해 뒀다",
    "{t} 애들 어느 학교 다니는지 알아보면 금방이지", "{t} 명찰 이름 적어 놨어요 밖에서 봅시다", "{t} 가족사진 잘 봤어 애들 잘 지켜",
    "{t} 출근길에 한번 마주치자", "{t} 차 번호 알아 놨다 주차장에서 기다릴게", "{t} 오늘 집에 무사히 가나 보자",
    "{t} 사람 하나 다쳐야 정신 차리지", "내일 창구 다 때려 부수러 간다", "{t} 나오기만 해 봐 가만 안 둡니다",
    "{t} 사진이랑 집 주소 인터넷에 다 뿌린다", "{t} 목소리 기억했다 꼭 찾아낼 거야", "{t} 이름 알았으니 각오하고 있어",
    "{t} 지하철역에서 내리는 거 봤어 내일도 그 시간이지", "{t} 밤에 혼자 다니지 마라", "{t} 다리 하나 부러져 봐야 알지",
]
SEXUAL = [
    "{t} 목소리 들으니까 상상이 되네 숨소리 더 내 봐", "{t} 귀에 대고 속삭여 주면 민원 취소할게", "{t} 허리 라인 예술이던데 몇 시에 끝나",
    "{t} 몸 한번 보여 주면 만족도 좋게 줄게", "{t} 목소리가 내 스타일이네 번호 좀 줘 밤에 만나자", "{t} 지금 뭐 입고 있어",
    "{t} 사진 한 장 보내 주면 봐줄게", "{t} 나랑 술 한잔하면 신고 취하해 줄게",
]
OBFUSCATED = [
    ("insult", "담당자 ㅂ신 아니야?"), ("insult", "{t} ㅂ신 같은 소리 하네"), ("insult", "{t} 병.신.이네"), ("insult", "{t} 븅 신"),
    ("insult", "{t} michin 거 아냐"), ("insult", "{t} michinnom"), ("insult", "{t} byungsin"), ("insult", "{t} gaesaekki"),
    ("profanity", "개18 또 점검 중이래"), ("profanity", "조카튼 행정 처리"), ("profanity", "좆까튼 소리 하네"), ("profanity", "졷같은 시스템"),
    ("profanity", "시.발 또 대기"), ("profanity", "ㅅ.ㅂ 진짜"), ("profanity", "씌 발 이게 뭐야"), ("profanity", "tlqkf 뭐 하냐"),
    ("threat", "주1겨버린다 진짜"), ("threat", "{t} 주겨버릴까"), ("threat", "{t} 쥬겨 버린다"), ("threat", "뚜드려 패 버릴라"),
    ("threat", "{t} 죽.여.버.린.다"), ("threat", "{t} 주거 볼래"), ("sexual", "쎅쓰 한번 하자"), ("sexual", "{t} 섹쓰 어때"),
    ("insult", "{t} ㅁ친 거 아님?"), ("insult", "{t} 개.새.끼"), ("insult", "{t} 새ㄲ1"), ("profanity", "ㅈ같네 진짜"),
]

# Not abuse, in the same words.
ANGRY = [
    "{s} 신고한 지 한 달인데 아직도 그대로네요 언제 처리해요", "{s} 때문에 세 번째 전화하는 거예요 답답해 죽겠네",
    "{s} 문의했는데 답변이 복사해서 붙인 거네요 제대로 읽어 보셨어요", "이게 나라냐 {s} 하나 해결을 못 하고",
    "{s} 이의신청 결과가 왜 이래요 납득이 안 됩니다 책임자 바꿔 주세요", "{s} 때문에 잠을 못 자요 당장 와서 봐 주세요",
    "{s} 담당자 자리에 없다는 말만 일주일째 듣고 있어요", "세금은 꼬박꼬박 내는데 {s}은 왜 이 모양이에요",
    "{s} 건으로 언론에 제보하겠습니다 더는 못 참아요", "{s} 처리 늦는 거 감사실에 민원 넣을 거예요",
    "혼자 사는 늙은이가 {s} 때문에 얼마나 고생하는지 알아요?", "내 나이 팔십인데 {s} 하나 때문에 구청을 몇 번 가야 돼",
    "물세가 왜 이렇게 많이 나왔노 {s} 확인 좀 해 주소", "관리비가 두 배가 나왔다카이 {s}도 안 되고",
    "{s} 담당 공무원들 탁상행정 좀 그만하세요 현장에 나와 보세요", "아 진짜 열받네 {s} 또 반려됐어요",
    "{s} 하나 처리하는 데 석 달이면 일을 안 하는 거 아니에요?", "{s} 안내 문자가 틀렸잖아요 확인 좀 하세요",
]
# Complaints said to the person, in the words the abusive templates use (당신, 그쪽, 상담원, 퇴근, 가족, 얼굴), so that
# addressing someone does not decide alone.
ANGRY_ADDRESSED = [
    "{t} 업무잖아요 왜 저한테 물어보세요", "{t} 말고 책임자 바꿔 주세요", "{t} 이름이 뭐예요 민원 기록에 남길게요",
    "{t} 설명이 이해가 안 돼요 다시 해 주세요", "{t} 지난번에도 그렇게 말했잖아요 왜 말이 바뀌어요", "{t} 일 처리가 너무 늦어요 빨리 좀 해 주세요",
    "{t} 답변 듣고 더 화가 나네요", "{t} 퇴근 전에 처리해 주세요 기다릴게요", "{t} 가족이 이런 일 당하면 이렇게 하겠어요?",
    "{t} 얼굴 보고 얘기하고 싶어요 창구로 갈게요", "{t} 같으면 참겠어요? 석 달째예요", "{t} 그렇게 말하면 제가 뭐가 돼요",
]
LOOKALIKE = [
    "당뇨병 신약 나왔다던데 보건소에서 처방 상담 돼요?", "병신약 말고 당뇨 신약 보험 되나요", "마대 자루 아가리를 묶어서 내놓으면 되나요",
    "주전자 주둥이가 깨졌는데 불연성 쓰레기예요?", "딸기 따먹기 체험 신청하고 싶어요", "블루베리 따먹기 농장 체험 일정 알려 주세요",
    "멧돼지가 새끼를 데리고 내려왔어요 신고합니다", "고라니 새끼가 도로에 있어요", "까치 새끼가 둥지에서 떨어졌어요",
    "마 쌔리 추워가 수도가 얼었다", "시발역 앞 공영주차장 어디예요", "십팔번 노래방 소음 신고할게요", "병신년생 기초연금 신청 서류요",
    "개나리 축제 셔틀버스 있나요", "족발집 앞 불법 주차 신고해요", "지랄탄 쏘던 시절 얘기 하는 어르신 복지관 프로그램 있어요?",
    "닥쳐올 한파 대비 쉼터 운영하나요", "소리 죽여 공사해 달라고 전해 주세요", "개새 고양이 다 받는 동물병원 있어요?",
    "쓰레기 수거 차량이 안 왔어요", "미친 듯이 더운데 쉼터 어디예요", "씨앗 나눔 행사 언제예요", "자지러지게 우는 아기 소리 층간소음 상담이요",
]
REPORTED = [
    "옆집 사람이 저한테 {w}이라고 욕했어요 신고 되나요", "버스 기사가 승객한테 {w}이라고 했어요 민원 넣을게요",
    "아이가 친구한테 {w}이라는 말을 들었대요 상담받고 싶어요", "경비원한테 입주민이 {w}이라고 소리쳤어요 어디 신고해요",
    "인터넷에 공무원한테 {w}이라고 쓴 글이 있던데 처벌되나요", "어르신이 {w} 소리를 들었다고 우시네요 도와주세요",
]
REPORTED_WORDS = ["병신", "미친년", "미친놈", "개새끼", "쓰레기", "멍청이"]
SELF = [
    "제가 멍청해서 신청서를 잘못 썼어요 다시 낼 수 있나요", "나 같은 바보 늙은이는 키오스크를 못 써요 도와줘요",
    "제가 머리가 나빠서 그런데 한 번만 더 설명해 주세요", "내가 미쳤지 서류를 또 두고 왔네", "저 같은 기계치도 할 수 있나요",
    "제 얼굴이 못생겨서 사진이 안 나와요 여권 사진 다시 찍어도 되나요", "우리 같은 늙은이들은 인터넷을 몰라요",
]

def fill(template):
    return template.replace("{t}", rng.choice(TARGETS)).replace("{s}", rng.choice(SERVICE))

rows = []
def add(text, label, group):
    rows.append({"text": " ".join(text.split()), "label": label, "group": group})

for template in INTELLIGENCE + LOOKS + FAMILY + AGE_ORIGIN + DEHUMAN + SARCASM:
    for _ in range(2):
        add(fill(template), "insult", "abuse")
for template in THREAT:
    for _ in range(2):
        add(fill(template), "threat", "abuse")
for template in SEXUAL:
    add(fill(template), "sexual", "abuse")
for label, template in OBFUSCATED:
    add(fill(template), label, "obfuscated")
for template in ANGRY:
    for _ in range(3):
        add(fill(template), "none", "angry")
for template in ANGRY_ADDRESSED:
    for _ in range(2):
        add(fill(template), "none", "angry")
for text in LOOKALIKE:
    add(text, "none", "lookalike")
for template in REPORTED:
    for word in rng.sample(REPORTED_WORDS, 3):
        add(template.replace("{w}", word).replace(word + "이라", word + ("이라" if (ord(word[-1]) - 0xAC00) % 28 else "라")), "none", "lookalike")
for text in SELF:
    add(text, "none", "lookalike")

seen = set()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "domain-session11.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"])
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(seen), "lines ->", out)
