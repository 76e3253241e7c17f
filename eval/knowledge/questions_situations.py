"""Development questions for issue 13 (questions-situations.jsonl): short typed messages that describe a situation
or use an everyday word instead of the service's name, some with an added condition. Tuned on.
The held-apart test questions (eval/held-out/knowledge) are long spoken narratives in another voice.
Run: python3 eval/knowledge/questions_situations.py
"""
import json, os

Q = """traffic-001|차에 주차 위반 스티커 붙어있음 돈 어디 내요
traffic-001|주차벌금 늦게 내면 더 내나요
traffic-002|단속 억울함 잠깐 정차했을 뿐인데
traffic-002|주차 과태료 취소 요청하고 싶어요
traffic-003|내 차 사라짐 견인된듯
traffic-003|끌려간 차 찾으러 어디 가요
traffic-004|남의 집 앞에 차 대놓고 안빼요
traffic-004|인도 위에 주차한 차 신고
traffic-005|집앞 주차칸 배정 받고 싶음
traffic-006|시에서 하는 주차장 요금
traffic-007|버스에 휴대폰 놓고 내림
traffic-007|택시에 지갑 두고 내렸어요 찾는법
traffic-008|공공자전거 대여 방법
traffic-009|버스가 정류장 그냥 지나감
traffic-009|버스기사 불친절해요
traffic-010|택시가 안태워줌
traffic-010|택시 요금 바가지
traffic-011|무제한 교통카드 어디서 사나요
traffic-012|티머니 잔액 돌려받기
traffic-013|학교앞 과속 카메라 찍힘
traffic-014|번호판 떼감 체납때문에
waste-001|소파 버리는법
waste-001|침대 매트리스 버리려면 스티커 사야되나
waste-002|냉장고 무료로 수거해가는거
waste-003|음식 찌꺼기 버리는 통
waste-004|페트병 버리는 요일
waste-005|쓰레기봉투 파는곳
waste-006|쓰레기 몰래 버리는 사람 신고
waste-007|쓰레기 안 가져감
water-001|물값 고지서 확인
water-002|수도요금 폭탄 맞음
water-003|물이 안나와요
water-004|수돗물에서 녹물 나옴
water-005|계량기 얼어 터짐
water-006|길에서 물이 솟아요
tax-001|집 세금 언제 내요
tax-002|차 세금 미리 내면 할인
tax-003|세금 밀렸는데 나눠 내기
tax-004|세금 다 냈다는 증명서
tax-005|세대주한테 나오는 세금
tax-006|집 사고 내는 세금 신고
welfare-001|생활비 지원 받고 싶어요 수입이 없음
welfare-002|65세 되면 나오는 연금
welfare-003|갑자기 생계 곤란 긴급 도움
welfare-004|장애 판정 받는법
welfare-005|휠체어 탈수있는 택시
welfare-006|아기 낳으면 나오는 돈
welfare-007|청년 월세 보조
welfare-008|어르신 일자리 구해요
welfare-009|혼자 사는 노인 잠깐 돌봐주는 서비스
welfare-010|임신했는데 교통비 지원
civil-001|여권 새로 만들기
civil-002|여권 잃어버림
civil-003|신분증 잃어버림
civil-004|등본 인터넷 발급
civil-005|이사했는데 주소 옮기기
civil-006|아기 태어나면 신고
civil-007|인감 떼는법 대리인
civil-008|가족관계 서류 떼기
civil-009|면허 갱신 기간 지남
housing-001|윗집 쿵쿵 소리
housing-001|위층 발망치 너무 심함
housing-002|집주인이 보증금 안줌
housing-003|싼 임대아파트 신청
housing-004|무너질것 같은 빈집
road-001|도로 구멍 때문에 타이어 터짐
road-002|가로등 꺼짐
road-002|골목이 깜깜해요 불이 안켜짐
road-003|인도 블록 깨짐
road-004|길이 얼어서 미끄러워요
culture-001|구청 강좌 예약
culture-002|시립미술관 휴관일
culture-003|한강 캠핑 예약
culture-004|도서관 카드 만들기
health-001|독감 무료 접종
health-002|주말 밤에 여는 병원
health-003|우울해서 상담받고 싶어요
animal-001|다친 길냥이 구조
animal-002|강아지 등록 안하면
animal-003|비둘기 때문에 미치겠음
safety-001|불법 현수막 떼주세요
safety-002|더위 피할 곳
safety-003|땅이 꺼졌어요
economy-001|자영업자 대출 지원
economy-002|지역화폐 구매
economy-003|월급 못 받음
etc-001|120 상담 시간
etc-002|외국인 통역 도움""".splitlines()

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "questions-situations.jsonl"), "w", encoding="utf-8") as f:
    for line in Q:
        i, q = line.split("|", 1)
        f.write(json.dumps({"query": q, "id": i}, ensure_ascii=False) + "\n")
print(len(Q))

# The same questions wrapped in phone-call chatter and added conditions (seeded; questions-chatty.jsonl), so the
# filler of long spoken questions is tuned on without tuning on the held-apart narratives.
import random
r = random.Random(13)
PRE = ["저기요 뭐 좀 여쭤볼게요", "안녕하세요 제가 좀 급해서 그러는데", "아 네 다름이 아니라", "어제부터 계속 신경 쓰였는데요",
       "친구가 그러는데", "제가 잘 몰라서 그러는데요", "여보세요 거기 시청 맞죠", "아니 글쎄", "다른 게 아니고요", "바쁘실 텐데 죄송한데"]
POST = ["이거 어떻게 해야 되는 거예요", "그러면 어떻게 돼요", "이런 경우에도 되나요", "제가 직접 가야 되나요", "인터넷으로도 할 수 있나요",
        "혹시 돈도 드나요", "주말에도 되나요", "빨리 좀 알려주세요", "그냥 두면 어떻게 되는 거죠", "가족이 대신 해도 되나요"]
with open(os.path.join(here, "questions-chatty.jsonl"), "w", encoding="utf-8") as f:
    for line in Q:
        i, q = line.split("|", 1)
        text = " ".join(x for x in [r.choice(PRE), q, r.choice(POST)] if x)
        f.write(json.dumps({"query": text, "id": i}, ensure_ascii=False) + "\n")
