"""Fourth held-apart PII TEST set (issue 13, session 11), hand-written by the "sets5" engineer, who wrote none of the
earlier PII sets and did not read the masker's code, word lists or training/seed data. Nothing of the product has run
on it at commit.

Lines are written with inline marks  ⟦kind|text⟧  and converted by ../../mark_to_jsonl.py to the format of
eval/held-out/text-safety/sealed/pii-test3.jsonl: {"text", "spans": [{"start", "end", "kind"}], "group"}, where start
and end are UTF-16 code-unit offsets (C# string indexes; every character here is in the BMP, so they equal Python
indexes, but the conversion counts UTF-16 units anyway). group is "positive" for lines with spans and "lookalike" for
lines with numbers that are not personal data.

Span edges follow pii-test3 / pii-test2: tight spans around the number as said, spoken separators (다시, 에, 하고, 의,
빼기, 작대기, 하이픈) and fillers inside the number included; particles, 번/이요/예요 and district or apartment names
outside; a region word of a plate (서울, 경기, 부산) inside; an address detail is the unit (동·호, 층·호, a unit next
to a housing word), a lot number with its 동 name (and 산, 번지), or a road name with its building number (and 길);
a floor alone, a district or a road name alone is not an address.

Forms (phone speech-to-text above all): digits as Sino-Korean words (공/영/빵), digits and words mixed, spaces between
every digit, separators spoken as 다시/에/하고/의/빼기/작대기/하이픈 or none, grouped readings (삼천사백오십육),
e-mails spoken (골뱅이, 점, 닷컴, at/dot, 언더바, letters said in Hangul), plates with spaces and in words, address
details. Look-alikes: dates, amounts, case and notice numbers, bus routes, room counts, times, legal article numbers,
years, counts with units, a court case number with 가 inside, a 13-digit registered-mail number.
Run:  python3 write_pii_test4.py > pii-test4.jsonl ;  python3 write_pii_test4.py --check   (prints every span)
"""
import json, os, re, sys

