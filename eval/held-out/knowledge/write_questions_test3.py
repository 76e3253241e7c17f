"""Third held-apart knowledge-search TEST set (issue 13, session 7), hand-written by the "sets" engineer, who did not
write questions-test.jsonl, questions-test2.jsonl or any dev set and did not read the search lexicon or the model code.
Nothing has been run on it at commit.

Method: for each of the 78 articles in eval/knowledge/articles.jsonl the title and body were read, then the question a
citizen in that situation would type or say was written WITHOUT the title's words or the article's keywords where a
citizen would not use them (the lexical gap). Every article has at least one question; the busier services have two.
Eight voices, none of them test2's six (elderly dialect, foreigner's Korean, STT fillers, typos, added condition,
long chatty turn):

  fragment  - a few words typed into a chat box, no verb ending ("차 끌려감 어디로")
  slang     - messenger shorthand and younger citizens' slang (ㅠㅠ, ㄹㅇ, 어케, ~함?, ~임, 댕댕이, 민증)
  proxy     - someone asking on behalf of a parent, child, spouse or employee
  mixed     - two things mentioned, only one of them is the article's topic (the label is the one actually asked)
  buried    - a long turn in which the one telling phrase sits in the middle, not at the start or end
  whatif    - a consequence or permission question about a concrete case ("...하면 얼마 나와요", "...해도 돼요")
  happened  - only what happened to the caller, no service named at all
  plainword - an everyday description standing in for the official term ("집 가진 사람한테 7월에 나오는 세금")

Run: python3 eval/held-out/knowledge/write_questions_test3.py   (writes questions-test3.jsonl next to this file)
"""
import json, os

