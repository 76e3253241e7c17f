"""A second held-apart family of issue-detection scenarios, of another shape than scenarios.py (issue 13, session 6).

  python3 eval/issues/scenarios_spread.py --seed 1 --out s.jsonl --truth t.jsonl
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

Written and committed before any detector ran on it; it is measured once, at the end, and never tuned on.
Where scenarios.py draws whole sentences from a short list per hour, this generator differs in shape:
- time: a per-minute Poisson process on a smooth daily curve with an evening bump, starting on a Thursday, a public
  holiday (a weekday with Sunday volume) in the second week, and volume growing 1 % a day;
- wording: sentences are composed from parts (a situation, an optional place or time, one of several endings), so the
  same topic arrives in many surface forms; 20 % without spaces, 3 % with a dropped syllable;
- records: 8 % without district, 4 % with the short district name ("마포"), 5 % without category, 0.5 % repeated;
- categories are the longer, product-like names (교통·주차, 청소·환경, ...);
- incidents (8 per 14 days):
  * 2 slow city-wide incidents that spread district by district (a new district every 10-25 minutes, each district's
    rate growing linearly for 3-4 hours): a cold wave (frozen pipes and meters) and yellow dust / fine dust,
    200-450 contacts in all, each contact worded from 8-10 parts;
  * 1 fast city-wide incident with very varied wording (a mistaken emergency text message), 150-400 contacts in 5-10
    minutes of ramp;
  * 1 city-wide service outage that ramps over 40-60 minutes (the online tax-payment system), 120-300 contacts;
  * 4 local incidents of 12-60 contacts (ramps of 5-60 minutes): a manhole cover open, traffic lights out, a chemical
    smell, district heating hot water cut;
- routine that must raise no alert: a market day (Tuesday 14-17) in one district with parking complaints at about
  2.5 times their rate, Saturday-night club noise in two districts (0-3 o'clock, 12-22 contacts each), a tax-payment
  question peak every weekday at 9 (city-wide), and a lunchtime (12-13) rise of park and event questions every day.
"""
import argparse, datetime as dt, math, random
from scenario_common import write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()
WEIGHTS = [1.4, 1.2, 2.1, 2.8, 3.3, 3.4, 3.9, 4.3, 2.9, 3.1, 5.0, 4.6, 3.0, 3.6, 4.4, 5.6, 4.1, 2.4, 3.8, 3.8, 4.9, 4.1, 5.3, 6.5, 4.5]
PLACES = ["집 앞", "아파트 단지", "골목", "큰길", "학교 앞", "시장 근처", "역 앞", "사거리", "공원 옆", "주민센터 앞"]
WHEN = ["방금", "아까부터", "지금", "오늘 아침부터", "조금 전에", "한 시간째", ""]
END_ASK = ["어떻게 해야 하나요", "확인 부탁드려요", "빨리 좀 와주세요", "언제 해결되나요", "신고합니다", "어디에 말해야 돼요"]

# Background topics: (category, [situations], weight).
BACKGROUND = [
    ("교통·주차", ["불법 주차 차량이 있어요", "거주자 우선 주차 신청", "과태료 고지서가 왔는데 이의신청", "견인된 차 찾으려면"], 12),
    ("교통·주차", ["버스 정류장 위치가 바뀌었나요", "심야버스 노선 문의", "지하철 막차 시간이요", "환승 할인 안 됐어요"], 10),
    ("청소·환경", ["대형 생활폐기물 스티커", "종량제 봉투 어디서 사요", "재활용 배출 시간이요", "무단투기 쓰레기 신고"], 11),
    ("수도", ["수도 요금 고지서 문의", "수도 계량기 검침", "상수도 명의 변경"], 5),
    ("세무", ["지방세 납부 방법", "주민세 고지서", "재산세 분할 납부", "세금 환급 문의"], 7),
    ("복지", ["기초생활 수급 신청", "노인 일자리 문의", "장애인 콜택시 예약", "아동수당 신청"], 8),
    ("도로·시설", ["보도 블록이 들떴어요", "가로등이 깜빡여요", "도로 파인 곳 신고", "자전거 도로 공사 언제 끝나요"], 9),
    ("주택·건축", ["층간 소음 상담", "불법 건축물 신고", "전세 사기 상담", "임대주택 신청"], 8),
    ("보건", ["선별진료소 운영 시간", "보건소 예방접종", "치매 검사 예약"], 5),
    ("일반행정", ["주민등록 등본 발급", "인감 증명 대리 발급", "여권 재발급", "전입 신고 방법"], 12),
    ("문화·관광", ["공원 행사 일정", "체육관 대관 문의", "도서관 회원증"], 5),
    ("안전", ["소화전 앞 주차", "공사장 안전 펜스가 넘어졌어요", "방범 시시티비 설치 요청"], 4),
]
TAX_PEAK = ("세무", ["오늘까지 내야 하는 세금 납부", "세금 납부 마감 언제예요", "가상계좌로 세금 내는 법"])
LUNCH = ("문화·관광", ["점심시간에 공원 행사 하나요", "공원 푸드트럭 있나요", "광장 공연 몇 시예요"])
MARKET = ("교통·주차", ["시장 앞 불법 주차 때문에 못 지나가요", "장날이라 주차할 데가 없어요", "시장 골목 차가 막혀요"])
CLUB = ("주택·건축", ["클럽 음악 소리 때문에 잠을 못 자요", "술집 앞 취객들 소리 너무 커요", "밤새 음악 틀어요 시끄러워요"])

