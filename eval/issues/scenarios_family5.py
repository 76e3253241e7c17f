"""A fifth held-apart family of issue-detection scenarios (issue 13, session 11), written by the "sets5" engineer, who
wrote none of scenarios.py, scenarios_spread.py, scenarios_family3.py or scenarios_family4.py and did not read the
detector's code. Its phrasing lists, calendar, incident kinds, shapes and seeds are its own. Committed before anything
of the product ran on it: measure it once, at the end, and never tune on it.

  python3 eval/issues/scenarios_family5.py --inventory test --seed 1 --out s.jsonl --truth t.jsonl
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

Output: the format of the other families. s.jsonl holds one contact per line
{"time","text","category","district","channel"} (ISO 8601 time with +09:00, sorted); t.jsonl holds one incident per
line {"type","onset","end","district","category","terms","size"} (district null for an incident over several
districts; `end` is the time of its last contact; `terms` are the stems an alert must share with it).
`--inventory test` is the only inventory; seeds 1 and 2 are the ones to report. `--summary` prints counts per incident
and per routine to stderr (a format self-check; it runs nothing of the product).

Shape (chosen to differ from the other families):
- time: a monsoon-and-heat summer fortnight from WEDNESDAY 2027-07-21 to Tuesday 2027-08-03. Property tax (July
  bill) is due on Saturday 07-31, so the deadline moves to Monday 08-02. 5-minute bins; a summer weekday profile with
  a slow 07:00-10:00 rise, a long afternoon and a late evening that stays busy (hot nights); Saturday 0.55, Sunday 0.5
  of a weekday; Monday 1.15 with a morning that peaks earlier and higher than other weekdays.
- wording: this author's phrases, with speech-to-text and phone-typing roughening of its own: 6 % a word split by a
  stray space (STT mis-segmentation), 5 % an STT filler (음, 저기, 그니까) at the start, 4 % a Chungcheong/Gyeongsang
  ending (-유, -예), 4 % one syllable typed twice, 4 % ㅠ/ㅋ/;; at the end, 8 % all spaces dropped;
- records: 6 % without category, 10 % of incident contacts under another category, 5 % without district, 2 % with the
  short district name (마포), 2 % with "서울시 " before it, 0.4 % duplicated lines;
- incidents (8 per stream, each on its own day; the water main on a weekend night, the bus strike on a weekday):
  * heatwave   - a heat wave that GROWS SLOWLY over many districts: from 10:00-11:00 in 2-3 districts, one more
                 district every 25-45 minutes until 13-17 take part, each district's contacts rising over its hours;
                 250-400 contacts over about 10 hours; wording from the heat to dizzy old people, shelters, cooling
                 and power, then the hot night; no district;
  * monsoon    - a monsoon downpour that GROWS SLOWLY from west to east through 12-17 districts over an evening and a
                 night (one more every 20-40 minutes): 300-500 contacts over 12-15 hours, from puddles and splashing to
                 leaking ceilings, flooded semi-basements and backflowing drains, fallen trees and retaining walls,
                 then flooded roads in the morning; no district;
  * lovebug    - a CITY-WIDE swarm of black flies whose WORDING CHANGES EVERY FEW HOURS (벌레 떼 -> 러브버그 ->
                 붉은등우단털파리 -> 방역/살충 -> 차와 방충망의 사체), each period led by its own words, all 25
                 districts with the northwestern hillside ones weighted up; 250-400 contacts over 14-16 hours;
  * busstrike  - a city bus STRIKE from the first buses (04:00-04:40) on a weekday: few contacts before 05:30, then a
                 morning-rush flood, 450-700 contacts over 8-10 hours across all districts; no district;
  * watermain  - a water main break on a WEEKEND NIGHT (Saturday or Sunday, 22:30-01:00): a fountain in the road,
                 then no water in the neighbourhood, muddy water by morning, water tankers; 60-120 contacts over 5-7
                 hours in one district (some from a neighbour);
  * sinkhole   - a sinkhole on a main road in daytime: the hole, lanes closed and bus detours, cracks in buildings;
                 30-60 contacts over 2-3 hours in one district;
  * foodpoison - a buffet restaurant food poisoning in one district in the evening: stomach aches and vomiting, then
                 "everyone who ate there", then night clinics and the health centre; 30-70 contacts over 4-6 hours;
  * lightning  - lightning on a summer afternoon: thunder and a strike, traffic lights dark, power cut and stuck lifts
                 in one district and a neighbour; 40-80 contacts over 1.5-2.5 hours;
- routine that must raise no alert:
  * weekly Monday-morning peak: on both Mondays 07:30-11:30, 150-250 extra contacts about the weekend (rubbish left
    over the weekend, weekend parking tickets, things broken since Saturday) over all districts, on top of Monday's
    higher profile;
  * late-night cluster of an everyday topic in one district: every night 23:00-02:00 one district gets 5-12 complaints
    about people drinking and shouting in the park on hot nights (12-20 on Friday and Saturday nights);
  * month-end tax deadline surge: property tax questions rising from 0.3 % of contacts to about 3 % of office-hour
    contacts on Monday 08-02, with extra bursts on Friday 07-30 and the deadline day ("위택스가 안 열려요" among them);
  * festival weekend: a summer water festival on Saturday 07-24 and Sunday 07-25 (13:00-22:00) in one district:
    road closures, parking, noise and rubbish questions, 50-90 a day, announced in advance.
"""
import argparse, datetime as dt, math, random, sys
from collections import Counter
from functools import partial
from scenario_common import phase_at as draw_phase, poisson as draw_poisson, record as record_truth, write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = ["종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구", "서대문구",
             "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구"]
