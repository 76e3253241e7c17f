"""A sixth held-apart family of issue-detection scenarios (issue 13, session 13), written by the "sets6" engineer, who
wrote none of scenarios.py, scenarios_spread.py or scenarios_family3-5.py and did not read the detector's code. Its
phrasing lists, calendar, incident kinds, shapes and seeds are its own. Committed before anything of the product ran
on it: measure it once, at the end, and never tune on it.

  python3 eval/issues/scenarios_family6.py --inventory test --seed 1 --out s.jsonl --truth t.jsonl
  ./minwon issues replay s.jsonl > a.jsonl && ./minwon issues score a.jsonl t.jsonl --days 14

Output: the format of the other families. s.jsonl holds one contact per line
{"time","text","category","district","channel"} (ISO 8601 time with +09:00, sorted); t.jsonl holds one incident per
line {"type","onset","end","district","category","terms","size"} (district null for an incident over several
districts; `end` is the time of its last contact; `terms` are the stems an alert must share with it).
`--inventory test` is the only inventory; seeds 1 and 2 are the ones to report. `--summary` prints counts per incident
and per routine to stderr (a format self-check; it runs nothing of the product).

Shape (chosen to differ from the other families):
- time: a late-autumn fortnight from TUESDAY 2027-11-09 to Monday 2027-11-22 (the others start on a Monday, Thursday,
  Saturday or Wednesday, in winter, spring, summer or early October). Thursday 11-18 is the college entrance exam
  (수능) day. Contacts arrive in 2-minute bins under an hourly profile interpolated between hours (no steps at the
  hour): a weekday that rises from 08:00 to a 10:00 peak, dips at lunch, peaks again at 15:00-16:00 and has a heating
  shoulder at 19:00-21:00; Saturday 0.6, Sunday 0.48, Monday 1.1 of a weekday.
- wording: this author's phrases, roughened in its own ways: 6 % an old caller's opener (여보세요, 아이고, 거기 시청이지요,
  말 좀 물읍시다), 5 % a formal ending (-합니다, -습니다), 4 % 요 typed as 여/용, 4 % the first word said twice, 5 %
  a trailing ~, ..., !! or ?, 6 % spaces dropped after the second word, 2 % a Konglish tail (plz, asap);
- records: 5 % without category, 11 % of incident contacts under another category, 4 % without district, 3 % with
  "서울 " before it, 2 % with the short name (마포), 0.5 % duplicated lines;
- incidents (8 per stream, each on its own day, none on exam day; weekday-only kinds on weekdays):
  * blackice    - black ice after freezing drizzle on a weekday morning that GROWS SLOWLY from the northern hillside
                  districts southwards: from 04:30-05:30 in 2 districts, one more every 12-30 minutes until 11-16 take
                  part, each district's contacts rising over its hours; 250-420 contacts over 6-8 hours; wording from
                  slippery roads to falls and fractures, cars sliding and buses stuck on hills, empty grit boxes, then
                  complaints that nobody gritted; no district;
  * alertmisfire - a CITY-WIDE mistaken emergency alert at 06:00-07:30 whose WORDING CHANGES with the hours (경계경보
                  and 대피 -> 대피소 and 지하철역 -> 오발령 and 정정 문자 -> can children go to school -> who sent it ->
                  how to turn alerts off), 30 % in the first 20 minutes, 300-500 contacts over 8-10 hours, all 25
                  districts; no district;
  * govoutage   - a CITY-WIDE outage of the government online service and the civil-document kiosks from 08:40-09:30 on
                  a weekday: 300-500 contacts over 6-9 hours, from "정부24 is down" to offices unable to print,
                  deadlines for documents, and when it comes back; no district;
  * districtheat - a district-heating pipe rupture on a cold evening (18:00-21:00) in one district: steam and hot water
                  on the road, then flats without heating or hot water, a cold night for old people, restoration;
                  90-160 contacts over 8-11 hours, some from neighbours;
  * aptfire     - a fire in a high-rise flat in one district in the evening: smoke and fire engines, the smell and soot
                  in the next blocks, then where the evacuated families sleep; 40-90 contacts over 3-5 hours;
  * smishing    - text messages pretending to be the district office (an unpaid fine with a link) sent to one
                  district's residents on a weekday: "is this real", then an app installed, then money gone; 50-100
                  contacts over 5-7 hours;
  * crane       - a tower crane leaning over a building site in one district on a weekday: the crane, roads closed
                  and people moved out, then "is it safe"; 25-50 contacts over 2-3 hours;
  * boar        - wild boars coming down into the alleys of a hillside district in the evening: sightings, rubbish
                  torn open, police and hunters; 25-50 contacts over 2-4 hours, some from a neighbour;
- routine that must raise no alert:
  * exam day: questions about the college entrance exam (traffic near schools, flights and noise, lost exam tickets,
    lifts to the school) over all districts, 20-40, 30-60 and 60-100 on the three days before and 150-250 on exam day
    from 06:00 (most before 09:00);
  * ginkgo smell: every morning 07:00-11:00 one district gets 6-14 complaints about crushed ginkgo fruit on the
    pavements (3-7 at weekends);
  * kimjang weekends: both weekends 10:00-20:00, 60-110 questions a day over all districts about throwing away cabbage
    leaves, salt water and radish tops, and the collection days;
  * heating season: every evening 18:00-23:00 heating questions over all districts (boiler checks, energy vouchers,
    heating cost support) that grow slowly from about 10 to about 60 a night over the fortnight.
"""
import argparse, datetime as dt, math, random, sys
from collections import Counter
from functools import partial
from scenario_common import phase_at as draw_phase, poisson as draw_poisson, record as record_truth, write_streams

