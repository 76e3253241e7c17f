"""Fourth held-apart knowledge-search TEST set (issue 13, session 9), hand-written by the "sets4" engineer, who wrote
none of the earlier question sets and did not read the search lexicon, synonym lists, priors or model code.
Nothing has been run on it at commit (no kb eval, no kb search, no tests).

Method: the 78 articles of data-seed/demo-knowledge.jsonl (= eval/knowledge/articles.jsonl) were read for what they
answer; each question was then written as a citizen in that situation would say or type it, avoiding the title words
and keywords where a citizen would not know them. Every article has at least one question, most have two.
Ten voices, none used by questions-test (long narrative), test2 (elderly, foreigner, stt, typo, condition, chatty)
or test3 (fragment, slang, proxy, mixed, buried, whatif, happened, plainword):

  sttfix      - speech-to-text of a phone call: fillers (어, 그, 저기요), self-corrections ("아니"), repetitions,
                numbers spelled out, words the recogniser split or misheard, no punctuation
  vent        - an angry complaint that only implies the service wanted ("...이게 말이 됩니까")
  shop        - a shop owner's or employer's view of the problem (their shop, customers, staff)
  neighbour   - someone reporting what happens to a neighbour or in front of their building
  wrongoffice - the caller guesses the wrong office or agency ("경찰서에 가야 돼요?", "세무서", "한전")
  twoword     - two (at most three) words typed into a search box
  konglish    - English loanwords mixed into Korean (디파짓, 렌트비, 픽업, 캔슬, 리펀드, 플루 샷)
  dialect     - Gyeongsang or Jeolla dialect of a working-age speaker (not test2's elderly Chungcheong endings)
  formal      - a stiff written inquiry, e-mail or bulletin-board style (~하였습니다, 안내 바랍니다, 문의드립니다)
  learner     - a foreign resident's learner Korean: bare stems, missing particles, English words, short clauses

Run: python3 eval/held-out/knowledge/write_questions_test4.py   (writes questions-test4.jsonl next to this file)
"""
import json, os

