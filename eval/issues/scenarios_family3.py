"""A third held-apart family of issue-detection scenarios (issue 13, session 7), by another author ("sets") than
scenarios.py and scenarios_spread.py, with its own phrasing lists, incident kinds, shapes and seeds. It was committed
before any detector ran on it: measure it once, at the end, and never tune on it.

  python3 eval/issues/scenarios_family3.py --inventory test --seed 1 --out s.jsonl --truth t.jsonl
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

Output: the same format as the other families. s.jsonl holds one contact per line
{"time","text","category","district","channel"} (time ISO 8601 with +09:00, sorted); t.jsonl holds one incident per
line {"type","onset","end","district","category","terms","size"} (district null for an incident over several
districts; `end` is the time of the incident's last contact; `terms` are the stems an alert must share with it).
`--inventory test` is the only inventory (there is no dev inventory of this family); seeds 1 and 2 are the ones to report.

Shape (differs from the other families):
- time: 14 days of winter from Monday 2026-12-21 to Sunday 2027-01-03, in 15-minute bins of a profile with a lunch dip
  and a late-evening shoulder; two weekday public holidays (Friday 12-25 and Friday 01-01) have a holiday profile
  (about Sunday volume, a late start, a midday peak) and holiday questions;
- wording: each contact is a filler + an optional place + a phrase + an optional ending, 15 % without spaces, 4 % with
  a chat-style misspelling (요→여, 어요→어여, 했→햇, 없→업), 2 % with a repeated syllable;
- records: 6 % without category, 10 % of incident contacts filed under another category, 5 % without district,
  3 % with the short district name, 0.3 % repeated lines;
- incidents (8 per stream, each on its own day):
  * coldwave  - a slow cold wave over 10-17 districts: districts join every 15-40 minutes from the evening on, each
                district's rate grows over 3-5 hours, 250-450 contacts; the wording moves with the hours (cold and
                wind in the evening, boilers and frozen pipes overnight and in the morning, shelters and old people
                living alone in the day) across six categories;
  * tapwater  - a tap-water taste and smell incident over 6-10 districts served by one plant, 300-500 contacts over
                8-12 hours, whose wording changes with the hours (the smell, then "can we drink it / boil it / baby
                formula", then bottled water, the cause and a bill discount);
  * earthquake - a city-wide burst felt everywhere at once, 250-500 contacts, 40 % in the first 3 minutes;
  * bedbug    - a single-district burst with words the city had not heard (빈대, 베드버그), 30-70 contacts;
  * transformer - a late-night cluster in one district between 01:00 and 03:30 (a bang, sparks, a power cut, people
                stuck in lifts), 15-35 contacts;
  * icicle, boar, iceroad - local incidents of 15-50 contacts in one district (icicles over a shopping street, a wild
                boar in a housing estate, a burst main freezing a road);
- routine that must raise no alert:
  * weekly: Monday 07:30-09:30 city-wide parking complaints at about twice their usual rate (both Mondays);
  * daily: evening noise 21:00-23:30 city-wide every day (more on Friday and Saturday);
  * holiday-shaped days: the two holidays' questions (open hospitals, rubbish collection, offices open), 3-4 times
    their usual rate on those mornings;
  * a gradual seasonal rise: heating-subsidy and energy-voucher questions growing from 0.5 % to 2 % of all contacts;
  * nightly: 00:00-02:00 drunk-and-noisy clusters in two nightlife districts (8-15 contacts each).
"""
import argparse, datetime as dt, math, random
from functools import partial
from scenario_common import poisson as draw_poisson, write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()
POPULATION = [1.4, 1.2, 2.1, 2.8, 3.4, 3.4, 3.8, 4.3, 2.8, 3.0, 4.9, 4.6, 3.0, 3.6, 4.3, 5.6, 3.9, 2.4, 3.8, 3.8, 4.8, 4.0, 5.3, 6.5, 4.5]
HILLSIDE = ["은평구", "도봉구", "노원구", "강북구", "성북구", "종로구", "서대문구", "관악구"]