INCIDENTS = {
    "coldwave": ("수도", ["수도관이 얼었어요", "계량기가 동파됐어요", "보일러 배관이 얼어서 물이 안 나와요", "한파에 수도가 꽁꽁 얼었어요",
                          "동파 신고하려고요", "베란다 수도가 터졌어요", "온수가 안 나와요 얼었나 봐요", "추워서 배관이 터졌어요",
                          "계량기 유리가 깨졌어요 얼어서", "한파 때문에 물이 안 나와요"],
                 ["동파", "얼었", "한파", "계량기", "배관", "수도관", "얼어서", "터졌"]),
    "dust": ("보건", ["하늘이 누렇게 변했어요", "황사가 너무 심해요", "미세먼지 경보 났나요", "목이 따갑고 기침이 나요 먼지 때문에",
                      "마스크 어디서 나눠줘요", "창문을 못 열겠어요 먼지가", "아이들 야외활동 해도 돼요 미세먼지", "눈이 따가워요 황사",
                      "공기가 뿌옇게 보여요"],
             ["황사", "미세먼지", "먼지", "마스크", "누렇", "뿌옇", "따갑", "따가워"]),
    "wrongalert": ("안전", ["재난문자 왜 온 거예요", "긴급 문자가 잘못 온 것 같아요", "휴대폰에서 사이렌이 울렸어요", "대피하라는 문자 진짜예요",
                            "경보 문자 오발송인가요", "새벽에 경보음 때문에 깼어요", "무슨 재난이 난 거예요 문자 보고 놀랐어요"],
                   ["재난문자", "문자", "사이렌", "대피", "경보", "오발송", "경보음", "재난"]),
    "payment": ("세무", ["구청 홈페이지에서 결제가 안 돼요", "세금 납부하다가 오류가 났어요", "온라인 납부 시스템 점검 중인가요",
                         "카드 결제 누르면 화면이 멈춰요", "위택스 접속이 안 돼요", "납부 버튼이 안 눌러져요"],
                ["결제", "오류", "납부", "시스템", "위택스", "접속", "멈춰"]),
    "manhole": ("도로·시설", ["맨홀 뚜껑이 열려 있어요", "도로에 맨홀이 빠져 있어요 위험해요", "맨홀 뚜껑이 없어져서 차가 빠질 뻔"], ["맨홀", "뚜껑"]),
    "signal": ("교통·주차", ["신호등이 다 꺼졌어요", "사거리 신호가 안 들어와요", "신호등 고장으로 차들이 엉켰어요", "신호기가 먹통이에요"], ["신호등", "신호", "신호기"]),
    "chemical": ("청소·환경", ["이상한 화학 약품 냄새가 나요", "매캐한 냄새 때문에 머리가 아파요", "공장 쪽에서 역한 냄새", "타는 냄새랑 약품 냄새가 섞였어요"],
                 ["화학", "약품", "매캐", "냄새", "역한"]),
    "heating": ("주택·건축", ["지역난방 온수가 끊겼어요", "난방이 안 들어와요 아파트 전체", "온수 공급 중단 언제 풀려요", "난방수가 안 돌아요"],
                ["난방", "온수", "지역난방", "난방수"]),
}
LOCAL_KINDS = ["manhole", "signal", "chemical", "heating"]