# (voice, question, article id)
Q = [
 # traffic-001 주정차 과태료 납부
 ("sttfix", "어 저기요 그 차 잘못 세웠다고 고지서가 왔는데 어 그거 그 편의점에서도 돼요 아니 은행 가야 되나", "traffic-001"),
 ("twoword", "주차딱지 결제", "traffic-001"),
 # traffic-002 이의신청
 ("vent", "장애 있는 어머니 차에서 내려 드리느라 삼 분 세운 걸 찍어서 돈을 내라니 이게 말이 됩니까 병원 서류 다 있어요", "traffic-002"),
 ("formal", "안녕하십니까. 지난주 환자 이송으로 부득이하게 정차한 건에 대하여 단속 통지서를 받았습니다. 소명 자료를 제출하고자 하니 절차를 안내 바랍니다.", "traffic-002"),
 # traffic-003 견인
 ("wrongoffice", "회사 앞에 세운 차가 없어졌는데 경찰서에 도난 신고부터 해야 돼요 아니면 구청이 끌고 간 건가", "traffic-003"),
 ("konglish", "렉카가 제 차 실어 갔는데 픽업하러 갈 때 뭐 챙겨야 돼요 요금은 얼마", "traffic-003"),
 # traffic-004 주정차 신고
 ("neighbour", "우리 건물 앞 건널목 위에 옆 식당 손님들이 맨날 차를 걸쳐 놔서 어르신들이 차 사이로 지나가요 제가 찍어서 보내도 되나요", "traffic-004"),
 ("konglish", "버스 스탑 앞에 파킹한 차 포토 찍어서 리포트하는 앱 있어요 1분 텀으로 두 장 찍으라던데", "traffic-004"),
 # traffic-005 거주자 우선주차
 ("dialect", "우리 집 앞 골목에 선 그어 놓은 자리 있다 아이가 그거 동네 사람 차 대라고 주는 기라 카던데 우째 받노", "traffic-005"),
 ("formal", "이번에 전입한 세대입니다. 주택가 이면도로의 주민 전용 주차 공간을 배정받고자 하는데 신청처와 배정 기준을 알려 주십시오.", "traffic-005"),
 # traffic-006 공영주차장
 ("learner", "저 차 작아요 모닝이에요 구청 주차장 돈 반만 내요?", "traffic-006"),
 # traffic-007 분실물
 ("sttfix", "어 제가 아까 그 칠백 아니 칠백이십일 번 버스에서 쇼핑백을 놓고 내려 가지고요 어 그거 어디 가면 찾을 수 있어요", "traffic-007"),
 ("learner", "hello 저 지하철 2호선 지갑 놓고 내렸어요 찾고 싶어요 어디 가요", "traffic-007"),
 # traffic-008 따릉이
 ("konglish", "서울 바이크 셰어링 렌트하려면 앱 깔고 패스 사야 돼요 원데이 패스 같은 거 있어요", "traffic-008"),
 ("sttfix", "어 그 따름이 아니 따릉이 그 공공 그 자전거요 어 반납을 빌린 데 말고 딴 데다 해도 되는 거예요", "traffic-008"),
 # traffic-009 버스 불친절, 무정차
 ("vent", "472번 기사가 오늘 아침 여덟 시 십 분에 타는 사람한테 반말로 소리를 지르더군요 정류장 사람들 다 봤습니다 이런 사람이 운전해도 됩니까", "traffic-009"),
 ("neighbour", "가게 앞 정류장에서 버스들이 서지도 않고 쌩쌩 지나가 버려서 손 흔드는 어르신들이 발만 동동 굴러요", "traffic-009"),
 # traffic-010 택시
 ("konglish", "택시가 미터 안 켜고 픽스 프라이스로 오만 원 차지했어요 리시트랑 차 넘버 있어요", "traffic-010"),
 ("vent", "명동에서 택시 다섯 대가 연달아 창문만 내리고 어디 가냐 묻더니 가깝다니까 그냥 가 버리네요 손님을 골라 태우는 게 말이 됩니까", "traffic-010"),
 # traffic-011 기후동행카드
 ("konglish", "서울 대중교통 언리미티드 패스 먼슬리로 사는 거 모바일로 돼요 저 스물다섯이라 디씨 되나", "traffic-011"),
 ("twoword", "지하철 월정액", "traffic-011"),
 # traffic-012 교통카드 환불
 ("dialect", "교통카드 안에 돈 남은 거 돌려받을라카믄 어데 가야 되노 삼만 원 넘게 들어 있는데", "traffic-012"),
 ("sttfix", "어 그 버스 카드가요 어 찍어도 삑 소리가 안 나요 근데 안에 돈이 좀 남아 있거든요 그 돈은 어떻게 돼요", "traffic-012"),
 # traffic-013 스쿨존
 ("learner", "학교 앞 길 몇 킬로 가요? 저 40 갔어요 카메라 찍었어요 벌금 많아요?", "traffic-013"),
 ("wrongoffice", "초등학교 앞에서 과속으로 찍혔는데 이거 교육청에서 벌금 나오는 거예요 일반 도로보다 더 세다던데", "traffic-013"),
 # traffic-014 번호판 영치
 ("vent", "세금 좀 늦었다고 말 한마디 없이 차 번호를 떼어 가는 게 어딨습니까 내일 출근은 어떻게 하라고요", "traffic-014"),
 ("formal", "자동차세 체납으로 차량 번호판이 회수되었습니다. 체납액은 오늘 전액 납부하였으니 반환 절차와 방문처를 안내해 주시기 바랍니다.", "traffic-014"),
 # waste-001 대형폐기물
 ("shop", "식당 문 닫으면서 테이블 열 개랑 의자 사십 개를 내놔야 되는데 하나하나 돈 내고 번호 붙여야 돼요", "waste-001"),
 ("konglish", "이사하면서 퀸 베드 프레임이랑 카우치 버려야 되는데 온라인으로 예약하고 피 내면 픽업해 가요", "waste-001"),
 # waste-002 폐가전 무상수거
 ("sttfix", "어 그 양문형 냉장고요 큰 거 어 그거 버리려고 하는데 그 돈 안 받고 집까지 와서 가져가는 데 번호 좀 알려 주세요", "waste-002"),
 ("dialect", "세탁기가 고장 나 부렀는디 공짜로 실어 가는 데가 있다등마 어디다 전화허믄 된당가", "waste-002"),
 # waste-003 음식물쓰레기
 ("learner", "생선 뼈 음식 쓰레기 맞아요? 조개 껍질은요? 한국 쓰레기 너무 어려워요", "waste-003"),
 ("twoword", "복숭아씨 음쓰", "waste-003"),
 # waste-004 재활용 요일
 ("neighbour", "옆집 할머니가 박스랑 병을 아무 날이나 내놓으셔서 경비 아저씨가 뭐라 하시는데 우리 동네 가져가는 날을 알려 드리려고요", "waste-004"),
 # waste-005 종량제 봉투
 ("dialect", "쓰레기 봉다리 어데서 파능교 이사 와서 전 동네 거 남았는데 그거 그냥 써도 되능교", "waste-005"),
 ("learner", "쓰레기 봉지 어디 사요? 편의점 팔아요? 다른 구 봉지 괜찮아요?", "waste-005"),
 # waste-006 무단투기
 ("shop", "편의점 하는데 밤마다 가게 앞 수거함에 동네 사람들이 집 쓰레기를 몽땅 던져 놓고 가요 CCTV 영상 있는데 어디로 보내요", "waste-006"),
 ("vent", "매일 새벽 우리 대문 앞에 음식물 봉지 던지고 가는 인간 때문에 미치겠습니다 구청은 뭐 합니까 잡아서 벌금 좀 물리세요", "waste-006"),
 # waste-007 미수거
 ("twoword", "청소차 안옴", "waste-007"),
 ("vent", "내놓은 봉투를 닷새째 안 가져가서 골목이 쓰레기장이 됐어요 세금 받아서 다 어디 씁니까", "waste-007"),
 # water-001 수도요금 조회 납부
 ("konglish", "워터 빌 온라인으로 체크하고 오토페이 걸고 싶은데 커스터머 넘버가 어디 적혀 있어요", "water-001"),
 ("formal", "수돗물 사용 요금 고지서를 분실하였습니다. 인터넷으로 금액을 조회하고 납부하는 방법을 안내해 주십시오.", "water-001"),
 # water-002 요금 과다
 ("vent", "두 달에 이만 원 나오던 물값이 이번엔 이십만 원입니다 식구 셋이 뭘 얼마나 썼다고 이런 금액이 나옵니까", "water-002"),
 ("shop", "미용실 하는데 이번 달 수도 요금이 평소 세 배가 나왔어요 어디서 새는 건지 확인해서 고치면 좀 빼 주나요", "water-002"),
 # water-003 단수
 ("twoword", "물 끊김", "water-003"),
 ("dialect", "아침부터 수돗물이 한 방울도 안 나오는데 공사한다 소리도 몬 들었다 이거 우예 된 기고", "water-003"),
 # water-004 녹물
 ("learner", "물 색깔 brown 이에요 마셔도 돼요? 검사 해 줘요?", "water-004"),
 ("wrongoffice", "수도꼭지에서 누런 물이 나와서 정수기 회사에 전화했더니 시에 물어보래요 물 검사는 어디서 해 줘요", "water-004"),
 # water-005 계량기 동파
 ("sttfix", "어 저기요 그 마당에 그 뚜껑 열면 있는 거 물 쓴 양 재는 거요 그게 얼어 가지고 어 유리가 쫙 갈라져서 물이 새요", "water-005"),
 ("wrongoffice", "한파에 수도 미터기가 터졌는데 관리실에서는 한전에 물어보래요 이거 어디서 갈아 줘요", "water-005"),
 # water-006 도로 누수
 ("neighbour", "가게 앞 인도 틈으로 물이 계속 올라와서 지나가는 사람들 신발이 다 젖어요 땅속에서 뭐가 터진 것 같아요", "water-006"),
 ("sttfix", "어 여기 지금 사거리 횡단보도 옆인데요 어 아스팔트 사이로 물이 막 퐁퐁 아니 콸콸 올라와요", "water-006"),
 # tax-001 재산세
 ("konglish", "하우스 택스 7월에 나온 거 크레딧카드로 페이 돼요", "tax-001"),
 # tax-002 자동차세 연납
 ("sttfix", "어 자동 아니 차 세금이요 그 일 년 치를 한 번에 미리 내면 좀 빼 준다던데 그거 지금 해도 돼요", "tax-002"),
 ("shop", "회사 업무용 차 다섯 대 세금을 연초에 몰아서 내면 할인된다던데 법인 차도 되나요", "tax-002"),
 # tax-003 체납 분할
 ("vent", "장사 접고 빚더미인데 구청은 세금 안 내면 통장 압류한다고 독촉장만 보냅니다 한 번에 낼 돈이 어디 있습니까", "tax-003"),
 ("formal", "경영 악화로 지방세를 기한 내 납부하지 못하였습니다. 일시 납부가 어려운 형편인데 나누어 납부할 수 있는지 문의드립니다.", "tax-003"),
 # tax-004 납세증명서
 ("learner", "비자 연장 해요 세금 다 냈어요 그 종이 필요해요 어디서 받아요", "tax-004"),
 ("twoword", "세금완납 서류", "tax-004"),
 # tax-005 주민세
 ("sttfix", "어 그 팔월에 뭐 육천 원짜리 고지서가 왔는데 이게 어 제가 뭘 안 낸 건지 원래 나오는 건지 모르겠어요", "tax-005"),
 ("learner", "저 혼자 살아요 8월 세금 종이 왔어요 6천원 이거 뭐예요", "tax-005"),
 # tax-006 취득세
 ("wrongoffice", "집 사고 나서 내는 세금 세무서 가서 신고하면 되는 거죠 언제까지 해야 돼요", "tax-006"),
 ("konglish", "아파트 클로징하고 두 달 안에 택스 리포트 해야 된다던데 어디서 파일링해요", "tax-006"),
 # welfare-001 기초생활보장
 ("neighbour", "옆방 할아버지가 일을 못 하셔서 끼니를 거르시는데 나라에서 매달 생활비 받게 해 드릴 방법 없을까요", "welfare-001"),
 ("wrongoffice", "벌이가 없어서 매달 나오는 생활비 받으려고 국민연금공단에 갔더니 여기 아니래요 어디 가서 신청해요", "welfare-001"),
 # welfare-002 기초연금
 ("dialect", "우리 어무이 내년에 예순다섯 되시는데 나라서 노인들 달마다 주는 돈 그거 언제부터 신청하믄 되능교", "welfare-002"),
 # welfare-003 긴급복지
 ("vent", "회사에서 하루아침에 잘렸는데 월세도 밀리고 애들 밥값도 없어요 이런 사람은 그냥 굶으라는 겁니까", "welfare-003"),
 ("sttfix", "어 남편이 암 진단을 받아 가지고 어 갑자기 수입이 없어졌는데 병원비랑 생활비를 급하게 도와주는 거 있나요", "welfare-003"),
 # welfare-004 장애인 등록
 ("formal", "모친께서 뇌경색 이후 보행이 어려우십니다. 장애 판정을 받기 위한 신청처와 필요 서류를 알려 주시기 바랍니다.", "welfare-004"),
 # welfare-005 장애인 콜택시
 ("konglish", "휠체어 유저인데 리프트 달린 밴 택시 콜하는 번호 뭐예요", "welfare-005"),
 ("neighbour", "옆집 아저씨가 휠체어를 타시는데 병원 갈 때마다 고생하셔서 휠체어째 태워 주는 차를 부를 수 있는지 대신 알아봐요", "welfare-005"),
 # welfare-006 아동수당 부모급여
 ("sttfix", "어 애기가 지난달에 태어났는데 어 매달 나오는 그 돈 그거 출생 그 신고할 때 같이 신청이 돼요", "welfare-006"),
 ("learner", "아기 6개월이에요 한국 나라 돈 매달 줘요? 얼마예요?", "welfare-006"),
 # welfare-007 청년월세
 ("konglish", "자취하는 이십 대인데 렌트비 서포트 프로그램 언제 오픈해요", "welfare-007"),
 ("dialect", "서울서 혼자 방 얻어 사는 스물여섯인데 집세 좀 보태 준다 카는 거 그거 우째 신청하노", "welfare-007"),
 # welfare-008 노인일자리
 ("twoword", "노인 소일거리", "welfare-008"),
 ("dialect", "우리 아부지 예순여덟인디 집에만 있응께 심심허다고 동네서 허는 일 없냐고 허시는디 어디다 물어보믄 되까", "welfare-008"),
 # welfare-009 돌봄SOS
 ("formal", "부친께서 홀로 지내시다 낙상하여 거동이 불편하십니다. 단기간 가정 방문 수발이나 병원 동행을 지원받을 수 있는지 문의드립니다.", "welfare-009"),
 # welfare-010 임산부 교통비
 ("sttfix", "어 저 지금 임신 한 넉 달 됐는데 그 서울시에서 뭐 차비 같은 거 칠십만 원 준다는 거 있다면서요", "welfare-010"),
 ("twoword", "임신 차비", "welfare-010"),
 # civil-001 여권 발급
 ("wrongoffice", "여권 처음 만들려면 출입국사무소 가야 돼요 아니면 동사무소 가요", "civil-001"),
 ("konglish", "첫 오버시즈 트립인데 패스포트 뉴로 만드는 데 며칠 걸려요 포토는 몇 장", "civil-001"),
 # civil-002 여권 분실
 ("twoword", "여권 없어짐", "civil-002"),
 ("sttfix", "어 여권이 분명 서랍에 있었는데 어 아무리 찾아도 없어요 다음 달에 출국인데 어 신고부터 해야 되나요", "civil-002"),
 # civil-003 주민등록증 재발급
 ("wrongoffice", "주민등록증 잃어버렸는데 경찰서에 분실 신고하고 거기서 새로 받는 거 맞죠", "civil-003"),
 ("twoword", "민증 다시", "civil-003"),
 # civil-004 등본
 ("konglish", "회사에 낼 등본 온라인으로 프린트 돼요 키오스크에선 핑거프린트 해야 된다던데", "civil-004"),
 # civil-005 전입신고
 ("learner", "저 이사 했어요 새 집 주소 바꿔요 어디 가요? 늦으면 돈 내요?", "civil-005"),
 ("konglish", "전세 계약하고 무브인 했는데 주소 이전이랑 그 날짜 도장 같이 받으라던데 온라인 돼요", "civil-005"),
 # civil-006 출생신고
 ("dialect", "아 낳은 지 보름 됐는데 호적에 올리는 거 언제까지 해야 되노 늦으면 머라 카나", "civil-006"),
 ("wrongoffice", "아기 낳은 산부인과에서 나라에 이름 올려 주는 거 아니었어요 우리가 따로 어디 가서 해야 돼요", "civil-006"),
 # civil-007 인감증명서
 ("sttfix", "어 그 도장 등록된 거 증명하는 그 종이요 어 부동산에서 가져오라는데 제가 못 가고 와이프가 가도 되나요", "civil-007"),
 ("twoword", "인감 떼기", "civil-007"),
 # civil-008 가족관계증명서
 ("konglish", "비자 서류로 패밀리 릴레이션 서티피케이트 필요하대요 온라인 발급 돼요", "civil-008"),
 ("learner", "한국 남편 있어요 남편 가족 증명 종이 필요해요 인터넷 돼요?", "civil-008"),
 # civil-009 운전면허 갱신
 ("wrongoffice", "운전 면허 기한이 다음 달에 끝나는데 구청 가면 새로 바꿔 주나요", "civil-009"),
 ("twoword", "면허 만료", "civil-009"),
 # housing-001 층간소음
 ("vent", "새벽 두 시까지 위층 애들이 뛰어다니는데 관리실은 손 놓고 있고 올라가면 싸움 나요 이대로 살라는 겁니까", "housing-001"),
 ("dialect", "윗집이 밤마다 쿵쿵거려가 잠을 몬 잔다 어데 얘기하믄 와서 소리 재 주기도 하나", "housing-001"),
 # housing-002 전세사기
 ("konglish", "디파짓 리턴을 안 해 줘요 랜드로드가 연락 두절이고 집이 경매 넘어간대요", "housing-002"),
 ("sttfix", "어 계약이 끝났는데 어 집주인이 돈이 없다고 그 맡긴 돈을 못 준대요 어 소송을 해야 되는 건지 어디서 도와주나요", "housing-002"),
 # housing-003 공공임대
 ("twoword", "청년주택 모집", "housing-003"),
 ("formal", "신혼부부로서 서울시가 공급하는 저렴한 임대 아파트 입주를 희망합니다. 모집 공고 확인 방법과 신청 방법을 안내 바랍니다.", "housing-003"),
 # housing-004 위험 건축물
 ("neighbour", "옆 건물 주인이 허가도 없이 옥상에 방을 올리고 있는데 공사하는 거 보니 위태위태해요", "housing-004"),
 ("vent", "골목 끝 빈집 담이 배가 불러서 곧 쏟아질 판인데 몇 달째 아무도 안 와 봅니다 사람이 깔려야 움직일 겁니까", "housing-004"),
 # road-001 포트홀
 ("konglish", "도로에 큰 홀이 있어서 타이어 데미지 입었어요 컴펜세이션 받을 수 있나요", "road-001"),
 ("twoword", "아스팔트 패임", "road-001"),
 # road-002 가로등
 ("vent", "골목 불이 한 달째 나가 있어서 딸아이가 밤마다 무섭다고 뛰어 들어옵니다 몇 번을 말해야 고쳐 줍니까", "road-002"),
 ("sttfix", "어 저희 집 앞 길에 서 있는 등이요 어 밤새 깜빡깜빡 하더니 아니 지금은 아예 꺼졌어요 기둥에 번호 같은 게 붙어 있던데", "road-002"),
 # road-003 보도블록, 공사 불편
 ("shop", "가게 앞 인도 블록이 다 들떠서 손님들이 자꾸 걸려 넘어져요 가게 탓 할까 봐 겁나요", "road-003"),
 ("twoword", "보도 들뜸", "road-003"),
 # road-004 제설, 결빙
 ("dialect", "눈이 와가 언덕길이 꽁꽁 얼었는데 아무도 안 치아 준다 모래라도 좀 뿌리도", "road-004"),
 ("wrongoffice", "아파트 앞 찻길이 빙판인데 관리사무소는 자기네 땅 아니라네요 그럼 누가 치워요", "road-004"),
 # culture-001 공공서비스예약
 ("konglish", "구립 풋살장 부킹 어디서 해요 캔슬은 전날까지 돼요", "culture-001"),
 ("twoword", "구민센터 강좌신청", "culture-001"),
 # culture-002 미술관 박물관
 ("sttfix", "어 이번 주 월요일에 애들 데리고 그 서소문에 서울시 그림 전시하는 데 가려는데 어 문 여나요 입장료는", "culture-002"),
 ("formal", "초등학교 교사입니다. 학급 학생 스물다섯 명과 서울역사박물관을 관람하려 하는데 사전 예약이 필요한지 문의드립니다.", "culture-002"),
 # culture-003 한강공원
 ("konglish", "한강에서 바비큐 해도 돼요 텐트 캠핑은 어디서 예약해요", "culture-003"),
 ("twoword", "한강 맥주", "culture-003"),
 # culture-004 도서관
 ("sttfix", "어 시청 앞에 그 큰 도서관 있잖아요 거기서 책 빌리려면 뭐 만들어야 돼요 몇 권까지 돼요", "culture-004"),
 # health-001 예방접종
 ("dialect", "우리 영감 폐렴 주사 보건소 가믄 공짜로 놔 주나 어데 가믄 되노", "health-001"),
 # health-002 야간 휴일 진료
 ("sttfix", "어 설날 아침인데 아버지가 배탈이 나셔서 어 지금 문 연 약국이나 병원 어디 있는지 좀", "health-002"),
 ("learner", "일요일 저 배 많이 아파요 병원 다 닫았어요 지금 열린 병원 어디요", "health-002"),
 # health-003 정신건강
 ("konglish", "요즘 번아웃이 너무 심해서 멘탈 케어 받을 수 있는 카운슬링 무료로 있어요", "health-003"),
 ("twoword", "무료 심리상담", "health-003"),
 # animal-001 유기동물, 길고양이
 ("neighbour", "우리 빌라 주차장에 누가 강아지를 묶어 놓고 갔어요 이틀째 그대로예요", "animal-001"),
 ("wrongoffice", "다리 다친 길고양이를 동물병원에 데려갔더니 구청에 알리래요 구청 어느 과예요", "animal-001"),
 # animal-002 반려동물 등록
 ("konglish", "퍼피 입양했는데 마이크로칩 꼭 넣어야 돼요 안 하면 페널티 있어요", "animal-002"),
 ("twoword", "강아지 칩", "animal-002"),
 # animal-003 비둘기, 야생동물
 ("vent", "베란다 난간에 비둘기들이 떼로 앉아 똥을 싸 대는데 빨래를 못 널어요 구청은 이런 거 안 쫓아 줍니까", "animal-003"),
 ("sttfix", "어 지금 아파트 뒷산 쪽에서 어 멧 아니 산돼지 같은 게 내려와 가지고 쓰레기통을 뒤지고 있어요", "animal-003"),
 # safety-001 불법 광고물
 ("shop", "가게 유리문에 밤새 누가 대출 전단을 잔뜩 붙여 놓고 가요 떼도 떼도 또 붙여요", "safety-001"),
 ("twoword", "찌라시 신고", "safety-001"),
 # safety-002 무더위쉼터
 ("konglish", "히트웨이브 때 에어컨 나오는 쿨링 센터 동네에 있어요", "safety-002"),
 ("neighbour", "반지하 사시는 옆집 할머니가 더위에 기운이 없으신데 낮에 시원하게 계실 곳을 알아봐 드리고 싶어요", "safety-002"),
 # safety-003 싱크홀
 ("sttfix", "어 여기 지금 사거리 앞인데 어 길이 푹 아니 동그랗게 주저앉아 가지고 구멍이 점점 커지고 있어요", "safety-003"),
 # economy-001 소상공인 정책자금
 ("shop", "분식집 하는데 건물주가 보증금을 올려 달래서 급하게 이자 싼 돈 빌릴 데 찾고 있어요", "economy-001"),
 # economy-002 서울사랑상품권
 ("dialect", "시장서 쓰는 그 싸게 파는 서울 상품권 언제 또 나오노 우리 구 거는 딴 구서 몬 쓰나", "economy-002"),
 # economy-003 임금체불
 ("wrongoffice", "알바비 두 달 치를 못 받았는데 경찰서에 사기로 고소해야 돼요", "economy-003"),
 ("vent", "석 달을 새벽까지 일 시켜 놓고 돈 한 푼 안 주고 연락 끊은 사장 혼내 줄 방법 없습니까", "economy-003"),
 # etc-001 120
 ("konglish", "다산콜 카톡 채팅으로도 컨택 가능해요 새벽에도 돼요", "etc-001"),
 ("twoword", "120 새벽", "etc-001"),
 # etc-002 외국인 생활 지원
 ("learner", "hi 저 베트남 사람이에요 한국어 어려워요 베트남 말 상담 있어요?", "etc-002"),
 ("konglish", "외국인 와이프 비자 서류 통역 서포트 받을 수 있는 센터 있어요", "etc-002"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "questions-test4.jsonl"), "w", encoding="utf-8") as f:
    for voice, q, aid in Q:
        f.write(json.dumps({"query": q, "id": aid, "voice": voice}, ensure_ascii=False) + "\n")
print("questions-test4.jsonl", len(Q))
