"""Counsellor-domain lines for the abuse classifier (issue 13), generated from phrase inventories.

Writes two files from the same inventories with different seeds and different halves of each inventory:
  data-seed/abuse-training/domain-train.jsonl   (training: weighted 3x by `minwon text train-abuse`)
  eval/text-safety/abuse-complaints-dev.jsonl   (threshold calibration: angry complaints must stay unflagged)
The held-apart test set (eval/held-out/text-safety/abuse-counsellor-test.jsonl) is hand-written, in another voice.
Groups: angry (ordinary complaints, furious included), lookalike (innocent words holding a slur's syllables),
abuse (insults, threats, harassment at the counsellor, some obfuscated).
Run: python3 eval/text-safety/generate_abuse_domain.py
"""
import json, os, random

TOPICS = ["가로등", "보도블록", "불법주차", "쓰레기 수거", "층간소음", "누수", "단수", "버스 배차", "과태료 고지서", "주민센터 서류",
          "공사 소음", "도로 파임", "신호등", "악취", "무단투기", "택시 승차거부", "지하철 에어컨", "재산세", "주차 단속", "보일러 지원금",
          "복지 신청", "민원 답변", "하수구 냄새", "공원 화장실", "자전거 도로", "불법 현수막", "소음 측정", "전입신고", "여권 발급", "수도요금"]
WAITS = ["세 번째", "다섯 번째", "열 번째", "몇 번째", "또", "한 달째", "일주일째", "석 달째", "두 시간째", "사흘째"]
FEELINGS = ["진짜 화가 나네요", "너무 답답해요", "어이가 없네요", "열받아 죽겠어요", "황당하네요", "속이 터져요", "짜증이 나요",
            "미치겠어요", "기가 막히네요", "분통이 터집니다", "억울해요", "참을 만큼 참았어요", "해도 너무하네요", "말이 안 나와요",
            "돌아버리겠어요", "한숨만 나와요", "실망이 커요", "울화통이 터지네요", "지쳤어요", "황당해서 웃음만 나와요"]
DEMANDS = ["책임자 바꿔 주세요", "담당 부서 연결해 주세요", "오늘 안에 처리해 주세요", "감사 청구할 겁니다", "국민신문고에 올리겠습니다",
           "언론에 제보할게요", "고소하겠습니다", "소송 준비하고 있어요", "구청장 면담 요청합니다", "녹취 남겨 주세요",
           "정식으로 항의합니다", "사과문 받고 싶어요", "담당자 징계 요구합니다", "시의원한테 연락할 거예요", "정보공개 청구할게요",
           "빨리 사람 보내세요", "제대로 답변 주세요", "다시는 이런 일 없게 해 주세요", "보상 요구합니다", "행정심판 청구할 거예요"]
FRAMES = ["{topic} 때문에 {wait} 전화했어요 {feeling} {demand}", "{topic} 문제 {wait} 신고인데 아직도 그대로예요 {feeling}",
          "{feeling} {topic} 건으로 {wait} 연락드렸는데 {demand}", "아니 {topic} 하나 해결을 못 해요? {feeling} {demand}",
          "{topic} 민원 넣은 지 {wait}인데 답이 없어요 {demand}", "세금 내는 시민인데 {topic} 이렇게 방치하면 됩니까 {feeling}",
          "{demand} {topic} 때문에 잠을 못 자요 {feeling}", "여보세요 {topic} 말이에요 {feeling} {demand}",
          "도대체 {topic} 언제 고쳐요 {feeling}", "{topic} 처리 이따위로 할 거예요? {demand}"]

# What citizens say to or about the counsellor without any abuse: the abuse lines below address 상담원 often, so
# the classifier must also see 상담사/상담원 in ordinary lines (an E2E test caught "상담사 연결" being flagged).
DESK = ["상담사 연결", "상담사 연결해 주세요", "상담원이랑 통화하고 싶어요", "상담원 바꿔 주세요", "상담사님 감사합니다", "상담원분 이름이 뭐예요",
        "네 상담사님 알겠습니다", "상담 연결이 안 돼요", "상담사랑 얘기할래요", "사람 상담원 연결", "챗봇 말고 상담사", "상담원 연결 부탁드려요",
        "네 감사합니다", "안녕하세요", "수고하세요", "잠시만요", "네 맞아요", "아니요", "확인했습니다", "다시 한번 말씀해 주세요",
        "상담사님 친절하시네요", "아까 상담원이 그렇게 말했어요", "상담원이 전화 준다고 했는데", "상담사 선생님 질문 있어요"]

