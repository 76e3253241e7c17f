"""Sixth held-apart PII TEST set (issue 13, session 13), hand-written by the "sets6" engineer, who wrote none of the
earlier PII sets and did not read the masker's code, word lists or training/seed data. Nothing of the product has run
on it at commit.

Lines are written with inline marks  ⟦kind|text⟧  and converted by ../../mark_to_jsonl.py to the format of sealed5's
pii-test4.jsonl: {"text", "spans": [{"start", "end", "kind"}], "group"}, where start and end are UTF-16 code-unit
offsets (C# string indexes; every character here is in the BMP, so they equal Python indexes, but the conversion
counts UTF-16 units anyway). group is "positive" for lines with spans and "lookalike" for lines with numbers that are
not personal data.

Span edges follow pii-test4 / pii-test3: tight spans around the number as said; spoken separators (다시, 에, 하고,
의, 빼기, 작대기, 하이픈, 대시, 쩜 between phone groups) and fillers or a self-correction said INSIDE the number are
inside the span (the number is one span with them); a whole number corrected afterwards ("X 말고 Y", "X 아니고 Y")
gives two spans; particles, 번/이요/예요, bank names, district and apartment names outside; a region word of a plate
(서울, 경기, 부산), and the district word of a motorcycle plate (서울 강남 가 1234), inside; an address detail is the
unit (동·호 in either order, 층·호, a unit next to a housing word), a lot number with its 동 name (and 산, 번지, 의), or
a road name with its building number (and 길, 번길, 가길/다길, 지하); a floor alone, a district or a road name alone is
not an address; an e-mail from its first letter to its last domain word, with the spoken marks inside.

Forms chosen to differ from pii-test4 and the earlier sets: numbers inside longer speech-to-text turns with
corrections and fillers, Sino-Korean and native number words mixed (둘, 셋, 하나 said to tell 2 from 1), grouped
readings (칠천팔십), 쩜 between phone groups, e-mail read aloud with 앳/앳사인/골뱅이표, 쩜/도트/닷, 언더스코어/밑줄,
대시/하이픈, letters spelled in Hangul, .ac.kr / .co.kr; plates with regional prefixes, old one-digit and commercial
(아, 바, 사, 자) formats, motorcycle plates with a district, 어/호/하 as the plate syllable; addresses with 번길, 다길,
지하, 의 in a lot, 호 said before 동; bank names before and after account numbers.
Look-alikes: parcel tracking, ISBN, order and approval numbers, representative and emergency numbers, dates, times,
amounts, measurements, school classes, bus bays, floors alone, road names alone, partial prefixes.
Run:  python3 write_pii_test6.py > pii-test6.jsonl ;  python3 write_pii_test6.py --check   (prints every span with
the digits it reads and their count, and the Luhn result of cards);  python3 write_pii_test6.py --similar   (the most
similar earlier PII line in eval/ for each line; fails at difflib 0.7 or above)
"""
import json, os, re, sys

