"""A fourth held-apart family of issue-detection scenarios (issue 13, session 9), written by the "sets4" engineer, who
wrote none of scenarios.py, scenarios_spread.py or scenarios_family3.py and did not read the detector's code. Its
phrasing lists, calendar, incident kinds, shapes and seeds are its own. Committed before anything ran on it: measure it
once, at the end, and never tune on it.

  python3 eval/issues/scenarios_family4.py --inventory test --seed 1 --out s.jsonl --truth t.jsonl
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

Output: the format of the other families. s.jsonl holds one contact per line
{"time","text","category","district","channel"} (ISO 8601 time with +09:00, sorted); t.jsonl holds one incident per
line {"type","onset","end","district","category","terms","size"} (district null for an incident over several
districts; `end` is the time of its last contact; `terms` are the stems an alert must share with it).
`--inventory test` is the only inventory; seeds 1 and 2 are the ones to report. `--summary` prints counts per incident
and per routine to stderr (a format self-check; it runs nothing of the product).

Shape (chosen to differ from the other families):
- time: a spring fortnight from SATURDAY 2028-04-01 to Friday 2028-04-14 (the other families start on a Monday or a
  Thursday). Wednesday 04-12 is the National Assembly election day, a public holiday with a polling-day profile (an
  early peak, about Sunday volume); Friday 04-07 and Saturday 04-08 are early-voting days; Monday 04-10 is the monthly
  local-income-tax deadline. 10-minute bins (not 15), a weekday profile with a sharp 09:00 start, a flat afternoon and
  an early evening fall; Saturday 0.6 and Sunday 0.45 of a weekday.
- wording: filler + optional place (everyday and routine contacts only) + phrase + optional tail, in this author's words; 12 % typed without spaces, 5 %
  with chat marks (ㅠㅠ, ??, ~), 3 % with 돼/되 or 에/애 confusions, 4 % with STT fillers (어, 그) inside;
- records: 7 % without category, 12 % of incident contacts filed under another category, 4 % without district, 3 %
  with the short district name (마포) and 1 % with the romanised one (Mapo-gu), 0.3 % duplicated lines;
- incidents (8 per stream, each on its own day, weekend-only and weekday-only kinds placed accordingly):
  * yellowdust - yellow dust and fine dust over the whole city from the morning: a slow rise over 3-5 hours, 300-500
                 contacts over 12-14 hours, wording moving from the sky and the dust (누렇다, 뿌옇다, 모래바람) to
                 throats and eyes, then masks and outdoor classes, then street washing and vehicle limits, across
                 five categories; no district (all 25);
  * blossom    - a cherry-blossom festival on a weekend afternoon in one district (여의도 윤중로, 석촌호수, 양재천,
                 중랑천, 어린이대공원): parking in alleys, full car parks, then busking speakers, stalls and rubbish into
                 the night; 80-160 contacts over 7-9 hours;
  * schoolzone - a child hit in front of a primary school on a school morning or afternoon in one district, then
                 parents asking for speed cameras, speed bumps, crossing guards and a safer route; 30-60 contacts over
                 3-4 hours;
  * subway     - a morning-rush outage of one subway line: 250-450 contacts from 07:30-08:15 over 2-3 hours, 40 % in
                 the first half hour, in the 8-11 districts the line serves; wording from "the train does not come" to
                 delay certificates and then replacement buses and refunds; no district;
  * underpass  - a spring downpour flooding an underpass in one district, spreading to 3-5 neighbouring districts
                 (each joining 20-50 minutes later): 150-300 contacts over 4-6 hours, wording from the underpass and
                 cars under water to manholes and drains, then semi-basement homes and pumps; no district;
  * gassmell   - a gas-like smell in one district with deliberately varied wording (가스, 썩은 계란, 매캐한, 유황,
                 화학약품, 머리가 띵해요) where no single word but 냄새 is shared by most; 25-55 contacts in 1-2 hours;
  * wildfire   - a spring mountain fire above a hillside district: smoke, a burning smell, ash, helicopters, closed
                 trails, evacuation questions; 30-70 contacts over 2-3 hours;
  * signboard  - a gust tearing signboards, banners and a site hoarding in one shopping street; 20-40 contacts in
                 1-2 hours;
- routine that must raise no alert:
  * weekly market day: every Saturday 13:00-19:00 one district's weekend market (주말 장터) brings parking and
    road-blocking complaints (both Saturdays, the first one inside the warm-up day);
  * monthly tax deadline: local income tax (withholding) questions from 0.2 % of contacts rising over the days before
    Monday 04-10 to about 1.5 % of that day's office hours, with "the site is slow on deadline day" among them;
  * daily lunch-hour noise: 11:30-13:30 every day in two office districts (rally loudspeakers, food-truck generators,
    plaza performances), fewer at the weekend;
  * election: campaign-vehicle loudspeaker and poster complaints rising from 0.2 % to 0.6 % of daytime contacts until
    the eve of the election, early-voting questions on 04-07 and 04-08, polling-station questions on election day
    06:00-18:00 (the campaign stops that day);
  * a gradual seasonal rise: pollen-allergy questions growing from 0.2 % to 0.8 % of contacts.
"""
import argparse, datetime as dt, math, random, sys
from collections import Counter
from functools import partial
from scenario_common import poisson as draw_poisson, write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()
POPULATION = [1.4, 1.2, 2.1, 2.8, 3.4, 3.4, 3.8, 4.3, 2.8, 3.0, 4.9, 4.6, 3.0, 3.6, 4.3, 5.6, 3.9, 2.4, 3.8, 3.8, 4.8, 4.0, 5.3, 6.5, 4.5]
ROMAN = {"종로구": "Jongno-gu", "중구": "Jung-gu", "용산구": "Yongsan-gu", "성동구": "Seongdong-gu", "광진구": "Gwangjin-gu",
         "동대문구": "Dongdaemun-gu", "중랑구": "Jungnang-gu", "성북구": "Seongbuk-gu", "강북구": "Gangbuk-gu",
         "도봉구": "Dobong-gu", "노원구": "Nowon-gu", "은평구": "Eunpyeong-gu", "서대문구": "Seodaemun-gu",
         "마포구": "Mapo-gu", "양천구": "Yangcheon-gu", "강서구": "Gangseo-gu", "구로구": "Guro-gu", "금천구": "Geumcheon-gu",
         "영등포구": "Yeongdeungpo-gu", "동작구": "Dongjak-gu", "관악구": "Gwanak-gu", "서초구": "Seocho-gu",
         "강남구": "Gangnam-gu", "송파구": "Songpa-gu", "강동구": "Gangdong-gu"}