WEIGHT = [1.5, 1.3, 2.2, 2.9, 3.5, 3.3, 3.9, 4.4, 2.9, 3.1, 5.0, 4.7, 3.1, 3.7, 4.4, 5.7, 4.0, 2.4, 3.9, 3.9, 4.9, 4.1, 5.4, 6.6, 4.6]
# West-to-east order for the monsoon front (longitude, roughly).
WEST_TO_EAST = ["강서구", "양천구", "구로구", "금천구", "영등포구", "마포구", "은평구", "관악구", "동작구", "서대문구", "용산구", "종로구",
                "중구", "서초구", "성북구", "강북구", "도봉구", "성동구", "동대문구", "강남구", "노원구", "중랑구", "광진구", "송파구", "강동구"]
ADJACENT = {
    "종로구": ["중구", "서대문구", "성북구"], "중구": ["종로구", "용산구", "성동구"], "용산구": ["중구", "마포구", "동작구"],
    "성동구": ["중구", "광진구", "동대문구"], "광진구": ["성동구", "중랑구", "송파구"], "동대문구": ["성북구", "중랑구", "성동구"],
    "중랑구": ["동대문구", "노원구", "광진구"], "성북구": ["종로구", "강북구", "동대문구"], "강북구": ["성북구", "도봉구"],
    "도봉구": ["강북구", "노원구"], "노원구": ["도봉구", "중랑구"], "은평구": ["서대문구", "마포구"], "서대문구": ["은평구", "마포구", "종로구"],
    "마포구": ["서대문구", "용산구", "영등포구"], "양천구": ["강서구", "구로구"], "강서구": ["양천구", "마포구"],
    "구로구": ["양천구", "금천구", "영등포구"], "금천구": ["구로구", "관악구"], "영등포구": ["구로구", "동작구", "마포구"],
    "동작구": ["영등포구", "관악구", "서초구"], "관악구": ["동작구", "금천구", "서초구"], "서초구": ["강남구", "동작구"],
    "강남구": ["서초구", "송파구"], "송파구": ["강남구", "강동구"], "강동구": ["송파구", "광진구"],
}
HILLSIDE = {"은평구": 3.0, "서대문구": 3.0, "마포구": 2.2, "종로구": 2.2, "성북구": 1.8, "강북구": 1.6}
FESTIVAL_AT = {"서대문구": "신촌 연세로", "마포구": "망원 한강공원", "광진구": "뚝섬 한강공원", "영등포구": "여의도 물빛광장"}