# (voice, question, article id)
Q = [
 # traffic-001 주정차 과태료 납부
 ("happened", "집 앞에 잠깐 세웠다가 우편으로 돈 내라는 통지가 왔는데 그 종이를 버려버렸어요 차번호만 알면 낼 수 있어요?", "traffic-001"),
 ("slang", "주차 벌금 편의점 가서 바로 결제됨? 기한 안에 내면 좀 깎아준다던데 ㄹㅇ?", "traffic-001"),
 # traffic-002 이의신청
 ("slang", "아니 비상등 켜고 짐 내리는 중이었는데 그걸 찍어감 ㅋㅋ 이거 따질 데 있음?", "traffic-002"),
 ("whatif", "차가 퍼져서 어쩔 수 없이 갓길에 세워 둔 거였으면 정비소 영수증 내면 안 내도 돼요?", "traffic-002"),
 # traffic-003 견인
 ("happened", "세워둔 자리에 차는 없고 바닥에 안내 스티커만 붙어 있어요 찾으러 가려면 뭘 챙겨 가요", "traffic-003"),
 ("proxy", "아버지 트럭이 시장 입구에서 끌려갔다는데 아버지가 폰을 잘 못 쓰셔서 제가 대신 어디 있는지 알아보려고요", "traffic-003"),
 # traffic-004 신고
 ("buried", "저희 애가 학교 끝나고 건너는 길목이 있는데 거기 건널목 바로 위에 매일 같은 흰 SUV가 서 있어서 애들이 차도로 돌아가거든요 사진 찍어 두면 벌 받게 할 수 있어요?", "traffic-004"),
 ("fragment", "소화전 막은 차 찍어 올리는 앱", "traffic-004"),
 # traffic-005 거주자 우선주차
 ("slang", "원룸 이사옴 골목에 주민만 대는 칸 있던데 그거 나도 받을 수 있나여", "traffic-005"),
 ("plainword", "우리 빌라 앞 흰 선 그어진 칸 동네 사람한테 월 얼마 받고 빌려주는 거 순서 어떻게 정해요", "traffic-005"),
 # traffic-006 공영주차장
 ("whatif", "경차 몰면 구청에서 운영하는 주차장 반값이에요?", "traffic-006"),
 ("fragment", "시청 근처 싸게 차 댈 데", "traffic-006"),
 # traffic-007 분실물
 ("slang", "지하철 2호선에 에어팟 두고내림ㅠㅠ 어디 연락해야됨", "traffic-007"),
 ("mixed", "퇴근길 버스에 지갑을 놓고 내렸어요 안에 면허증이랑 카드도 있는데 카드는 정지했고 일단 지갑부터 찾고 싶어요", "traffic-007"),
 # traffic-008 따릉이
 ("plainword", "서울시 빌려 타는 자전거 두 시간 넘게 타면 돈 더 붙어요?", "traffic-008"),
 ("slang", "빌린 자전거 딴 동네 거치대에 꽂아도 ㄱㅊ? 월정액도 있음?", "traffic-008"),
 # traffic-009 버스
 ("happened", "출근 시간에 143번 세 대가 연달아 정류장에 안 서고 통과해서 지각했어요", "traffic-009"),
 ("buried", "어제 저녁에 장 보고 타서 자리에 앉기도 전에 기사님이 급출발 급정거를 계속하셔서 옆에 할머니가 넘어지셨는데 번호는 적어놨어요 이런 건 어디 얘기하면 되나요", "traffic-009"),
 # traffic-010 택시
 ("fragment", "공항 가는 길 미터 안 찍고 부른 값 받음 영수증 없음", "traffic-010"),
 ("slang", "술집 앞에서 세 대째 목적지 듣고 그냥 감ㅡㅡ 차번호는 찍어둠", "traffic-010"),
 # traffic-011 기후동행카드
 ("plainword", "한 달 6만원대에 지하철 버스 맘껏 타는 서울 카드 대학생은 더 싸요?", "traffic-011"),
 # traffic-012 교통카드 환불
 ("happened", "버스 탈 때 카드가 안 찍혀요 안에 3만원 남았는데 그 돈 새 카드로 옮길 수 있나요", "traffic-012"),
 ("fragment", "티머니 남은돈 현금으로", "traffic-012"),
 # traffic-013 스쿨존
 ("whatif", "초등학교 앞에서 시속 45로 달리다 찍혔으면 얼마 나와요 일반 도로보다 비싸요?", "traffic-013"),
 # traffic-014 번호판 영치
 ("slang", "아침에 차 보니까 앞 번호판 사라짐;; 세금 안 낸 거 때문이래 어케 찾아옴", "traffic-014"),
 ("proxy", "남편이 세금 밀려서 구청에서 차 번호를 떼 갔다는데 다 내고 나면 어디 가서 돌려받아요", "traffic-014"),

 # waste-001 대형폐기물
 ("proxy", "어머니 댁 안방 장롱이랑 식탁을 버리려는데 그냥 대문 밖에 내놓으면 되나요 뭘 붙여야 하나요", "waste-001"),
 ("fragment", "퀸 사이즈 매트 버리는 값", "waste-001"),
 # waste-002 폐가전
 ("plainword", "안 쓰는 김치냉장고 돈 안 들이고 치우는 법", "waste-002"),
 ("slang", "에어컨 떼냈는데 공짜로 실어가는 데 있다던데 번호 뭐임", "waste-002"),
 # waste-003 음식물
 ("whatif", "치킨 먹고 남은 뼈 음쓰통에 넣으면 안 돼요? 안 되면 어디로", "waste-003"),
 ("fragment", "귤껍질 양파껍질 어디 버림", "waste-003"),
 # waste-004 재활용 요일
 ("happened", "캔이랑 플라스틱 모아놨는데 무슨 요일에 내놔야 가져가는지 몰라서 베란다에 쌓여만 있어요", "waste-004"),
 ("slang", "생수병 비닐 뜯어서 따로 내놔야 됨? 우리 동네 내놓는 날 언제임", "waste-004"),
 # waste-005 종량제 봉투
 ("mixed", "송파에서 마포로 이사 왔는데 전에 사둔 쓰레기 버리는 봉지 남은 거 여기서 써도 돼요? 주소 옮기는 건 이미 했어요", "waste-005"),
 # waste-006 무단투기
 ("slang", "맨날 우리 집 담벼락에 누가 쓰레기 던지고 감 찍어서 보내면 돈 준다며?", "waste-006"),
 ("buried", "저희가 1층 상가인데요 밤마다 누군가가 가게 셔터 앞에다가 검은 봉지에 싼 이불이랑 폐비닐을 몰래 두고 가서 아침마다 치우느라 장사를 못 해요 블랙박스에 찍힌 게 있는데 어디로 보내죠", "waste-006"),
 # waste-007 미수거
 ("happened", "목요일에 내놓은 봉투가 일주일째 그대로라 골목에 냄새가 진동해요", "waste-007"),

 # water-001 수도요금 조회/납부
 ("slang", "수도세 통장에서 알아서 빠져나가게 하고 싶은데 어디서 함", "water-001"),
 ("plainword", "물 쓴 돈 얼마 나왔는지 인터넷으로 보려면 뭐 번호가 필요해요", "water-001"),
 # water-002 요금 과다
 ("fragment", "물세 왜이리 많이나옴 두달에 십몇만원", "water-002"),
 ("whatif", "변기 물이 계속 졸졸 샜던 거면 고치고 나서 많이 나온 돈 좀 빼줘요?", "water-002"),
 # water-003 단수
 ("happened", "샤워하다가 물이 딱 끊겼어요 옆집도 똑같대요", "water-003"),
 ("slang", "물 안 나옴 동네 공사함? 언제까지임", "water-003"),
 # water-004 녹물
 ("plainword", "수도 틀면 누런 물이 나와요 지은 지 삼십 년 된 빌라예요", "water-004"),
 ("proxy", "시골에서 올라오신 할머니가 수돗물에서 쇠 비린내 난다고 안 드세요 물 검사 받아볼 수 있나요", "water-004"),
 # water-005 동파
 ("happened", "영하 15도 밤 지나고 나니 현관 옆 물 재는 통이 깨져서 물이 새요", "water-005"),
 # water-006 도로 누수
 ("fragment", "인도 틈에서 물 솟음", "water-006"),
 ("buried", "출근하려고 버스 기다리는데 정류장 바로 옆 보도블록 사이로 물이 분수처럼 올라오고 있어서 사람들이 다 피해 가고 있어요 누가 와서 봐야 할 것 같아요", "water-006"),

 # tax-001 재산세
 ("plainword", "집 가진 사람한테 7월에 나오는 세금 카드로 돼요?", "tax-001"),
 ("proxy", "엄마 아파트 세금 9월분 제가 대신 내드리려는데 어디서 내요", "tax-001"),
 # tax-002 자동차세 연납
 ("slang", "차세 1월에 몰아서 내면 싸진다는데 ㄹㅇ?", "tax-002"),
 ("whatif", "1월을 놓쳤는데 지금 3월에 남은 거 한꺼번에 내도 좀 깎아줘요?", "tax-002"),
 # tax-003 체납 분할
 ("happened", "가게 접고 나서 세금 못 낸 게 쌓였는데 통장 묶일까 봐 무서워요 조금씩 내는 방법은 없나요", "tax-003"),
 # tax-004 납세증명서
 ("plainword", "관공서 납품 계약하는데 구청 세금 안 밀렸다는 종이 한 장이 필요하대요", "tax-004"),
 # tax-005 주민세
 ("slang", "자취생인데 8월에 세금 육천원 나옴 이거 머임", "tax-005"),
 # tax-006 취득세
 ("whatif", "중고차 사고 두 달 넘게 세금 신고를 안 하면 어떻게 돼요", "tax-006"),
 ("mixed", "아파트 잔금 치르고 들어왔는데요 주소 옮기는 건 남편이 하기로 했고 저는 집 산 거 관련해서 내야 하는 세금 기한이 궁금해요", "tax-006"),

 # welfare-001 기초생활보장
 ("happened", "식당 그만둔 지 일 년 넘었고 적금도 다 깼어요 나라에서 먹고살 돈 매달 대주는 거 전셋집 있으면 안 되나요", "welfare-001"),
 ("slang", "수급자 되려면 통장 내역 다 까야됨?", "welfare-001"),
 # welfare-002 기초연금
 ("proxy", "아버지가 내년 3월에 예순다섯 되시는데 나라에서 노인분들 매달 주는 돈 언제부터 신청해요", "welfare-002"),
 # welfare-003 긴급복지
 ("happened", "집에 불이 나서 당장 잘 곳도 먹을 것도 없어요", "welfare-003"),
 ("buried", "남편이 공장에서 쓰러져서 입원했는데 그 뒤로 수입이 딱 끊겨서 당장 이번 달 병원비랑 월세가 막막하거든요 애들도 어리고요 바로 도와주는 게 있을까요", "welfare-003"),
 # welfare-004 장애인 등록
 ("proxy", "교통사고로 다리를 크게 다친 동생이 나라에서 장애 인정을 받으려면 어떤 서류를 내야 해요", "welfare-004"),
 # welfare-005 장애인 콜택시
 ("proxy", "엄마가 휠체어 타셔서 병원 갈 때 리프트 달린 차 부를 수 있나요", "welfare-005"),
 # welfare-006 아동수당 부모급여
 ("slang", "신생아 있으면 달마다 통장에 꽂히는 돈 얼마임? 돌 지나면 줄어듦?", "welfare-006"),
 ("whatif", "둘째가 만 일곱 살이면 아직 매달 나오는 거 받아요?", "welfare-006"),
 # welfare-007 청년월세
 ("slang", "20대 자취러 월세 나라에서 20씩 보태주는 거 언제 신청함", "welfare-007"),
 # welfare-008 노인일자리
 ("proxy", "칠순 아버지가 집에만 계셔서 동네 공원 청소 같은 소일거리 구에서 하는 거 있으면 하시게 하고 싶어요", "welfare-008"),
 # welfare-009 돌봄SOS
 ("happened", "혼자 사시는 어머니가 다리 수술하고 퇴원하셨는데 저는 지방에 있어서 며칠 집에 와서 밥 챙겨 줄 사람이 필요해요", "welfare-009"),
 # welfare-010 임산부 교통비
 ("slang", "임밍아웃함ㅎㅎ 서울 살면 택시비 같은 거 준다던데 칠십?", "welfare-010"),
 ("whatif", "애 낳고 두 달 지났는데 지금 신청해도 이동하는 데 쓰는 지원금 받을 수 있어요", "welfare-010"),

 # civil-001 여권 발급
 ("whatif", "해외 나갈 때 쓰는 수첩 처음 만드는데 작년에 찍은 증명사진 가져가면 안 돼요?", "civil-001"),
 ("fragment", "첫 해외여행 출국용 신분 수첩 만드는 데 며칠", "civil-001"),
 # civil-002 여권 분실
 ("happened", "다낭 여행 중에 가방을 통째로 도둑맞았어요 돌아갈 때 공항에서 보여줄 게 없어요", "civil-002"),
 ("whatif", "잃어버렸다고 신고해 놓고 서랍에서 찾았는데 그거 그냥 다시 써도 돼요?", "civil-002"),
 # civil-003 주민등록증
 ("slang", "민증 잃어버림ㅠ 편의점에서 술도 못 삼 다시 만드는데 얼마", "civil-003"),
 # civil-004 등본
 ("plainword", "회사에 주소 나오는 서류 한 장 내야 하는데 집에서 프린트 돼요?", "civil-004"),
 ("happened", "은행에서 같이 사는 식구랑 주소 나온 서류 가져오라길래 기계에서 뽑으려니 손가락을 대래요", "civil-004"),
 # civil-005 전입신고
 ("whatif", "이사 온 지 한 달 반 됐는데 아직 주소를 안 바꿨으면 문제 돼요?", "civil-005"),
 ("slang", "새 집 이사옴 주소 이전 폰으로 됨?", "civil-005"),
 # civil-006 출생신고
 ("proxy", "며느리가 어제 딸을 낳았는데 아들이 바빠서 제가 대신 아기 이름 올리러 가도 되나요", "civil-006"),
 # civil-007 인감
 ("mixed", "아버지 차 팔 때 필요하다는 서류가 이것저것인데 자동차등록증은 있고 도장 등록해둔 거 확인해 주는 그 종이는 아버지가 못 움직이셔서 제가 가야 해요", "civil-007"),
 # civil-008 가족관계
 ("slang", "회사에서 부양가족 서류 내래 인터넷으로 떼짐?", "civil-008"),
 ("fragment", "부모 자식 관계 나오는 서류", "civil-008"),
 # civil-009 운전면허 갱신
 ("happened", "지갑 정리하다가 운전 카드 기한이 작년에 끝난 걸 알았어요", "civil-009"),

 # housing-001 층간소음
 ("slang", "위층 밤 12시에 뛰어댕김 미치겠음ㅠ 어디 말함", "housing-001"),
 ("buried", "신혼집으로 들어온 지 석 달 됐는데 저녁 먹을 때쯤부터 천장에서 쿵쿵 발소리랑 의자 끄는 소리가 자정까지 나서 올라가서 말도 해 봤는데 소용이 없어요 중간에서 조정해 주는 데가 있나요", "housing-001"),
 # housing-002 전세사기
 ("happened", "만기 됐는데 임대인이 잠적했고 등기부 떼 보니 압류가 줄줄이 걸려 있어요", "housing-002"),
 ("proxy", "딸이 첫 자취방 계약을 했는데 알고 보니 집주인 빚이 집값보다 많대요 맡긴 돈 떼일까 봐 걱정이에요", "housing-002"),
 # housing-003 공공임대
 ("plainword", "시에서 짓는 싼 월세 아파트 신혼부부 모집 언제 해요", "housing-003"),
 ("slang", "청년 임대 공고 어디서 봄", "housing-003"),
 # housing-004 위험 건축물
 ("happened", "옆 빈 집 지붕이 내려앉고 벽이 기울어서 애들이 지나가기 무서워요", "housing-004"),
 ("fragment", "옥상 무허가 가건물 올림", "housing-004"),

 # road-001 포트홀
 ("happened", "차도 움푹 파인 데 밟고 휠이 찌그러졌어요 보상받을 수 있어요", "road-001"),
 # road-002 가로등
 ("fragment", "골목 전봇대 불 나감", "road-002"),
 ("slang", "집 가는 길 등이 계속 깜빡깜빡 무서움", "road-002"),
 # road-003 보도블록/공사 불편
 ("proxy", "어머니가 인도 돌이 들떠 있는 데 걸려서 넘어지셨어요 고쳐 달라고 어디 말해요", "road-003"),
 ("mixed", "아파트 앞 공사 때문에 새벽 6시부터 드릴 소리가 나요 윗집 발소리도 문제지만 그건 참겠는데 공사는 너무해요", "road-003"),
 # road-004 제설
 ("slang", "언덕길 빙판됨 뭐 좀 뿌려줘요", "road-004"),
 ("happened", "밤새 눈이 왔는데 버스 타러 가는 비탈길을 아무도 안 치워서 어르신들이 못 다녀요", "road-004"),

 # culture-001 공공서비스예약
 ("plainword", "구민 헬스장 한 달 등록 온라인으로 하는 사이트", "culture-001"),
 ("whatif", "시에서 하는 목공 강좌 신청해 놨는데 전날 취소해도 돼요?", "culture-001"),
 # culture-002 시립미술관/박물관
 ("plainword", "덕수궁 옆 서울시 그림 전시하는 데 입장료 얼마고 쉬는 날 언제", "culture-002"),
 # culture-003 한강공원
 ("whatif", "강변 잔디밭에서 삼겹살 구워 먹어도 돼요? 맥주는요", "culture-003"),
 ("slang", "여의도 야외 풀장 몇 일 개장?", "culture-003"),
 # culture-004 도서관
 ("plainword", "책 빌리는 카드 만들려면 뭐 들고 가요", "culture-004"),
 # health-001 예방접종
 ("proxy", "팔순 어머니 폐렴 주사 공짜로 맞을 수 있는 곳", "health-001"),
 ("slang", "독감주사 무료 대상 나도 됨? 26살", "health-001"),
 # health-002 야간 휴일 진료
 ("fragment", "추석 당일 연 약국", "health-002"),
 ("buried", "아이가 저녁 먹고 나서부터 배가 아프다고 하더니 밤 11시 넘어서 토하기 시작했는데 동네 소아과는 다 닫았고 응급실까지 갈 정도인지는 모르겠어서요 지금 열려 있는 데 좀 알려 주세요", "health-002"),
 # health-003 정신건강
 ("proxy", "고3 딸이 방에서 안 나오고 울기만 해요 돈 안 드는 상담 있을까요", "health-003"),
 ("slang", "요즘 걍 다 놓고 싶음 새벽에 얘기할 데 없나", "health-003"),
 # animal-001 유기동물
 ("happened", "아파트 화단에 새끼 고양이가 다리를 절면서 울고 있어요", "animal-001"),
 ("whatif", "동네 길냥이들 수술시켜 달라고 하면 구에서 해줘요?", "animal-001"),
 # animal-002 반려동물 등록
 ("slang", "댕댕이 입양했는데 칩 꼭 넣어야됨?", "animal-002"),
 # animal-003 야생동물
 ("fragment", "산 밑 아파트 산돼지 출몰", "animal-003"),
 ("happened", "공원 앞 상가 간판에 새 떼가 앉아서 길바닥이 하얗게 배설물 천지예요", "animal-003"),

 # safety-001 불법 광고물
 ("plainword", "아파트 담장마다 분양 광고 천이 묶여 있는데 허락받고 단 건지", "safety-001"),
 ("slang", "전봇대에 대출 찌라시 덕지덕지 떼줘요", "safety-001"),
 # safety-002 무더위쉼터
 ("proxy", "에어컨 고장 난 옥탑방 사시는 할아버지 한낮에 모셔다 놓을 곳", "safety-002"),
 ("fragment", "35도 낮에 피신할 데 동네", "safety-002"),
 # safety-003 싱크홀
 ("happened", "아파트 주차장 입구 아스팔트가 둥그렇게 푹 가라앉아 있어요 점점 커지는 것 같아요", "safety-003"),
 ("slang", "길바닥 갑자기 쑥 내려감 ㄷㄷ 차 빠질 듯", "safety-003"),

 # economy-001 소상공인 정책자금
 ("happened", "치킨집 하는데 매출이 반토막 나서 이자 싼 돈 빌릴 데 있나요", "economy-001"),
 # economy-002 서울사랑상품권
 ("slang", "서울 지역 상품권 10퍼 할인 담 발행 언제임", "economy-002"),
 ("mixed", "시장에서 쓰는 할인 상품권 사 둔 거 다른 구 가게에서도 돼요? 카드 포인트는 상관없고요", "economy-002"),
 # economy-003 임금체불
 ("slang", "편의점 알바 석 달치 못 받음 사장 잠수", "economy-003"),
 ("proxy", "스무 살 아들이 식당에서 일했는데 두 달째 돈을 못 받았대요", "economy-003"),
 # etc-001 120
 ("whatif", "부산 출장 중에 서울 민원 물어보려면 그냥 번호 세 자리 누르면 돼요?", "etc-001"),
 ("plainword", "말을 못 하는 사람도 손말로 상담 돼요?", "etc-001"),
 # etc-002 외국인
 ("proxy", "우리 가게 네팔 직원이 한국말이 서툴러서 관공서 서류 도와줄 데 있나요", "etc-002"),
 ("mixed", "베트남에서 온 며느리가 병원 가는 건 제가 같이 가는데 구청 서류 같은 건 모국어로 물어볼 데가 있으면 좋겠어요", "etc-002"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "questions-test3.jsonl"), "w", encoding="utf-8") as f:
    for voice, q, aid in Q:
        f.write(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False) + "\n")
print("questions-test3.jsonl", len(Q))