POSITIVE = [
    # rrn
    "제 주민번호 불러요 ⟦rrn|팔공 공삼 일이 그다음 이 아 틀렸다 일 공 이 삼 사 오 육⟧ 이렇게요 뒤가 일로 시작해요",
    "할머니 주민번호 불러 드릴게요 ⟦rrn|삼일 공이 이팔 에 이 공 둘 칠 하나 하나 셋⟧ 이에요",
    "주민등록번호 ⟦rrn|구육일이이오 다음에 이공삼사구팔칠⟧ 맞게 적으셨죠",
    "⟦rrn|공오 공칠 일구⟧ 가 앞자리고 뒷자리는 ⟦rrn|사 칠 칠 일 이 공 팔⟧ 이에요 오 년생 여자애요",
    "외국인등록번호가 ⟦rrn|팔팔 영칠 영삼 대시 육 하나 공 이 삼 사 오⟧ 예요",
    "네 네 본인 확인이요 잠시만요 지갑에서 꺼낼게요 네 ⟦rrn|칠팔 일일 이오 다시 일 오 오 삼 이 이 일⟧ 이고요 이름은 박순자예요",
    "주민번호 ⟦rrn|칠공 일이 삼일 그리고 일공구팔칠육오⟧ 입니다",
    "⟦rrn|육삼 공사 공오 일 팔 팔 이 공 일 일⟧ 우리 아버지 거요 하나 빠진 거 없죠",
    "제 거 말고 남편 거요 ⟦rrn|팔이 공구 일칠 하이픈 일사사 삼칠칠일⟧",
    "주민번호를 문자로 보냈는데 ⟦rrn|991010-2345671⟧ 이거 맞아요",
    "⟦rrn|공이 일일 일팔 사 공공 오 육 칠 팔⟧ 이요 이천이 년생이에요",
    "주민번호요 ⟦rrn|칠 오 공 삼 일 사 음 그러니까 이 일 일 칠 사 오 공⟧",
    "생년월일 뒤에 붙은 번호까지 다 말하라고요 ⟦rrn|육팔일일삼공 일사오오구칠이⟧",
    "앞자리는 생일이라 ⟦rrn|구삼 공팔 삼일⟧ 이고 뒤는 ⟦rrn|이 칠 일 칠 공 공 이⟧ 이요",
    "아들 주민번호 ⟦rrn|일구 공칠 이삼 다시 삼 둘 셋 공 하나 하나 넷⟧ 요 둘은 이예요",
    "⟦rrn|850617 2049113⟧ 이 번호로 조회해 주세요",
    # phone
    "핸드폰이 ⟦phone|공일공 아니 공일일 다시 삼오칠 다시 이이팔구⟧ 요 옛날 번호라서",
    "⟦phone|공일공 둘둘 둘 하나 셋 여덟 여덟 하나⟧ 요 둘은 이 말하는 거예요",
    "집 번호는 ⟦phone|공이 구오일 칠칠공칠⟧ 이고 핸드폰은 ⟦phone|공일공 오오삼일 이구이구⟧ 예요",
    "아 잠깐만요 다시 말할게요 ⟦phone|공일공 음 칠팔구구 음 일이삼사⟧",
    "⟦phone|공삼이 다시 오일사 다시 육공공공⟧ 인천 집이요",
    "⟦phone|공오일 칠공칠 일일일일⟧ 부산 사무실이에요",
    "연락처 ⟦phone|공일공 일이삼사 오육칠팔⟧ 말고 ⟦phone|공일공 구팔칠육 오사삼이⟧ 로 해 주세요",
    "⟦phone|010 쩜 4471 쩜 8203⟧ 이요",
    "어 어머니 번호가 ⟦phone|공일공 이칠 이칠 그 오공 일오⟧ 인데 귀가 어두우셔서 문자로 주세요",
    "⟦phone|공 일 공 팔 칠 칠 칠 둘 셋 하나 영⟧ 이에요",
    "회사 대표 번호 말고 제 직통이요 ⟦phone|공이 삼사오 공공일일⟧",
    "⟦phone|070 팔이 사사 일 삼 이 칠⟧ 로 걸면 돼요",
    "my number is ⟦phone|zero one zero two six six one four four nine two⟧ 예요",
    "번호가 ⟦phone|공일공 삼 공 공 삼 에 구 이 이 구⟧ 인가 확실하지는 않은데",
    "그 제가 낮에 일을 해서요 전화는 저녁에 주시고요 번호가 ⟦phone|공일공 이 사 아니아니 이 오 일 일 다시 팔 칠 육 사⟧ 예요 이거 적으셨어요",
    "딸 번호가 ⟦phone|공일공 칠천팔십 이천삼⟧ 이에요",
    "사무실은 ⟦phone|공이 이천삼백사십오 육천칠백팔십구⟧ 예요",
    "⟦phone|공일공 팔팔칠이 에 공공이일⟧ 입니다",
    "문자는 ⟦phone|공일공 오구 삼삼 칠공 이이⟧ 로 보내 주세요",
    "⟦phone|공일육 삼칠이 사오오육⟧ 이요 아직 옛날 번호 써요",
    "경비실 번호 말고 관리소장님 핸드폰 ⟦phone|영일영 대시 육삼육삼 대시 공칠일구⟧ 요",
    "혹시 모르니까 집 전화도 드릴게요 ⟦phone|공이 쩜 구칠공 쩜 이일사사⟧",
    # card (Luhn-valid)
    "카드 번호 ⟦card|사오일팔 칠팔삼구 칠칠공이 팔공오칠⟧ 이요",
    "⟦card|5327 0069 3462 0503⟧ 이 카드로 과태료 냈는데 두 번 빠져나갔어요",
    "체크카드 ⟦card|삼오육이 공오칠삼 이일육이 사구일이⟧ 예요",
    "⟦card|구사일공 이삼공오 오칠사육 일공팔이⟧ 요 끝이 팔이 맞아요",
    "⟦card|4009-4324-3745-1816⟧ 이요 유효기간은 12/28 이에요",
    "신용카드 ⟦card|오사삼삼 구오공이 오오칠칠 육칠일공⟧",
    "⟦card|육이사삼 칠팔구삼 이칠이사 일이구칠⟧ 은련카드요",
    "카드 번호가 ⟦card|사 팔 구 공 칠 이 육 구 오 구 구 일 칠 일 오 구⟧",
    "⟦card|5241 8795 3821 1504⟧ 법인 카드 말고 개인 카드예요",
    "결제 취소할 카드는 ⟦card|사일공오 공일일팔 삼일육이 일육사칠⟧ 이고요 승인 번호는 없어요",
    # account (bank before or after)
    "⟦account|일일공 삼사오 육칠팔구공일⟧ 신한은행이요",
    "우체국 ⟦account|공일사오공이 공일 이삼사오육칠⟧ 예금주는 제 남편이에요",
    "케이뱅크 계좌로 넣어 주세요 ⟦account|일공공 일공공 오삼일구팔칠⟧",
    "⟦account|삼공이 공오이팔 구팔일공 일일⟧ 농협이요 농협 중앙회",
    "환급금 받을 계좌가 ⟦account|이칠공 구일공이삼사 오육칠공칠⟧ 하나은행이에요",
    "⟦account|1002 545 889016⟧ 우리은행 계좌요",
    "부산은행 ⟦account|일일이 이공삼삼 사사오오 공일⟧ 이에요",
    "계좌번호 ⟦account|칠구일 공일 아니 칠구이 공일 삼삼사 오오칠칠⟧ 국민이요",
    "카카오뱅크 ⟦account|삼삼삼삼 공삼 칠칠팔팔구구공⟧ 으로 주세요",
    "돈 넣을 계좌는 ⟦account|9 0 0 3 1 2 0 4 5 7 8 2 1⟧ 새마을금고요",
    "수협 계좌 ⟦account|일공일 공이 이이사 사오오육⟧ 이요 예금주 김영호",
    "지원금 계좌 바꾸려고요 ⟦account|오육사 공칠팔구공 일일이이삼⟧ 기업은행으로요",
    # email
    "⟦email|hong 쩜 gildong 앳 naver 쩜 com⟧ 이요",
    "⟦email|에스 오 오 엔 팔 이 골뱅이표 지메일 닷 컴⟧ 으로 보내 주세요",
    "⟦email|park 밑줄 jh 골뱅이 kakao 닷 com⟧ 이에요",
    "⟦email|seoul 하이픈 mom 앳 hanmail 쩜 net⟧ 으로 주세요",
    "메일이 ⟦email|jinsu.lee at korea dot ac dot kr⟧ 학교 메일이에요",
    "⟦email|kyh1958 앳사인 daum 도트 net⟧ 입니다",
    "⟦email|dj 대시 choi 골뱅이 네이트 닷컴⟧ 으로 주세요",
    "⟦email|케이 아이 엠 일이 삼 골뱅이 네이버 점 컴⟧ 이요",
    "회사 메일로 보내 주세요 ⟦email|hello@sejong-tech.co.kr⟧",
    "⟦email|minwoo 점 park 골뱅이 gmail 점 씨오엠⟧ 이요",
    "메일 주소는 ⟦email|maria.nguyen 앳 yahoo 닷 co 닷 kr⟧ 이에요",
    "이메일 불러 드릴게요 ⟦email|y o o n 언더스코어 s h 골뱅이 naver 점 com⟧ 요",
    "⟦email|abc@naver.com⟧ 아니고 ⟦email|abd@naver.com⟧ 이요 씨 말고 디",
    "⟦email|jh 쩜 kwon 앳 gmail 쩜 컴⟧ 으로 답변 부탁해요",
    # vehicle plate
    "⟦vehicle_plate|서울 3 가 5821⟧ 옛날 번호판 단 차가 몇 달째 서 있어요",
    "⟦vehicle_plate|경기 70 아 4512⟧ 택배 트럭이 인도에 세워 놨어요",
    "⟦vehicle_plate|인천 팔십 바 이삼일공⟧ 버스가 정류장을 그냥 지나갔어요",
    "⟦vehicle_plate|대구 구구 다 일일칠칠⟧ 차량이 이틀째 소화전 앞이에요",
    "오토바이 번호판이 ⟦vehicle_plate|서울 강남 가 1234⟧ 였어요",
    "⟦vehicle_plate|서울 마포 바 칠칠공팔⟧ 배달 오토바이가 인도로 달려요",
    "⟦vehicle_plate|삼백이십일 누 구팔칠공⟧ 이 차가 어린이집 앞을 막아요",
    "⟦vehicle_plate|육팔 어 삼삼구구⟧ 흰색 모닝이요",
    "⟦vehicle_plate|일공삼 하 칠칠칠칠⟧ 렌터카인데 사고 내고 갔어요",
    "⟦vehicle_plate|부산 1 나 3378⟧ 아주 오래된 트럭이에요",
    "⟦vehicle_plate|충남 이십 라 오공팔팔⟧ 관광버스가 공회전을 해요",
    "번호판이 어 그 ⟦vehicle_plate|삼사 조 음 칠 팔 칠 팔⟧ 맞을 거예요",
    "⟦vehicle_plate|98 보 1004⟧ 아니고 ⟦vehicle_plate|98 부 1004⟧ 예요",
    "차 번호 ⟦vehicle_plate|이백사 호 팔팔이이⟧ 요",
    "⟦vehicle_plate|경북 오십 자 구구구공⟧ 화물차가 밤새 시동을 켜 놔요",
    "⟦vehicle_plate|서울 40 사 7211⟧ 택시 기사님이 지갑을 찾아 주셨어요",
    # address
    "⟦address|천이백삼호 백오동⟧ 이요 호수부터 말했네요",
    "경기도 성남 ⟦address|판교역로 146번길 20⟧ 으로 이사 갔어요",
    "주소가 ⟦address|중앙로 이십사번길 팔⟧ 이에요",
    "⟦address|지하 일 층 비 일공이 호⟧ 노래방 환풍기가 밤새 돌아요",
    "⟦address|가동 지하 1호⟧ 빌라 반지하요",
    "⟦address|월드컵북로 4길 77-12⟧ 앞 인도에 낙엽 자루가 일주일째 있어요",
    "주소가 ⟦address|은평로 칠십이 다시 삼⟧ 이요",
    "⟦address|홍제동 산 칠 번지⟧ 계단이 무너졌어요",
    "⟦address|창신동 23-450⟧ 골목 가로등이요",
    "⟦address|신당동 팔백사십오의 이⟧ 예요",
    "어 저희 집이 그 골목 안쪽인데요 ⟦address|난곡로 이십육다길 십오⟧ 요 다 자로 끝나는 길이요",
    "⟦address|도봉로 110나길 33⟧ 앞 전봇대요",
    "⟦address|B동 지하 101호⟧ 에 곰팡이가 심해요",
    "⟦address|올림픽로 435⟧ 파크리오 ⟦address|213동 804호⟧ 요",
    "⟦address|화곡동 1023-45번지⟧ 2층이요",
    "⟦address|시흥대로 구십팔길 이십일 다시 칠⟧ 이에요",
    "상가 ⟦address|지하 이 층 이백삼 호⟧ 노래방이요",
    "우편물은 ⟦address|오백이 호 삼십일 동⟧ 으로 와요",
    # several kinds in one long turn
    "네 이름은 최덕순이고요 주소는 ⟦address|면목로 71길 12⟧ 이고 ⟦address|302호⟧ 요 전화는 ⟦phone|공일공 구일 이사 아니 구일 삼사 오오 육육⟧ 이에요",
    "차 번호 ⟦vehicle_plate|서울 오십 마 이칠일일⟧ 이고 차주 연락처가 ⟦phone|공일공 육육칠칠 일이공공⟧ 이래요",
    "환불 계좌 ⟦account|오육사 칠 팔구공 일일이이삼⟧ 기업이요 영수증은 ⟦email|lee 쩜 sy 앳 naver 쩜 com⟧ 으로 주세요",
    "주민번호 ⟦rrn|구삼 공팔 삼일 에 일 칠 칠 칠 공 공 이⟧ 카드는 ⟦card|오오구팔 사팔칠사 사칠삼일 칠구일사⟧ 예요",
    "잠깐만요 메모 좀 보고요 네 ⟦address|망우로 이십길 사십팔⟧ 에 있는 빌라 ⟦address|나동 이공일호⟧ 요 거기 우리 어머니 혼자 사세요",
    "어 그러니까 제가 지난주에 통화했던 사람인데요 번호가 바뀌어서요 예전 건 ⟦phone|공일공 사사 팔팔 일일 이이⟧ 였고 지금은 ⟦phone|공일공 사사 팔팔 일일 삼삼⟧ 이에요 끝 네 자리만 바뀌었어요",
]

