"""Development questions (tuned on) for the session-6 search work (issue 13): the same six voices as the
held-apart eval/held-out/knowledge/questions-test2.jsonl (elderly, foreigner, speech-to-text, typos, condition,
chatty) but other sentences, written separately before any run, for tuning the lexicon and query handling.
Run: python3 eval/knowledge/questions_voices_dev.py
"""
import json, os

Q = [
 ("elderly", "우리 영감 차를 구청 사람들이 끌고 갔다는디 그 차 찾으려면 어디로 가야 되는 겨", "traffic-003"),
 ("stt", "어 그 주차 위반 딱지 어 날짜 지나면 돈 더 내야 되나요", "traffic-001"),
 ("foreigner", "제 차에 종이 있어요 벌금이에요 저는 잘못 없어요 어디서 말해요", "traffic-002"),
 ("condition", "아파트 정문 앞 인도에 차를 반쯤 올려놓고 가는 사람 있으면 찍어서 보내도 되나요", "traffic-004"),
 ("typo", "버스에 우산놓고내렷어요 어디서찾아요", "traffic-007"),
 ("chatty", "제가 요즘 퇴근하고 운동 삼아 공원까지 자전거를 타 보려고 하는데 서울시에서 빌려주는 그 자전거 한 시간에 얼마인지 알 수 있을까요", "traffic-008"),
 ("elderly", "택시 기사가 가까운 데라고 그냥 내리라는디 이런 거 어디다 일러", "traffic-010"),
 ("foreigner", "한 달 카드 있어요? 지하철 버스 많이 타요 싸게 타고 싶어요", "traffic-011"),
 ("condition", "학교 앞에서 밤 열 시에 찍혀도 벌금 두 배예요", "traffic-013"),
 ("elderly", "헌 장롱 하나 버려야 되는디 스티커 같은 거 붙여야 된다며", "waste-001"),
 ("typo", "고장난 김치냉장고 무료로 가져가주는거 잇어요?", "waste-002"),
 ("foreigner", "음식 쓰레기 어디 버려요 봉투 어디서 사요", "waste-003"),
 ("stt", "어 페트병 라벨 떼고 버려야 되는 거죠 어 무슨 요일에 내놔요", "waste-004"),
 ("condition", "옆 동네 쓰레기 봉투 써서 버리면 안 가져가나요", "waste-005"),
 ("elderly", "밤에 누가 우리 집 담 밑에 쓰레기를 버리고 가 잡으면 돈도 준다며", "waste-006"),
 ("chatty", "우리 골목은 원래 화요일 목요일에 쓰레기를 가져가는데 이번 주는 한 번도 안 와서 봉투가 산처럼 쌓였거든요 어디다 얘기해야 하나요", "waste-007"),
 ("typo", "물세 고지서 업는데 인터넷으로 낼수잇나요", "water-001"),
 ("elderly", "물값이 평소보다 세 배나 나왔어 어디 새는지 봐 주는가", "water-002"),
 ("stt", "어 지금 아파트 전체가 물이 끊겼는데 언제 나오는지 알 수 있을까요", "water-003"),
 ("condition", "아침에 물 틀었을 때 빨간 물 나오면 마셔도 돼요", "water-004"),
 ("foreigner", "겨울이에요 밖에 물 기계 얼었어요 물 안 나와요", "water-005"),
 ("elderly", "집 가진 거 세금 칠월에 나오는 거 그거 카드로 내도 되는가", "tax-001"),
 ("typo", "자동차세 미리내면 할인되는거 언제까지 신청해요", "tax-002"),
 ("stt", "어 세금을 제때 못 냈는데 어 가산금이 얼마나 붙는지", "tax-003"),
 ("condition", "이사 와서 처음으로 세대주가 됐는데 저도 동네 세금 같은 걸 내야 하나요", "tax-005"),
 ("foreigner", "집 샀어요 세금 언제 내요 어디서 신고해요", "tax-006"),
 ("chatty", "어머니가 혼자 지내시는데 연세가 예순일곱이시고 따로 받는 연금도 없으셔서 나라에서 나오는 노인 연금 같은 걸 신청해 드리고 싶거든요", "welfare-002"),
 ("elderly", "내가 다리가 불편혀서 그러는데 휠체어 싣고 병원 가는 차 부를 수 있나", "welfare-005"),
 ("typo", "애기 태어나면 나라에서 매달 돈주는거 신청어디서해요", "welfare-006"),
 ("stt", "어 저 스물다섯 살인데 어 혼자 사는데 월세 좀 도와주는 거 있다고 들어서요", "welfare-007"),
 ("foreigner", "저는 임신했어요 택시 돈 지원 있어요?", "welfare-010"),
 ("elderly", "동사무소 가서 등본 떼려는데 도장 가져가야 되나", "civil-004"),
 ("condition", "이사하고 한 달 지나서 주소 옮기면 과태료 나와요", "civil-005"),
 ("typo", "여권 잃어버렷는데 분실신고 어디서해요", "civil-002"),
 ("foreigner", "남편 한국 사람이에요 가족 서류 필요해요 어디서 받아요", "civil-008"),
 ("stt", "어 면허 적성검사 기간이 언제까지인지 어 경찰서 가야 되나요", "civil-009"),
 ("chatty", "저희 아랫집 분이 자꾸 올라와서 시끄럽다고 하시는데 저희는 애들한테 매트도 깔아 줬거든요 이런 경우 누가 중간에서 얘기 좀 해 줄 수 없을까요", "housing-001"),
 ("condition", "전세 계약 끝났는데 집주인이 돈 없다고 보증금 안 주면 어디서 도와줘요", "housing-002"),
 ("elderly", "길바닥이 움푹 패여서 차가 덜컹거려 저것 좀 메워 주면 좋겠는디", "road-001"),
 ("typo", "골목 가로등 깜빡거려요 고쳐주세요", "road-002"),
 ("foreigner", "길에 얼음 있어요 미끄러워요 위험해요", "road-004"),
 ("stt", "어 한강에서 수영장 언제 열어요 어 여름에만 해요", "culture-003"),
 ("condition", "밤 열한 시에 애가 갑자기 토하면 어디 병원 가야 돼요", "health-002"),
 ("elderly", "길에 고양이가 다쳐서 누워 있는디 어디다 알려", "animal-001"),
 ("typo", "강아지 동물등록 안하면 벌금잇나요", "animal-002"),
 ("foreigner", "길 땅에 큰 구멍 생겼어요 위험해요", "safety-003"),
 ("chatty", "저희 가게 앞 가로수마다 누가 분양 광고 현수막을 묶어 놔서 간판이 하나도 안 보이는데 이거 철거해 달라고 하려면 어디로 해야 하나요", "safety-001"),
 ("stt", "어 알바비를 두 달째 못 받고 있는데요 어 사장님이 연락을 안 받아요", "economy-003"),
 ("condition", "서울사랑상품권 사 놨는데 안 쓰고 남으면 환불 돼요", "economy-002"),
 ("elderly", "외국 며느리가 한국말이 서툰디 통역해 주는 데가 있나", "etc-002"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "questions-voices-dev.jsonl"), "w", encoding="utf-8") as f:
    for voice, q, aid in Q:
        f.write(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False) + "\n")
print("questions-voices-dev.jsonl", len(Q))