KST = dt.timezone(dt.timedelta(hours=9))
DISTRICTS = ["종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구", "서대문구",
             "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구"]
# This author's weights (residents and callers, roughly), not the other families'.
WEIGHT = [1.4, 1.2, 2.1, 2.8, 3.3, 3.4, 3.8, 4.2, 3.0, 3.2, 4.9, 4.6, 3.0, 3.6, 4.3, 5.5, 3.9, 2.3, 3.8, 3.8, 4.8, 4.0, 5.2, 6.4, 4.5]
# North to south (latitude, roughly) for the black ice.
NORTH_TO_SOUTH = ["도봉구", "노원구", "강북구", "은평구", "성북구", "중랑구", "종로구", "서대문구", "동대문구", "광진구", "강동구", "성동구",
                  "중구", "마포구", "용산구", "강서구", "양천구", "영등포구", "송파구", "동작구", "강남구", "구로구", "서초구", "관악구", "금천구"]
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
HILLSIDE = ["은평구", "종로구", "성북구", "강북구", "도봉구", "서대문구", "관악구"]
GINKGO = ["종로구", "중구", "서초구", "송파구", "동작구", "성동구"]

# Relative volume at each hour (interpolated between hours), this author's late-autumn profile.
WEEKDAY_HOURS = [0.3, 0.18, 0.1, 0.08, 0.08, 0.1, 0.25, 0.6, 1.5, 2.5, 2.9, 2.6, 1.9, 2.4, 2.8, 3.0, 2.9, 2.4, 1.9, 1.7, 1.7, 1.5, 1.0, 0.55]
WEEKEND_HOURS = [0.45, 0.3, 0.18, 0.1, 0.08, 0.08, 0.15, 0.35, 0.8, 1.4, 1.8, 1.9, 1.7, 1.9, 2.0, 1.9, 1.8, 1.6, 1.5, 1.5, 1.4, 1.3, 1.0, 0.7]
DAY_FACTOR = [1.1, 1.0, 1.0, 1.0, 0.96, 0.6, 0.48]  # Monday..Sunday
START = dt.datetime(2027, 11, 9, 0, 0, tzinfo=KST)  # Tuesday
EXAM_DAY = 9  # Thursday 11-18
BIN = 2  # minutes