LOOKALIKE = [
    "010으로 시작하는 모르는 번호로 전화가 자꾸 와요",
    "장애인 콜택시 1588 4388 맞죠",
    "서울 밖에서는 02 누르고 120 누르면 되죠",
    "택배 운송장 번호가 사 오 칠 칠 일 이 삼 공 공 구 팔 팔 인데 배송이 멈췄어요",
    "도서관 책 ISBN 9788936433673 으로 검색이 안 돼요",
    "주문 번호 20261207-000123 으로 환불 신청했어요",
    "카드 승인 번호 30012345 로 취소됐는지 봐 주세요",
    "이천이십칠 년 삼 월 일 일부터 바뀌는 거죠",
    "우편번호 공삼일오사 맞아요",
    "전세금이 이억 칠천이라 청년 지원 대상이 아니래요",
    "마을버스 성북 20번이 배차 간격 40분이에요",
    "KTX 101호차 12A석 표를 잃어버렸어요",
    "혈당이 백이십에 혈압이 백사십에 구십이래요",
    "저녁 일곱 시 이십 분 진료 예약이 있어요",
    "타행 송금 수수료 천 원이 빠졌어요",
    "카드 뒷면 세 자리 숫자는 안 불러도 되죠",
    "신고 번호 112 누르니까 120으로 하래요",
    "가로등 기둥에 A-1234-07 이라고 써 있어요",
    "고속버스 터미널 3번 승강장이 어디예요",
    "아이가 2학년 3반 27번이에요",
    "34평 84제곱미터 아파트 재산세가 얼마예요",
    "120 누르고 9번 누르면 외국어 상담이에요",
    "공사 기간이 12월 7일부터 1월 15일까지래요",
    "체온이 삼십칠 점 팔 도예요",
    "시속 30킬로 구간에서 42킬로로 찍혔대요",
    "주민센터 번호표 127번인데 아직 멀었어요",
    "천호대로 확장 공사 때문에 버스 정류장이 옮겨졌어요",
    "역삼동 쪽 도로가 다 막혔어요",
    "1층이랑 2층 사이 계단 불이 나갔어요",
    "지하 3층 주차장 C-12 기둥 옆이에요",
    "카드 한도가 삼백만 원이에요",
    "신한카드 고객센터 1544 7000 으로 걸었는데 안 받아요",
    "생일이 칠월 칠일이에요 그날 생일 쿠폰 써요",
    "하나 둘 셋 하면 같이 들어가요",
    "스물아홉 살이고 월세 사십오만 원 내요",
    "공공 와이파이 비밀번호가 12345678 맞아요",
    "2번 출구 앞 3번 마을버스 타면 돼요",
    "오백 원짜리 동전 스무 개 바꿔 주는 데 있어요",
    "1988년 올림픽 때 지은 아파트예요",
    "태풍 제11호 때 쓰러진 나무 아직 안 치웠어요",
    "가게 사업자번호 314-27-90852 로 소상공인 지원 조회돼요",
    "민원 처리 기한이 칠 일에서 십사 일로 바뀌었대요",
    "주차 위반 4만 원 감경되면 3만 2천 원이죠",
    "쓰레기봉투 20리터 열 장 묶음 얼마예요",
    "밤사이 영하 십칠 도래요 계량기 괜찮을까요",
    "백 미터쯤 가면 삼거리 나와요",
    "아파트 5단지 3블록 놀이터 앞이에요",
    "티머니에 만 구천팔백 원 충전돼 있어요",
    "구십구 번째 대기자라고 나와요",
    "엘리베이터가 15층이랑 16층 사이에 멈췄어요",
]