def daily_curve(minute):
    """Relative volume in a minute of the day: quiet nights, a broad day, an evening bump."""
    h = minute / 60
    day = math.exp(-((h - 11.5) / 3.6) ** 2) + 0.75 * math.exp(-((h - 15.5) / 2.4) ** 2)
    evening = 0.35 * math.exp(-((h - 20.5) / 1.5) ** 2)
    return 0.04 + day + evening


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14)
    p.add_argument("--per-day", type=int, default=20000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    a = p.parse_args()
    r = random.Random(a.seed * 15485863 + 2)
    start = dt.datetime(2026, 10, 1, 0, 0, tzinfo=KST)  # Thursday
    holiday = 8 + r.randint(0, 3)  # a weekday of the second week with Sunday volume
    weekday_factor = [1.2, 1.05, 1.0, 1.0, 1.0, 0.6, 0.45]
    curve = [daily_curve(m) for m in range(1440)]
    curve_sum = sum(curve)
    events, truth = [], []
    short = {d: d[:-1] for d in DISTRICTS if len(d) > 2}

    def district_field(d):
        if d is None or r.random() < 0.08:
            return None
        return short.get(d, d) if r.random() < 0.04 else d

    def compose(situations):
        parts = [r.choice(situations)]
        if r.random() < 0.4:
            parts.insert(0, r.choice(PLACES))
        if r.random() < 0.3:
            w = r.choice(WHEN)
            if w:
                parts.insert(0, w)
        if r.random() < 0.35:
            parts.append(r.choice(END_ASK))
        text = " ".join(parts)
        if r.random() < 0.2:
            text = text.replace(" ", "")
        if r.random() < 0.03 and len(text) > 6:
            i = r.randrange(1, len(text) - 1)
            text = text[:i] + text[i + 1:]
        return text

    def emit(t, category, situations, district):
        text = compose(situations)
        cat = None if r.random() < 0.05 else category
        row = (t, text, cat, district_field(district), r.choice(["phone", "phone", "chat", "kakao", "sms", "web"]))
        events.append(row)
        if r.random() < 0.005:
            events.append(row)

    def any_district():
        return r.choices(DISTRICTS, WEIGHTS)[0]

    bg_weights = [w for _, _, w in BACKGROUND]
    for d in range(a.days):
        day = start + dt.timedelta(days=d)
        factor = 0.45 if d == holiday else weekday_factor[day.weekday()]
        per_day = a.per_day * factor * (1 + 0.01 * d)
        for m in range(1440):
            lam = per_day * curve[m] / curve_sum
            # Poisson by inversion (rates are small per minute).
            n, p_, u = 0, math.exp(-lam), r.random()
            cum = p_
            while u > cum and n < 200:
                n += 1
                p_ *= lam / n
                cum += p_
            for _ in range(n):
                t = day + dt.timedelta(minutes=m, seconds=r.random() * 60)
                cat, situations, _ = r.choices(BACKGROUND, bg_weights)[0]
                emit(t, cat, situations, any_district())

    # Routine that must raise no alert.
    market = r.choice(DISTRICTS)
    clubs = r.sample(DISTRICTS, 2)
    for d in range(a.days):
        day = start + dt.timedelta(days=d)
        wd = day.weekday()
        if wd == 1:  # Tuesday market day, 14-17, one district
            for _ in range(r.randint(14, 24)):
                emit(day + dt.timedelta(hours=14, minutes=r.random() * 180), MARKET[0], MARKET[1], market)
        if wd == 5:  # Saturday night (Sunday 0-3), club noise in two districts
            for club in clubs:
                for _ in range(r.randint(12, 22)):
                    emit(day + dt.timedelta(days=1, minutes=r.random() * 180), CLUB[0], CLUB[1], club)
        if wd < 5 and d != holiday:  # tax questions every weekday 9-10, city-wide
            for _ in range(r.randint(30, 50)):
                emit(day + dt.timedelta(hours=9, minutes=r.random() * 60), TAX_PEAK[0], TAX_PEAK[1], any_district())
        for _ in range(r.randint(20, 40)):  # lunchtime park questions every day
            emit(day + dt.timedelta(hours=12, minutes=r.random() * 60), LUNCH[0], LUNCH[1], any_district())
        # The club and market topics are everyday complaints elsewhere too.
        for _ in range(r.randint(20, 30)):
            emit(day + dt.timedelta(minutes=r.random() * 1440), CLUB[0], CLUB[1], any_district())
            emit(day + dt.timedelta(minutes=r.random() * 1440), MARKET[0], MARKET[1], any_district())

    def add_truth(kind, onset, end, district, cat, terms, size):
        truth.append({"type": kind, "onset": onset.isoformat(), "end": end.isoformat(), "district": district,
                      "category": cat, "terms": terms, "size": size})

    def spreading(kind, onset):
        cat, situations, terms = INCIDENTS[kind]
        order = r.sample(DISTRICTS, r.randint(10, 18))
        growth = r.uniform(180, 240)  # minutes of linear growth in each district
        plateau = r.uniform(90, 180)
        total = r.randint(200, 450)
        joins, at = [], 0.0
        for _ in order:
            joins.append(at)
            at += r.uniform(10, 25)
        # Each district's rate grows linearly from its join time, then holds, then stops: sample contacts by thinning.
        last = max(joins) + growth + plateau
        # Larger districts report more: each district's share of the contacts follows its population weight.
        weights = [WEIGHTS[DISTRICTS.index(d)] for d in order]
        count = 0
        for district, j, w in zip(order, joins, weights):
            n = max(1, round(total * w / sum(weights)))
            for _ in range(n):
                # density ~ linear ramp over `growth`, then flat over `plateau`.
                if r.random() < (growth / 2) / (growth / 2 + plateau):
                    off = j + growth * math.sqrt(r.random())
                else:
                    off = j + growth + plateau * r.random()
                c = cat if r.random() < 0.85 else r.choice(BACKGROUND)[0]
                emit(onset + dt.timedelta(minutes=off), c, situations, district)
                count += 1
        add_truth(kind, onset, onset + dt.timedelta(minutes=last), None, cat, terms, count)

    def citywide(kind, onset, size, ramp, length):
        cat, situations, terms = INCIDENTS[kind]
        for _ in range(size):
            off = ramp * math.sqrt(r.random()) if r.random() < 0.3 else ramp + min(length, r.expovariate(2 / length))
            c = cat if r.random() < 0.85 else r.choice(BACKGROUND)[0]
            emit(onset + dt.timedelta(minutes=off), c, situations, any_district())
        add_truth(kind, onset, onset + dt.timedelta(minutes=ramp + length), None, cat, terms, size)

    def local(kind, onset, size, ramp, length, district):
        cat, situations, terms = INCIDENTS[kind]
        for _ in range(size):
            off = ramp * math.sqrt(r.random()) if r.random() < 0.35 else ramp + min(length, r.expovariate(2 / length))
            c = cat if r.random() < 0.85 else r.choice(BACKGROUND)[0]
            where = district if r.random() < 0.9 else any_district()
            emit(onset + dt.timedelta(minutes=off), c, situations, where)
        add_truth(kind, onset, onset + dt.timedelta(minutes=ramp + length), district, cat, terms, size)

    days = list(range(1, a.days))
    r.shuffle(days)
    plan = days[:8]
    for i, d in enumerate(plan):
        base = start + dt.timedelta(days=d)
        if i < 2:
            spreading(["coldwave", "dust"][i], base + dt.timedelta(hours=r.choice([4, 6, 9, 13]), minutes=r.randint(0, 59)))
        elif i == 2:
            citywide("wrongalert", base + dt.timedelta(hours=r.choice([5, 10, 15, 21]), minutes=r.randint(0, 59)),
                     r.randint(150, 400), r.uniform(5, 10), r.uniform(60, 120))
        elif i == 3:
            citywide("payment", base + dt.timedelta(hours=r.choice([9, 10, 14, 16]), minutes=r.randint(0, 59)),
                     r.randint(120, 300), r.uniform(40, 60), r.uniform(60, 150))
        else:
            local(LOCAL_KINDS[i - 4], base + dt.timedelta(hours=r.randint(6, 22), minutes=r.randint(0, 59)),
                  r.randint(12, 60), r.uniform(5, 60), r.uniform(30, 90), r.choice(DISTRICTS))

    write_streams(a.out, a.truth, events, truth)


main()