OPENERS = ["", "", "", "", "", "", "수고하십니다 ", "하나 여쭤볼게요 ", "제가 궁금한 게 ", "다름 아니고요 ", "급한 건 아닌데 ", "혹시요 "]
CLOSERS = ["", "", "", "", "", " 어디로 연락해요", " 처리 좀 해 주세요", " 확인 좀 해 주실래요", " 방법 있어요", " 누가 와 봐요", " 답 좀 주세요"]
CHANNELS = ["phone", "phone", "phone", "phone", "chat", "kakao", "sms", "web", "app"]

# Everyday contacts (category, phrases, weight), written for this family.
EVERYDAY = [
    ("교통", ["마을버스가 시간표보다 일찍 지나가요", "지하철역 에스컬레이터가 멈춰 있어요", "택시 정류장에 차가 한 대도 없어요", "버스 정류장 안내 화면이 꺼졌어요"], 8),
    ("교통", ["과태료 고지서 금액이 맞는지 확인", "견인된 차 보관소 위치 문의", "공영 주차장 야간 정기권", "거주자 주차 구획 양도 되나요"], 5),
    ("환경", ["재활용 내놓는 요일이 바뀌었나요", "낙엽 담는 마대 어디서 받아요", "헌 가구 버리는 스티커 문의", "음식물 쓰레기 통 뚜껑이 부서졌어요"], 9),
    ("환경", ["공원 낙엽이 배수구를 막았어요", "하천 산책로에 쓰레기가 많아요", "동네 길고양이 급식소 민원"], 4),
    ("상하수도", ["수도 요금 자동 이체 변경", "욕실 배수구에서 냄새가 올라와요", "계량기 보온재 나눠 주는 곳"], 4),
    ("세금", ["자동차세 연납 신청 기간", "지방세 납부 확인서 발급", "재산세 환급 통지 문의"], 4),
    ("민원", ["주민등록 등본 발급 수수료", "여권 재발급 사진 규격", "인감 증명서 대리 발급", "전입 신고 온라인으로 되나요"], 10),
    ("복지", ["기초 연금 신청 서류", "노인 일자리 내년 모집 일정", "장애인 콜택시 대기 시간", "아동 수당 계좌 변경"], 7),
    ("도로", ["보도 블록이 들떠서 걸려 넘어질 뻔했어요", "가로등이 깜빡거려요", "도로 차선이 안 보여요", "맨홀 뚜껑이 덜컹거려요"], 6),
    ("주택", ["윗집 발망치 소리 상담", "임대 아파트 입주 자격", "전세 계약 확정 일자 문의", "관리비에 난방비가 이상하게 나왔어요"], 7),
    ("문화", ["구민 체육관 배드민턴 예약", "도서관 책 반납 연체", "가을 축제 주차 문의", "시립 미술관 단체 관람"], 6),
    ("보건", ["독감 예방 접종 무료 대상", "보건소 금연 클리닉 예약", "야간에 문 여는 소아과"], 4),
    ("안전", ["놀이터 그네 줄이 끊어졌어요", "공사장 안전 펜스가 넘어져 있어요", "어두운 골목 방범등 설치 요청"], 3),
    ("경제", ["서울사랑상품권 환불", "소상공인 운영 자금 상담", "밀린 알바비 상담"], 4),
]
EXAM_Q = ("민원", ["수능 날 시험장 앞 교통 통제 몇 시부터예요", "수능 듣기 평가 시간에 비행기 안 뜨죠", "수험표를 잃어버렸는데 어디서 다시 받아요",
                   "수능 날 아침 수험생 태워 주는 차 있어요", "수능 날 출근 시간 늦춰지나요", "시험장 근처 공사 소음 그날 멈추나요", "수능 날 지하철 증편해요"])
GINKGO_Q = ("환경", ["은행 열매 냄새 때문에 길을 못 다니겠어요", "인도에 은행이 다 터져서 신발에 묻어요", "은행나무 열매 언제 털어 가요",
                     "가로수 은행 냄새 좀 어떻게 해 주세요", "은행 밟혀서 길이 미끄럽고 냄새나요"])