NEIGHBOURS = {
    "종로구": ["중구", "서대문구", "은평구", "성북구", "동대문구"], "중구": ["종로구", "용산구", "성동구", "동대문구", "서대문구"],
    "용산구": ["중구", "마포구", "서대문구", "성동구", "동작구", "서초구", "영등포구"], "성동구": ["중구", "동대문구", "광진구", "용산구", "강남구"],
    "광진구": ["성동구", "동대문구", "중랑구", "송파구", "강동구"], "동대문구": ["종로구", "중구", "성동구", "광진구", "중랑구", "성북구"],
    "중랑구": ["동대문구", "광진구", "성북구", "노원구"], "성북구": ["종로구", "동대문구", "중랑구", "강북구", "노원구"],
    "강북구": ["성북구", "도봉구", "노원구"], "도봉구": ["강북구", "노원구"], "노원구": ["도봉구", "강북구", "성북구", "중랑구"],
    "은평구": ["종로구", "서대문구", "마포구"], "서대문구": ["은평구", "종로구", "중구", "마포구", "용산구"],
    "마포구": ["서대문구", "은평구", "용산구", "영등포구", "강서구"], "양천구": ["강서구", "구로구", "영등포구"],
    "강서구": ["양천구", "마포구", "구로구"], "구로구": ["강서구", "양천구", "영등포구", "금천구", "관악구"],
    "금천구": ["구로구", "관악구", "영등포구"], "영등포구": ["양천구", "구로구", "금천구", "동작구", "마포구", "관악구"],
    "동작구": ["영등포구", "관악구", "서초구", "용산구"], "관악구": ["동작구", "금천구", "구로구", "서초구", "영등포구"],
    "서초구": ["동작구", "관악구", "강남구", "용산구"], "강남구": ["서초구", "송파구", "성동구"],
    "송파구": ["강남구", "강동구", "광진구"], "강동구": ["송파구", "광진구"],
}
LINES = {  # the districts each subway line runs through (roughly)
    "2호선": ["중구", "성동구", "광진구", "송파구", "강남구", "서초구", "관악구", "구로구", "영등포구", "마포구", "서대문구"],
    "4호선": ["노원구", "도봉구", "강북구", "성북구", "종로구", "중구", "용산구", "동작구"],
    "5호선": ["강서구", "양천구", "영등포구", "마포구", "서대문구", "종로구", "중구", "성동구", "광진구", "강동구", "송파구"],
    "7호선": ["도봉구", "노원구", "중랑구", "광진구", "강남구", "서초구", "동작구", "관악구", "구로구", "금천구"],
}
MOUNTAINS = {"은평구": "북한산", "도봉구": "도봉산", "노원구": "수락산", "강북구": "북한산", "종로구": "인왕산", "관악구": "관악산", "성북구": "북악산", "서대문구": "안산"}
BLOSSOM = {"영등포구": "여의도 윤중로", "송파구": "석촌호수", "서초구": "양재천", "중랑구": "중랑천 둑길", "광진구": "어린이대공원"}

