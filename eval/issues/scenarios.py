"""Issue-detection scenarios of the shapes that issue 13 names, from a Python generator independent of the C# one.

  python3 eval/issues/scenarios.py --inventory dev  --seed 1 --out s.jsonl --truth t.jsonl   # development (tuned on)
  python3 eval/issues/scenarios.py --inventory test --seed 1 --out s.jsonl --truth t.jsonl   # held apart, never tuned on
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

14 days from Monday 2026-04-06 at about 20,000 contacts a day (daily and weekly seasonality), with
- 8 incidents: 2 slow multi-district weather incidents (ramp over 2-3 hours across 8-14 districts, varied wording),
  2 city-wide incidents with varied wording (no single shared word), 4 local ones (sizes 20-80, ramps 10-40 minutes);
- routine that must raise no alert: everyday topics (about 6 % of all contacts) with weekly peaks at about twice their
  usual rate (the same weekday and hour every week: a district's recycling day, Friday-night taxis, Monday-morning
  parking) and late-night clusters of an everyday topic (10-20 contacts between 1 and 4 o'clock about noise, parking or
  a neighbour).
The "dev" and "test" inventories share no phrasing: background, incidents and routine are worded apart, and the
incident kinds differ (dev: rain/typhoon, subway/bus; test: snow/heat, card readers/network outage).
"""
import argparse, datetime as dt, random
from scenario_common import write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()
WEIGHTS = [1.5, 1.3, 2.2, 2.9, 3.4, 2.0, 2.6, 4.4, 4.0, 4.7, 3.3, 1.9, 1.9, 3.9, 2.2, 5.5, 4.0, 2.3, 3.7, 3.8, 4.8, 4.1, 5.4, 6.4, 4.5]
HOURLY = [0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 1.0, 2.4, 3.1, 3.2, 2.9, 2.1, 2.7, 2.9, 2.8, 2.6, 2.3, 1.7, 1.3, 1.0, 0.8, 0.6, 0.4]
DAY = [1.25, 1.05, 1.0, 1.0, 1.05, 0.6, 0.45]  # Monday..Sunday