POSITIVE = [
    # rrn
    "그 번호 불러 드리면요 ⟦rrn|칠삼 공사 일오 다시 일 이 삼 사 오 육 칠⟧ 이게 주민번호고요",
    "⟦rrn|8 5 0 9 2 2 1 0 4 7 7 1 3⟧ 이거 주민번호예요 확인해 주세요",
    "주민번호 ⟦rrn|육공공삼일오 빼기 이삼삼사사오오⟧ 로 조회해 주세요",
    "우리 엄마 주민등록번호 ⟦rrn|오이 일일 이팔 하이픈 이공이일삼사오⟧ 예요",
    "주민 번호 불러 드릴게요 ⟦rrn|9 2 0 4 1 7 에 2 8 8 1 0 3 4⟧",
    "⟦rrn|공일 공삼 이칠 다시 삼 공 사 사 육 칠 팔⟧ 이게 제 아들 번호고요 2001년생이에요",
    "주민번호는 ⟦rrn|78 공 6 일이 다시 1 구 구 8 칠 칠 2⟧ 입니다",
    "외국인등록번호 ⟦rrn|구삼 일이 이공 작대기 육 일 일 이 삼 사 오⟧ 이고 네팔 사람이에요",
    "앞자리는 ⟦rrn|육칠 공팔 일오⟧ 이고요 뒷자리는 ⟦rrn|이 일 사 사 칠 칠 공⟧ 이에요",
    "제 주민번호 ⟦rrn|8903152345678⟧ 로 가입돼 있을 거예요",
    "⟦rrn|구일 일일 삼공 의 일 공 팔 팔 육 오 사⟧ 그 번호로 조회해 보세요",
    "내 주민번호가 ⟦rrn|삼팔 공칠 일공 다시 이공육칠팔일오⟧ 이여",
    "저 고딩인데요 주민번호 ⟦rrn|공팔 공구 이오 사 공 일 삼 이 이 칠⟧ 이에요",
    "남편은 ⟦rrn|710505-1234560⟧ 이고 저는 ⟦rrn|칠사 일이 공일 다시 이 오 오 오 일 일 일⟧ 이에요",
    "주민번호 뒷자리 ⟦rrn|일 팔 이 공 공 일 삼⟧ 요",
    "생년월일 말고 주민번호 전체요 ⟦rrn|육오 공일 공일 하이픈 일공일일일일일⟧",
    # phone
    "제 폰 번호 ⟦phone|공일공 다시 사삼이일 다시 팔팔칠육⟧ 이요",
    "⟦phone|0 1 0 7 7 2 4 3 1 5 9⟧ 로 문자 주세요",
    "집 전화는 ⟦phone|공이 에 삼사오 에 육칠팔구⟧ 예요",
    "⟦phone|010 하고 2345 하고 9988⟧ 이 제 번호예요",
    "핸드폰 ⟦phone|공일공의 팔칠육오의 사삼이일⟧ 로 연락 주세요",
    "⟦phone|영일영 빼기 구팔 칠육 빼기 오사 삼이⟧ 요",
    "연락처는 ⟦phone|010-5782-3301⟧ 이고 낮에는 안 받아요",
    "⟦phone|01064829173⟧ 으로 전화 주세요",
    "사무실 번호 ⟦phone|공삼일 작대기 칠공칠 작대기 일이삼사⟧ 예요 경기도라서요",
    "⟦phone|공일공 이이 삼삼 오오 칠칠⟧ 요 두 개씩 똑같아요",
    "어 번호가 ⟦phone|공일공 에 어 육육이팔 에 공구공일⟧ 이요",
    "⟦phone|010 사오 6 칠 다시 1 이 3 사⟧ 로 주세요",
    "인터넷 전화라 ⟦phone|공칠공 다시 팔팔팔팔 다시 일이일이⟧ 예요",
    "⟦phone|+82 10 3344 5566⟧ 로 카톡 주세요 외국 유심이에요",
    "제 번호 ⟦phone|공일공 일일일이 삼삼삼사⟧ 고 남편 번호 ⟦phone|공일공 구구구팔 칠칠칠육⟧ 이에요",
    "⟦phone|공일공 삼천사백오십육 칠천팔백구십⟧ 번으로 주세요",
    "⟦phone|공 일 공 하이픈 삼 일 사 일 하이픈 오 구 이 육⟧",
    "우리 아들 번호가 ⟦phone|공일공 사팔사팔 이공이공⟧ 인디 거기로 연락 줘",
    "my phone ⟦phone|010 9 3 8 2 5 1 6 4⟧ 예요",
    "⟦phone|공이 다시 이이칠 다시 삼오오사⟧ 로 전화 주세요 팩스 말고요",
    # card (Luhn-valid numbers)
    "카드 번호 ⟦card|사일사일 팔삼공공 오공육구 칠공오삼⟧ 이요",
    "⟦card|5 8 0 3 5 2 6 4 6 5 4 3 6 4 2 8⟧ 카드 분실 신고하려고요",
    "신용카드 ⟦card|9231 다시 3209 다시 0943 다시 3041⟧ 로 결제됐는데 취소해 주세요",
    "체크카드 번호 ⟦card|삼팔구구 이오칠오 공칠삼사 육이칠이⟧ 예요",
    "카드 ⟦card|4427-8776-5953-7714⟧ 이걸로 자동이체 걸려 있어요",
    "⟦card|오육삼사 하고 구육칠일 하고 칠팔칠칠 하고 삼이공구⟧ 이 카드로 재산세 냈어요",
    "카드 번호 ⟦card|9612427394402834⟧ 맞는지 봐 주세요",
    "법인카드 ⟦card|육일오구 이이칠이 삼칠사삼 육칠삼삼⟧ 이요",
    # account
    "환불은 신한은행 ⟦account|일일공 사오육 칠팔구공일이⟧ 로 해 주세요",
    "국민 ⟦account|구삼이 다시 공일 다시 공사오육칠팔⟧ 계좌로 입금해 주세요",
    "계좌번호 ⟦account|1 0 0 2 0 3 3 4 5 6 7 8 9⟧ 우리은행이요",
    "농협 ⟦account|삼오일 빼기 일이삼사 빼기 오육칠팔 빼기 구공⟧ 예금주 김말순",
    "기업은행 ⟦account|010-123456-01-011⟧ 로 보내 주세요",
    "하나은행 ⟦account|이칠사 구일공이삼사 오육칠⟧ 으로 환불 부탁해요",
    "토스뱅크 ⟦account|1000 1234 5678⟧ 으로 지원금 들어오나요",
    "새마을금고 계좌 ⟦account|구공공삼 공일 이삼사오육칠 팔⟧ 이요",
    # email
    "답장은 ⟦email|kimys 골뱅이 naver 점 com⟧ 으로 주시면 돼요",
    "⟦email|jiwoo.park 골뱅이 gmail 닷컴⟧ 으로 보내 주세요",
    "메일 주소 ⟦email|seoul2030 at daum dot net⟧ 이에요",
    "⟦email|h-lee@kakao.com⟧ 으로 답변 주세요",
    "⟦email|minji 언더바 99 골뱅이 hanmail 점 넷⟧ 이요",
    "제 메일 ⟦email|엔 구 구 골뱅이 네이버 닷컴⟧ 이요",
    "⟦email|nguyen.thi.mai@gmail.com⟧ 이요 베트남 이름이에요",
    "이메일 ⟦email|abc 일이삼 골뱅이 naver 점 컴⟧ 으로 보내 주세요",
    # vehicle plate
    "⟦vehicle_plate|12 가 3456⟧ 차가 소화전 앞에 서 있어요",
    "⟦vehicle_plate|서울 31 바 7242⟧ 택시가 승차거부 했어요",
    "차 번호 ⟦vehicle_plate|157 더 2 4 8 9⟧ 흰색 그랜저요",
    "⟦vehicle_plate|삼십팔 고 칠칠일이⟧ 이 차가 밤마다 골목을 막아요",
    "⟦vehicle_plate|이백삼십사 허 오오육칠⟧ 렌트카요 반납을 안 했대요",
    "⟦vehicle_plate|경기 52 사 1 1 0 4⟧ 트럭이 인도에 올라와 있어요",
    "번호판이 ⟦vehicle_plate|육팔 모 이이삼삼⟧ 이었던 것 같아요",
    "⟦vehicle_plate|101 저 9 9 2 0⟧ 검정 승용차예요",
    "⟦vehicle_plate|부산 팔팔 자 칠이칠이⟧ 화물차가 새벽마다 시동을 켜 놔요",
    "⟦vehicle_plate|19 구 6 6 0 1⟧ 제 차인데 견인됐나요",
    "⟦vehicle_plate|235러7788⟧ 검정 SUV가 장애인 구역에 대 놨어요",
    "⟦vehicle_plate|사십오 나 일이공공⟧ 하고 ⟦vehicle_plate|사십오 나 일이공일⟧ 두 대가 같은 회사 차예요",
    # address
    "래미안 ⟦address|103동 702호⟧ 사는 사람인데 주차장 누수 때문에요",
    "⟦address|백십이동 천삼백사호⟧ 예요 현관 비번은 안 알려 드려요",
    "⟦address|일 공 팔 동 오 공 이 호⟧ 요",
    "상가 ⟦address|2층 205호⟧ 미용실인데 간판 허가 문의요",
    "⟦address|지하 2층 B207호⟧ 노래방 환풍기 소리가 너무 커요",
    "⟦address|봉천동 1521-3번지⟧ 반지하 사는데 곰팡이가 심해요",
    "⟦address|수유동 산 127번지⟧ 비탈길 계단 난간이 부서졌어요",
    "주소가 ⟦address|망원로 팔길 이십삼⟧ 이에요",
    "⟦address|동일로 243길 17⟧ 앞 하수구가 막혔어요",
    "⟦address|신림로 59길 14-2⟧ 이층이요",
    "⟦address|도곡로 18길 7⟧ 다세대 ⟦address|301호⟧ 로 보내 주세요",
    "한빛아파트 5단지 ⟦address|503동 1101호⟧ 인데요 엘리베이터가 멈췄어요",
    "⟦address|상계동 1234-5⟧ 앞 가로등이 나갔어요",
    "오피스텔 ⟦address|천오백삼호⟧ 인데 관리비가 너무 나와요",
    "⟦address|나동 삼공일호⟧ 빌라요 지붕에서 물이 새요",
    "⟦address|성북로 4길 52-11⟧ 골목에 쓰레기가 쌓여요",
    "⟦address|장위동 육십팔 다시 이십구 번지⟧ 예요",
    "어 주소가 중랑구 ⟦address|면목로 삼백이십⟧ 이고요 ⟦address|칠동 천이백일호⟧ 요",
    "⟦address|5층 501호⟧ 사무실로 등기 보내 주세요",
    "⟦address|마곡중앙로 161-8⟧ 더랜드파크 ⟦address|B동 1204호⟧ 예요",
    # several kinds in one turn
    "이름 박정숙 전화 ⟦phone|공일공 칠팔 구공 일이 삼사⟧ 주소 ⟦address|응암로 12길 5⟧ ⟦address|202호⟧ 요",
    "차는 ⟦vehicle_plate|52 조 4 4 8 8⟧ 이고 제 번호는 ⟦phone|공일공 하고 팔팔이이 하고 사사육육⟧ 이에요",
    "환불 계좌 카카오뱅크 ⟦account|3333 07 1234567⟧ 이고 메일은 ⟦email|yuna 골뱅이 naver 점 com⟧ 으로 주세요",
    "주민번호 ⟦rrn|팔칠 공일 일이 다시 일공이삼사오육⟧ 이고 주소는 ⟦address|역삼동 736-12⟧ 예요",
    "어 그러니까 제가 어제 전화를 했는데 어 다시 연락 준다고 해 놓고 안 줘서요 제 번호 ⟦phone|공일공 오삼 이일 칠칠 팔팔⟧ 이거 맞게 적혀 있는지 봐 주실래요 아 그리고 주소도 바뀌었어요",
]

