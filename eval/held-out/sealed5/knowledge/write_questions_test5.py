"""Writes questions-test5.jsonl (issue 13, session 11, engineer "sets5"): held-apart questions for the 78 demo articles.

Written by hand from each article's title and body (eval/knowledge/articles.jsonl), without reading the search code,
its lexicons, priors or models, and without running any product command on them. Two questions per article, in
voices none of questions-test..test4 uses as a voice:
  typo        phone-typed: missing spaces, 되/돼 and 요/여 slips, dropped letters
  stt         speech-to-text of a call: fillers (어, 그), no punctuation, run-on
  gyeongsang  경상 speech (카더라, -나/-노, 아이가, 뿟다)
  jeolla      전라 speech (-당께, -부렀다, -혀, 거시기)
  chungcheong 충청 speech (-유, -슈, 했대유)
  jeju        제주 speech (-수과, -우꽈, 어멍, 손지)
  teen        teenager / student register (-함, -임, ㄹㅇ, 알바)
  messenger   KakaoTalk style with ㅠㅠ, ㅋㅋ, ;;, ㅡㅡ, ??
  ramble      a long, rambling turn where the telling part sits in the middle
  oneword     two- or three-word search-box fragment without the service name where possible
  petition    a formal written petition / inquiry (-습니다, 문의드립니다)
  foreign     a foreign resident's simple learner Korean (short clauses, 요-endings, an English word)
  elderly     an old caller's everyday words (할매, 손주, 동사무소)
Run:  python3 write_questions_test5.py > questions-test5.jsonl
"""
import json