# The conversion is eval/held-out/mark_to_jsonl.py's (UTF-16 offsets), with this file's marks.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from mark_to_jsonl import convert  # noqa: E402

MARK = re.compile(r"⟦([a-z_]+)\|([^⟧]+)⟧")

SINO = {"공": "0", "영": "0", "빵": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6",
        "칠": "7", "팔": "8", "구": "9"}
NATIVE = {"하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5", "여섯": "6", "일곱": "7", "여덟": "8", "아홉": "9"}
ENGLISH = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
           "eight": "8", "nine": "9"}
GROUPED = {"칠천팔십": "7080", "이천삼": "2003", "이천삼백사십오": "2345", "육천칠백팔십구": "6789", "팔백사십오": "845",
           "이십사": "24", "칠십이": "72", "이십육": "26", "십오": "15", "구십팔": "98", "이십일": "21", "이십": "20",
           "사십팔": "48", "삼백이십일": "321", "이백사": "204", "팔십": "80", "구구": "99", "오십": "50", "천이백삼": "1203",
           "백오": "105", "일공이": "102", "이백삼": "203", "오백이": "502", "삼십일": "31", "이공일": "201"}
DROP = ("다시", "그다음", "아", "아니", "아니아니", "잠깐만요", "음", "그러니까", "그리고", "다음에", "대시", "하이픈", "에", "의", "쩜")