# Relative volume per hour: weekday (lunch dip, late-evening shoulder) and holiday (late start, midday peak).
WEEKDAY_HOURS = [0.22, 0.14, 0.1, 0.08, 0.08, 0.12, 0.35, 0.9, 2.3, 3.2, 3.3, 2.8, 1.9, 2.6, 3.0, 2.9, 2.6, 2.2, 1.6, 1.3, 1.15, 1.0, 0.7, 0.4]
HOLIDAY_HOURS = [0.3, 0.2, 0.12, 0.08, 0.08, 0.1, 0.2, 0.45, 0.9, 1.5, 2.2, 2.6, 2.6, 2.5, 2.3, 2.1, 1.9, 1.7, 1.5, 1.3, 1.2, 1.0, 0.7, 0.45]
DAY_FACTOR = [1.2, 1.05, 1.0, 1.0, 0.95, 0.55, 0.45]  # Monday..Sunday
HOLIDAYS = {4: "christmas", 11: "newyear"}  # day index: 2026-12-25 and 2027-01-01, both Fridays
HOLIDAY_FACTOR = 0.5

FILLERS = ["", "", "", "저기요 ", "여보세요 ", "아 네 ", "문의드려요 ", "급해요 ", "안녕하세요 "]
PLACES = ["", "", "우리 집 ", "아파트 ", "빌라 ", "동네 ", "회사 앞 ", "상가 ", "버스 정류장 ", "역 근처 ", "골목 "]
ENDINGS = ["", "", "", " 확인 좀 해 주세요", " 어떻게 해요", " 누가 와 줄 수 있나요", " 답답하네요", " 빨리 부탁드려요", " 알려 주세요"]

# Everyday contacts: (category, phrases, weight). Worded by this author, not taken from the other families.
BACKGROUND = [
    ("교통", ["동네 마을버스가 왜 이렇게 안 와요", "버스 노선 번호가 바뀌었다는데 맞나요", "환승이 안 찍혔는데 요금 두 번 나갔어요", "지하철 엘리베이터 고장이에요"], 7),
    ("교통", ["주차 위반 문자가 왔는데 이의 제기하려고요", "공영 주차장 월 정기권 문의", "견인된 차 어디 있어요"], 5),
    ("환경", ["음식물 쓰레기 카드 충전은 어디서 해요", "스티로폼 박스 버리는 요일", "이불은 어디에 버려요", "헌 옷 수거함이 꽉 찼어요"], 9),
    ("환경", ["담배꽁초 무단투기 신고요", "공원에 개똥이 많아요 치워 주세요"], 3),
    ("상하수도", ["이번 달 수도 고지서가 안 왔어요", "계량기 검침원이 안 다녀갔어요", "세입자인데 수도 명의 바꾸려고요"], 4),
    ("세금", ["자동차세 고지서 문의요", "지방세 카드 납부 되나요", "체납 고지서가 잘못 온 것 같아요", "주민세 냈는데 또 나왔어요"], 6),
    ("민원", ["등본 인터넷 발급이 안 돼요", "인감 대리로 떼려면 뭐 필요해요", "전입 신고 온라인으로 하려고요", "여권 찾으러 가는 날 문의"], 10),
    ("복지", ["기초연금 신청 서류 문의", "장애인 콜택시 예약이 안 돼요", "노인 일자리 모집 언제 해요", "한부모 지원 조건 알려 주세요"], 7),
    ("도로", ["인도 블록이 들떠서 넘어질 뻔했어요", "가로등 하나가 나갔어요", "도로에 구멍 파인 곳 있어요", "자전거 도로에 차가 서 있어요"], 6),
    ("주택", ["윗집 발소리 때문에 상담 받고 싶어요", "전세 계약 끝나는데 보증금 문제로", "임대 아파트 신청 자격", "집주인이 수리를 안 해 줘요"], 7),
    ("문화", ["구민 체육센터 수영 강습 접수", "도서관 책 반납 연장", "공연장 대관 신청", "겨울방학 어린이 프로그램"], 5),
    ("보건", ["보건소 독감 주사 아직 돼요", "치매 검사 예약하려고요", "금연 클리닉 등록"], 4),
    ("안전", ["공사장 펜스가 인도 쪽으로 넘어와 있어요", "방범용 CCTV 설치 요청", "놀이터 그네가 부서졌어요"], 3),
    ("경제", ["지역 상품권 환불 문의", "소상공인 대출 상담 예약", "가게 임대료 지원 사업 있나요"], 4),
]
PARKING = ("교통", ["출근해야 되는데 이중 주차한 차가 안 빠져요", "차 좀 빼 달라고 연락해 주세요", "대문 앞을 막고 주차해 놨어요", "아침부터 골목 주차 때문에 차가 못 나가요", "남의 자리에 대 놓고 전화도 안 받아요"])
EVENING_NOISE = ("주택", ["배달 오토바이 굉음이 계속 나요", "옆집이 밤늦게까지 떠들어요", "윗집에서 밤에 세탁기를 돌려요", "골목에서 사람들이 소리 지르며 싸워요", "밤에 노래방 소리가 새어 나와요", "개가 밤새 짖어요"])
NIGHTLIFE = ("안전", ["새벽에 취객이 가게 앞에 누워 있어요", "술 취한 사람들 고성방가 때문에 못 자요", "포장마차 앞에서 싸움이 났나 봐요 시끄러워요", "새벽까지 길에서 술판이에요"])
SEASONAL = ("복지", ["난방비 지원 대상인지 알고 싶어요", "에너지 바우처 신청은 어디서 해요", "가스비가 너무 많이 나와서 지원 받을 수 있나요", "등유 보조금 같은 거 있어요", "겨울 난방비 감면 신청"])
HOLIDAY_TOPICS = {
    "christmas": ("보건", ["오늘 공휴일인데 문 연 병원 있어요", "성탄절에 여는 약국 알려 주세요", "오늘 쓰레기 내놔도 가져가나요", "공휴일에도 민원실 하나요"]),
    "newyear": ("보건", ["새해 첫날 문 연 소아과 있어요", "1월 1일에 여는 약국", "오늘 재활용 수거하나요 공휴일인데", "신정에 주민센터 쉬죠"]),
}