INVENTORY = {
 "dev": {
  "background": [("교통", "버스 배차 간격이 너무 길어요"), ("교통", "주차 단속 문의드려요"), ("교통", "지하철 환승 방법이요"), ("교통", "택시 요금 문의"),
                 ("환경", "분리수거 요일 알려주세요"), ("환경", "대형폐기물 신청할게요"), ("상하수도", "수도 요금이 많이 나왔어요"), ("세금", "재산세 고지서 문의"),
                 ("민원", "등본 떼는 법"), ("복지", "기초연금 신청 문의"), ("도로", "보도블록 깨진 곳 신고"), ("주택", "층간소음 상담 받고 싶어요"),
                 ("문화", "공원 행사 일정이요"), ("보건", "예방접종 어디서 해요"), ("안전", "공사장 소음 때문에요"), ("경제", "상품권 구매처 문의")],
  "weather": [("도로", ["도로에 물이 차서 차가 못 지나가요", "비 때문에 하수구가 역류해요", "지하 주차장 침수됐어요", "빗물이 집 안으로 들어와요", "배수구 막혀서 물바다예요", "폭우로 길이 잠겼어요"], ["침수", "역류", "빗물", "폭우", "물바다", "잠겼"]),
              ("안전", ["태풍에 간판이 떨어졌어요", "바람 때문에 가로수가 쓰러졌어요", "강풍에 현수막 날아다녀요", "나무가 넘어져서 길을 막았어요", "창문 유리 깨질 것 같아요 바람이"], ["태풍", "강풍", "쓰러졌", "가로수", "간판", "바람"])],
  "citywide": [("교통", ["지하철 왜 안 와요", "2호선 멈춰 있어요", "전철이 한참째 서 있어요", "열차 고장이라는데 언제 다녀요", "지하철 운행 지연 안내 좀", "역에서 열차가 안 떠나요"], ["지하철", "2호선", "전철", "열차", "운행", "지연"]),
               ("교통", ["시내버스가 하나도 안 다녀요", "버스 파업이에요?", "정류장에 버스가 안 와요 한 시간째", "버스 운행 중단됐나요", "출근길 버스가 없어요"], ["버스", "파업", "운행", "정류장", "시내버스"])],
  "local": [("상하수도", ["수돗물이 안 나와요", "단수 언제 끝나요", "물이 끊겼어요", "갑자기 단수됐어요"], ["단수", "수돗물", "물이"]),
            ("안전", ["전기가 나갔어요", "정전이에요 엘리베이터 멈췄어요", "동네 전체 정전", "불이 다 꺼졌어요 정전"], ["정전", "전기"]),
            ("안전", ["가스 냄새가 심하게 나요", "골목에서 가스 새는 냄새", "가스 누출 같아요"], ["가스", "냄새", "누출"]),
            ("도로", ["도로가 꺼졌어요", "싱크홀 생겼어요", "땅이 내려앉았어요"], ["싱크홀", "꺼졌", "내려앉"])],
  "routine": [("환경", "재활용 수거 안 해갔어요"), ("교통", "금요일 밤 택시가 안 잡혀요"), ("교통", "아침에 주차 단속 나왔어요")],
  "night": [("주택", "윗집이 새벽에 시끄러워요"), ("교통", "새벽에 골목 주차 때문에 못 나가요"), ("주택", "옆집에서 밤새 떠들어요")],
 },
 "test": {
  "background": [("교통", "마을버스 노선 바뀌었나요"), ("교통", "공영주차장 요금 알려주세요"), ("교통", "따릉이 대여가 안 돼요"), ("교통", "교통카드 환불 문의"),
                 ("환경", "음식물 쓰레기 통 어디서 사요"), ("환경", "폐가전 수거 신청"), ("상하수도", "계량기 교체 문의"), ("세금", "자동차세 연납 할인"),
                 ("민원", "여권 발급 기간이 얼마나 걸려요"), ("복지", "긴급복지 지원 대상이요"), ("도로", "가로등 꺼진 곳 있어요"), ("주택", "전세 계약 상담"),
                 ("문화", "도서관 휴관일"), ("보건", "보건소 진료 시간"), ("안전", "불법 현수막 신고"), ("경제", "소상공인 대출 문의")],
  "weather": [("도로", ["눈이 쌓여서 언덕을 못 올라가요", "빙판길에 사람이 넘어졌어요", "제설 좀 해주세요 골목이 꽁꽁", "염화칼슘 좀 뿌려 주세요", "길이 얼어서 버스가 못 와요", "폭설로 차가 미끄러져요"], ["눈", "빙판", "제설", "염화칼슘", "얼어서", "폭설"]),
              ("보건", ["너무 더워서 어르신이 쓰러지셨어요", "폭염인데 쉼터가 어디예요", "더위 먹은 것 같아요 어지러워요", "열사병 같아요 도와주세요", "무더위에 에어컨이 없어요"], ["폭염", "더위", "열사병", "무더위", "쉼터"])],
  "citywide": [("교통", ["버스 카드 단말기가 안 찍혀요", "교통카드 태그가 안 돼요", "승차할 때 카드 오류 나요", "단말기 먹통이라 그냥 탔어요", "카드 인식이 안 돼서 못 탔어요"], ["단말기", "카드", "태그", "오류", "먹통", "인식"]),
               ("민원", ["정부24 접속이 안 돼요", "온라인 민원 사이트가 먹통이에요", "인터넷으로 등본 발급이 안 돼요", "홈페이지 로그인 오류", "민원 사이트 서버 장애인가요"], ["정부24", "접속", "사이트", "먹통", "장애", "로그인"])],
  "local": [("상하수도", ["녹물이 나와요", "수돗물 색이 누래요", "물에서 흙냄새가 나요"], ["녹물", "누래", "흙냄새"]),
            ("안전", ["공사장 크레인이 기울었어요", "타워크레인 위험해 보여요", "크레인이 넘어질 것 같아요"], ["크레인", "기울", "타워크레인"]),
            ("환경", ["하천에 물고기가 떼로 죽어 있어요", "개천에 죽은 물고기", "물고기 폐사 신고해요"], ["물고기", "폐사", "하천"]),
            ("안전", ["아파트 외벽이 떨어졌어요", "건물 외벽 타일이 떨어져요", "외벽 마감재 낙하 위험"], ["외벽", "떨어", "낙하"])],
  "routine": [("환경", "스티로폼 수거 날인데 안 가져가요"), ("교통", "주말 밤 대리기사 부르기 힘들어요"), ("교통", "월요일 아침 학교 앞 불법주차")],
  "night": [("주택", "새벽에 오토바이 소리 시끄러워요"), ("교통", "밤에 이중주차 차 빼달라고 해주세요"), ("주택", "새벽 술집 소음 신고")],
 },
}

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--inventory", choices=["dev", "test"], required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14)
    p.add_argument("--per-day", type=int, default=20000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    a = p.parse_args()
    inv = INVENTORY[a.inventory]
    r = random.Random(a.seed * 7919 + (0 if a.inventory == "dev" else 104729))
    start = dt.datetime(2026, 4, 6, 0, 0, tzinfo=KST)  # Monday
    events, truth = [], []

    def emit(t, text, cat, dist, channel=None):
        if r.random() < 0.25:
            text = text.replace(" ", "")
        events.append((t, text, cat, dist, channel or r.choice(["phone", "chat", "phone", "sms", "kakao"])))

    # Everyday topics: the routine and late-night topics are ordinary complaints all day long too (about 1 % each).
    everyday = inv["routine"] + inv["night"]
    hourly_sum = sum(HOURLY)
    for d in range(a.days):
        for h in range(24):
            t0 = start + dt.timedelta(days=d, hours=h)
            mean = a.per_day * DAY[t0.weekday()] * HOURLY[h] / hourly_sum
            n = max(0, int(r.gauss(mean, mean ** 0.5 * 1.2)))
            for _ in range(n):
                cat, text = r.choice(everyday) if r.random() < 0.06 else r.choice(inv["background"])
                emit(t0 + dt.timedelta(seconds=r.random() * 3600), text, cat, r.choices(DISTRICTS, WEIGHTS)[0])

    # Routine: the same weekday and hour every week (never an incident), about twice the topic's usual rate.
    routine_district = r.choice(DISTRICTS)
    for d in range(a.days):
        day = start + dt.timedelta(days=d)
        if day.weekday() == 2:  # Wednesday 9-11: one district's recycling day complaints
            for _ in range(r.randint(15, 25)):
                cat, text = inv["routine"][0]
                emit(day + dt.timedelta(hours=9, minutes=r.random() * 120), text, cat, routine_district)
        if day.weekday() == 4:  # Friday 22-01 city-wide
            for _ in range(r.randint(25, 40)):
                cat, text = inv["routine"][1]
                emit(day + dt.timedelta(hours=22, minutes=r.random() * 180), text, cat, r.choices(DISTRICTS, WEIGHTS)[0])
        if day.weekday() == 0:  # Monday 8-10 city-wide
            for _ in range(r.randint(40, 60)):
                cat, text = inv["routine"][2]
                emit(day + dt.timedelta(hours=8, minutes=r.random() * 120), text, cat, r.choices(DISTRICTS, WEIGHTS)[0])
        # Late-night clusters of an everyday topic, most nights, in one district or city-wide.
        if r.random() < 0.7:
            cat, text = r.choice(inv["night"])
            where = r.choice(DISTRICTS) if r.random() < 0.6 else None
            at = day + dt.timedelta(hours=r.choice([1, 2, 3]), minutes=r.random() * 30)
            for _ in range(r.randint(10, 20)):
                emit(at + dt.timedelta(minutes=r.random() * 60), text, cat, where or r.choices(DISTRICTS, WEIGHTS)[0])

    def incident(kind, onset, texts, cat, terms, size, ramp, length, districts):
        for _ in range(size):
            # Linear ramp to the peak, then a plateau and an exponential tail.
            u = r.random()
            if u < 0.35:
                offset = ramp * (r.random() ** 0.5)
            else:
                offset = ramp + min(length, r.expovariate(1 / (length / 2)))
            emit(onset + dt.timedelta(minutes=offset), r.choice(texts), cat if r.random() < 0.85 else r.choice(inv["background"])[0],
                 r.choice(districts) if districts else r.choices(DISTRICTS, WEIGHTS)[0])
        truth.append({"type": kind, "onset": onset.isoformat(), "end": (onset + dt.timedelta(minutes=ramp + length)).isoformat(),
                      "district": districts[0] if districts and len(districts) == 1 else None, "category": cat, "terms": terms, "size": size})

    days = list(range(1, a.days))
    r.shuffle(days)
    plan = days[:8]
    for i, day in enumerate(plan):
        base = start + dt.timedelta(days=day)
        if i < 2:
            cat, texts, terms = inv["weather"][i]
            onset = base + dt.timedelta(hours=r.choice([5, 6, 14, 16]), minutes=r.randint(0, 59))
            spread = r.sample(DISTRICTS, r.randint(8, 14))
            incident("weather", onset, texts, cat, terms, r.randint(150, 400), r.randint(120, 180), r.randint(120, 240), spread)
        elif i < 4:
            cat, texts, terms = inv["citywide"][i - 2]
            onset = base + dt.timedelta(hours=r.choice([7, 8, 12, 18]), minutes=r.randint(0, 59))
            incident("citywide", onset, texts, cat, terms, r.randint(200, 500), r.randint(10, 30), r.randint(60, 150), None)
        else:
            cat, texts, terms = inv["local"][i - 4]
            onset = base + dt.timedelta(hours=r.randint(7, 21), minutes=r.randint(0, 59))
            incident("local", onset, texts, cat, terms, r.randint(20, 80), r.randint(10, 40), r.randint(30, 90), [r.choice(DISTRICTS)])

    write_streams(a.out, a.truth, events, truth)

main()