KIMJANG_Q = ("환경", ["김장하고 남은 배추 겉잎 어떻게 버려요", "절임 배추 소금물 하수구에 버려도 돼요", "무청이랑 배추 뿌리는 음식물이에요",
                      "김장 쓰레기 많이 나오는데 큰 봉투 따로 있어요", "김장철 음식물 수거 요일 바뀌나요", "고춧가루 포대 재활용 돼요"])
HEAT_Q = ("복지", ["보일러 무료 점검 신청", "에너지 바우처 신청 기간", "난방비 지원 대상이 어떻게 돼요", "도시가스 요금 감면 신청", "연탄 지원 받을 수 있어요",
                   "어르신 댁 보일러 교체 지원 있어요"])

INCIDENTS = {
    "blackice": {
        "phases": [
            (0, "도로", ["길이 온통 빙판이에요 한 발짝도 못 걷겠어요", "아침에 보니 도로가 유리처럼 얼었어요", "블랙아이스 때문에 차가 미끄러져요", "골목이 꽁꽁 얼어서 미끄러워요"]),
            (1.5, "보건", ["출근하다 얼음에 넘어져서 손목이 부러진 것 같아요", "할머니가 빙판에 미끄러져서 못 일어나세요", "아이가 등굣길에 넘어져 머리를 다쳤어요"]),
            (2.5, "교통", ["언덕길에서 차들이 미끄러져 추돌했어요", "버스가 얼음 언덕을 못 올라가서 다 내리래요", "결빙 때문에 마을버스가 운행을 안 해요"]),
            (4, "도로", ["제설함에 염화칼슘이 하나도 없어요", "모래라도 좀 뿌려 주세요 계단이 얼었어요", "염화칼슘 어디서 받아 가요"]),
            (6, "도로", ["새벽부터 얼었는데 제설차는 왜 이제 와요", "결빙 예보 있었는데 미리 안 뿌렸어요", "빙판길 사고 나면 구청이 책임져요"]),
        ],
        "terms": ["빙판", "얼었", "얼음", "블랙아이스", "미끄러", "결빙", "넘어져", "부러진", "추돌", "언덕", "제설", "염화칼슘", "모래"],
        "category": "도로",
    },
    "alertmisfire": {
        "phases": [  # each period led by its own words; older words fade
            (0, "안전", ["새벽에 경계경보 재난문자가 왔어요 무슨 일이에요", "대피하라는 문자가 왔는데 어디로 가요", "사이렌이 울리고 경보 문자가 왔어요 전쟁 난 거예요"]),
            (0.4, "안전", ["대피소가 어디예요 지하철역으로 가면 돼요", "우리 아파트 지하 주차장이 대피소 맞아요", "어르신 모시고 대피해야 하는데 어디가 가까워요"]),
            (1.0, "안전", ["오발령이라는 정정 문자 왔는데 진짜예요", "경보가 잘못 나간 거래요 확실해요", "아까 문자 취소된 거 맞죠 정정 문자 받았어요"]),
            (2.5, "민원", ["경보 때문에 오늘 애들 학교 보내도 되는 거죠", "오발령이면 출근해도 되는 거예요 회사에서 물어봐요", "새벽 사이렌에 놀라서 넘어진 어르신이 계세요"]),
            (4, "민원", ["새벽 경보 문자 누가 보낸 거예요 책임자 밝혀 주세요", "오발령으로 다들 잠 설쳤어요 사과 문자라도 보내세요", "이런 문자 또 오면 누가 믿어요"]),
            (6, "안전", ["재난 문자 수신 설정 끄는 방법 알려 주세요", "긴급 재난 문자 소리 줄이는 법", "경보 문자 안 받으려면 어떻게 해요"]),
        ],
        "terms": ["경계경보", "경보", "재난문자", "재난 문자", "문자", "대피", "대피소", "사이렌", "오발령", "정정", "잘못 나간", "수신", "전쟁"],
        "category": "안전",
    },
    "govoutage": {
        "phases": [
            (0, "민원", ["정부24 접속이 안 돼요", "무인 민원 발급기가 먹통이에요", "인터넷으로 등본 떼려는데 사이트가 안 열려요"]),
            (1, "민원", ["주민센터 전산이 다운돼서 서류를 못 뗀대요", "주민센터 갔는데 시스템 장애라 기다리래요", "구청 민원실 전산이 안 된대요"]),
            (3, "민원", ["오늘까지 등본 내야 하는데 어떡해요", "전산 장애 때문에 서류 못 냈다는 확인서 받을 수 있어요", "은행 대출 서류 오늘 마감인데 전산이 안 돼서 못 떼요"]),
            (5, "민원", ["정부24 언제 복구돼요", "전산 장애 복구됐어요 지금 가도 돼요", "수기로라도 발급해 줄 수 없어요"]),
        ],
        "terms": ["정부24", "접속", "먹통", "발급기", "전산", "다운", "시스템", "등본", "복구", "수기", "사이트"],
        "category": "민원",
    },
    "districtheat": {
        "phases": [
            (0, "상하수도", ["도로 맨홀에서 하얀 김이 펄펄 솟아요", "길바닥에서 뜨거운 물이 콸콸 흘러요", "땅에서 수증기가 뿜어져 나와서 앞이 안 보여요"]),
            (0.5, "주택", ["갑자기 난방이 끊겼어요 라디에이터가 차가워요", "온수가 안 나와요 관리실도 모른대요", "지역 난방 끊겼다는데 언제 들어와요"]),
            (3, "복지", ["난방이 안 돼서 아기가 추워해요 어디 가 있을 데 있어요", "혼자 사는 어머니 집이 냉골이에요", "난방 끊긴 집에 전기장판이라도 나눠 주는 데 있어요"]),
            (5, "주택", ["열 수송관 복구 언제 끝나요", "온수 다시 나오는데 녹물이 섞여 나와요", "밤새 난방 끊긴 거 보상 되나요"]),
        ],
        "terms": ["김이", "뜨거운 물", "수증기", "난방", "라디에이터", "온수", "지역 난방", "냉골", "추워", "열 수송관", "복구", "맨홀"],
        "category": "주택",
    },
    "aptfire": {
        "phases": [
            (0, "안전", ["맞은편 아파트 고층에서 불이 났어요 연기가 시커매요", "소방차가 여러 대 와 있어요 불난 거 같아요", "아파트 창문으로 불길이 보여요"]),
            (0.3, "환경", ["옆 동인데 탄내가 집 안까지 들어와요", "베란다에 그을음이 날아와 붙었어요", "연기 때문에 창문을 못 열겠어요 괜찮은 거예요"]),
            (1.5, "복지", ["불난 집 사람들은 오늘 어디서 자요", "화재로 대피한 주민 임시 숙소 있어요", "이재민 돕고 싶은데 물품 어디로 보내요"]),
        ],
        "terms": ["불이", "불난", "화재", "연기", "소방차", "불길", "탄내", "그을음", "대피", "임시 숙소", "이재민"],
        "category": "안전",
    },
    "smishing": {
        "phases": [
            (0, "민원", ["구청이라고 과태료 미납 문자가 왔는데 진짜예요", "주정차 과태료 미납이라며 링크가 왔어요 눌러도 돼요", "구청 이름으로 온 문자 링크 수상해요"]),
            (1, "민원", ["문자 링크 눌렀더니 이상한 앱이 깔렸어요", "구청 사칭 문자 신고하려고요", "엄마가 그 문자 링크 눌렀대요 어떡해요"]),
            (2.5, "경제", ["링크 누르고 나서 통장에서 돈이 빠져나갔어요", "스미싱 피해 당했는데 경찰에 신고해야 돼요", "가짜 구청 문자 때문에 카드가 결제됐어요"]),
        ],
        "terms": ["문자", "링크", "미납", "사칭", "수상", "앱", "스미싱", "피싱", "빠져나갔", "가짜", "구청이라고"],
        "category": "민원",
    },
    "crane": {
        "phases": [
            (0, "안전", ["공사장 타워크레인이 한쪽으로 기울었어요", "크레인이 넘어질 것 같아요 삐걱 소리가 나요", "건물 짓는 데 크레인 팔이 휘었어요"]),
            (0.4, "교통", ["크레인 때문에 앞길을 다 막았어요 어디로 돌아가요", "공사장 옆 건물 사람들 대피하래요", "크레인 기울어서 버스가 우회해요"]),
            (1.2, "안전", ["크레인 넘어지면 우리 집까지 닿아요", "공사장 안전 점검 제대로 한 거예요", "기운 크레인 언제 해체해요"]),
        ],
        "terms": ["크레인", "타워크레인", "기울", "기운", "휘었", "공사장", "대피", "우회", "해체"],
        "category": "안전",
    },
    "boar": {
        "phases": [
            (0, "환경", ["골목에 멧돼지가 나타났어요 엄청 커요", "산에서 멧돼지가 내려와서 아파트 단지를 돌아다녀요", "멧돼지 두 마리가 길을 건너가요"]),
            (0.5, "환경", ["멧돼지가 쓰레기 봉투를 다 뜯어 놨어요", "텃밭을 멧돼지가 다 파헤쳤어요", "멧돼지가 주차된 차를 들이받았어요"]),
            (1.5, "안전", ["애들이 무서워서 밖에 못 나가요 멧돼지 잡았어요", "경찰이랑 엽사 왔어요 포획됐나요", "멧돼지 또 나올까 봐 무서워요"]),
        ],
        "terms": ["멧돼지", "산돼지", "돼지", "나타났", "내려와", "파헤쳤", "뜯어", "들이받", "엽사", "포획", "잡았"],
        "category": "환경",
    },
}
WEEKDAY_ONLY = {"blackice", "govoutage", "smishing", "crane"}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inventory", choices=["test"], default="test", help="only 'test': this family is held apart")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--days", type=int, default=14, choices=[14], help="the calendar (exam day, weekends, heating season) is fixed to 14 days")
    p.add_argument("--per-day", type=int, default=18000)
    p.add_argument("--out", required=True)
    p.add_argument("--truth", required=True)
    p.add_argument("--summary", action="store_true", help="print counts per incident and routine to stderr")
    a = p.parse_args()
    r = random.Random(a.seed * 104729 + 60606)
    events, truth, tally = [], [], Counter()
    short = {d: d[:-1] for d in DISTRICTS if len(d) > 2}

    poisson = partial(draw_poisson, r)

    def roughen(text):
        if r.random() < 0.06:
            text = r.choice(["여보세요 ", "아이고 ", "거기 시청이지요 ", "말 좀 물읍시다 "]) + text
        if r.random() < 0.05:
            for a_, b_ in (("해요", "합니다"), ("있어요", "있습니다"), ("돼요", "됩니다"), ("와요", "옵니다"), ("없어요", "없습니다")):
                if text.endswith(a_):
                    text = text[: -len(a_)] + b_
                    break
        if r.random() < 0.04 and text.endswith("요"):
            text = text[:-1] + r.choice(["여", "용"])
        if r.random() < 0.04:
            first = text.split(" ")[0]
            text = first + " " + text
        if r.random() < 0.05:
            text += r.choice(["~", "...", "!!", "?", " ~~"])
        if r.random() < 0.06:
            words = text.split(" ")
            if len(words) > 3:
                text = " ".join(words[:2]) + " " + "".join(words[2:])
        if r.random() < 0.02:
            text += r.choice([" plz", " asap", " pls"])
        return text

    def any_district(weights=None):
        return r.choices(DISTRICTS, weights or WEIGHT)[0]

    def emit(t, category, phrases, district, tag, incident=False, frame=True):
        cat = category
        if incident and r.random() < 0.11:
            cat = r.choice(EVERYDAY)[0]
        if r.random() < 0.05:
            cat = None
        d = district
        u = r.random()
        if u < 0.04:
            d = None
        elif u < 0.07 and d is not None:
            d = "서울 " + d
        elif u < 0.09 and d in short:
            d = short[d]
        phrase = r.choice(phrases)
        text = (r.choice(OPENERS) + phrase + r.choice(CLOSERS)).strip() if frame else phrase
        row = (t, roughen(text), cat, d, r.choice(CHANNELS))
        events.append(row)
        tally[tag] += 1
        if r.random() < 0.005:
            events.append(row)

    def day_shape(d):
        day = START + dt.timedelta(days=d)
        wd = day.weekday()
        hours = WEEKEND_HOURS if wd >= 5 else WEEKDAY_HOURS
        return day, hours, DAY_FACTOR[wd]

    def level(hours, minute):
        """The profile at a minute of the day, interpolated between hour values (taken at each hour's middle)."""
        x = minute / 60.0 - 0.5
        i = math.floor(x)
        f = x - i
        return hours[i % 24] * (1 - f) + hours[(i + 1) % 24] * f

    # Everyday contacts in 2-minute bins.
    weights = [w for _, _, w in EVERYDAY]
    bins = 24 * 60 // BIN
    for d in range(a.days):
        day, hours, factor = day_shape(d)
        shape = [level(hours, BIN * b + BIN / 2) for b in range(bins)]
        total = sum(shape)
        for b in range(bins):
            lam = a.per_day * factor * shape[b] / total
            for _ in range(poisson(lam)):
                t = day + dt.timedelta(minutes=BIN * b + r.random() * BIN)
                cat, phrases, _ = r.choices(EVERYDAY, weights)[0]
                emit(t, cat, phrases, any_district(), "everyday")

    # Routine that must raise no alert.
    ginkgo_district = r.choice(GINKGO)
    for d in range(a.days):
        day, _, _ = day_shape(d)
        wd = day.weekday()
        # exam day and the three days before it
        n_exam = {EXAM_DAY - 3: r.randint(20, 40), EXAM_DAY - 2: r.randint(30, 60), EXAM_DAY - 1: r.randint(60, 100), EXAM_DAY: r.randint(150, 250)}.get(d, 0)
        for _ in range(n_exam):
            if d == EXAM_DAY:
                off = 360 + (180 * r.random() ** 1.5 if r.random() < 0.7 else 180 + 540 * r.random())
            else:
                off = 540 + 600 * r.random()
            emit(day + dt.timedelta(minutes=off), EXAM_Q[0], EXAM_Q[1], any_district(), "routine:exam")
        # ginkgo smell every morning in one district
        for _ in range(r.randint(3, 7) if wd >= 5 else r.randint(6, 14)):
            emit(day + dt.timedelta(hours=7, minutes=r.random() * 240), GINKGO_Q[0], GINKGO_Q[1], ginkgo_district, "routine:ginkgo")
        # kimjang weekends
        if wd >= 5:
            for _ in range(r.randint(60, 110)):
                emit(day + dt.timedelta(hours=10, minutes=r.random() * 600), KIMJANG_Q[0], KIMJANG_Q[1], any_district(), "routine:kimjang")
        # heating questions every evening, growing over the fortnight
        for _ in range(poisson(10 + 50 * d / (a.days - 1))):
            emit(day + dt.timedelta(hours=18, minutes=r.random() * 300), HEAT_Q[0], HEAT_Q[1], any_district(), "routine:heating")

    record = partial(record_truth, truth, INCIDENTS)
    phase_at = partial(draw_phase, r, INCIDENTS)

    def blackice(onset):
        n = r.randint(11, 16)
        order = NORTH_TO_SOUTH[:n]
        size, length = r.randint(250, 420), r.uniform(360, 480)
        joins, at_ = [], 0.0
        for i in range(n):
            joins.append(0.0 if i < 2 else at_)
            if i >= 1:
                at_ += r.uniform(12, 30)
        span = [max(40.0, length - j) for j in joins]
        times = []
        for _ in range(size):
            i = r.choices(range(n), span)[0]
            if r.random() < 0.07:
                off = length + min(120.0, r.expovariate(1 / 40.0))
            else:
                off = joins[i] + span[i] * r.random() ** 0.6
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at("blackice", off / 60)
            emit(t, cat, phrases, order[i], "incident:blackice", incident=True, frame=False)
            times.append(t)
        record("blackice", onset, times, None)

    def citywide(kind, onset, size, length, burst, burst_minutes, lead):
        times = []
        for _ in range(size):
            off = burst_minutes * math.sqrt(r.random()) if r.random() < burst else burst_minutes + (length - burst_minutes) * r.random() ** 1.2
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, off / 60, lead=lead)
            emit(t, cat, phrases, any_district(), "incident:" + kind, incident=True, frame=r.random() < 0.5)
            times.append(t)
        record(kind, onset, times, None)

    def local(kind, onset, district, size, first, length, near=0.0):
        times = []
        for _ in range(size):
            off = first * r.random() ** 0.7 if r.random() < 0.3 else first + (length - first) * r.random() ** 1.3
            t = onset + dt.timedelta(minutes=off)
            cat, phrases = phase_at(kind, off / 60)
            u = r.random()
            where = district if u >= near + 0.07 else r.choice(ADJACENT[district]) if u >= 0.07 else any_district()
            emit(t, cat, phrases, where, "incident:" + kind, incident=True)
            times.append(t)
        record(kind, onset, times, district)

    # Each incident on its own day, none on exam day; weekday-only kinds on weekdays.
    days = [d for d in range(1, a.days - 1) if d != EXAM_DAY]
    weekdays = [d for d in days if (START + dt.timedelta(days=d)).weekday() < 5]
    plan, used = {}, set()
    for kind in ["blackice", "govoutage", "smishing", "crane", "alertmisfire", "districtheat", "aptfire", "boar"]:
        pool = weekdays if kind in WEEKDAY_ONLY else days
        plan[kind] = r.choice([d for d in pool if d not in used])
        used.add(plan[kind])
    at = lambda kind, hour, lo=0, hi=59: START + dt.timedelta(days=plan[kind], hours=hour, minutes=r.randint(lo, hi))

    blackice(at("blackice", 4, 30, 59) if r.random() < 0.5 else at("blackice", 5, 0, 30))
    citywide("alertmisfire", at("alertmisfire", 6, 0, 59) if r.random() < 0.67 else at("alertmisfire", 7, 0, 30), r.randint(300, 500), r.uniform(480, 600), 0.3, 20, 0.85)
    citywide("govoutage", at("govoutage", 8, 40, 59) if r.random() < 0.4 else at("govoutage", 9, 0, 30),
             r.randint(300, 500), r.uniform(360, 540), 0.15, 45, 0.7)
    heat_d = r.choice(DISTRICTS)
    local("districtheat", at("districtheat", r.randint(18, 20)), heat_d, r.randint(90, 160), r.uniform(20, 40), r.uniform(480, 660), near=0.15)
    local("aptfire", at("aptfire", r.randint(19, 22)), r.choice(DISTRICTS), r.randint(40, 90), r.uniform(10, 25), r.uniform(180, 300), near=0.1)
    local("smishing", at("smishing", r.randint(10, 14)), r.choice(DISTRICTS), r.randint(50, 100), r.uniform(30, 60), r.uniform(300, 420))
    local("crane", at("crane", r.randint(9, 15)), r.choice(DISTRICTS), r.randint(25, 50), r.uniform(10, 20), r.uniform(120, 180), near=0.1)
    boar_d = r.choice(HILLSIDE)
    local("boar", at("boar", r.randint(19, 22)), boar_d, r.randint(25, 50), r.uniform(15, 30), r.uniform(120, 240), near=0.15)

    write_streams(a.out, a.truth, events, truth)
    if a.summary:
        print(f"contacts {len(events)}  incidents {len(truth)}  ginkgo smell in {ginkgo_district}", file=sys.stderr)
        for row in sorted(truth, key=lambda x: x["onset"]):
            print(f"  {row['type']:<13} {row['onset']}  size {row['size']:>4}  district {row['district']}", file=sys.stderr)
        for tag, n in sorted(tally.items()):
            print(f"  {tag:<22} {n}", file=sys.stderr)


main()