INCIDENTS = {
    "coldwave": {
        "phases": [  # (start hour offset, category, phrases)
            (0, "안전", ["바람이 칼같이 불어요 너무 추워요", "영하 17도라는데 밖에 나가도 돼요", "체감온도가 말이 안 돼요 추워서 떨려요", "한파 특보 났나요"]),
            (0, "교통", ["정류장 온열 의자가 꺼져 있어요 얼어 죽겠어요", "추위에 차 시동이 안 걸려요", "버스 기다리다 손이 얼었어요"]),
            (4, "주택", ["보일러가 안 돌아가요 에러가 떠요", "난방이 갑자기 안 돼요 집이 냉골이에요", "보일러 기사님이 사흘 밀렸대요 너무 추워요", "외풍 때문에 방 안이 영하예요"]),
            (6, "상하수도", ["세탁기 급수 호스가 꽁꽁 얼었어요", "화장실 변기 물이 얼어붙었어요", "아침에 온수가 안 나와요 얼어서 그런가", "베란다 수도꼭지가 얼어서 안 돌아가요"]),
            (10, "복지", ["혼자 사시는 어머니 방이 냉골이에요 확인 좀", "쪽방 어르신들 이 추위에 괜찮은지", "경로당 난방이 끊겨서 어르신들이 떨고 계세요", "추위 피할 쉼터 어디 열었어요"]),
            (10, "보건", ["손발에 감각이 없어요 동상인가요", "저체온증 같은데 어떻게 해요", "추위에 어르신이 쓰러지셨어요"]),
        ],
        "terms": ["한파", "추워", "추위", "영하", "체감온도", "온열", "시동", "얼었", "얼어", "보일러", "난방", "냉골", "외풍", "급수", "온수", "동상", "저체온", "쉼터"],
        "category": "안전",
    },
    "tapwater": {
        "phases": [
            (0, "상하수도", ["수돗물에서 곰팡이 같은 냄새가 나요", "물 틀었더니 비린내가 확 나요", "양치하는데 물맛이 이상해요", "수도에서 하수구 같은 냄새가 올라와요"]),
            (2, "상하수도", ["수돗물 마셔도 되는 거예요", "끓이면 괜찮아요 애 분유 타야 되는데", "정수기 필터로 걸러지나요 그 냄새", "그 물로 샤워해도 괜찮아요"]),
            (5, "상하수도", ["생수 나눠 주는 데 있어요", "냄새 원인이 뭐래요 정수장 사고예요", "이번 달 물값 깎아 주나요 냄새 때문에", "냄새 언제까지 나요 공지 좀 해 주세요"]),
        ],
        "terms": ["수돗물", "냄새", "비린내", "물맛", "곰팡이", "하수구", "마셔도", "끓이", "분유", "정수기", "생수", "정수장", "물값"],
        "category": "상하수도",
    },
    "earthquake": {
        "phases": [(0, "안전", ["방금 건물이 흔들렸어요 지진이에요", "창문이 덜컹거리고 바닥이 울렁했어요", "식탁 위 컵이 떨렸어요 뭐예요", "쿵 소리 나고 흔들렸어요", "고층인데 대피해야 돼요", "지진 문자는 왜 안 와요", "여진 또 오나요", "벽에 금이 갔어요 아까 흔들린 뒤로"])],
        "terms": ["지진", "흔들", "덜컹", "울렁", "떨렸", "대피", "여진"],
        "category": "안전",
    },
    "bedbug": {
        "phases": [(0, "보건", ["고시원 방에 빈대가 나왔어요", "자고 일어나니 빈대 물린 자국이 줄줄이", "찜질방에서 빈대 봤어요 방역 해 주나요", "매트리스 틈에 납작한 벌레가 있어요 빈대 같아요", "베드버그 같은데 어디에 신고해요", "옆방에서 빈대가 넘어온 것 같아요"])],
        "terms": ["빈대", "베드버그", "물린", "납작한 벌레"],
        "category": "보건",
    },
    "transformer": {
        "phases": [(0, "안전", ["펑 소리가 나더니 전기가 나갔어요", "전봇대 위에서 불꽃이 튀어요", "변압기가 터진 것 같아요", "정전돼서 엘리베이터에 갇혔어요", "단지 전체가 깜깜해요", "전기 나가서 보일러도 꺼졌어요 추워요"])],
        "terms": ["펑소리", "불꽃", "변압기", "정전", "전기가", "갇혔", "깜깜", "전기 나가"],
        "category": "안전",
    },
    "icicle": {
        "phases": [(0, "안전", ["상가 처마에 고드름이 주렁주렁 떨어질 것 같아요", "고드름 떨어져서 차 유리가 깨졌어요", "간판 밑 고드름 때문에 사람들이 못 지나가요", "건물 외벽 고드름 제거해 주세요"])],
        "terms": ["고드름", "처마"],
        "category": "안전",
    },
    "boar": {
        "phases": [(0, "환경", ["아파트 단지에 멧돼지가 돌아다녀요", "산돼지가 놀이터까지 내려왔어요", "큰 돼지 같은 동물이 차도로 뛰어가요", "멧돼지 때문에 애들 학교를 못 보내겠어요"])],
        "terms": ["멧돼지", "산돼지", "돼지"],
        "category": "환경",
    },
    "iceroad": {
        "phases": [(0, "상하수도", ["길에서 물이 솟더니 바로 얼음판이 됐어요", "수도관 터졌는지 골목이 스케이트장이에요", "새는 물이 얼어서 차가 미끄러져 박았어요", "물이 넘쳐 인도가 빙판이에요 미끄러워요"])],
        "terms": ["얼음판", "수도관", "스케이트장", "빙판", "새는 물", "솟더니"],
        "category": "상하수도",
    },
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--inventory", choices=["test"], default="test", help="only 'test': this family is held apart")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14, choices=[14], help="the calendar (holidays, Mondays) is fixed to 14 days")
    p.add_argument("--per-day", type=int, default=20000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    a = p.parse_args()
    r = random.Random(a.seed * 2147483629 + 97)
    start = dt.datetime(2026, 12, 21, 0, 0, tzinfo=KST)  # Monday
    events, truth = [], []
    short = {d: d[:-1] for d in DISTRICTS if len(d) > 2}

    poisson = partial(draw_poisson, r)

    def noisy(text):
        if r.random() < 0.04:
            for a_, b_ in (("어요", "어여"), ("요", "여"), ("했", "햇"), ("없", "업"), ("있", "잇")):
                if a_ in text:
                    text = text.replace(a_, b_, 1)
                    break
        if r.random() < 0.02 and len(text) > 4:
            i = r.randrange(len(text))
            if text[i] != " ":
                text = text[:i] + text[i] + text[i:]
        if r.random() < 0.15:
            text = text.replace(" ", "")
        return text

    def compose(phrase):
        return noisy((r.choice(FILLERS) + r.choice(PLACES) + phrase + r.choice(ENDINGS)).strip())

    def any_district():
        return r.choices(DISTRICTS, POPULATION)[0]

    def emit(t, category, phrases, district, incident=False):
        cat = category
        if incident and r.random() < 0.10:
            cat = r.choice(BACKGROUND)[0]
        if r.random() < 0.06:
            cat = None
        d = district
        if r.random() < 0.05:
            d = None
        elif d in short and r.random() < 0.03:
            d = short[d]
        row = (t, compose(r.choice(phrases)), cat, d, r.choice(["phone", "phone", "phone", "chat", "kakao", "sms", "web"]))
        events.append(row)
        if r.random() < 0.003:
            events.append(row)

    # Background in 15-minute bins, with the seasonal heating-subsidy topic growing through the fortnight.
    weights = [w for _, _, w in BACKGROUND]
    for d in range(a.days):
        day = start + dt.timedelta(days=d)
        holiday = HOLIDAYS.get(d)
        hours = HOLIDAY_HOURS if holiday else WEEKDAY_HOURS
        factor = HOLIDAY_FACTOR if holiday else DAY_FACTOR[day.weekday()]
        seasonal_share = 0.005 + (0.02 - 0.005) * d / (a.days - 1)
        total_hours = sum(hours)
        for q in range(96):
            lam = a.per_day * factor * hours[q // 4] / total_hours / 4
            for _ in range(poisson(lam)):
                t = day + dt.timedelta(minutes=15 * q + r.random() * 15)
                u = r.random()
                if u < seasonal_share:
                    emit(t, SEASONAL[0], SEASONAL[1], any_district())
                elif u < seasonal_share + 0.025:
                    emit(t, PARKING[0], PARKING[1], any_district())
                elif u < seasonal_share + 0.035:
                    emit(t, EVENING_NOISE[0], EVENING_NOISE[1], any_district())
                elif u < seasonal_share + 0.04:
                    emit(t, NIGHTLIFE[0], NIGHTLIFE[1], any_district())
                else:
                    cat, phrases, _ = r.choices(BACKGROUND, weights)[0]
                    emit(t, cat, phrases, any_district())

    # Routine that must raise no alert.
    nightlife = r.sample(["마포구", "용산구", "강남구", "광진구", "중구", "관악구"], 2)
    for d in range(a.days):
        day = start + dt.timedelta(days=d)
        wd = day.weekday()
        holiday = HOLIDAYS.get(d)
        if wd == 0 and not holiday:  # Monday 07:30-09:30 parking, city-wide
            for _ in range(r.randint(55, 85)):
                emit(day + dt.timedelta(hours=7, minutes=30 + r.random() * 120), PARKING[0], PARKING[1], any_district())
        # Evening noise every day 21:00-23:30, city-wide, more at the weekend.
        for _ in range(r.randint(60, 100) if wd in (4, 5) else r.randint(35, 60)):
            emit(day + dt.timedelta(hours=21, minutes=r.random() * 150), EVENING_NOISE[0], EVENING_NOISE[1], any_district())
        # Nightlife clusters 00:00-02:00 in two districts every night.
        for where in nightlife:
            for _ in range(r.randint(8, 15)):
                emit(day + dt.timedelta(minutes=r.random() * 120), NIGHTLIFE[0], NIGHTLIFE[1], where)
        if holiday:  # holiday questions, mostly 8-13
            cat, phrases = HOLIDAY_TOPICS[holiday]
            for _ in range(r.randint(60, 110)):
                emit(day + dt.timedelta(hours=8, minutes=r.random() * 300), cat, phrases, any_district())
        # The holiday questions are asked on ordinary days too, now and then.
        for _ in range(r.randint(3, 8)):
            cat, phrases = HOLIDAY_TOPICS["christmas" if d < 6 else "newyear"]
            emit(day + dt.timedelta(minutes=r.random() * 1440), cat, phrases, any_district())

    def record(kind, onset, times, district):
        inc = INCIDENTS[kind]
        truth.append({"type": kind, "onset": onset.isoformat(), "end": max(times).isoformat(), "district": district,
                      "category": inc["category"], "terms": inc["terms"], "size": len(times)})

    def phase_at(kind, hours_in):
        phases = [ph for ph in INCIDENTS[kind]["phases"] if ph[0] <= hours_in]
        # The newest phases dominate, the older wording lingers.
        if len(phases) > 1 and r.random() < 0.65:
            newest = max(ph[0] for ph in phases)
            phases = [ph for ph in phases if ph[0] == newest]
        _, cat, phrases = r.choice(phases)
        return cat, phrases

    def coldwave(onset):
        order = r.sample(DISTRICTS, r.randint(10, 17))
        total = r.randint(250, 450)
        joins, at = [], 0.0
        for _ in order:
            joins.append(at)
            at += r.uniform(15, 40)
        pw = [POPULATION[DISTRICTS.index(x)] for x in order]
        times = []
        for district, j, w in zip(order, joins, pw):
            growth = r.uniform(180, 300)
            hold = r.uniform(240, 480)
            for _ in range(max(2, round(total * w / sum(pw)))):
                if r.random() < (growth / 2) / (growth / 2 + hold):
                    off = j + growth * math.sqrt(r.random())
                else:
                    off = j + growth + hold * r.random()
                t = onset + dt.timedelta(minutes=off)
                cat, phrases = phase_at("coldwave", off / 60)
                emit(t, cat, phrases, district, incident=True)
                times.append(t)
        record("coldwave", onset, times, None)

    def tapwater(onset):
        served = r.sample(DISTRICTS, r.randint(6, 10))
        size = r.randint(300, 500)
        ramp = r.uniform(45, 90)
        length = r.uniform(8 * 60, 12 * 60)
        times = []
        for _ in range(size):
            off = ramp * math.sqrt(r.random()) if r.random() < 0.25 else ramp + (length - ramp) * (r.random() ** 1.6)
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("tapwater", off / 60)
            emit(t, cat, phrases, r.choice(served), incident=True)
            times.append(t)
        record("tapwater", onset, times, None)

    def earthquake(onset):
        size = r.randint(250, 500)
        times = []
        for _ in range(size):
            off = 3 * r.random() if r.random() < 0.4 else 3 + min(90, r.expovariate(1 / 15))
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("earthquake", 0)
            emit(t, cat, phrases, any_district(), incident=True)
            times.append(t)
        record("earthquake", onset, times, None)

    def local(kind, onset, district, size, ramp, length):
        times = []
        for _ in range(size):
            off = ramp * math.sqrt(r.random()) if r.random() < 0.4 else ramp + min(length, r.expovariate(2 / length))
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, 0)
            emit(t, cat, phrases, district if r.random() < 0.9 else any_district(), incident=True)
            times.append(t)
        record(kind, onset, times, district)

    days = list(range(1, a.days - 1))
    r.shuffle(days)
    plan = dict(zip(["coldwave", "tapwater", "earthquake", "bedbug", "transformer", "icicle", "boar", "iceroad"], days[:8]))
    at = lambda kind, hours: start + dt.timedelta(days=plan[kind], hours=hours, minutes=r.randint(0, 59))
    coldwave(at("coldwave", r.choice([16, 17, 18, 19])))
    tapwater(at("tapwater", r.choice([5, 6, 7, 8])))
    earthquake(at("earthquake", r.randint(0, 23)))
    local("bedbug", at("bedbug", r.choice([13, 15, 17, 19])), r.choice(["관악구", "동작구", "영등포구", "구로구", "금천구"]),
          r.randint(30, 70), r.uniform(20, 40), r.uniform(90, 150))
    local("transformer", start + dt.timedelta(days=plan["transformer"], hours=1, minutes=r.randint(0, 150)), r.choice(DISTRICTS),
          r.randint(15, 35), r.uniform(5, 15), r.uniform(30, 60))
    local("icicle", at("icicle", r.randint(9, 16)), r.choice(DISTRICTS), r.randint(15, 40), r.uniform(20, 50), r.uniform(60, 120))
    local("boar", at("boar", r.choice([5, 6, 7, 20, 21])), r.choice(HILLSIDE), r.randint(15, 45), r.uniform(10, 30), r.uniform(40, 90))
    local("iceroad", at("iceroad", r.randint(5, 22)), r.choice(DISTRICTS), r.randint(15, 50), r.uniform(10, 40), r.uniform(40, 100))

    write_streams(a.out, a.truth, events, truth)


main()