# Relative volume per hour, this author's summer profile.
WEEKDAY_HOURS = [0.35, 0.2, 0.12, 0.09, 0.08, 0.12, 0.3, 0.7, 1.4, 2.2, 2.7, 2.8, 2.3, 2.6, 2.8, 2.7, 2.5, 2.2, 1.8, 1.5, 1.4, 1.3, 1.0, 0.6]
MONDAY_HOURS = [0.35, 0.2, 0.12, 0.09, 0.08, 0.14, 0.45, 1.3, 2.8, 3.6, 3.2, 2.8, 2.2, 2.5, 2.6, 2.5, 2.3, 2.1, 1.7, 1.4, 1.3, 1.2, 0.9, 0.55]
WEEKEND_HOURS = [0.5, 0.35, 0.2, 0.12, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.7, 1.9, 1.9, 2.0, 2.0, 1.9, 1.8, 1.7, 1.6, 1.5, 1.5, 1.4, 1.2, 0.8]
DAY_FACTOR = [1.15, 1.0, 1.0, 1.0, 0.97, 0.55, 0.5]  # Monday..Sunday
START = dt.datetime(2027, 7, 21, 0, 0, tzinfo=KST)  # Wednesday
FESTIVAL_DAYS, FRIDAY_BEFORE, DEADLINE = (3, 4), 9, 12  # 07-24/25, 07-30, Monday 08-02

OPENERS = ["", "", "", "", "", "저기요 ", "안녕하세요 ", "문의 좀 할게요 ", "급해서요 ", "다름이 아니라 ", "궁금한 게 있는데 "]
CLOSERS = ["", "", "", "", " 확인 부탁해요", " 알려 주세요", " 어떻게 해요", " 빨리 좀요", " 담당자 연결해 주세요", " 답변 기다릴게요", " 가능할까요"]
CHANNELS = ["phone", "phone", "phone", "phone", "chat", "kakao", "sms", "web", "app"]

# Everyday contacts (category, phrases, weight), written for this family.
EVERYDAY = [
    ("교통", ["시내버스 배차가 들쭉날쭉해요", "정류장 의자가 부서져 있어요", "따릉이 반납이 안 돼요", "지하철 냉방이 너무 세요", "택시가 카드를 안 받는대요"], 8),
    ("교통", ["주차 딱지 납부 기한 문의", "거주자 주차 배정 순번 확인", "공영 주차장 월 정기권 신청"], 5),
    ("환경", ["분리수거 요일 알려 주세요", "헌 옷 수거함 위치", "음식물 쓰레기 칩 카드 재발급", "매트리스 버리는 방법"], 9),
    ("환경", ["하천 산책로 풀이 너무 자랐어요", "공원 분수가 안 나와요", "모기가 많아서 방역 요청"], 4),
    ("상하수도", ["수도 요금 고객 번호 조회", "화장실 하수구 냄새", "계량기 검침 날짜 문의"], 4),
    ("세금", ["자동차세 납부 확인서", "지방세 환급 계좌 등록", "취득세 신고 기한 문의"], 4),
    ("민원", ["인감 증명 대리 발급 서류", "여권 찾는 날짜 문의", "등본 무인 발급기 위치", "주민센터 점심시간 운영"], 10),
    ("복지", ["기초 연금 입금일", "장애인 콜택시 예약 대기", "청년 월세 지원 서류", "어르신 도시락 배달 신청"], 7),
    ("도로", ["인도에 전동 킥보드가 널려 있어요", "횡단보도 페인트가 지워졌어요", "가로수 뿌리 때문에 보도가 들떴어요", "과속 방지턱이 너무 높아요"], 6),
    ("주택", ["윗집 발소리 때문에 상담받고 싶어요", "임대 주택 재계약 서류", "집주인이 수리를 안 해 줘요", "관리비 내역이 이상해요"], 7),
    ("문화", ["구립 수영장 자유 수영 시간", "여름 방학 어린이 강좌 접수", "도서관 열람실 운영 시간", "캠핑장 예약 취소"], 6),
    ("보건", ["보건소 치과 진료 예약", "모기 기피제 나눠 주는 곳", "예방 접종 증명서 출력"], 4),
    ("안전", ["공사장 가림막이 인도로 넘어왔어요", "놀이터 미끄럼틀이 뜨거워요", "골목 방범 카메라 설치 요청"], 3),
    ("경제", ["서울사랑상품권 사용처", "소상공인 보증 상담 예약", "알바비 못 받은 거 상담"], 4),
]
MONDAY_Q = ("환경", ["주말 동안 쓰레기를 안 가져갔어요", "토요일에 내놓은 재활용이 그대로예요", "주말에 주차 딱지 붙었는데 이의 신청", "토요일부터 가로등이 꺼져 있었어요",
                    "주말 사이 공원 화장실이 고장 났어요", "일요일에 신고한 거 아직 연락이 없어요", "주말에 민원 넣은 거 처리되나요"])