Q = [
    # traffic-001 fine payment
    ("traffic-001", "typo", "주차위반 딱지 날라왔는데 고지서를 일어버렸어요 차번호로 낼수있나요"),
    ("traffic-001", "gyeongsang", "주차했다꼬 날아온 돈 그거 빨리 내모 좀 깎아준다 카던데 맞나"),
    # traffic-002 objection
    ("traffic-002", "jeolla", "약 타러 잠깐 약국 앞에 대 놨는디 그걸 찍어 부렀네 아파서 그런 건디 이거 따질 수 있는 거시여?"),
    ("traffic-002", "messenger", "차 고장나서 비상등 켜고 서있었는데 과태료 문자옴ㅠㅠ 이거 그냥 내야됨?? 레커 부른 영수증 있음"),
    # traffic-003 towed car
    ("traffic-003", "stt", "어 아침에 나와 보니까 제 차가 없어졌는데 바닥에 무슨 스티커 같은 게 붙어 있고 어 끌려간 거 같은데 어디로 가야 돼요"),
    ("traffic-003", "teen", "아빠 차 끌려갔다는데 찾으러 갈 때 뭐 챙겨가야됨"),
    # traffic-004 report illegal parking
    ("traffic-004", "chungcheong", "우리 집 앞 소화전 앞에다 맨날 차를 대 놓는디 이거 사진 찍어서 보내믄 되는 거유?"),
    ("traffic-004", "ramble", "저기 제가 매일 아침에 애를 학교까지 걸어서 데려다주는데요 횡단보도 바로 앞에 트럭이 항상 서 있어서 애들이 차에서 안 보여요 경찰에 전화하기도 좀 그렇고 폰으로 사진 찍어서 어디다 올리면 된다던데 그게 어떻게 하는 건지 좀"),
    # traffic-005 resident priority parking
    ("traffic-005", "jeju", "이번에 이사 와신디 집 앞 골목에 선 그어진 주차 자리 우리도 받을 수 있수과?"),
    ("traffic-005", "oneword", "골목 지정 주차 자리 신청"),
    # traffic-006 public car parks
    ("traffic-006", "messenger", "전기차면 시에서 하는 주차장 할인 있어요? 어디 있는지도 알려줘요"),
    ("traffic-006", "foreign", "시청 근처 city parking 어디 있어요? 한 시간 얼마예요?"),
    # traffic-007 lost property on transit
    ("traffic-007", "teen", "지하철에 패딩 두고 내림 ㅠ 어디서 찾음"),
    ("traffic-007", "gyeongsang", "택시에 보따리를 두고 내맀는데 카드로 계산했으모 그 택시 찾을 수 있나"),
    # traffic-008 Ttareungyi
    ("traffic-008", "foreign", "자전거 빌리는 표 앱에서 사요? 두 시간짜리 있어요?"),
    ("traffic-008", "typo", "길에있는 자전거 빌린거 아무데나 반납해도되요? 빌린곳 말고"),
    # traffic-009 bus no-stop / reckless
    ("traffic-009", "jeolla", "비 오는 날 정류장에 서 있었는디 버스가 서도 안 허고 물만 튀기고 가 부렀어 어디다 일러야 혀"),
    ("traffic-009", "messenger", "버스기사가 급브레이크 밟아서 할머니 넘어질뻔함;; 신고 어케함 차번호 찍어둠"),
    # traffic-010 taxi refusal / overcharge
    ("traffic-010", "foreign", "택시 아저씨가 공항까지 미터기 안 켜고 십만 원 달라고 했어요 영수증 있어요 어디에 말해요?"),
    ("traffic-010", "chungcheong", "밤에 택시를 잡았는디 가까운 데라고 안 태워 주대유 이런 거 말할 데 있슈?"),
    # traffic-011 climate card
    ("traffic-011", "teen", "지하철 버스 따릉이 다 되는 한달짜리 카드 그거 대학생도 싸게 돼요?"),
    ("traffic-011", "stt", "어 그 한 달에 육만 얼마 내면 무제한으로 타는 거 그거 어디서 사요 편의점에서도 팔아요"),
    # traffic-012 transit card refund
    ("traffic-012", "elderly", "손주가 쓰던 버스 카드에 삼만 원이 남았는데 그 돈 돌려받을 수 있나"),
    ("traffic-012", "typo", "교통카드 칩이 망가져서 안찍히는데 안에 남은돈 살릴수있어요?"),
    # traffic-013 school zone speeding
    ("traffic-013", "petition", "초등학교 앞 도로에서 시속 40킬로미터로 주행하다 단속되었습니다. 일반 도로보다 금액이 크다고 들었는데 어느 정도인지 문의드립니다."),
    ("traffic-013", "gyeongsang", "학교 앞에 속도 찍는 카메라가 어데어데 달려 있는지 미리 알 수 있는 데 있나"),
    # traffic-014 number plate seized
    ("traffic-014", "stt", "아침에 나가 보니까 차 앞에 번호판이 없어요 어 떼 갔다는 쪽지가 있는데 세금 밀려서 그렇다고"),
    ("traffic-014", "jeolla", "번호판을 떼가 부렀는디 밀린 거 다 내믄 바로 돌려주는 거여? 어디로 가야 혀"),
    # waste-001 bulky waste
    ("waste-001", "typo", "장롱 버릴려면 스티커 어디서사요 담주에 이사가는데"),
    ("waste-001", "messenger", "매트리스 버려야되는데 그냥 밖에 내놓으면 안되죠?ㅋㅋ 돈 내야돼요?"),
    # waste-002 free appliance collection
    ("waste-002", "chungcheong", "김치냉장고 고장나서 버릴라는디 돈 안 들이고 가져가는 데가 있다매유"),
    ("waste-002", "oneword", "헌 에어컨 무료 수거 예약"),
    # waste-003 food waste
    ("waste-003", "foreign", "치킨 뼈는 음식 쓰레기예요? 아니면 일반 쓰레기예요?"),
    ("waste-003", "teen", "자취 처음인데 음쓰 어디다 버림?? 통 따로 사야돼?"),
    # waste-004 recycling days
    ("waste-004", "jeju", "플라스틱이영 캔은 무신 요일에 내놔야 허우꽈"),
    ("waste-004", "ramble", "이사 온 지 얼마 안 됐는데 옆집 할머니가 플라스틱을 아무 날이나 내놓으면 안 된다고 한 소리 하셔서요 여기는 무슨 날 내놓는 건지 모르겠고 생수병은 비닐을 떼야 된다는데 그것도 맞나요"),
    # waste-005 volume-rate bags
    ("waste-005", "typo", "쓰레기봉투 편의점에서도 팔아요? 젤작은거"),
    ("waste-005", "foreign", "다른 구에서 이사 왔어요 전에 산 봉투 남았어요 그거 써도 돼요?"),
    # waste-006 illegal dumping
    ("waste-006", "gyeongsang", "누가 밤마다 우리 담벼락에 쓰레기를 갖다 버리는데 CCTV에 찍혔거든 이거 알리모 돈도 준다 카대"),
    ("waste-006", "messenger", "빌라 앞에 누가 밤에 소파 몰래 버리고 감 ㅡㅡ 영상 있음 신고되나요"),
    # waste-007 rubbish not collected
    ("waste-007", "stt", "어 월요일 밤에 내놨는데 어 아직도 그대로 있어요 안 가져가요 쓰레기를"),
    ("waste-007", "chungcheong", "사흘째 봉투가 그대로 있슈 냄새가 나서 죽겄슈 왜 안 가져간대유"),
    # water-001 water bill payment
    ("water-001", "oneword", "수돗물 요금 고객번호"),
    ("water-001", "chungcheong", "수돗세 고지서는 두 달에 한 번씩 오는 거유? 카드로 내도 되나"),
    # water-002 water bill too high
    ("water-002", "messenger", "물값이 평소 세배 나옴ㅠㅠ 어디서 새는건가 확인 어케해요"),
    ("water-002", "jeolla", "우리 집 두 식군디 물세가 십만 원 넘게 나와 부렀어 어디 새는가 고치믄 깎아 주기도 혀?"),
    # water-003 no water
    ("water-003", "stt", "어 그 설거지하는데 어 수도에서 물이 쫄쫄 나오다가 아예 안 나와요 관리실은 전화를 안 받고"),
    ("water-003", "teen", "아침에 물 안나와서 세수도 못함 우리 집만 이런가"),
    # water-004 rusty water
    ("water-004", "gyeongsang", "수돗물 틀모 벌건 물이 나오는데 이거 묵어도 되나"),
    ("water-004", "petition", "준공 40년 된 단독주택에 거주하고 있습니다. 집 안 수도관이 낡아 교체하고자 하는데 공사비를 지원받을 수 있는 제도가 있는지 문의드립니다."),
    # water-005 frozen meter
    ("water-005", "jeolla", "추워서 계량기가 얼어 터져 부렀어 누구한테 말해야 혀"),
    ("water-005", "messenger", "내일 영하 15도래요 계량기 안 얼게 하려면 뭐 해놔야돼요?"),
    # water-006 leak in the road
    ("water-006", "stt", "어 여기 횡단보도 옆에 바닥에서 물이 막 솟아요 분수처럼 어 계속 나와요"),
    ("water-006", "teen", "학교 가는 길 인도에서 물이 콸콸 새는데 어디 말해요"),
    # tax-001 property tax
    ("tax-001", "jeolla", "집 가진 사람 내는 세금 칠월에 냈는디 구월에 또 나왔어 두 번 낸 거 아니여?"),
    ("tax-001", "typo", "집에 나오는 재산새 7월꺼 카드로 할부되나여"),
    # tax-002 car tax prepayment
    ("tax-002", "messenger", "자동차세 일년치 한방에 내는거 지금 6월인데도 신청됨?"),
    ("tax-002", "gyeongsang", "자동차세 미리 한꺼번에 내모 싸다 카던데 어디서 하노"),
    # tax-003 arrears, instalments
    ("tax-003", "ramble", "가게 문 닫고 나서 한동안 수입이 없어서 세금을 못 냈는데 독촉장이 계속 와요 한 번에 낼 형편은 안 되고 통장까지 묶일까 봐 겁나는데 나눠서 내는 방법 같은 건 없을까요"),
    ("tax-003", "petition", "지방세를 납부 기한 내에 내지 못하였습니다. 연체 시 추가로 부과되는 금액과 그 밖의 불이익이 무엇인지 안내 부탁드립니다."),
    # tax-004 tax certificate
    ("tax-004", "petition", "관공서 입찰 서류에 지방세 체납 사실이 없다는 증명을 첨부하라고 합니다. 어디에서 발급받을 수 있습니까?"),
    ("tax-004", "typo", "세금 다냈다는 증명서 인터넷으로 뽑을수있나요 돈들어요?"),
    # tax-005 resident tax
    ("tax-005", "stt", "어 팔월에 무슨 세금 육천 원짜리가 나왔는데 이게 뭐예요 처음 보는 건데"),
    ("tax-005", "teen", "독립해서 혼자 사는데 나한테도 주민세 나옴?"),
    # tax-006 acquisition tax
    ("tax-006", "messenger", "중고차 샀는데 세금 언제까지 신고해야돼요? 까먹으면 어케됨"),
    ("tax-006", "jeolla", "아파트 잔금 치렀는디 세금 신고를 두 달 안에 해야 된다매 어디서 혀"),
    # welfare-001 basic livelihood security
    ("welfare-001", "stt", "어 병원비를 나라에서 거의 다 내준다는 그 의료 급여 일종 그거 어떻게 받아요 소득이 얼마 이하여야 돼요"),
    ("welfare-001", "gyeongsang", "통장 내역 보는 거 동의서 쓰라 카던데 나라에서 매달 생활비 받는 수급자 신청할 때 뭐뭐 있어야 되노"),
    # welfare-002 basic pension
    ("welfare-002", "jeju", "우리 어멍 생일이 시월인디 예순다섯 되민 나오는 노인 연금은 몇 달 전부터 신청허멘?"),
    ("welfare-002", "oneword", "만65세 연금 신청"),
    # welfare-003 emergency support
    ("welfare-003", "messenger", "집에 불나서 당장 살 데도 돈도 없어요ㅠㅠ 급하게 도움 받을 수 있는 거 있나요"),
    ("welfare-003", "chungcheong", "우리 집 냥반이 공장서 다쳐가꼬 일을 못 허유 쌀 살 돈도 없는디 급허게 받을 수 있는 거 있슈?"),
    # welfare-004 disability registration
    ("welfare-004", "petition", "교통사고 후유증으로 거동이 불편합니다. 장애 판정을 받으려면 어떤 서류를 어디에 제출해야 하는지 문의드립니다."),
    ("welfare-004", "ramble", "아버지가 뇌졸중 이후로 한쪽을 잘 못 쓰시는데 병원에서 진단서 떼서 주민센터 가 보라고 하더라고요 그거 되면 무슨 카드가 나와서 이것저것 할인도 된다는데 심사가 오래 걸리는지 어디부터 가야 하는지 모르겠어요"),
    # welfare-005 disability call taxi
    ("welfare-005", "stt", "어 저희 아버지가 다리를 못 쓰셔서 그 장애인 부르는 택시 예약하려면 번호가 어떻게 돼요"),
    ("welfare-005", "messenger", "휠체어 택시 보호자도 같이 탈수있나요?"),
    # welfare-006 child allowance / parent benefit
    ("welfare-006", "stt", "어 둘째가 태어났는데 어 그 아동 수당 말고 영 세 한 세 애들한테 따로 주는 돈이 있다던데 그건 얼마예요"),
    ("welfare-006", "gyeongsang", "손주가 이제 돌 지났는데 한 달에 아 키우라고 나오는 돈이 몇 살까지 나오노"),
    # welfare-007 youth rent
    ("welfare-007", "messenger", "자취생 월세 서울시에서 지원해준다던데 ㄹㅇ? 24살임"),
    ("welfare-007", "typo", "월세지원 신청기간 언제에요 서울사는 사회초년생인데 집은 없어요"),
    # welfare-008 senior jobs
    ("welfare-008", "jeolla", "나가 올해 예순둘인디 나이 든 사람 일거리 주는 거 있다매 어디서 신청혀"),
    ("welfare-008", "elderly", "경로당 친구들이 새해 되면 동네 청소하고 돈 받는 거 한다고 하던데 나도 할 수 있나"),
    # welfare-009 care SOS
    ("welfare-009", "ramble", "혼자 사시는 아버지가 다리를 다치셔서 퇴원은 했는데 제가 지방에 있어서 당장 며칠 밥 챙겨 드리고 병원 가시는 거 도와줄 사람이 없어요 잠깐이라도 집에 와서 봐 주는 서비스 같은 거 있을까요"),
    ("welfare-009", "oneword", "병원 동행 도우미"),
    # welfare-010 pregnant women transport
    ("welfare-010", "messenger", "임신 4개월인데 택시비 지원 그거 아직 신청 가능?"),
    ("welfare-010", "foreign", "저 임신했어요 서울 살아요 병원 갈 때 교통비 받을 수 있어요?"),
    # civil-001 passport
    ("civil-001", "typo", "여권사진 몇개월안에 찍은거여야되요"),
    ("civil-001", "teen", "수학여행 해외로 가는데 여권 처음 만들려면 얼마나 걸림"),
    # civil-002 lost passport
    ("civil-002", "messenger", "여권 잃어버려서 신고했는데 서랍에서 찾음ㅋㅋ 다시 써도 되나"),
    ("civil-002", "jeolla", "여권을 어디다 흘려 부렀는디 어따 신고허요"),
    # civil-003 ID card reissue
    ("civil-003", "gyeongsang", "지갑을 통째로 잃어뿟는데 주민증 새로 하려모 사진 있어야 되나"),
    ("civil-003", "stt", "어 신분증을 잃어버렸는데 어 새로 나올 때까지 폰으로 보여 주는 그런 것도 된다던데"),
    # civil-004 resident registration copy
    ("civil-004", "teen", "알바 서류에 등본 내라는데 폰으로 뽑을 수 있음?"),
    ("civil-004", "chungcheong", "동사무소 앞에 있는 기계서 등본 뗄라믄 돈 내유? 손가락 찍으라던디"),
    # civil-005 move-in report
    ("civil-005", "messenger", "이사한지 한달 넘었는데 주소 옮기는거 깜빡함ㅠ 벌금 나와요?"),
    ("civil-005", "typo", "전세 들어왔는데 주소옮기면서 확정일자인가 그것도 같이 받을수있어요?"),
    # civil-006 birth registration
    ("civil-006", "stt", "어 애기가 지난주에 태어났는데 어 신고는 언제까지 해야 돼요 병원 서류 있어야 되나요"),
    ("civil-006", "jeju", "손지가 태어나신디 출생 신고는 어디 가서 허여마씸?"),
    # civil-007 seal certificate
    ("civil-007", "gyeongsang", "집 판다꼬 인감 떼 오라 카는데 아들이 대신 가도 되나"),
    ("civil-007", "petition", "인감을 등록하지 않은 상태입니다. 매매 계약 시 인감증명을 대신할 수 있는 서류가 있는지 문의드립니다."),
    # civil-008 family relations certificate
    ("civil-008", "foreign", "회사에서 가족 수당 줘요 나하고 아이 가족인 거 보여주는 서류 어디서 받아요?"),
    ("civil-008", "typo", "가족관계증명서 무인발급기에서도 뽑을수있나요"),
    # civil-009 driving licence renewal
    ("civil-009", "messenger", "운전면허 갱신 기간 지났는데 어캄 ㅠ 벌금 나옴?"),
    ("civil-009", "chungcheong", "면허증 기한이 다 됐다는디 시험장 말고 경찰서 가서 해도 되는 거유?"),
    # housing-001 noise between floors
    ("housing-001", "teen", "윗집 애들 밤마다 뛰어서 공부를 못함 와서 소리 재주는 데 있음?"),
    ("housing-001", "jeolla", "윗집서 쿵쿵거려서 잠을 못 자겄어 찾아가믄 싸움 날 거 같고 중간에서 얘기해 주는 데 없어?"),
    # housing-002 jeonse fraud
    ("housing-002", "messenger", "집주인이 연락 안되고 보증금 못돌려받을거같아요ㅠㅠ 집이 경매 넘어간대요"),
    ("housing-002", "ramble", "계약 끝났는데 집주인이 다음 사람 들어와야 돈 준다고 몇 달째 미루다가 이제 전화도 안 받고 알고 보니 같은 건물에 저 같은 사람이 열 명이 넘어요 변호사 살 돈도 없고 어디서부터 해야 할지 모르겠어요"),
    # housing-003 public rental housing
    ("housing-003", "jeju", "신혼부부인디 서울시에서 싸게 빌려주는 아파트 우리도 넣을 수 있수과? 공고는 어디서 봐마씸"),
    ("housing-003", "oneword", "국민임대 청약 어디서"),
    # housing-004 dangerous buildings
    ("housing-004", "stt", "어 옆집이 빈집인데 담이 기울어져서 어 금방 넘어질 거 같아요 애들이 그 밑으로 다니는데"),
    ("housing-004", "gyeongsang", "골목에 폐가가 하나 있는데 지붕이 내려앉아가 위험하다 아이가 어데 말하노"),
    # road-001 potholes
    ("road-001", "messenger", "도로 구멍에 빠져서 타이어 터짐;; 보상 받을수있음?"),
    ("road-001", "foreign", "큰 길에 구멍 있어요 차들이 쾅 쾅 해요 사진 찍었어요 어디 보내요?"),
    # road-002 street lights
    ("road-002", "typo", "골목 가로등이 깜빡깜빡거려요 기둥에 번호 적혀있는데 불러드리면되나요"),
    ("road-002", "jeolla", "밤에 집 가는 골목 전봇대 불이 다 나가 부러서 깜깜해 무서워 죽겄어 고쳐 주쇼"),
    # road-003 broken pavement / roadworks
    ("road-003", "gyeongsang", "보도 블럭이 깨져가 유모차 바퀴가 자꾸 걸린다 언제 고치노"),
    ("road-003", "stt", "어 아파트 앞 길을 파헤치는 공사를 하는데 아침 일곱 시부터 드릴 소리가 나고 사람 다닐 데가 없어요"),
    # road-004 snow and ice
    ("road-004", "messenger", "언덕길 꽁꽁 얼어서 사람들 계속 미끄러짐 염화칼슘 좀 뿌려주세요ㅠ"),
    ("road-004", "chungcheong", "가게 앞 눈은 내가 치워야 되는 거유? 구청서 안 치워 주나"),
    # culture-001 public service booking
    ("culture-001", "teen", "시에서 하는 풋살장 예약 어디서 함"),
    ("culture-001", "typo", "서울시 강좌 예약한거 취소하고싶은데 어디서해요"),
    # culture-002 museum and art museum
    ("culture-002", "foreign", "시립미술관 표 사야 돼요? 쉬는 날 언제예요?"),
    ("culture-002", "petition", "유치원 원아 30명을 인솔하여 역사박물관 관람을 희망합니다. 단체 관람 신청 절차를 알려 주시기 바랍니다."),
    # culture-003 Han River parks
    ("culture-003", "messenger", "한강에서 치킨에 맥주 마셔도 됨? 버너로 라면 끓여도 됨?"),
    ("culture-003", "jeolla", "여름에 한강 야외 수영장 문 열었는가 모르겄네 주차는 되는가"),
    # culture-004 library card
    ("culture-004", "teen", "도서관 책 몇 권까지 빌릴 수 있어요 시험기간이라 며칠 빌려줌?"),
    ("culture-004", "gyeongsang", "시청 옆 큰 도서관 카드 만들라모 뭐 들고 가야 되노"),
    # health-001 vaccination
    ("health-001", "messenger", "우리 애 수두 접종 공짜 되는 동네 병원 찾는 사이트 있음??"),
    ("health-001", "stt", "어 애기 예방 주사 맞혀야 되는데 보건소 말고 집 앞 소아과에서도 공짜로 돼요"),
    # health-002 night / holiday clinics
    ("health-002", "ramble", "지금 새벽 두 시인데 애가 열이 삼십구 도까지 올라서 해열제는 먹였는데 안 떨어지고 응급실 가기는 좀 애매하고 근처에 지금 문 연 소아과나 약국 없을까요"),
    ("health-002", "oneword", "설날 아침 문 연 소아과"),
    # health-003 mental health
    ("health-003", "messenger", "요즘 너무 우울하고 아무것도 하기 싫어요 누구랑 얘기하고 싶은데 돈 안 드는 데 있나요"),
    ("health-003", "jeju", "요새 마음이 너무 힘들어 밤에 잠도 못 자수다 밤중에도 전화로 얘기 들어주는 디 이수과?"),
    # animal-001 stray / injured animals
    ("animal-001", "stt", "어 아파트 화단에 고양이가 다리를 다쳐서 못 움직이는데 어 어디다 연락해야 돼요"),
    ("animal-001", "teen", "길냥이 중성화 신청 어디서 해요 학교 뒤에 너무 많아요"),
    # animal-002 pet registration
    ("animal-002", "messenger", "유기견 데려왔는데 목에 태그 같은거 달아야됨? 안하면 어케됨"),
    ("animal-002", "jeolla", "개 몸에 칩 넣는 거 그거 동물병원 가믄 해 주는 거여?"),
    # animal-003 wildlife
    ("animal-003", "gyeongsang", "뒷산서 멧돼지가 내려와가 텃밭을 다 뒤집어 놨다 우짜노"),
    ("animal-003", "typo", "베란다 실외기에 비둘기가 알낳고 똥천지에요 어디 신고해요"),
    # safety-001 illegal banners and flyers
    ("safety-001", "messenger", "전봇대마다 대출 전단지 덕지덕지 ㅡㅡ 신고 가능?"),
    ("safety-001", "chungcheong", "사거리에 허락도 없이 현수막을 줄줄이 걸어 놨슈 떼 주셔유"),
    # safety-002 heat shelters
    ("safety-002", "jeolla", "에어컨이 없어서 낮에 더워 죽겄는디 시원한 데 가 있을 데 없을까"),
    ("safety-002", "foreign", "너무 더워요 집에 에어컨 없어요 공짜로 쉬는 곳 있어요?"),
    # safety-003 sinkholes
    ("safety-003", "stt", "어 지금 도로 한가운데 땅이 푹 내려앉았어요 어 주변이 막 갈라지고 있어요"),
    ("safety-003", "messenger", "주차장 옆 바닥이 갑자기 움푹 꺼졌어요 ㄷㄷ 어디 전화해요"),
    # economy-001 small business loans
    ("economy-001", "gyeongsang", "미용실 하는데 가게 월세 낼 돈이 없어가 보증 서 주는 데서 대출 받을 수 있나"),
    ("economy-001", "petition", "서울에서 카페를 운영하는 소상공인입니다. 저금리 운영자금 보증 상담을 받고자 하니 예약 방법을 알려 주십시오."),
    # economy-002 Seoul gift voucher
    ("economy-002", "messenger", "구 상품권 할인해서 사는 앱 뭐임? 다음 발행 언제?"),
    ("economy-002", "typo", "강남구 상품권 송파구 가게에서 써도되나요"),
    # economy-003 unpaid wages
    ("economy-003", "teen", "pc방 알바 마지막 달 돈 안 줌 사장이 읽씹함"),
    ("economy-003", "foreign", "사장님이 월급 안 줘요 세 달이에요 어디 가요? 계약서 있어요"),
    # etc-001 120 call centre
    ("etc-001", "oneword", "밤 열두시 넘어서 120 상담 받음?"),
    ("etc-001", "stt", "어 지금 부산에 와 있는데 여기서 백이십 누르면 서울로 연결돼요"),
    # etc-002 foreign residents
    ("etc-002", "foreign", "I live in Seoul 한국말 잘 못해요 서류 통역 도와주는 곳 있어요?"),
    ("etc-002", "ramble", "우리 가게 직원이 네팔 사람인데 한국말이 서툴러서 은행이며 병원이며 서류 때문에 애를 먹어요 서울에 외국 사람 생활 도와주는 센터가 있다던데 거기 가면 뭘 해 주는지"),
]

for aid, voice, q in Q:
    print(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False))
