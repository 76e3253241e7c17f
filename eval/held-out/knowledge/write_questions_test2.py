"""Second held-apart knowledge-search TEST set (issue 13, session 6), hand-written by another engineer than
questions-test.jsonl, before running anything on it and without reading the colloquial lexicon.

Method: one question per article (78), each in one of six voices, rotated: an elderly caller with dialect endings
(~했는디, ~하는 겨, ~여), a foreigner's simple Korean, a speech-to-text transcript without punctuation and with
fillers (어, 그), typed with typos and spacing errors, a question that adds a condition (~하면 어떻게 돼요,
~도 되나요), and a long chatty turn with the telling word in the middle. Everyday words stand for the official
terms (동사무소, 물세, 차 세금, 숫자판, 도장 증명, 책 빌려주는 데). The earlier TEST set is long narratives in one
voice; the dev sets are short typed queries and generated situations.
Run: python3 eval/held-out/knowledge/write_questions_test2.py
"""
import json, os

# (voice, question, article id)
Q = [
 ("elderly", "아이고 우리 아들 차에 벌금 나온 거 그 주차 잘못했다고 나온 거 내가 대신 은행 가서 내도 되는가", "traffic-001"),
 ("foreigner", "저는 주차 안 했어요 그냥 사람 기다렸어요 5분 그런데 벌금 왔어요 이거 아니라고 말하고 싶어요 어떻게 해요", "traffic-002"),
 ("stt", "어 그 여기 마트 앞에 세워놨던 제 차가 지금 없는데 어 혹시 구청에서 가져간 거면 어디로 가야 되나요", "traffic-003"),
 ("typo", "버스정류장앞에 차 맨날 대놓는 사람잇는데 이거 찍어서 어디다 올리면되요", "traffic-004"),
 ("condition", "저희 집 골목에 노란 선 그어진 자리 있잖아요 이사 와서 그 자리 받으려면 몇 달 기다려야 돼요", "traffic-005"),
 ("elderly", "병원 가는데 근처에 구에서 하는 차 대는 데 있으면 하루 종일 대면 돈 얼마나 받는가 몰라", "traffic-006"),
 ("stt", "아까 택시에서 내리면서 핸드폰을 두고 내린 거 같아요 어 택시 번호도 모르는데 어떡하죠", "traffic-007"),
 ("foreigner", "서울 자전거 빌리고 싶어요 외국 사람도 핸드폰으로 돈 내고 탈 수 있어요", "traffic-008"),
 ("chatty", "제가 매일 아침 타는 마을버스 기사님이 문을 제대로 열지도 않고 출발해서 저희 어머니가 넘어지실 뻔했거든요 이거 말할 데가 있을까요", "traffic-009"),
 ("condition", "공항에서 택시를 탔는데 미터기 안 켜고 오만 원 달라고 하면 그거 돌려받을 수 있나요", "traffic-010"),
 ("condition", "요새 젊은 애들이 한 달 돈 내고 버스 지하철 맘대로 타는 그 카드 그거 따릉이도 되는 거예요", "traffic-011"),
 ("typo", "티머니카드 안쓰는거 돈 남아잇는데 현금으로 돌려받을수잇나요", "traffic-012"),
 ("stt", "초등학교 앞에서 카메라에 찍혔다고 문자가 왔는데 그 동네가 아이들 보호하는 구역이라 돈이 더 비싸다던데", "traffic-013"),
 ("elderly", "아침에 나가 보니 차 앞에 숫자판이 없어졌어 세금 밀려서 구청이 떼 갔다고 하던데 그걸 어찌 찾어", "traffic-014"),
 ("condition", "소파가 너무 커서 봉투에 안 들어가는데 그냥 길에 내놓으면 벌금 나오나요", "waste-001"),
 ("foreigner", "냉장고 고장 났어요 버리고 싶어요 돈 많이 내요? 집에 와서 가져가요?", "waste-002"),
 ("stt", "그 어 수박 껍질 같은 거 음식물 통에 넣어도 되나요 아니면 일반 봉투에 넣어요", "waste-003"),
 ("elderly", "박스랑 병은 아무 날이나 내놓으면 안 되는 거여 우리 동네는 언제 가져가는지 몰라", "waste-004"),
 ("typo", "쓰레기봉지 20리터짜리 어디서팔아요 마트에 업던데", "waste-005"),
 ("chatty", "우리 가게 옆 전봇대 밑에다 밤마다 누가 이불이며 봉투며 막 던져 놓고 가는데 CCTV 달아 달라고 하거나 잡아 달라고 할 수 있나요", "waste-006"),
 ("stt", "월요일에 내놓은 거 아직도 그대로 있어요 어 청소차가 안 온 거 같은데", "waste-007"),
 ("elderly", "수도세 나오는 종이가 안 왔어 이번 달 거 어디서 내야 되나", "water-001"),
 ("condition", "집에 아무도 안 사는데 물값이 오만 원 나왔으면 어디서 새는 거 아닌가요 깎아 주기도 하나요", "water-002"),
 ("foreigner", "물이 안 나와요 부엌도 화장실도 다 안 나와요 왜 그래요", "water-003"),
 ("typo", "정수기 필터가 일주일만에 갈색으로 변햇어요 수돗물 검사해주나요", "water-004"),
 ("stt", "어 밖에 있는 수도 검침하는 거 유리가 깨져서 물이 새요 추워서 그런가", "water-005"),
 ("chatty", "출근하는데 사거리 아스팔트 틈에서 물이 계속 흘러나와서 길이 다 젖어 있더라고요 어제부터 그랬대요", "water-006"),
 ("elderly", "집 한 채 있는 거 세금 고지서가 왔는디 이거 언제까지 내면 되는 겨", "tax-001"),
 ("condition", "차 세금을 일 년 치 미리 내면 얼마나 싸져요 삼월에 내도 돼요", "tax-002"),
 ("stt", "세금이 밀려가지고 통장이 막혔다는데 그 나눠서 조금씩 내는 방법은 없을까요", "tax-003"),
 ("foreigner", "은행에서 대출받으려면 세금 다 냈다는 종이 가져오래요 어디서 받아요", "tax-004"),
 ("typo", "8월에 만원 조금넘는 세금 나왓는데 이게 뭔세금이에요 세대주라서 내는거에요?", "tax-005"),
 ("condition", "아파트 잔금 치르고 나서 언제까지 구청에 세금 신고 안 하면 가산세 붙어요", "tax-006"),
 ("elderly", "혼자 사는 늙은이인데 벌이가 하나도 없어 나라에서 생활비 주는 거 나도 받을 수 있나", "welfare-001"),
 ("condition", "저희 어머니가 내년에 예순다섯 되시는데 국민연금 받으시면 나라에서 주는 노인 연금은 못 받으시나요", "welfare-002"),
 ("stt", "남편이 갑자기 쓰러져서 일을 못 하게 됐는데 당장 이번 달 먹고살 돈이 없어요 어 급하게 도와주는 거 없나요", "welfare-003"),
 ("chatty", "아버지가 뇌졸중 후에 한쪽 팔을 못 쓰시는데 병원에서 등급 같은 거 받아 두라고 하더라고요 어디서 하는 거예요", "welfare-004"),
 ("typo", "휠체어 타는 엄마 병원 모시고 가야되는데 휠체어 실리는 택시 부를수 있나요", "welfare-005"),
 ("foreigner", "아기 태어났어요 나라에서 아기 돈 준다고 들었어요 엄마가 외국 사람이어도 받아요", "welfare-006"),
 ("condition", "스물여덟 살이고 자취하는데 집세 지원해 주는 거 부모님이랑 주소 다르면 신청되나요", "welfare-007"),
 ("elderly", "칠십인데 아직 몸이 성해 용돈벌이로 동네 청소 같은 거 하는 일 할 수 있나", "welfare-008"),
 ("stt", "어 혼자 사시는 아버지가 퇴원하셨는데 며칠만 집에 와서 밥이랑 수발 들어 줄 사람 보내 주는 거 있나요", "welfare-009"),
 ("chatty", "임신 이십 주 차인데 배가 불러서 택시를 자주 타게 되거든요 서울시에서 임신부한테 차비 같은 걸 준다던데 사실이에요", "welfare-010"),
 ("typo", "해외여행 처음가는데 여권 만들려면 사진 몇장 필요해요 구청가면되요?", "civil-001"),
 ("stt", "여행 갔다 와서 짐 정리하는데 여권이 아무리 찾아도 없어요 어 이거 그냥 새로 만들면 되나요", "civil-002"),
 ("elderly", "지갑을 통째로 잃어버려 가지고 내 신분증이 없어 그거 동사무소 가서 다시 해 주나", "civil-003"),
 ("condition", "회사에 제출해야 하는데 주말에 동사무소 안 열면 기계에서도 뽑을 수 있어요", "civil-004"),
 ("chatty", "이번 주말에 이사를 하는데 새 집 주소로 옮기는 신고를 며칠 안에 해야 하는지 늦으면 과태료가 있는지 궁금해서요", "civil-005"),
 ("stt", "어 애가 지난주에 태어났는데 어 이름 정하고 나서 어디다 올려야 되는 거죠", "civil-006"),
 ("elderly", "아들 대신 도장 증명 떼러 가려는데 나 혼자 가도 내주는가", "civil-007"),
 ("typo", "비자신청하는데 가족관계 증명하는 서류 떼야되요 인터넷으로 되나여", "civil-008"),
 ("condition", "면허증 유효기간이 지난달에 끝났는데 지금 바꾸면 벌금 내요", "civil-009"),
 ("chatty", "밤 열두 시만 되면 위층에서 의자 끄는 소리 애들 뛰는 소리가 계속 나서 잠을 못 자는데 올라가서 말하기는 무섭고 중간에서 조정해 주는 데 없나요", "housing-001"),
 ("stt", "계약 끝났는데 집주인이 보증금을 안 돌려주고 연락이 안 돼요 어 알고 보니 집이 경매로 넘어갔대요", "housing-002"),
 ("elderly", "월세가 너무 비싸서 그러는데 나라에서 싸게 빌려주는 아파트 나같은 사람도 들어갈 수 있나", "housing-003"),
 ("condition", "옆에 아무도 안 사는 폐가 담벼락이 기울어졌는데 비 오면 무너질 것 같아요 구청에서 철거해 주나요", "housing-004"),
 ("chatty", "오토바이 타고 가다가 도로에 움푹 파인 구멍에 바퀴가 빠져서 휠이 휘었거든요 수리비 같은 거 받을 수 있나요", "road-001"),
 ("foreigner", "집 앞 길에 밤에 불이 안 켜져요 너무 어두워요 무서워요", "road-002"),
 ("typo", "인도 블럭이 들떠서 할머니가 걸려넘어지셧어요 고쳐주세요", "road-003"),
 ("stt", "언덕길에 눈이 그대로 얼어 가지고 차가 못 올라가요 어 모래라도 좀 뿌려 주실 수 있나요", "road-004"),
 ("condition", "구민회관 테니스장 같은 데 예약하려면 어디서 하는지 취소하면 돈 돌려줘요", "culture-001"),
 ("foreigner", "시립 미술관 월요일에 열어요? 입장료 있어요?", "culture-002"),
 ("chatty", "이번 주말에 애들 데리고 강가에서 텐트 치고 고기 구워 먹고 싶은데 아무 데나 쳐도 되는 건지 자리를 예약해야 하는 건지", "culture-003"),
 ("elderly", "손주 책 좀 빌려 주려고 그러는데 동네 책 빌려주는 데 가면 카드 같은 거 만들어야 하나", "culture-004"),
 ("stt", "어 애기 독감 주사 공짜로 맞을 수 있는 데가 어디예요 어 동네 병원도 되나요", "health-001"),
 ("typo", "새벽에 애가 열이 39도인데 지금 문연 병원이나 약국 어딨어요", "health-002"),
 ("chatty", "요즘 아무 이유 없이 눈물이 나고 잠도 못 자고 다 그만두고 싶은 생각이 드는데 누구한테 얘기라도 해 보고 싶어요", "health-003"),
 ("foreigner", "공원에 강아지 혼자 있어요 주인 없어요 다리 아파요 어디 전화해요", "animal-001"),
 ("condition", "강아지를 새로 입양했는데 등록 안 하면 벌금 나와요 칩 꼭 넣어야 돼요", "animal-002"),
 ("elderly", "베란다 실외기에 새들이 집을 지어서 똥 천지여 어떻게 좀 못 쫓아내나", "animal-003"),
 ("stt", "어 사거리 신호등에 무슨 대출 광고 천 조각이 잔뜩 걸려 있는데 이거 떼 달라고 어디 말해요", "safety-001"),
 ("elderly", "집에 에어컨이 없어서 낮에 너무 더운데 노인네들 가서 쉬는 시원한 데가 어디 있나", "safety-002"),
 ("condition", "골목 바닥이 조금씩 가라앉는 것 같은데 이러다 푹 꺼지면 어떡해요 봐 주러 오나요", "safety-003"),
 ("typo", "가게 운영자금이 모자라서 그런데 작은 가게 사장님들 낮은이자로 빌려주는거 잇나요", "economy-001"),
 ("chatty", "동네 시장에서 쓰면 할인된다는 그 서울시 모바일 상품권 있잖아요 그거 어디서 사고 어디까지 쓸 수 있는지", "economy-002"),
 ("foreigner", "사장님이 세 달 돈 안 줬어요 일은 했어요 어디 말해요", "economy-003"),
 ("elderly", "여기 전화하면 밤에도 받는 거여 몇 시까지 하는 거요", "etc-001"),
 ("foreigner", "한국 온 지 한 달 됐어요 한국말 잘 못해요 영어로 도와주는 데 있어요", "etc-002"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "questions-test2.jsonl"), "w", encoding="utf-8") as f:
    for voice, q, aid in Q:
        f.write(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False) + "\n")
print("questions-test2.jsonl", len(Q))