LOOKALIKE = [
    "민원 접수 번호가 이공이육 다시 공공팔팔칠 이에요",
    "도로교통법 제32조 위반이라는데 무슨 내용이에요",
    "지방세기본법 제 오십오 조 일 항에 따른 가산세래요",
    "칠백사십 번 버스 막차가 몇 시예요",
    "마을버스 종로 공팔 번 노선 바뀌었어요?",
    "방 세 개 화장실 두 개짜리 임대 주택 있어요",
    "전용 면적 팔십사 제곱미터 이하만 신청돼요?",
    "보증금 오천만 원에 월세 사십만 원이면 지원 대상이에요?",
    "과태료 32,000원 나왔는데 감경되면 얼마예요",
    "2025년 7월 16일에 낸 재산세 영수증 다시 받고 싶어요",
    "이천이십육 년 십이 월 삼십일 일까지 신청이죠?",
    "오전 아홉 시 삼십 분부터 여섯 시까지 하나요",
    "23:40 에 마지막 지하철 지나가요?",
    "사건 번호 2026가단123456 이 저희 전세 소송인데요",
    "공고 제2026-1234호 청년 월세 모집 공고 보고 연락드려요",
    "시행규칙 별표 2 제3호 나목에 해당한다는데 무슨 말이에요",
    "우리 아파트가 1998년에 지어서 15층짜리 3개 동이에요",
    "몸무게 칠십팔 점 오 킬로 혈압 백삼십에 팔십이에요",
    "택시비가 만 이천삼백 원 나왔는데 평소엔 팔천 원이에요",
    "4호선 사당역 14번 출구 앞이요",
    "냉장고 시리얼 번호 4 4 7 2 0 9 1 8 3 적어야 수거돼요?",
    "모델명 FX-2041-KR 에어컨 버리려고요",
    "새 우편번호 다섯 자리 0 3 1 5 4 로 쓰면 되죠?",
    "대기 인원 백칠십삼 명이래요",
    "2호기 엘리베이터 8층에서 멈췄어요",
    "1,234,500원 체납이라는데 나눠 내도 돼요",
    "계단이 백이십팔 개라 할머니가 못 올라가세요",
    "주민세 6,250원 맞아요?",
    "열 시 십오 분 차를 놓쳤어요",
    "등기 번호 6 0 7 1 2 3 4 5 6 7 8 9 0 으로 조회가 안 돼요",
    "2026. 12. 7. 14:30 방문 예약했어요",
    "연 3.5% 금리로 최대 7,000만 원까지래요",
    "정류장 번호 1 2 3 4 5 가 안내판에 안 보여요",
    "교통카드 잔액이 삼천사백 원 남았어요",
    "차량 연식 이천십구 년 배기량 천육백 씨씨예요",
    "공영주차장 B2 구역 37번 자리에 대 놨어요",
    "카드 포인트 삼만 이천 점 있는데 세금 낼 수 있어요",
    "주택 3채 보유하면 재산세 얼마나 나와요",
    "2,000cc 차랑 1,600cc 차 자동차세 차이가 얼마예요",
    "일 더하기 일은 이 아니냐고 애가 물어서요 수학 교실 어디 있어요",
    "아이가 2019년 3월생인데 아동수당 받아요",
    "백 미터 앞 사거리에서 좌회전이요",
    "소화전 표지판 27-3호 앞에 차가 서 있어요",
    "102번 203번 304번 버스가 다 안 와요",
    "한 달에 삼사만 원 정도 나오던 물세가 십이만 원이에요",
    "제 2 차 모집은 3 월 2 일부터래요",
    "만 65세 이상 어르신 12명이 단체로 가요",
    "오늘 기온이 영하 이십일 도래요",
    "3 대 2 로 이겼어요 구민 체육대회 결과 어디서 봐요",
    "순번 대기표 0 4 7 번인데요",
]

# The conversion is eval/held-out/mark_to_jsonl.py's (UTF-16 offsets), with this file's marks.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from mark_to_jsonl import convert  # noqa: E402

MARK = re.compile(r"⟦([a-z_]+)\|([^⟧]+)⟧")

rows = []
for line in POSITIVE:
    row = convert(line, MARK)
    assert row["spans"] and "⟦" not in row["text"] and "⟧" not in row["text"], line
    rows.append(row)
for line in LOOKALIKE:
    assert "⟦" not in line
    rows.append(convert(line, MARK))

if "--check" in sys.argv:
    for r in rows:
        units = r["text"].encode("utf-16-le")
        for s in r["spans"]:
            said = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            print(f"{s['kind']:<14}{s['start']:>4}{s['end']:>4}  [{said}]")
else:
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