NIGHT_PARK = ("주택", ["밤늦게 공원에서 술 마시고 떠들어요", "열대야라 그런지 놀이터에서 새벽까지 떠들어요", "공원 벤치에서 노래 부르고 소리 질러요",
                       "새벽 한 시인데 공원에서 음악을 틀어 놨어요", "잠 좀 자게 공원 순찰 좀 돌아 주세요"])
TAX_Q = ("세금", ["재산세 이번 달 말까지죠", "재산세 고지서를 못 받았어요", "재산세 카드로 나눠 내도 돼요", "위택스가 안 열려요 재산세 내야 되는데",
                  "재산세 납부 기한 지나면 가산금 얼마예요", "재산세 가상 계좌 번호 다시 알려 주세요", "집 팔았는데 재산세가 나왔어요"])
FESTIVAL_Q = ("문화", ["{place} 물총 축제 때문에 도로 통제 몇 시까지예요", "{place} 축제 주차 어디에 해요", "{place} 축제 음악 소리 밤 몇 시까지 해요",
                      "축제 끝나고 쓰레기 치우는 거 맞죠", "{place} 축제 버스 우회하나요", "물 축제 가려는데 유모차 들어가도 돼요"])

INCIDENTS = {
    "heatwave": {
        "phases": [
            (0, "안전", ["숨이 턱턱 막히게 더워요 폭염 경보 맞아요", "길바닥이 너무 뜨거워서 못 걷겠어요", "오늘 더위 진짜 사람 잡겠어요", "폭염인데 야외 작업을 시켜요"]),
            (2, "보건", ["할머니가 더위 먹고 어지럽다고 하세요", "열사병 같은데 어디로 가야 돼요", "경비 아저씨가 더위에 쓰러지셨어요", "온열 질환 증상이 어떤 거예요"]),
            (4, "복지", ["무더위 쉼터 어디 있어요", "경로당 쉼터가 문을 닫았어요 이 더위에", "혼자 사는 어르신 폭염 안부 확인 좀 해 주세요", "그늘막이 접혀 있어요 펴 주세요"]),
            (6, "안전", ["더위에 에어컨 다들 켜서 그런지 아파트 전기가 나갔어요", "폭염에 변압기가 터졌대요", "쿨링포그가 안 나와요", "폭염 때문에 도로 아스팔트가 물러졌어요"]),
            (8, "주택", ["밤인데도 삼십 도예요 열대야에 잠을 못 자요", "열대야에 에어컨 없는 집은 어떡해요", "밤에도 더워서 어르신이 힘들어하세요"]),
        ],
        "terms": ["폭염", "더위", "더워", "뜨거워", "열사병", "어지럽", "쓰러지", "온열", "쉼터", "그늘막", "쿨링포그", "열대야", "에어컨", "변압기"],
        "category": "안전",
    },
    "monsoon": {
        "phases": [
            (0, "도로", ["비가 양동이로 붓듯이 와요", "차가 지나가면서 물웅덩이 물을 다 튀겨요", "배수가 안 돼서 길에 물이 고였어요", "장대비에 앞이 안 보여요"]),
            (2, "주택", ["천장에서 빗물이 뚝뚝 떨어져요", "베란다 창틀로 비가 들이쳐요", "옥상 배수구가 막혀서 물이 넘쳐요"]),
            (4, "상하수도", ["반지하 방에 물이 들어오고 있어요", "하수구에서 물이 거꾸로 올라와요", "집 앞 빗물받이가 넘쳐요", "지하 주차장으로 빗물이 쏟아져요"]),
            (6, "안전", ["비바람에 가로수가 쓰러졌어요", "축대가 무너질 것 같아요 흙이 쓸려 내려와요", "산 쪽에서 흙탕물이 내려와요 산사태 아니에요"]),
            (9, "교통", ["출근길 도로가 물에 잠겼어요", "침수 때문에 버스가 우회한대요", "하천 산책로 다 잠겼어요 통제하나요"]),
        ],
        "terms": ["비가", "빗물", "장대비", "물웅덩이", "배수", "천장", "들이쳐", "반지하", "하수구", "빗물받이", "거꾸로", "쓰러졌", "축대", "흙탕물", "산사태", "잠겼", "침수"],
        "category": "상하수도",
    },
    "lovebug": {
        "phases": [  # each period led by its own words; older words fade
            (0, "환경", ["검은 벌레 떼가 창문에 새까맣게 붙었어요", "날벌레가 떼로 날아다녀서 밖에 못 나가요", "작은 검은 파리 같은 게 수백 마리예요"]),
            (3, "환경", ["러브버그가 집 안까지 들어와요", "러브버그 언제 없어져요", "가게 앞이 러브버그 천지예요 장사를 못 하겠어요"]),
            (6, "보건", ["붉은등우단털파리 물어요? 애가 무서워해요", "털파리가 익충이라던데 그냥 둬야 돼요", "우단털파리 때문에 알레르기 생기나요"]),
            (9, "환경", ["벌레 방역 좀 해 주세요 구청은 뭐 해요", "살충제 뿌려도 소용없어요 방역차 언제 와요", "공원에 벌레 퇴치 좀 해 주세요"]),
            (12, "교통", ["차 유리에 벌레 사체가 말라붙었어요", "방충망에 죽은 벌레가 가득해요 치우는 방법", "버스 정류장 유리벽이 벌레 투성이예요"]),
        ],
        "terms": ["벌레", "날벌레", "파리", "러브버그", "털파리", "우단털파리", "붉은등", "익충", "방역", "살충", "퇴치", "사체", "방충망", "떼로"],
        "category": "환경",
    },
    "busstrike": {
        "phases": [
            (0, "교통", ["첫차가 안 와요 정류장에 삼십 분째 서 있어요", "새벽에 버스가 한 대도 안 다녀요", "버스 도착 정보가 다 운행 종료로 떠요"]),
            (1.5, "교통", ["시내버스 파업이에요? 뉴스에 나오던데", "버스 파업 언제까지 해요", "버스 노조 파업이면 마을버스도 안 다녀요"]),
            (2, "교통", ["지하철 증편한다던데 몇 분 간격이에요", "무료 셔틀 버스 어디서 타요", "버스가 없어서 택시 잡기가 하늘의 별 따기예요"]),
            (4, "민원", ["버스 파업 때문에 지각했는데 확인서 나와요", "회사에 낼 버스 운행 중단 증명 어디서 떼요"]),
            (6, "교통", ["퇴근 때도 버스 안 다녀요", "파업 협상 타결됐어요? 내일은 다녀요"]),
        ],
        "terms": ["버스", "파업", "첫차", "정류장", "운행", "증편", "셔틀", "노조", "협상", "지각", "확인서", "택시 잡기"],
        "category": "교통",
    },
    "watermain": {
        "phases": [
            (0, "상하수도", ["한밤중에 도로에서 물이 분수처럼 솟아요", "길이 물바다예요 수도관 터진 것 같아요", "아스팔트 밑에서 물이 콸콸 올라와요"]),
            (0.5, "상하수도", ["자다가 일어났는데 물이 안 나와요", "갑자기 단수됐어요 공지도 없었는데", "수도꼭지를 틀어도 물이 한 방울도 안 나와요"]),
            (3, "상하수도", ["물이 다시 나오는데 누런 흙탕물이에요", "수돗물에서 흙냄새가 나요 마셔도 돼요", "세탁기 돌렸는데 빨래가 누래졌어요"]),
            (5, "복지", ["급수차는 언제 와요", "생수 나눠 주는 데 있어요", "복구 언제 끝나요 아침 밥도 못 했어요"]),
        ],
        "terms": ["물이", "분수", "솟아", "물바다", "수도관", "터진", "단수", "수도꼭지", "흙탕물", "누런", "흙냄새", "급수차", "생수", "복구"],
        "category": "상하수도",
    },
    "sinkhole": {
        "phases": [
            (0, "도로", ["큰길 한복판이 푹 꺼졌어요", "도로에 커다란 구멍이 생겼어요 차가 빠질 뻔했어요", "아스팔트가 내려앉았어요 싱크홀 같아요"]),
            (0.5, "교통", ["싱크홀 때문에 차선 막혀서 차가 안 빠져요", "땅 꺼진 데 때문에 버스가 돌아가요", "구멍 난 도로 언제 다시 열어요"]),
            (1.5, "안전", ["싱크홀 옆 건물 벽에 금이 갔어요", "땅 꺼진 데 근처 가스관은 괜찮아요", "우리 집도 꺼질까 봐 무서워요"]),
        ],
        "terms": ["싱크홀", "꺼졌", "꺼진", "구멍", "내려앉", "땅", "차선", "금이", "가스관"],
        "category": "도로",
    },
    "foodpoison": {
        "phases": [
            (0, "보건", ["뷔페 먹고 와서 배가 너무 아파요", "점심에 뷔페 다녀온 뒤로 계속 토해요", "설사가 멈추질 않아요 그 식당 음식 먹고"]),
            (1, "보건", ["같이 뷔페 간 사람들이 다 아프대요", "그 식당 식중독 신고하려고요", "돌잔치 뷔페 손님들이 단체로 탈이 났어요"]),
            (2, "보건", ["식중독인데 지금 문 연 병원 있어요", "보건소에서 역학 조사 나와요", "애가 탈수 증상이 있어요 밤에 어디 가요"]),
        ],
        "terms": ["뷔페", "배가", "토해", "설사", "식중독", "탈이", "식당", "역학", "탈수", "구토", "아파"],
        "category": "보건",
    },
    "lightning": {
        "phases": [
            (0, "안전", ["천둥 번개가 엄청 쳐요 벼락 떨어진 것 같아요", "바로 옆 건물에 벼락이 쳤어요", "번개 치고 나서 펑 소리가 났어요"]),
            (0.3, "교통", ["교차로 신호등이 다 꺼졌어요", "신호등 꺼져서 차들이 엉켜 있어요"]),
            (0.5, "안전", ["벼락 맞고 정전됐어요 동네 전체가", "정전돼서 엘리베이터에 갇혔어요", "전기가 나가서 냉장고가 멈췄어요 언제 들어와요"]),
        ],
        "terms": ["천둥", "번개", "벼락", "신호등", "꺼졌", "정전", "전기", "엘리베이터", "갇혔"],
        "category": "안전",
    },
}
WEEKEND_NIGHT = {"watermain"}
WEEKDAY_ONLY = {"busstrike"}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inventory", choices=["test"], default="test", help="only 'test': this family is held apart")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14, choices=[14], help="the calendar (festival, Mondays, tax deadline) is fixed to 14 days")
    p.add_argument("--per-day", type=int, default=18000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    p.add_argument("--summary", action="store_true", help="print counts per incident and routine to stderr")
    a = p.parse_args()
    r = random.Random(a.seed * 7919 + 50505)
    events, truth, tally = [], [], Counter()
    short = {d: d[:-1] for d in DISTRICTS if len(d) > 2}

    poisson = partial(draw_poisson, r)

    def roughen(text):
        if r.random() < 0.05:
            text = r.choice(["음 ", "저기 ", "그니까 ", "음 그 "]) + text
        if r.random() < 0.06:  # STT splits a word
            words = text.split(" ")
            i = r.randrange(len(words))
            if len(words[i]) >= 3:
                cut = r.randrange(1, len(words[i]))
                words[i] = words[i][:cut] + " " + words[i][cut:]
                text = " ".join(words)
        if r.random() < 0.04:
            for a_, b_ in (("해요", "해유"), ("있어요", "있어유"), ("돼요", "돼유"), ("예요", "예"), ("와요", "와예")):
                if text.endswith(a_):
                    text = text[: -len(a_)] + b_
                    break
        if r.random() < 0.04 and len(text) > 4:  # a syllable typed twice
            i = r.randrange(len(text))
            if text[i] != " ":
                text = text[: i + 1] + text[i:]
        if r.random() < 0.04:
            text += r.choice(["ㅠ", "ㅠㅠㅠ", "ㅋ", ";;", " ㅜ"])
        if r.random() < 0.08:
            text = text.replace(" ", "")
        return text

    def any_district(weights=None):
        return r.choices(DISTRICTS, weights or WEIGHT)[0]

    def emit(t, category, phrases, district, tag, incident=False, fill=None, frame=True):
        cat = category
        if incident and r.random() < 0.10:
            cat = r.choice(EVERYDAY)[0]
        if r.random() < 0.06:
            cat = None
        d = district
        u = r.random()
        if u < 0.05:
            d = None
        elif u < 0.07 and d in short:
            d = short[d]
        elif u < 0.09 and d is not None:
            d = "서울시 " + d
        phrase = r.choice(phrases).format(**(fill or {}))
        text = (r.choice(OPENERS) + phrase + r.choice(CLOSERS)).strip() if frame else phrase
        row = (t, roughen(text), cat, d, r.choice(CHANNELS))
        events.append(row)
        tally[tag] += 1
        if r.random() < 0.004:
            events.append(row)

    def day_shape(d):
        day = START + dt.timedelta(days=d)
        wd = day.weekday()
        hours = MONDAY_HOURS if wd == 0 else WEEKEND_HOURS if wd >= 5 else WEEKDAY_HOURS
        return day, hours, DAY_FACTOR[wd]

    # Everyday contacts in 5-minute bins; the tax questions ride on them as a share that rises to the deadline.
    weights = [w for _, _, w in EVERYDAY]
    for d in range(a.days):
        day, hours, factor = day_shape(d)
        if d <= DEADLINE:
            tax = 0.003 + 0.027 * (max(0, d - 4) / (DEADLINE - 4)) ** 2
        else:
            tax = 0.002
        total = sum(hours)
        for b in range(288):
            lam = a.per_day * factor * hours[b // 12] / total / 12
            office = 9 <= b // 12 < 18
            for _ in range(poisson(lam)):
                t = day + dt.timedelta(minutes=5 * b + r.random() * 5)
                if r.random() < (tax if office else tax * 0.3):
                    emit(t, TAX_Q[0], TAX_Q[1], any_district(), "routine:tax")
                else:
                    cat, phrases, _ = r.choices(EVERYDAY, weights)[0]
                    emit(t, cat, phrases, any_district(), "everyday")

    # Routine that must raise no alert.
    night_district = r.choice(["관악구", "광진구", "마포구", "영등포구", "동작구"])
    festival_district = r.choice(sorted(d for d in FESTIVAL_AT if d != night_district))
    for d in range(a.days):
        day, _, _ = day_shape(d)
        wd = day.weekday()
        if wd == 0:  # Monday-morning weekend backlog
            for _ in range(r.randint(150, 250)):
                emit(day + dt.timedelta(minutes=450 + 240 * r.random() ** 1.6), MONDAY_Q[0], MONDAY_Q[1], any_district(), "routine:monday")
        # park noise 23:00-02:00 every night in one district (more on Friday and Saturday nights)
        for _ in range(r.randint(12, 20) if wd in (4, 5) else r.randint(5, 12)):
            emit(day + dt.timedelta(hours=23, minutes=r.random() * 180), NIGHT_PARK[0], NIGHT_PARK[1], night_district, "routine:nightpark")
        if d in (FRIDAY_BEFORE, DEADLINE):  # tax bursts on the last Friday and the deadline day
            for _ in range(r.randint(120, 220)):
                emit(day + dt.timedelta(hours=9, minutes=r.random() * 540), TAX_Q[0], TAX_Q[1], any_district(), "routine:tax")
        if d in FESTIVAL_DAYS:
            for _ in range(r.randint(50, 90)):
                emit(day + dt.timedelta(hours=11, minutes=r.random() * 660), FESTIVAL_Q[0], FESTIVAL_Q[1],
                     festival_district if r.random() < 0.8 else any_district(), "routine:festival", fill={"place": FESTIVAL_AT[festival_district]})

    record = partial(record_truth, truth, INCIDENTS)
    phase_at = partial(draw_phase, r, INCIDENTS)

    def growing(kind, onset, order, first, gap, size, length, tail):
        """An incident that grows slowly: districts join one after another, each district's contacts rising over its
        remaining hours (density growing with time), then a tail after `length`."""
        joins, at_ = [], 0.0
        for i in range(len(order)):
            joins.append(0.0 if i < first else at_)
            if i >= first - 1:
                at_ += r.uniform(*gap)
        span = [max(30.0, length - j) for j in joins]
        times = []
        for _ in range(size):
            i = r.choices(range(len(order)), span)[0]
            if r.random() < tail:
                off = length + min(150.0, r.expovariate(1 / 50.0))
            else:
                off = joins[i] + span[i] * r.random() ** 0.55
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, off / 60)
            emit(t, cat, phrases, order[i], "incident:" + kind, incident=True, frame=False)
            times.append(t)
        record(kind, onset, times, None)

    def heatwave(onset):
        n = r.randint(13, 17)
        order = r.sample(DISTRICTS, n)
        growing("heatwave", onset, order, r.randint(2, 3), (25, 45), r.randint(250, 400), r.uniform(560, 640), 0.08)

    def monsoon(onset):
        n = r.randint(12, 17)
        begin = r.randint(0, 3)
        order = WEST_TO_EAST[begin:begin + n]
        growing("monsoon", onset, order, 1, (20, 40), r.randint(300, 500), r.uniform(720, 900), 0.06)

    def lovebug(onset):
        size, length = r.randint(250, 400), r.uniform(840, 960)
        weights = [w * HILLSIDE.get(d, 1.0) for d, w in zip(DISTRICTS, WEIGHT)]
        times = []
        for _ in range(size):
            off = 60 * math.sqrt(r.random()) if r.random() < 0.1 else 60 + (length - 60) * r.random()
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("lovebug", off / 60, lead=0.85)
            emit(t, cat, phrases, any_district(weights), "incident:lovebug", incident=True, frame=False)
            times.append(t)
        record("lovebug", onset, times, None)

    def busstrike(onset):
        size, length = r.randint(450, 700), r.uniform(480, 600)
        times = []
        for _ in range(size):
            u = r.random()
            if u < 0.06:  # before 05:30: the first few people at the stops
                off = r.uniform(0, max(10.0, (onset.replace(hour=5, minute=30) - onset).total_seconds() / 60))
            elif u < 0.7:  # the morning rush
                off = (onset.replace(hour=6, minute=30) - onset).total_seconds() / 60 + r.uniform(0, 180)
            else:
                off = r.uniform(60, length)
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("busstrike", off / 60)
            emit(t, cat, phrases, any_district(), "incident:busstrike", incident=True)
            times.append(t)
        record("busstrike", onset, times, None)

    def local(kind, onset, district, size, first, length, near=0.0, fill=None):
        times = []
        for _ in range(size):
            off = first * r.random() ** 0.7 if r.random() < 0.3 else first + (length - first) * r.random() ** 1.3
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, off / 60)
            u = r.random()
            where = district if u >= near + 0.08 else r.choice(ADJACENT[district]) if u >= 0.08 else any_district()
            emit(t, cat, phrases, where, "incident:" + kind, incident=True, fill=fill)
            times.append(t)
        record(kind, onset, times, district)

    # Each incident on its own day: the water main on a weekend night, the strike on a weekday.
    weekend = [d for d in range(1, a.days - 1) if (START + dt.timedelta(days=d)).weekday() >= 5]
    weekdays = [d for d in range(1, a.days - 1) if (START + dt.timedelta(days=d)).weekday() < 5]
    plan, used = {}, set()
    for kind in ["watermain", "busstrike", "heatwave", "monsoon", "lovebug", "sinkhole", "foodpoison", "lightning"]:
        pool = weekend if kind in WEEKEND_NIGHT else weekdays if kind in WEEKDAY_ONLY else list(range(1, a.days - 1))
        plan[kind] = r.choice([d for d in pool if d not in used])
        used.add(plan[kind])
    at = lambda kind, hour, lo=0, hi=59: START + dt.timedelta(days=plan[kind], hours=hour, minutes=r.randint(lo, hi))

    heatwave(at("heatwave", 10))
    monsoon(at("monsoon", r.choice([17, 18, 19])))
    lovebug(at("lovebug", r.choice([7, 8])))
    busstrike(at("busstrike", 4, 0, 40))
    wm = r.choice(DISTRICTS)
    night = r.choice([22, 23, 24])  # 22:30-00:59; 24 is the small hours after the weekend evening
    local("watermain", at("watermain", night, 30 if night == 22 else 0, 59), wm, r.randint(60, 120), r.uniform(20, 40), r.uniform(300, 420), near=0.15)
    local("sinkhole", at("sinkhole", r.randint(7, 18)), r.choice(DISTRICTS), r.randint(30, 60), r.uniform(10, 20), r.uniform(120, 180))
    local("foodpoison", at("foodpoison", r.randint(19, 21)), r.choice(DISTRICTS), r.randint(30, 70), r.uniform(30, 60), r.uniform(240, 360))
    local("lightning", at("lightning", r.randint(14, 17)), r.choice(DISTRICTS), r.randint(40, 80), r.uniform(8, 15), r.uniform(90, 150), near=0.2)

    write_streams(a.out, a.truth, events, truth)
    if a.summary:
        print(f"contacts {len(events)}  incidents {len(truth)}  park noise at night in {night_district}, festival in {festival_district}", file=sys.stderr)
        for row in sorted(truth, key=lambda x: x["onset"]):
            print(f"  {row['type']:<11} {row['onset']}  size {row['size']:>4}  district {row['district']}", file=sys.stderr)
        for tag, n in sorted(tally.items()):
            print(f"  {tag:<22} {n}", file=sys.stderr)


main()