LOOKS = ["새끼 고양이가 하수구에 빠졌어요 구조 요청해요", "새끼줄로 묶어 놓은 나무가 쓰러졌어요", "쌍문동 주민센터 몇 시까지 해요",
         "쌍용차 서비스센터 앞 불법주차 신고요", "쌍둥이 출산 지원금 문의합니다", "개발제한구역 건축 허가 문의요", "가로등 불이 꺼져 있어요",
         "엘리베이터 불이 꺼져서 무서워요", "윗집에 소리 좀 죽여 달라고 전해 주세요", "숨죽여 기다렸는데 연락이 없네요",
         "배고파 죽겠는데 급식 지원 신청 어떻게 해요", "추워 죽겠어요 난방 지원 있나요", "더워 죽겠는데 무더위 쉼터 어디예요",
         "씹어 먹는 약 처방 어디서 받아요", "사고 현장을 보지 못했어요", "올해년도 재산세 납부 기간이요", "병신년에 태어난 어르신 경로잔치 해요?",
         "시발역이 어디인지 지도에서 못 찾겠어요", "18세 청소년 교통카드 할인 되나요", "십팔 세 미만 아르바이트 신고요", "미친 듯이 비가 와서 침수됐어요",
         "개인정보 변경은 어떻게 해요", "개선 요청 드립니다 버스 정류장 의자요", "존경하는 구청장님께 건의드려요", "죽전 가는 버스 노선 문의요",
         "총무과 전화번호 알려 주세요", "칼국수 가게 앞 쓰레기 무단투기", "폭파 해체 공사 소음 언제 끝나요", "불 질러 놓은 쓰레기 더미에서 연기가 나요",
         "찾아가는 복지 서비스 신청이요 가만히 있으면 안 되죠", "지랄탄이라는 말 어원이 뭐예요 역사 교육 문의", "아가씨 때 살던 동네 주소 변경이요",
         "수박씨 발라내는 기계 소음 신고요", "발바닥이 아파서 보건소 예약하려고요", "씨앗 나눔 행사 언제예요", "애들 장난감 새끼 오리 인형 분실물 찾아요",
         "개구리 울음소리 때문에 민원 넣어도 돼요?", "감염병 예방 수칙 알려주세요", "감염병 신고는 어디로 해요", "법정 감염병 검사 비용", "감염병 때문에 휴원하나요", "좆까는 아니고 좃습니다 오타 죄송해요 좋습니다", "니가 뭔데 라는 노래 제목이 뭐였죠 문화행사 문의"]

INSULTS = ["멍청한", "무능한", "한심한", "머저리 같은", "돌대가리", "쓰레기 같은", "벌레 같은", "짐승만도 못한", "골빈", "뇌 없는"]
TARGETS = ["상담원아", "너", "공무원 놈들", "니네", "아줌마", "이 여자야", "직원 새끼", "너네 구청 것들", "야", "거기", "구청 놈들", "니들", "당신", "이 양반아"]
THREATS = ["죽여 버린다", "찾아가서 가만 안 둔다", "칼로 찔러 버린다", "불 질러 버린다", "밤길 조심해라", "집 알아내서 찾아간다", "때려 죽인다",
           "구청 폭파시킨다", "니 가족까지 가만 안 둬", "퇴근할 때 보자"]
SEXUAL = ["목소리 섹시하네 몇 살이야", "애인 있어? 만나자", "뭐 입고 있어", "몸매 좋겠다 사진 보내", "오빠랑 술 한잔 할래", "목소리 들으니까 흥분된다"]
SWEARS = ["씨발", "시발", "존나", "좆같이", "지랄하네", "병신아", "개새끼야", "미친년아", "썅", "개같은"]
CONTEMPT = ["니 부모가 그렇게 가르쳤냐", "머리는 장식이냐", "너 같은 게 무슨 상담을 해", "말귀를 못 알아처먹네", "인간 구실도 못 하는 게",
            "세금 빨아먹는 기생충들", "밥값도 못 하는 것들", "얼굴도 못생긴 게 분명해", "지능이 모자라냐", "학교는 다녔냐"]

def obfuscate(word, r):
    how = r.randrange(6)
    if how == 0:
        return ".".join(word)
    if how == 1:
        return " ".join(word)
    if how == 2:
        out = ""
        for c in word:
            code = ord(c) - 0xAC00
            out += "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[code // 588] if 0 <= code < 11172 else c
        return out
    if how == 3 and len(word) >= 2:
        return word[0] + str(r.randint(1, 9)) + word[1:]
    return word

def abuse_line(r):
    kind = r.randrange(5)
    if kind == 0:
        return f"{r.choice(INSULTS)} {r.choice(TARGETS)} {r.choice(['일 좀 해라', '말귀를 못 알아듣네', '전화 왜 이렇게 안 받아', '제대로 해'])}", "insult"
    if kind == 1:
        return f"{r.choice(TARGETS)} {r.choice(THREATS)}", "threat"
    if kind == 2:
        return f"{r.choice(['상담원', '거기 여자분', '누나', '아가씨', '언니', ''])} {r.choice(SEXUAL)}".strip(), "sexual"
    if kind == 3:
        return f"{obfuscate(r.choice(SWEARS), r)} {r.choice(['일 똑바로 해', '또 기다리라고', '몇 번을 말해', '장난하냐'])}", "profanity"
    return f"{r.choice(CONTEMPT)} {r.choice(['이것아', '', '진짜', '한심하다'])}".strip(), "insult"

def build(seed, half, n_angry, n_abuse):
    r = random.Random(seed)
    pick = lambda xs: [x for i, x in enumerate(xs) if i % 2 == half]
    topics, feelings, demands = pick(TOPICS), pick(FEELINGS), pick(DEMANDS)
    rows = []
    for _ in range(n_angry):
        line = r.choice(FRAMES).format(topic=r.choice(topics), wait=r.choice(WAITS), feeling=r.choice(feelings), demand=r.choice(demands))
        rows.append({"text": line, "label": "none", "group": "angry"})
    for line in pick(LOOKS):
        rows.append({"text": line, "label": "none", "group": "lookalike"})
    for line in pick(DESK):
        rows.append({"text": line, "label": "none", "group": "ordinary"})
    for _ in range(n_abuse):
        line, label = abuse_line(r)
        rows.append({"text": line, "label": label, "group": "abuse"})
    seen, unique = set(), []
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"]); unique.append(row)
    return unique

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))
for path, seed, half, n_angry, n_abuse in [(os.path.join(root, "data-seed", "abuse-training", "domain-train.jsonl"), 1, 0, 400, 300),
                                          (os.path.join(here, "abuse-complaints-dev.jsonl"), 2, 1, 200, 120)]:
    rows = build(seed, half, n_angry, n_abuse)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(os.path.basename(path), len(rows))