# Relative volume per hour (this author's spring profile).
WEEKDAY_HOURS = [0.18, 0.11, 0.08, 0.07, 0.07, 0.1, 0.3, 0.95, 2.0, 3.4, 3.1, 2.7, 2.2, 2.7, 2.7, 2.6, 2.5, 2.3, 1.5, 1.1, 0.95, 0.8, 0.55, 0.3]
POLLING_HOURS = [0.15, 0.1, 0.07, 0.06, 0.08, 0.4, 1.4, 2.2, 2.5, 2.4, 2.2, 2.0, 1.8, 1.8, 1.7, 1.6, 1.5, 1.3, 1.1, 1.0, 0.9, 0.8, 0.5, 0.3]
DAY_FACTOR = [1.1, 1.05, 1.0, 1.0, 0.95, 0.6, 0.45]  # Monday..Sunday
START = dt.datetime(2028, 4, 1, 0, 0, tzinfo=KST)  # Saturday
ELECTION_DAY, EARLY_VOTING, TAX_DEADLINE = 11, (6, 7), 9  # day indices: 04-12, 04-07/08, 04-10
POLLING_FACTOR = 0.5

FILLERS = ["", "", "", "", "저 ", "네 여보세요 ", "수고하십니다 ", "말씀 좀 여쭐게요 ", "아 진짜 ", "혹시 ", "그게요 "]
PLACES = ["", "", "", "저희 ", "집 앞 ", "단지 안 ", "학교 근처 ", "시장 쪽 ", "큰길 ", "사거리 ", "공원 옆 ", "가게 앞 "]
TAILS = ["", "", "", " 어디에 말해야 돼요", " 좀 봐 주세요", " 조치 부탁드려요", " 이거 정상이에요", " 처리되나요", " 연락 주세요", " 어쩌죠"]

# Everyday contacts: (category, phrases, weight), written for this family.
BACKGROUND = [
    ("교통", ["마을버스 배차 간격이 너무 길어요", "정류장 도착 안내판이 꺼져 있어요", "교통카드 환승이 안 됐어요", "택시 요금이 이상하게 나왔어요"], 7),
    ("교통", ["거주자 주차 자리에 모르는 차가 있어요", "과태료 고지서 이의 신청 방법", "공영 주차장 요금 문의"], 5),
    ("환경", ["재활용 배출 요일이 언제예요", "대형 폐기물 스티커 어디서 사요", "음식물 쓰레기 통이 깨졌어요", "이사하고 남은 가구 버리려고요"], 9),
    ("환경", ["공원 화장실이 너무 더러워요", "하천 산책로에 쓰레기가 많아요"], 3),
    ("상하수도", ["수도 요금 자동이체 신청", "욕실 하수구가 자꾸 막혀요", "수도 계량기 위치가 어디예요"], 4),
    ("세금", ["재산세 분납 되나요", "자동차세 연납 신청 기간", "지방세 납부 확인서 발급"], 5),
    ("민원", ["가족관계증명서 대리 발급", "주민등록증 재발급 기간", "여권 사진 규격 문의", "전입 신고 세대주 변경"], 10),
    ("복지", ["아이 돌봄 서비스 신청", "기초연금 수급 자격", "청년 월세 지원 결과 발표", "노인 일자리 활동비 입금일"], 7),
    ("도로", ["보도블록이 울퉁불퉁해요", "자전거 도로 표시가 지워졌어요", "횡단보도 신호가 너무 짧아요", "가로수 가지가 전선에 걸렸어요"], 6),
    ("주택", ["관리비가 갑자기 올랐어요", "전세 보증 보험 문의", "공공 임대 당첨 후 서류", "집주인이 계약 갱신을 거절해요"], 7),
    ("문화", ["구립 도서관 휴관일", "생활 체육 강좌 접수", "구민 회관 대관", "봄방학 어린이 체험 프로그램"], 5),
    ("보건", ["보건소 금연 상담", "예방 접종 증명서 발급", "치매 안심 센터 위치"], 4),
    ("안전", ["공사장 앞 안전 펜스가 부서졌어요", "놀이터 바닥 매트가 찢어졌어요", "어두운 골목에 방범등 요청"], 3),
    ("경제", ["지역 화폐 가맹점 등록", "소상공인 컨설팅 신청", "임금 체불 상담 예약"], 4),
]
MARKET = ("교통", ["주말 장터 때문에 골목에 차가 못 다녀요", "장터 노점이 찻길까지 나와 있어요", "장 보러 온 차들이 이중 주차를 해요", "장터 날만 되면 버스가 못 지나가요", "주말 장 서는 날 주차 단속 좀 해 주세요"])
LUNCH_NOISE = ("주택", ["점심시간마다 집회 확성기 소리 때문에 일을 못 해요", "푸드트럭 발전기 소리가 너무 커요", "광장 공연 스피커가 점심때 쩌렁쩌렁해요", "점심시간에 앰프 틀고 노래를 불러요", "점심때 시위 방송 소리가 사무실까지 들려요"])
TAX_DEADLINE_Q = ("세금", ["지방소득세 특별징수 신고 오늘까지예요", "원천세 지방소득세 납부서 어디서 출력해요", "위택스가 너무 느려요 마감일인데", "직원 급여 지방소득세 신고 방법", "특별징수 납부 기한 넘기면 가산세 얼마예요"])
CAMPAIGN = ("안전", ["유세 차량 확성기 소리가 너무 커요", "선거 벽보가 찢어져 있어요", "아침마다 선거 로고송 때문에 시끄러워요", "선거 현수막이 신호등을 가려요", "유세차가 인도에 올라와 있어요"])
EARLY_VOTE_Q = ("민원", ["사전 투표소 어디예요", "사전 투표 때 신분증 뭐 가져가요", "주소지 아닌 데서도 사전 투표 돼요", "사전 투표 몇 시까지 해요"])
POLLING_Q = ("민원", ["제 투표소가 어디인지 모르겠어요", "투표 몇 시까지 해요", "모바일 신분증으로 투표 돼요", "투표 안내문을 못 받았어요", "투표소에 엘리베이터 있어요"])
POLLEN = ("보건", ["꽃가루 알레르기 때문에 재채기가 멈추질 않아요", "송홧가루가 베란다에 노랗게 쌓여요", "꽃가루 심한 날 알려 주는 데 있어요", "알레르기 비염 보건소 진료 되나요", "아이가 꽃가루 때문에 눈이 부었어요"])