def digits_of(said, kind):
    """The digits a reader takes from the span, for the check: corrections (X 아니 Y) keep Y."""
    if kind in ("email", "address"):
        return "", None
    words = said.replace("-", " ").split()
    out = []
    for w in words:
        if w in ("아니", "아니아니", "틀렸다") and out:
            out.pop()  # the group just before a correction is replaced
            continue
        if w in DROP:
            continue
        if w in GROUPED:
            out.append(GROUPED[w])
        elif w in NATIVE:
            out.append(NATIVE[w])
        elif w.lower() in ENGLISH:
            out.append(ENGLISH[w.lower()])
        elif w.isdigit():
            out.append(w)
        elif all(c in SINO for c in w):
            out.append("".join(SINO[c] for c in w))
        else:
            out.append("[" + w + "]")
    joined = "".join(out)
    return joined, sum(c.isdigit() for c in joined)


def luhn(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


rows = []
for line in POSITIVE:
    row = convert(line, MARK)
    assert row["spans"] and "⟦" not in row["text"] and "⟧" not in row["text"], line
    rows.append(row)
for line in LOOKALIKE:
    assert "⟦" not in line
    rows.append(convert(line, MARK))
assert len({r["text"] for r in rows}) == len(rows), "duplicate line"

if "--similar" in sys.argv:
    import difflib, glob
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", "..", ".."))
    earlier = []
    for path in glob.glob(os.path.join(root, "**", "*pii*.jsonl"), recursive=True):
        if os.path.abspath(path).startswith(here):
            continue
        with open(path, encoding="utf-8") as f:
            for raw in f:
                try:
                    earlier.append(json.loads(raw)["text"])
                except (ValueError, KeyError, TypeError):
                    pass
    near = 0
    for r in rows:
        best, which = 0.0, ""
        for e in earlier:
            m = difflib.SequenceMatcher(None, r["text"], e)
            if m.real_quick_ratio() <= best or m.quick_ratio() <= best:
                continue
            x = m.ratio()
            if x > best:
                best, which = x, e
        near += best >= 0.7
        print(f"{best:.2f} {r['text']}  ~  {which}{'  <-- NEAR COPY' if best >= 0.7 else ''}")
    print(f"{len(rows)} lines against {len(earlier)} earlier PII lines: near copies (difflib >= 0.7) {near}")
    sys.exit(1 if near else 0)
elif "--check" in sys.argv:
    kinds = {}
    for r in rows:
        units = r["text"].encode("utf-16-le")
        for s in r["spans"]:
            said = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            got, n = digits_of(said, s["kind"])
            extra = ""
            if s["kind"] == "card" and n:
                extra = " luhn " + ("ok" if luhn(got) else "FAIL")
            kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
            print(f"{s['kind']:<14}{s['start']:>4}{s['end']:>4}  [{said}]  {got} ({n}){extra}")
    pos = sum(1 for r in rows if r["spans"])
    print(f"{pos} positive lines, {len(rows) - pos} look-alikes, spans {sum(kinds.values())}: {kinds}")
else:
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
