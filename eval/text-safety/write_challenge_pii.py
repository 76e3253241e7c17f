"""Hand-written messy lines (challenge-pii.jsonl): glued particles, STT fillers, split numbers, several kinds per line.
Written before the masker was run on them; reported by `minwon text eval` but not part of the CI gate.
PII is marked ⟦kind|value⟧ here and turned into UTF-16 spans.

Run: python3 eval/text-safety/write_challenge_pii.py
"""
import json, os, re

LINES = [
    "네 제 번호가 ⟦phone|010-4821-9930⟧이에요 문자 주세요",
    "핸드폰⟦phone|01048219930⟧ 집⟦phone|02-987-6543⟧",
    "어.. 그러니까 번호가 ⟦phone|공일공 어 사팔이일 구구삼공⟧",
    "번호는 ⟦phone|영일영 칠칠팔팔 구구공공⟧이요",
    "⟦phone|공일공에 사팔이일에 구구삼공⟧",
    "제 폰 ⟦phone|010 4821 9930⟧번이요",
    "연락처: ⟦phone|010.4821.9930⟧ / 이메일: ⟦email|jiyoung.park@gmail.com⟧",
    "어머니 번호 ⟦phone|011-482-9930⟧ 아직 쓰세요",
    "주민번호는요 ⟦rrn|850412-2345678⟧ 이고 이름은 박지영입니다",
    "주민 ⟦rrn|8504122345678⟧",
    "주민번호 앞자리 ⟦rrn|850412⟧ 뒷자리 ⟦rrn|2345678⟧",
    "외국인이라 등록번호가 ⟦rrn|920707-6123456⟧이에요",
    "주민번호가 ⟦rrn|201030-3912345⟧ 애기꺼요",
    "카드는 ⟦card|5310 7012 3456 7893⟧ 이거요",
    "⟦card|4518-4400-1234-5675⟧로 결제됐다는데 제가 안 했어요",
    "농협 ⟦account|352-0123-4567-83⟧ 으로 환불 해주세요 예금주 김영수",
    "환불은 카카오뱅크 ⟦account|3333-05-1234567⟧ 로요",
    "입금계좌 ⟦account|110-432-987654⟧ 신한은행 맞는지 확인 부탁드립니다",
    "우리 ⟦account|1002-345-678901⟧ 예금주 이민호로 보내주세요",
    "메일 ⟦email|minho.lee88@naver.com⟧으로 답변 주세요",
    "⟦email|seoul_citizen@hanmail.net⟧ 이쪽으로 보내주시면 됩니다",
    "답장은 ⟦email|abc.def-ghi@korea.kr⟧.",
    "여권번호 ⟦passport|M70123456⟧ 만료돼서요",
    "새 여권 ⟦passport|M012B3456⟧ 이걸로 변경해주세요",
    "운전면허 ⟦driver_license|13-05-123456-78⟧ 갱신 안내 문자 받았어요",
    "면허증 ⟦driver_license|경기 05-123456-78⟧ 옛날 거요",
    "⟦vehicle_plate|57나1234⟧ 차가 인도에 주차했어요",
    "⟦vehicle_plate|157더 4821⟧ 번호판 차 불법주차",
    "차량번호 ⟦vehicle_plate|경기12가3456⟧이고요 견인됐어요",
    "⟦vehicle_plate|서울 34버5678⟧ 택시 승차거부 신고",
    "블랙박스에 ⟦vehicle_plate|23하4567⟧ 찍혔어요 렌트카 같아요",
    "제 차 ⟦vehicle_plate|301허2234⟧요",
    "연락처 ⟦phone|+82-10-4821-9930⟧ (해외체류중)",
    "⟦phone|+82 2 987 6543⟧ 으로 전화주세요",
    "문의는 ⟦phone|070-8765-4321⟧로 하래요",
    "전화번호 ⟦phone|987-6543⟧ 이에요 국번은 02",
    "번호 남길게요 ⟦phone|010-4821-9930⟧ ⟦phone|010-1111-2222⟧ 둘 중 아무데나",
    "김철수 ⟦rrn|701225-1234567⟧ ⟦phone|010-2345-6789⟧ ⟦email|cs.kim@daum.net⟧",
    "아 그 카드번호 ⟦card|9410-1234-5678-9013⟧ 맞아요",
    # look-alikes (no PII)
    "3월15일 14시30분에 방문 예약했어요",
    "2024/03/15 고지서 받았어요",
    "금액 1,234,500원 중에 500,000원만 냈어요",
    "접수번호2024-0012345 조회요",
    "7016번 버스 정류장 번호 12-345",
    "⟦address|101동1203호⟧ 누수, ⟦address|102동 903호⟧ 소음",
    "지번 ⟦address|산 12-3 번지⟧, 본번 123 부번 45",
    "사업자번호 220-81-62517 가게 영업신고",
    "버스 N62번 막차 시간이 몇 시예요",
    "2023년 11월 2일부터 2024년 3월 15일까지",
    "우편번호 06236 맞죠",
    "관리번호 2024-123456 건축물대장",
    "오후 3시~5시 사이에 와주세요",
    "공일공 으로 시작하는 문자 스팸 신고",
    "일이삼사 순서대로 줄 서세요",
    "총 1,500,000원 환불 받을 계좌가 아직 없어요",
    "신한은행 앞 사거리 신호등 고장",
    "국민은행 본점 주차장 12대 자리",
    "1588-5678 로 전화했는데 상담원 연결이 안 돼요",
    "120 다산콜 120-1번 메뉴",
    "제 차는 2019년식이고 배기량 1,598cc",
    "키 180 몸무게 75",
    "번호표 A-102번",
    "주차면 B1-23번",
    "학생 수 1,234명 학교",
    "공사기간 2024.03.15~2024.12.31",
    "이천이십사 년에 이사 왔어요",
    "12가 사거리에서 좌회전",
    "⟦address|3가 1234번지⟧",
]

rows = []
for line in LINES:
    spans = []
    text = ""
    pos = 0
    for m in re.finditer(r"⟦(\w+)\|([^⟧]+)⟧", line):
        text += line[pos:m.start()]
        start = len(text.encode("utf-16-le")) // 2
        text += m.group(2)
        spans.append({"start": start, "end": start + len(m.group(2).encode("utf-16-le")) // 2, "kind": m.group(1)})
        pos = m.end()
    text += line[pos:]
    rows.append({"text": text, "spans": spans, "group": "positive" if spans else "lookalike"})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "challenge-pii.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows))
