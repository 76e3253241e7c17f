"""Writes questions-test6.jsonl (issue 13, session 13, engineer "sets6"): held-apart questions for the 78 demo articles.

Written by hand from each article's title and body (eval/knowledge/articles.jsonl), without reading the search code,
its lexicons, priors or models, and without running any product command on them. Two questions per article, in
forms and voices that questions-test..test5 do not use as a voice (sealed5 used typo, stt, dialects, teen, messenger,
ramble, oneword, petition, foreign, elderly):
  proxy       asking on someone else's behalf (a child for a parent, a landlord for a tenant, a carer, a neighbour)
  twostep     a two-step story: what happened first, the need only in the last clause
  wrongterm   names the WRONG office or a wrong official term (동사무소 for 구청, 벌금 for 과태료, 세무서 for 구청 세무과)
  notice      quotes a letter, text message or notice received ("~라고 왔는데")
  numbers     carries numbers, dates, amounts or places
  compare     a comparison or a choice ("A랑 B 중에 뭐", "A로 해요 B로 해요")
  negation    says what it is NOT about ("~는 아니고", "~말고")
  konglish    English or Konglish words mixed in (refund, apply, deadline, 픽업, 캔슬)
  complaint   a very polite, formal written complaint (귀 기관, ~하여 주시기 바랍니다)
  failed      after a failed attempt (tried a site, a counter or a phone number and it did not work)
Each gold id was checked by reading the article against its neighbours in the same category (see README.md).
No question is a near copy (difflib ratio > 0.65) of an earlier question in eval/ or of an article's own example
questions: `python3 write_questions_test6.py --check` prints the highest ratio per question and fails above 0.65.
Run:  python3 write_questions_test6.py > questions-test6.jsonl
"""
import difflib, glob, json, os, sys