INCIDENTS = {
    "yellowdust": {
        "phases": [  # (hours after onset, category, phrases)
            (0, "환경", ["하늘이 누렇게 변했어요 황사예요", "밖이 뿌옇게 앞이 안 보여요", "모래바람이 불어서 창틀에 흙먼지가 쌓였어요", "차에 누런 먼지가 한 겹 앉았어요", "미세먼지 수치가 말도 안 되게 높아요"]),
            (2, "보건", ["목이 칼칼하고 기침이 계속 나와요", "눈이 따가워서 못 뜨겠어요 먼지 때문인지", "천식 있는 아이가 숨쉬기 힘들어해요 먼지가 심해서", "미세먼지 때문에 머리가 아파요"]),
            (4, "복지", ["마스크 나눠 주는 곳 있어요 황사가 심해서", "경로당 어르신들 마스크 지원돼요", "미세먼지 심한데 어린이집 산책 나가도 돼요"]),
            (4, "문화", ["먼지가 이렇게 심한데 학교 야외 수업 하나요", "황사 때문에 운동회 취소됐나요", "미세먼지 때문에 야외 행사 연기했나요"]),
            (7, "도로", ["도로 물청소 차 언제 와요 먼지가 날려요", "미세먼지 저감 조치면 5등급 차 운행 못 해요", "황사 때문에 비상 저감 조치 내려졌어요"]),
        ],
        "terms": ["황사", "미세먼지", "먼지", "흙먼지", "누렇게", "누런", "뿌옇게", "모래바람", "칼칼", "기침", "따가워", "천식", "마스크", "야외", "물청소", "저감", "5등급"],
        "category": "환경",
    },
    "blossom": {
        "phases": [
            (0, "교통", ["벚꽃 보러 온 차들이 골목을 다 막았어요", "{place} 근처 주차장이 다 만차예요", "꽃구경 차 때문에 우리 집 대문 앞에 차를 댔어요", "벚꽃길 들어가는 차가 꼼짝을 안 해요", "상춘객 차들이 소화전 앞에도 대 놨어요"]),
            (3, "주택", ["{place} 벚꽃 축제 버스킹 스피커 소리가 집 안까지 들려요", "축제 무대 음악이 밤까지 쿵쿵 울려요", "벚꽃 축제 노점 호객 소리가 너무 커요"]),
            (5, "환경", ["벚꽃 축제 끝나니 길바닥이 쓰레기 천지예요", "{place} 꽃길에 돗자리랑 술병이 그대로예요", "축제 노점 기름 냄새랑 쓰레기 좀 치워 주세요"]),
        ],
        "terms": ["벚꽃", "꽃구경", "꽃길", "축제", "상춘객", "만차", "버스킹", "노점", "스피커"],
        "category": "교통",
    },
    "schoolzone": {
        "phases": [
            (0, "교통", ["초등학교 정문 앞에서 아이가 차에 치였어요", "학교 앞 횡단보도에서 사고 났어요 구급차 왔어요", "스쿨존에서 트럭이 아이를 쳤대요", "{when} 학교 앞에서 교통사고가 났어요"]),
            (1, "교통", ["그 초등학교 앞에 과속 카메라 언제 달아요", "학교 앞 과속방지턱 높여 주세요 사고 났잖아요", "어린이보호구역인데 신호등이 없어요", "학교 앞 불법 주차 때문에 아이가 안 보여서 사고 난 거래요"]),
            (2, "안전", ["사고 난 학교 앞 통학로 안전하게 바꿔 주세요", "학교 앞에 교통 지도 봉사 더 배치해 주세요", "애를 학교 보내기가 무서워요 그 사고 이후로"]),
        ],
        "terms": ["초등학교", "학교 앞", "스쿨존", "어린이보호구역", "치였", "쳤대요", "사고", "구급차", "과속", "방지턱", "통학로", "등굣길", "하굣길"],
        "category": "교통",
    },
    "subway": {
        "phases": [
            (0, "교통", ["{line} 열차가 이십 분째 안 와요", "{line} 멈췄어요 안내 방송도 없어요", "승강장에 사람이 꽉 차서 위험해요 열차가 안 와요", "지하철이 터널에서 서 버렸어요", "{line} 운행 중단이래요 왜 그래요"]),
            (0.5, "민원", ["지하철 지연 증명서 어디서 떼요", "{line} 지연 때문에 지각했는데 증명서 나와요", "회사에 낼 지연 확인서 발급 방법"]),
            (1, "교통", ["{line} 대체 버스는 어디서 타요", "지하철 언제 복구돼요 출근을 못 하고 있어요", "{line} 사고 때문에 택시 탔는데 환불 돼요", "역에서 무정차 통과한대요 몇 시까지요"]),
        ],
        "terms": ["지하철", "열차", "승강장", "운행", "중단", "멈췄", "지연", "증명서", "확인서", "대체 버스", "복구", "무정차", "호선"],
        "category": "교통",
    },
    "underpass": {
        "phases": [
            (0, "도로", ["지하차도에 물이 차서 차가 못 지나가요", "지하차도 안에 차가 물에 잠겼어요", "폭우에 지하차도 통제 안 해요?", "지하차도 입구까지 흙탕물이 찼어요"]),
            (1, "상하수도", ["맨홀 뚜껑이 들썩이고 물이 역류해요", "빗물받이가 막혀서 도로가 물바다예요", "하수구에서 물이 솟구쳐요 폭우 때문에", "사거리가 빗물에 잠겼어요"]),
            (2, "주택", ["반지하 집에 빗물이 들어와요", "지하 주차장에 물이 차기 시작했어요 양수기 빌릴 수 있어요", "모래주머니 어디서 받아요 물이 넘쳐 와요"]),
        ],
        "terms": ["지하차도", "잠겼", "폭우", "흙탕물", "맨홀", "역류", "빗물", "빗물받이", "물바다", "하수구", "반지하", "양수기", "모래주머니", "물이 차"],
        "category": "도로",
    },
    "gassmell": {
        "phases": [(0, "안전", ["골목에서 가스 냄새가 진동해요", "썩은 계란 냄새 같은 게 온 동네에 퍼졌어요", "매캐한 냄새 때문에 창문을 못 열겠어요", "유황 냄새 비슷한 게 나요 어디서 새는 거죠", "화학약품 냄새가 나서 머리가 띵해요", "도시가스 새는 것 같아요 냄새가 심해요", "이상한 냄새 때문에 눈이 매워요", "역한 냄새가 나서 아이들이 토할 것 같대요"])],
        "terms": ["가스", "냄새", "계란", "매캐", "유황", "화학약품", "도시가스", "역한", "머리가 띵", "눈이 매워"],
        "category": "안전",
    },
    "wildfire": {
        "phases": [(0, "안전", ["{mountain}에서 연기가 올라와요 산불 아니에요", "뒷산에 불이 났어요 불길이 보여요", "타는 냄새가 나고 재가 날려요", "산불 헬기가 계속 날아다녀요", "{mountain} 등산로 막혔어요 불 때문에", "산 밑에 사는데 대피해야 돼요"])],
        "terms": ["산불", "연기", "불길", "불이", "타는 냄새", "재가", "헬기", "등산로", "대피"],
        "category": "안전",
    },
    "signboard": {
        "phases": [(0, "안전", ["바람에 상가 간판이 덜렁거려요 떨어질 것 같아요", "강풍에 현수막이 날아와서 차를 덮쳤어요", "공사장 가림막이 바람에 넘어졌어요", "간판이 인도로 떨어졌어요 사람 다칠 뻔했어요", "옥상 패널이 바람에 날아다녀요"])],
        "terms": ["간판", "강풍", "바람", "현수막", "가림막", "날아", "떨어", "패널"],
        "category": "안전",
    },
}
WEEKEND_ONLY = {"blossom"}
SCHOOLDAY_ONLY = {"schoolzone", "subway"}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inventory", choices=["test"], default="test", help="only 'test': this family is held apart")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14, choices=[14], help="the calendar (election, tax deadline, weekends) is fixed to 14 days")
    p.add_argument("--per-day", type=int, default=20000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    p.add_argument("--summary", action="store_true", help="print counts per incident and routine to stderr")
    a = p.parse_args()
    r = random.Random(a.seed * 1000003 + 4242)
    events, truth, tally = [], [], Counter()
    short = {d: d[:-1] for d in DISTRICTS if len(d) > 2}

    poisson = partial(draw_poisson, r)

    def roughen(text):
        if r.random() < 0.04:
            words = text.split(" ")
            if len(words) > 2:
                words.insert(r.randrange(1, len(words)), r.choice(["어", "그", "어 그"]))
                text = " ".join(words)
        if r.random() < 0.03:
            for a_, b_ in (("돼요", "되요"), ("되나요", "돼나요"), ("에서", "애서"), ("해요", "해여"), ("있어요", "있어여")):
                if a_ in text:
                    text = text.replace(a_, b_, 1)
                    break
        if r.random() < 0.05:
            text += r.choice(["ㅠㅠ", "??", "~", " ㅠ", "!!"])
        if r.random() < 0.12:
            text = text.replace(" ", "")
        return text

    def say(phrase, fill, place):
        # incident phrases name their own place; only everyday and routine contacts get a generic one
        return roughen((r.choice(FILLERS) + (r.choice(PLACES) if place else "") + phrase.format(**fill) + r.choice(TAILS)).strip())

    def any_district():
        return r.choices(DISTRICTS, POPULATION)[0]

    def emit(t, category, phrases, district, tag, incident=False, fill=None):
        cat = category
        if incident and r.random() < 0.12:
            cat = r.choice(BACKGROUND)[0]
        if r.random() < 0.07:
            cat = None
        d = district
        u = r.random()
        if u < 0.04:
            d = None
        elif 0.04 <= u < 0.07 and d in short:
            d = short[d]
        elif 0.07 <= u < 0.08 and d in ROMAN:
            d = ROMAN[d]
        row = (t, say(r.choice(phrases), fill or {}, not incident), cat, d, r.choice(["phone", "phone", "phone", "phone", "chat", "kakao", "sms", "web", "app"]))
        events.append(row)
        tally[tag] += 1
        if r.random() < 0.003:
            events.append(row)

    def day_shape(d):
        day = START + dt.timedelta(days=d)
        if d == ELECTION_DAY:
            return day, POLLING_HOURS, POLLING_FACTOR
        return day, WEEKDAY_HOURS, DAY_FACTOR[day.weekday()]

    # Background in 10-minute bins; pollen, tax-deadline, campaign and voting questions ride on it as shares.
    weights = [w for _, _, w in BACKGROUND]
    for d in range(a.days):
        day, hours, factor = day_shape(d)
        pollen = 0.002 + 0.006 * d / (a.days - 1)
        tax = 0.002 if d < TAX_DEADLINE - 3 or d > TAX_DEADLINE else 0.002 + 0.0025 * (d - (TAX_DEADLINE - 3))
        campaign = 0.002 + 0.004 * d / (ELECTION_DAY - 1) if d < ELECTION_DAY else 0.0
        total = sum(hours)
        for b in range(144):
            lam = a.per_day * factor * hours[b // 6] / total / 6
            daytime = 8 <= b // 6 < 21
            for _ in range(poisson(lam)):
                t = day + dt.timedelta(minutes=10 * b + r.random() * 10)
                u = r.random()
                if u < pollen:
                    emit(t, POLLEN[0], POLLEN[1], any_district(), "routine:pollen")
                elif u < pollen + tax and 9 <= b // 6 < 18:
                    emit(t, TAX_DEADLINE_Q[0], TAX_DEADLINE_Q[1], any_district(), "routine:tax")
                elif u < pollen + tax + campaign and daytime:
                    emit(t, CAMPAIGN[0], CAMPAIGN[1], any_district(), "routine:campaign")
                else:
                    cat, phrases, _ = r.choices(BACKGROUND, weights)[0]
                    emit(t, cat, phrases, any_district(), "background")

    # Routine that must raise no alert.
    market = r.choice(["마포구", "강동구", "중랑구", "은평구", "구로구"])
    lunch = r.sample(["중구", "종로구", "영등포구", "강남구"], 2)
    for d in range(a.days):
        day, _, _ = day_shape(d)
        wd = day.weekday()
        if wd == 5:  # Saturday market 13:00-19:00
            for _ in range(r.randint(14, 24)):
                emit(day + dt.timedelta(hours=13, minutes=r.random() * 360), MARKET[0], MARKET[1], market, "routine:market")
        for where in lunch:  # lunch-hour noise 11:30-13:30 every day
            for _ in range(r.randint(4, 8) if wd >= 5 or d == ELECTION_DAY else r.randint(10, 18)):
                emit(day + dt.timedelta(hours=11, minutes=30 + r.random() * 120), LUNCH_NOISE[0], LUNCH_NOISE[1], where, "routine:lunch")
        if d == TAX_DEADLINE:  # the deadline day itself: office hours
            for _ in range(r.randint(60, 100)):
                emit(day + dt.timedelta(hours=9, minutes=r.random() * 540), TAX_DEADLINE_Q[0], TAX_DEADLINE_Q[1], any_district(), "routine:tax")
        if d in EARLY_VOTING:  # early voting 06:00-18:00
            for _ in range(r.randint(50, 90)):
                emit(day + dt.timedelta(hours=6, minutes=r.random() * 720), EARLY_VOTE_Q[0], EARLY_VOTE_Q[1], any_district(), "routine:earlyvote")
        elif EARLY_VOTING[0] - 3 <= d < EARLY_VOTING[0]:  # asked ahead, now and then
            for _ in range(r.randint(8, 20)):
                emit(day + dt.timedelta(hours=8, minutes=r.random() * 720), EARLY_VOTE_Q[0], EARLY_VOTE_Q[1], any_district(), "routine:earlyvote")
        if d == ELECTION_DAY:  # polling day 06:00-18:00, most in the morning
            for _ in range(r.randint(110, 170)):
                emit(day + dt.timedelta(hours=6, minutes=720 * r.random() ** 1.5), POLLING_Q[0], POLLING_Q[1], any_district(), "routine:polling")
        elif ELECTION_DAY - 3 <= d < ELECTION_DAY:
            for _ in range(r.randint(10, 25)):
                emit(day + dt.timedelta(hours=8, minutes=r.random() * 720), POLLING_Q[0], POLLING_Q[1], any_district(), "routine:polling")

    def record(kind, onset, times, district):
        inc = INCIDENTS[kind]
        truth.append({"type": kind, "onset": onset.isoformat(), "end": max(times).isoformat(), "district": district,
                      "category": inc["category"], "terms": inc["terms"], "size": len(times)})

    def phase_at(kind, hours_in):
        phases = [ph for ph in INCIDENTS[kind]["phases"] if ph[0] <= hours_in]
        if len(phases) > 1 and r.random() < 0.6:  # the newest wording leads, older wording lingers
            newest = max(ph[0] for ph in phases)
            phases = [ph for ph in phases if ph[0] == newest]
        _, cat, phrases = r.choice(phases)
        return cat, phrases

    def yellowdust(onset):
        size, rise, length = r.randint(300, 500), r.uniform(180, 300), r.uniform(720, 840)
        times = []
        for _ in range(size):
            # a slow rise (density growing linearly over `rise`), then a long plateau that thins out
            off = rise * math.sqrt(r.random()) if r.random() < 0.35 else rise + (length - rise) * (r.random() ** 1.3)
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("yellowdust", off / 60)
            emit(t, cat, phrases, any_district(), "incident:yellowdust", incident=True)
            times.append(t)
        record("yellowdust", onset, times, None)

    def local(kind, onset, district, size, ramp, length, fill=None):
        times = []
        for _ in range(size):
            off = ramp * math.sqrt(r.random()) if r.random() < 0.35 else ramp + (length - ramp) * r.random() ** 1.2
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, off / 60)
            emit(t, cat, phrases, district if r.random() < 0.9 else any_district(), "incident:" + kind, incident=True, fill=fill)
            times.append(t)
        record(kind, onset, times, district)

    def subway(onset):
        line = r.choice(sorted(LINES))
        served = r.sample(LINES[line], min(len(LINES[line]), r.randint(8, 11)))
        size, length = r.randint(250, 450), r.uniform(120, 180)
        times = []
        for _ in range(size):
            off = 30 * r.random() if r.random() < 0.4 else 30 + (length - 30) * r.random() ** 1.5
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("subway", off / 60)
            emit(t, cat, phrases, r.choice(served), "incident:subway", incident=True, fill={"line": line})
            times.append(t)
        record("subway", onset, times, None)

    def underpass(onset):
        first = r.choice(DISTRICTS)
        spread, frontier = [first], list(NEIGHBOURS[first])
        for _ in range(r.randint(3, 5)):
            frontier = [x for x in frontier if x not in spread]
            if not frontier:
                break
            nxt = r.choice(frontier)
            spread.append(nxt)
            frontier += NEIGHBOURS[nxt]
        joins, at_ = [], 0.0
        for _ in spread:
            joins.append(at_)
            at_ += r.uniform(20, 50)
        size, length = r.randint(150, 300), r.uniform(240, 360)
        share = [1.6] + [1.0] * (len(spread) - 1)
        times = []
        for district, j, w in zip(spread, joins, share):
            for _ in range(max(3, round(size * w / sum(share)))):
                span = max(60.0, length - j)
                off = j + (r.uniform(0, 40) if r.random() < 0.3 else span * r.random() ** 1.4)
                t = onset + dt.timedelta(minutes=off)
                cat, phrases = phase_at("underpass", (off - j) / 60)
                emit(t, cat, phrases, district, "incident:underpass", incident=True)
                times.append(t)
        record("underpass", onset, times, None)

    # Each incident on its own day: the weekend kind on a weekend day, the school-day kinds on ordinary weekdays.
    weekend = [d for d in range(1, a.days - 1) if (START + dt.timedelta(days=d)).weekday() >= 5]
    schooldays = [d for d in range(1, a.days - 1) if (START + dt.timedelta(days=d)).weekday() < 5 and d != ELECTION_DAY]
    plan, used = {}, set()
    for kind in ["blossom", "schoolzone", "subway", "yellowdust", "underpass", "gassmell", "wildfire", "signboard"]:
        pool = weekend if kind in WEEKEND_ONLY else schooldays if kind in SCHOOLDAY_ONLY else list(range(1, a.days - 1))
        plan[kind] = r.choice([d for d in pool if d not in used])
        used.add(plan[kind])
    at = lambda kind, hour, lo=0, hi=59: START + dt.timedelta(days=plan[kind], hours=hour, minutes=r.randint(lo, hi))

    yellowdust(at("yellowdust", r.choice([6, 7, 8])))
    place = r.choice(sorted(BLOSSOM))
    local("blossom", at("blossom", r.choice([11, 12, 13])), place, r.randint(80, 160), r.uniform(60, 120), r.uniform(420, 540), fill={"place": BLOSSOM[place]})
    hour = r.choice([8, 14])
    local("schoolzone", at("schoolzone", hour, 10, 50), r.choice(DISTRICTS), r.randint(30, 60), r.uniform(15, 30), r.uniform(180, 240),
          fill={"when": "등굣길에" if hour == 8 else "하굣길에"})
    subway(at("subway", 7, 30, 75))
    underpass(at("underpass", r.choice([14, 15, 16, 17, 18, 19])))
    local("gassmell", at("gassmell", r.randint(9, 21)), r.choice(DISTRICTS), r.randint(25, 55), r.uniform(10, 25), r.uniform(60, 120))
    hill = r.choice(sorted(MOUNTAINS))
    local("wildfire", at("wildfire", r.choice([13, 14, 15, 16])), hill, r.randint(30, 70), r.uniform(15, 35), r.uniform(120, 180), fill={"mountain": MOUNTAINS[hill]})
    local("signboard", at("signboard", r.randint(10, 19)), r.choice(DISTRICTS), r.randint(20, 40), r.uniform(10, 20), r.uniform(60, 120))

    write_streams(a.out, a.truth, events, truth)
    if a.summary:
        print(f"contacts {len(events)}  incidents {len(truth)}  market in {market}, lunch noise in {', '.join(lunch)}", file=sys.stderr)
        for row in sorted(truth, key=lambda x: x["onset"]):
            print(f"  {row['type']:<11} {row['onset']}  size {row['size']:>4}  district {row['district']}", file=sys.stderr)
        for tag, n in sorted(tally.items()):
            print(f"  {tag:<22} {n}", file=sys.stderr)


main()