Q = [
    # traffic-001 paying a parking fine
    ("traffic-001", "proxy", "아버지 앞으로 주차 과태료 고지서가 왔는데 아버지가 폰뱅킹을 못 하셔서 제가 대신 내 드리려면 어디서 내요"),
    ("traffic-001", "numbers", "11월 3일 단속된 4만 원짜리 주차 위반 건 사전통지 기간에 내면 3만 2천 원만 내면 되는 거 맞나요"),
    # traffic-002 objecting to a parking fine
    ("traffic-002", "notice", "의견진술 기한 내에 제출하라고 사전통지서가 왔는데 그날 구급차 부르느라 세운 거라 억울해요 뭘 내야 돼요"),
    ("traffic-002", "compare", "주차 딱지 그냥 내는 거랑 이의 다는 거 중에 뭐가 나아요 장애인 아들 태우느라 잠깐 선 거였어요"),
    # traffic-003 towed car
    ("traffic-003", "twostep", "회식 끝나고 나와 보니 세워 둔 자리가 텅 비어 있어요 도난은 아닌 것 같고 견인이면 어디 가서 찾아와요"),
    ("traffic-003", "wrongterm", "경찰서에 갔더니 견인은 자기들 일이 아니래요 차 보관하는 데 위치랑 찾을 때 낼 돈 알려 주세요"),
    # traffic-004 reporting illegal parking
    ("traffic-004", "numbers", "버스 정류소 바로 앞에 흰색 트럭이 매일 아침 7시부터 서 있어요 1분 간격으로 두 장 찍으면 되나요"),
    ("traffic-004", "konglish", "교차로 corner에 매일 불법 parking 하는 차 있는데 app으로 report 하는 법 알려 주세요"),
    # traffic-005 resident priority parking
    ("traffic-005", "proxy", "저희 원룸 세입자분이 골목 거주자 주차 구획을 쓰고 싶다는데 집주인인 제가 대신 신청해 줄 수 있나요"),
    ("traffic-005", "failed", "구청 주차 자리 신청하려고 전화했더니 시설관리공단으로 하라네요 순번은 어떻게 정해지는 거예요"),
    # traffic-006 public car parks
    ("traffic-006", "compare", "경차랑 하이브리드 중에 시 공영 주차장 반값 되는 게 어떤 거예요"),
    ("traffic-006", "negation", "백화점 주차장 말고 시에서 하는 주차장 지금 빈자리 있는지 실시간으로 보는 방법요"),
    # traffic-007 lost property on transit
    ("traffic-007", "proxy", "중학생 딸이 7호선에서 학원 가방을 놓고 내렸대요 엄마인 제가 어디로 연락해야 하나요"),
    ("traffic-007", "failed", "버스 회사에 전화를 다섯 번 했는데 안 받아요 버스에 두고 내린 지갑 다른 데서 조회 안 되나요"),
    # traffic-008 Ttareungyi
    ("traffic-008", "konglish", "bike sharing 서울 거 1 hour pass 사려면 app 가입부터 해야 해요? QR 찍는 거예요?"),
    ("traffic-008", "numbers", "따릉이 2시간권 끊었는데 2시간 20분 탔으면 추가로 얼마 붙어요"),
    # traffic-009 bus no-stop / rude driver
    ("traffic-009", "complaint", "금일 오전 8시 10분경 472번 시내버스가 정류소에서 승객을 태우지 않고 통과하였기에 이에 대한 조치를 요청드립니다"),
    ("traffic-009", "negation", "택시는 아니고 시내버스 기사가 노인한테 반말하고 소리를 질렀어요 어디에 말해요"),
    # traffic-010 taxi refusal / overcharge
    ("traffic-010", "twostep", "강남역에서 11시쯤 택시를 잡았는데 행선지를 듣더니 그냥 가 버리더라고요 녹음은 했어요 이거 처벌받게 하려면"),
    ("traffic-010", "konglish", "taxi driver가 미터기 끄고 fixed price 달래서 냈는데 overcharge 같아요 report 돼요?"),
    # traffic-011 climate card
    ("traffic-011", "compare", "기후동행카드랑 그냥 티머니 충전 중에 한 달에 지하철 50번 타면 뭐가 이득이에요 저 스물다섯이에요"),
    ("traffic-011", "failed", "역 고객안전실 갔는데 실물 무제한 교통카드가 다 팔렸대요 폰으로는 어떻게 사요"),
    # traffic-012 transit card refund / balance transfer
    ("traffic-012", "numbers", "교통카드에 3만 5천 원 남았는데 편의점에서 환불이 안 된대요 얼마까지 되는 거예요"),
    ("traffic-012", "proxy", "돌아가신 어머니 지갑에서 교통카드가 나왔는데 충전된 돈 가족이 돌려받을 수 있나요"),
    # traffic-013 school zone speeding
    ("traffic-013", "notice", "어린이보호구역 속도위반이라고 고지서가 왔는데 금액이 평소 과속의 두 배 넘게 찍혀 있어요 원래 이래요"),
    ("traffic-013", "numbers", "초등학교 정문 앞 시속 몇 킬로까지예요 40으로 달렸는데 단속될까요"),
    # traffic-014 number plate seized
    ("traffic-014", "twostep", "자동차세를 몇 년 못 냈더니 오늘 아침에 앞 번호판이 없어졌어요 이제 다 냈는데 번호판은 어디서 받아요"),
    ("traffic-014", "wrongterm", "번호판 압수당했는데 경찰서 가면 돌려주나요 과태료는 어제 냈어요"),
    # waste-001 bulky waste
    ("waste-001", "proxy", "혼자 사시는 할머니 댁 장롱이랑 식탁을 버려 드리려는데 스티커 대신 인터넷으로 신고하는 법 있나요"),
    ("waste-001", "negation", "가전제품은 아니고 소파랑 책장 버리는 거요 수수료 얼마 하고 언제 내놔요"),
    # waste-002 free appliance collection
    ("waste-002", "compare", "세탁기 버릴 때 돈 내고 스티커 붙이는 거랑 무료로 가져가는 거 중에 뭐가 돼요"),
    ("waste-002", "numbers", "전자레인지 하나 선풍기 둘 밥솥 하나 드라이기 하나 이렇게 다섯 개면 가지러 와 주나요"),
    # waste-003 food waste
    ("waste-003", "compare", "수박 껍질이랑 복숭아 씨 중에 어떤 게 음식물이고 어떤 게 일반 쓰레기예요"),
    ("waste-003", "konglish", "음식물 쓰레기 RFID 기계에 카드 찍고 버리는 거 처음인데 물기 빼야 해요?"),
    # waste-004 recycling days
    ("waste-004", "twostep", "페트병을 라벨 붙은 채로 내놨다가 경비실에서 다시 돌려받았어요 우리 동은 무슨 요일에 어떻게 내요"),
    ("waste-004", "wrongterm", "동사무소에 재활용 요일 물어보니 모른다네요 분리배출 날짜는 어디서 알아요"),
    # waste-005 volume-rate bags
    ("waste-005", "negation", "음식물 봉투 말고 일반 쓰레기 봉투요 이사 오기 전 구에서 산 게 20장 남았는데 못 쓰나요"),
    ("waste-005", "konglish", "쓰레기 bag 편의점에서 팔아요? 주소 다른 동네 거 써도 pickup 해 가요?"),
    # waste-006 illegal dumping
    ("waste-006", "twostep", "밤마다 누가 전봇대 밑에 봉투도 없이 쓰레기를 던지고 가서 블랙박스에 찍혔어요 이걸로 신고하면 돈도 받아요"),
    ("waste-006", "numbers", "몰래 버리다 걸리면 과태료 최대 얼마까지 나와요 우리 빌라 앞에 매주 버리고 가요"),
    # waste-007 uncollected rubbish
    ("waste-007", "failed", "수요일 밤에 규격 봉투에 넣어 내놨는데 금요일인데도 그대로예요 구청 청소과 전화는 계속 통화 중이고요"),
    ("waste-007", "proxy", "1층 상가 사장님이 가게 앞 쓰레기를 사흘째 안 가져간다고 해서 건물주인 제가 대신 연락드려요"),
    # water-001 water bill enquiry and payment
    ("water-001", "konglish", "수도 bill 온라인으로 확인하고 auto payment 걸고 싶은데 customer number가 뭐예요"),
    ("water-001", "numbers", "수도요금이 두 달에 한 번 나오는 거 맞죠 이번에 9월 10월분이 같이 왔어요 카드로 내도 되나요"),
    # water-002 bill too high / leak
    ("water-002", "notice", "아리수 고지서에 사용량이 평소 두 배 넘게 찍혀 왔어요 식구는 그대로인데 뭘 확인해 봐야 하나요"),
    ("water-002", "twostep", "수도꼭지를 다 잠갔는데도 계량기 바늘이 빙글빙글 돌아요 배관 고치고 나면 요금 깎아 주나요"),
    # water-003 no water
    ("water-003", "failed", "씻으려는데 물이 안 나와서 관리실에 전화했더니 아무도 안 받아요 옆집도 안 나온대요 어디 알려요"),
    ("water-003", "notice", "엘리베이터에 내일 단수 예정이라고 붙어 있는데 몇 시부터 몇 시까지인지 확인할 수 있는 데 있어요"),
    # water-004 rusty or smelly tap water
    ("water-004", "proxy", "요양원에 계신 어머니가 방 수돗물이 누렇게 나온다고 하셔서요 검사 신청은 가족이 해도 되나요"),
    ("water-004", "numbers", "1985년에 지은 단독주택인데 녹물이 계속 나와요 집 안 수도관 바꾸는 데 지원금 있어요"),
    # water-005 frozen meter
    ("water-005", "numbers", "영하 15도 밤새고 나니 계량기 유리가 깨져 있어요 교체비 제가 내는 거예요"),
    ("water-005", "negation", "수도관이 아니라 밖에 있는 계량기 통이 얼어서 깨진 거예요 누구한테 말해요"),
    # water-006 burst main in the street
    ("water-006", "twostep", "출근하다 보니 보도블록 사이로 물이 계속 솟아서 인도가 다 젖었어요 우리 집 물은 나오는데 이거 어디다 알려야 돼요"),
    ("water-006", "wrongterm", "한전에 전화했더니 길에서 물 새는 건 자기들 아니라네요 도로에서 수도 터진 건 누가 고쳐요"),
    # tax-001 property tax
    ("tax-001", "compare", "재산세 7월에 나오는 거랑 9월에 나오는 거 뭐가 다른 거예요 둘 다 내야 돼요"),
    ("tax-001", "konglish", "property tax 이번 달 deadline 언제예요 credit card로 pay 돼요?"),
    # tax-002 car tax paid in advance
    ("tax-002", "numbers", "1월에 한꺼번에 못 냈는데 3월에 남은 거 한 번에 내도 할인 돼요 몇 퍼센트예요"),
    ("tax-002", "wrongterm", "세무서에 차 세금 미리 내는 거 신청하러 가면 되나요"),
    # tax-003 arrears / payment in instalments
    ("tax-003", "notice", "체납 지방세 압류 예고 통지서가 날아왔는데 한 번에 낼 형편이 안 돼요 몇 번에 나눠 낼 수 있어요"),
    ("tax-003", "complaint", "사업 실패로 지방세를 기한 내 납부하지 못하였습니다 징수 유예가 가능한지 상담을 요청드립니다"),
    # tax-004 local tax certificate
    ("tax-004", "twostep", "은행 대출 서류 낸다고 했더니 지방세 안 밀렸다는 증명을 가져오래요 그거 어디서 떼요"),
    ("tax-004", "failed", "위택스에서 납세증명 출력 누르니까 발급 불가라고 떠요 왜 그런 거예요"),
    # tax-005 resident tax (per person)
    ("tax-005", "notice", "8월에 주민세 6천 원 내라는 문자가 왔는데 저 세대주 아닌데요 이거 뭐예요"),
    ("tax-005", "negation", "사업소분 말고 개인한테 나오는 주민세 언제 나오고 어디로 내요"),
    # tax-006 acquisition tax
    ("tax-006", "numbers", "10월 5일에 중고차 샀는데 취득세 신고 12월 초에 해도 괜찮나요"),
    ("tax-006", "proxy", "딸이 처음으로 아파트를 샀는데 취득세 신고를 부모가 대신 해 줘도 되나요 기한이 있대서요"),
    # welfare-001 basic livelihood security
    ("welfare-001", "proxy", "옆집 할아버지가 혼자 사시는데 먹을 게 없어 보여요 생계급여 같은 건 주민센터 가서 누가 신청해요"),
    ("welfare-001", "compare", "생계급여랑 주거급여 같이 신청할 수 있어요 소득 기준이 어떻게 돼요"),
    # welfare-002 basic pension
    ("welfare-002", "numbers", "어머니가 내년 3월에 만 65세 되시는데 기초연금은 언제부터 신청 가능해요"),
    ("welfare-002", "wrongterm", "국민연금 말고 노령수당 그거 받으려면 구청 가야 돼요"),
    # welfare-003 emergency welfare
    ("welfare-003", "twostep", "지난달 공장에서 잘리고 애 엄마까지 입원해서 당장 이번 달 월세도 없어요 급하게 도움받을 데 있어요"),
    ("welfare-003", "numbers", "어제 집에 불이 나서 세 식구가 갈 데가 없어요 129에 전화하면 생활비 나와요"),
    # welfare-004 disability registration
    ("welfare-004", "proxy", "뇌졸중으로 쓰러지신 아버지 장애 등록을 해 드리고 싶은데 진단서는 어디에 내요"),
    ("welfare-004", "konglish", "disability card 신청하려면 심사 있다던데 어디서 review 해요"),
    # welfare-005 disability call taxi
    ("welfare-005", "proxy", "휠체어 쓰시는 장모님 모시고 병원 가려는데 저도 같이 탈 수 있는 택시 예약 번호 알려 주세요"),
    ("welfare-005", "compare", "장애인 콜택시랑 일반 택시 요금 차이 나요 전화로 불러야 돼요 앱으로 돼요"),
    # welfare-006 child allowance and parent benefit
    ("welfare-006", "numbers", "둘째가 생후 5개월인데 부모급여랑 아동수당 둘 다 받는 거예요"),
    ("welfare-006", "twostep", "출생신고는 남편이 다 했다는데 통장에 아무것도 안 들어와요 아이 앞으로 나오는 돈 따로 신청해야 해요"),
    # welfare-007 youth rent support
    ("welfare-007", "numbers", "스물여덟 살이고 월세 45만 원 내는데 청년 지원 받으면 한 달에 얼마씩 몇 달 받아요"),
    ("welfare-007", "failed", "청년 월세 지원 신청하려고 들어갔더니 모집 기간이 아니래요 다음 접수는 언제 해요"),
    # welfare-008 senior jobs
    ("welfare-008", "proxy", "은퇴하신 아버지가 집에만 계셔서 어르신 일자리 신청해 드리려고요 일흔 되셨어요"),
    ("welfare-008", "wrongterm", "고용센터에 갔더니 노인 일자리는 여기 아니래요 어디서 접수해요"),
    # welfare-009 care SOS
    ("welfare-009", "twostep", "어머니가 퇴원하셨는데 저는 지방에 살아서 며칠 돌봐 드릴 사람이 없어요 식사라도 챙겨 주는 서비스 있나요"),
    ("welfare-009", "negation", "요양원 입소는 아니고 잠깐 집에 와서 도와주는 거요 혼자 사는 중장년도 돼요"),
    # welfare-010 transport allowance for pregnant women
    ("welfare-010", "numbers", "임신 14주인데 교통비 70만 원 지원 지금 신청해도 돼요"),
    ("welfare-010", "konglish", "pregnant 여성 교통 voucher 신청 사이트가 어디예요 출산하고 나서도 apply 돼요?"),
    # civil-001 passport issue
    ("civil-001", "numbers", "다음 달 15일 출국인데 오늘 여권 신청하면 날짜 안에 나오나요 사진은 작년 거예요"),
    ("civil-001", "proxy", "군대 간 아들 대신 제가 여권 신청해 줘도 돼요"),
    # civil-002 lost passport
    ("civil-002", "twostep", "가방을 통째로 잃어버렸다가 찾았는데 그 사이에 여권 분실 신고를 해 버렸어요 그 여권 다시 써도 돼요"),
    ("civil-002", "konglish", "passport를 lost 했어요 report 어디에 해요 online으로 돼요?"),
    # civil-003 resident card reissue
    ("civil-003", "numbers", "주민등록증 재발급 수수료 5천 원 맞죠 사진 몇 장 가져가요"),
    ("civil-003", "failed", "지갑을 잃어버려서 신분증이 없는데 주민센터 가니까 사진을 가져오래요 폰에 넣는 신분증도 같이 돼요"),
    # civil-004 resident register copy
    ("civil-004", "compare", "등본 떼는데 주민센터랑 무인 발급기랑 인터넷 중에 어디가 공짜예요"),
    ("civil-004", "failed", "무인민원발급기에서 지문이 자꾸 안 읽혀요 초본 다른 방법으로 떼는 거 있어요"),
    # civil-005 moving-in registration
    ("civil-005", "numbers", "10월 20일에 이사했는데 아직 전입을 안 했어요 11월 10일에 하면 과태료 나와요"),
    ("civil-005", "proxy", "원룸 세입자가 보증금 지키려면 주소 옮기는 거랑 확정일자 같이 받으라고 하던데 집주인으로서 알려 주려고요 어디서 해요"),
    # civil-006 birth registration
    ("civil-006", "numbers", "아기가 10월 30일에 태어났는데 출생신고 언제까지 해야 돼요"),
    ("civil-006", "negation", "수당 신청 말고 아이 출생 자체를 신고하는 거요 병원에서 받은 증명서만 있으면 돼요"),
    # civil-007 certificate of seal impression
    ("civil-007", "proxy", "어머니가 거동을 못 하셔서 제가 인감증명을 대신 떼려고요 뭐 챙겨 가요"),
    ("civil-007", "compare", "부동산 계약하는데 인감 떼는 거랑 본인 서명 확인서 중에 뭘 가져가도 돼요"),
    # civil-008 family relation certificate
    ("civil-008", "failed", "정부24에서 가족관계 증명 뽑으려는데 계속 오류 나요 다른 사이트에서도 떼져요"),
    ("civil-008", "konglish", "visa 서류에 family relation certificate 필요하대요 kiosk에서 뽑을 수 있어요?"),
    # civil-009 driving licence renewal
    ("civil-009", "notice", "면허 갱신 기간이 지났다고 문자가 왔어요 과태료 내고 어디 가서 갱신해요"),
    ("civil-009", "wrongterm", "구청 민원실에서 운전면허 적성검사 받을 수 있어요"),
    # housing-001 noise between floors
    ("housing-001", "twostep", "윗집에 쪽지도 붙여 보고 관리실에도 말했는데 밤 12시만 되면 뛰어요 소음 재 주는 데 있다던데"),
    ("housing-001", "negation", "공사 소음은 아니고 위층 사는 집에서 나는 발소리요 상담받을 데 있어요"),
    # housing-002 jeonse fraud
    ("housing-002", "numbers", "전세 2억 3천 계약 만료가 지났는데 집주인이 연락이 끊겼어요 경매 들어간대요"),
    ("housing-002", "proxy", "사회 초년생 조카가 전세로 들어간 집이 깡통 전세 같다는데 법률 상담 받을 곳 있어요"),
    # housing-003 public rental housing
    ("housing-003", "compare", "행복주택이랑 장기전세 중에 신혼부부는 뭘 넣는 게 나아요 모집 공고는 어디서 봐요"),
    ("housing-003", "konglish", "SH rental apartment apply 하려면 어느 site 들어가요"),
    # housing-004 dangerous empty houses / buildings
    ("housing-004", "twostep", "우리 골목 끝에 사람 안 사는 집이 있는데 지난 비에 지붕이 내려앉고 벽돌이 떨어져요 애들이 그 앞으로 다녀요"),
    ("housing-004", "wrongterm", "옆집이 허가 없이 옥상에 방을 올렸는데 동사무소에 말하면 되나요"),
    # road-001 pothole
    ("road-001", "twostep", "어젯밤 올림픽대로 타고 가다 쿵 하고 바퀴가 찢어졌어요 길이 파여 있었거든요 수리비 받을 수 있나요"),
    ("road-001", "negation", "땅이 꺼진 건 아니고 아스팔트가 움푹 파인 거예요 차들이 피해 다녀요 어디 신고해요"),
    # road-002 street light
    ("road-002", "numbers", "골목 보안등 관리번호 2145-087 이거 일주일째 깜빡거려요"),
    ("road-002", "wrongterm", "가로등 나간 거 한전에 말해야 되나요 구청에 말해야 되나요"),
    # road-003 broken pavement / roadworks
    ("road-003", "proxy", "유모차 끄는 며느리가 인도 블록이 들떠서 바퀴가 걸렸다고 해요 어디 고쳐 달라고 해요"),
    ("road-003", "complaint", "귀 구에서 시행 중인 보도 정비 공사로 인하여 통행로가 확보되지 않아 보행에 큰 불편을 겪고 있으니 조치하여 주시기 바랍니다"),
    # road-004 snow and ice
    ("road-004", "twostep", "어제 눈 오고 나서 오늘 아침 언덕길이 빙판이라 어르신이 넘어지셨어요 모래라도 좀 뿌려 주세요"),
    ("road-004", "compare", "상가 앞 인도 눈은 가게 주인이 치워요 구청이 치워요"),
    # culture-001 public service reservation
    ("culture-001", "failed", "구립 테니스장 예약했는데 못 가게 돼서 취소하려니 버튼이 안 보여요 어디서 취소해요"),
    ("culture-001", "konglish", "서울시 camping장이랑 class booking 하는 site 하나로 돼요?"),
    # culture-002 city art museum and history museum
    ("culture-002", "numbers", "유치원생 25명 데리고 시립미술관 가려는데 돈 내요 미리 연락해야 돼요"),
    ("culture-002", "negation", "국립 말고 서울시에서 하는 역사박물관이요 입장료 있어요 월요일에 가도 돼요"),
    # culture-003 Han River parks
    ("culture-003", "compare", "한강 가서 돗자리 펴고 치킨에 맥주 먹는 건 되고 버너로 라면 끓이는 건 안 돼요"),
    ("culture-003", "konglish", "Hangang park pool 언제 open 해요 주차 parking도 있어요?"),
    # culture-004 library card
    ("culture-004", "numbers", "서울도서관에서 책 7권 빌리고 싶은데 한 번에 몇 권까지 며칠 동안 돼요"),
    ("culture-004", "failed", "도서관 회원증 만들러 갔는데 신분증을 두고 와서 못 만들었어요 폰으로 만드는 건 없어요"),
    # health-001 vaccinations at the health centre
    ("health-001", "proxy", "여든 되신 시어머니 폐렴 예방주사 보건소에서 공짜로 맞을 수 있는지 알아봐 드리려고요"),
    ("health-001", "compare", "보건소에서 맞는 거랑 동네 병원에서 맞는 거 아이 국가 접종은 둘 다 무료예요"),
    # health-002 night and holiday clinics
    ("health-002", "twostep", "설 연휴라 동네 소아과가 다 닫았는데 밤에 아이가 39도까지 열이 올랐어요 지금 갈 수 있는 데요"),
    ("health-002", "negation", "응급실은 아니고 일요일 저녁에 문 연 약국 찾는 거예요"),
    # health-003 mental health
    ("health-003", "proxy", "대학생 동생이 요즘 죽고 싶다는 말을 자주 해요 가족이 대신 전화해서 상담받을 수 있는 번호 있어요"),
    ("health-003", "konglish", "요즘 burn out 심해서 counseling 받고 싶어요 free로 되는 데 있어요?"),
    # animal-001 stray / injured animals
    ("animal-001", "twostep", "편의점 앞 상자에 누가 강아지 세 마리를 두고 갔어요 하루 지났는데 주인이 안 와요"),
    ("animal-001", "negation", "집고양이는 아니고 동네 떠도는 고양이들 수술시키는 거 구청에 신청하는 거 맞아요"),
    # animal-002 pet registration
    ("animal-002", "numbers", "태어난 지 70일 된 말티즈 입양했는데 등록 언제까지 해야 돼요"),
    ("animal-002", "compare", "강아지 등록할 때 몸에 넣는 칩이랑 목걸이 중에 뭐로 해야 돼요"),
    # animal-003 pigeons and wildlife
    ("animal-003", "wrongterm", "아파트 쓰레기장에 너구리가 나타났는데 유기동물 보호소에 전화하면 돼요"),
    ("animal-003", "numbers", "북한산 쪽 둘레길 입구에서 밤 9시쯤 멧돼지 두 마리 봤어요"),
    # safety-001 illegal banners and flyers
    ("safety-001", "complaint", "사거리 가로수마다 허가 없는 분양 광고 현수막이 게시되어 있어 미관을 해치고 있으니 정비를 요청합니다"),
    ("safety-001", "twostep", "아침마다 현관에 대출 광고지가 끼워져 있고 엘리베이터에도 붙어요 이런 거 떼 가는 데가 있나요"),
    # safety-002 heat shelters
    ("safety-002", "proxy", "에어컨 없는 반지하에 사시는 외할머니가 낮에 가 계실 시원한 곳 동네에 있는지 찾아 드리려고요"),
    ("safety-002", "numbers", "오늘 체감 온도 35도래요 가까운 경로당 쉼터 몇 시까지 열어요"),
    # safety-003 sinkholes
    ("safety-003", "twostep", "지하 주차장 입구 앞 바닥에 금이 가더니 오늘은 한 뼘 정도 주저앉았어요 차 빼야 하나요"),
    ("safety-003", "negation", "타이어 터지는 그런 작은 구멍 말고 보도 한가운데가 통째로 꺼졌어요"),
    # economy-001 small business policy loans
    ("economy-001", "proxy", "제 가게에 세 든 분식집 사장님이 운영자금이 급하시대요 보증 받는 대출 어디서 상담받아요"),
    ("economy-001", "wrongterm", "중소기업청에 가면 자영업자 금리 낮은 대출 보증 서 주나요"),
    # economy-002 Seoul gift voucher
    ("economy-002", "konglish", "Seoul Pay 앱에서 voucher 할인해서 사는 거 다음 issue 날짜 언제예요"),
    ("economy-002", "failed", "마포구 상품권으로 결제하려다 거절당했어요 서대문구 가게였는데 원래 안 되는 거예요"),
    # economy-003 unpaid wages
    ("economy-003", "proxy", "베트남에서 온 제 직원이 전에 일하던 공장에서 두 달 치 월급을 못 받았대요 같이 상담받을 곳 있어요"),
    ("economy-003", "numbers", "편의점 야간 알바 석 달 했는데 마지막 달 120만 원이 안 들어왔어요 계약서는 없어요"),
    # etc-001 120 call centre
    ("etc-001", "numbers", "제주도 여행 중인데 서울 민원을 물어보려면 02 붙여서 120 눌러요"),
    ("etc-001", "compare", "120에 전화하는 거랑 카톡으로 묻는 거 답이 다르게 나와요 수어로도 돼요"),
    # etc-002 foreign residents
    ("etc-002", "proxy", "제 며느리가 베트남 사람인데 전화 상담을 베트남 말로 받을 수 있을까요"),
    ("etc-002", "konglish", "외국인 friend가 visa 서류 translate 도움 필요해요 global center 같은 데 있어요?"),
]


def norm(s):
    return " ".join(s.split())


def check():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", "..", ".."))
    earlier = []
    for path in glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True):
        if os.path.abspath(path).startswith(os.path.abspath(here)):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if isinstance(row, dict):
                    if isinstance(row.get("query"), str):
                        earlier.append(row["query"])
                    for q in row.get("questions", []) if isinstance(row.get("questions"), list) else []:
                        earlier.append(q)
    worst = 0.0
    bad = 0
    for aid, voice, q in Q:
        best, which = 0.0, ""
        for e in earlier:
            m = difflib.SequenceMatcher(None, norm(q), norm(e))
            if m.real_quick_ratio() <= best or m.quick_ratio() <= best:
                continue
            r = m.ratio()
            if r > best:
                best, which = r, e
        worst = max(worst, best)
        flag = "  <-- NEAR COPY" if best > 0.65 else ""
        bad += best > 0.65
        print(f"{best:.2f} {aid:<12} {q}  ~  {which}{flag}")
    ids = sorted({a for a, _, _ in Q})
    print(f"{len(Q)} questions, {len(ids)} articles, {len(earlier)} earlier questions, worst ratio {worst:.2f}, near copies {bad}")
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    for aid, voice, q in Q:
        print(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False))
