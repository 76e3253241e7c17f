"""Development set for issue 13 (pii-stt.jsonl): numbers as speech-to-text writes them and address details.

Template-generated (the held-apart test set in eval/held-out is hand-written). Covers: digits dictated one by one
with spaces, "다시"/"에" in place of the hyphen, Sino-Korean digit words (공일공 ...), plates written with spaces,
동·호수, 층·호, 번지, road name + building number; and look-alikes of the same shapes (bus routes, times, dates,
amounts, counts said in digits, subway lines and exits, 종로3가).
Run: python3 eval/text-safety/generate_pii_stt.py   (deterministic)
"""
import json, os, random, re

SINO = "공일이삼사오육칠팔구"

def d(n, r): return ''.join(str(r.randint(0, 9)) for _ in range(n))

def luhn(prefix, length, r):
    digits = [int(c) for c in prefix] + [r.randint(0, 9) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, x in enumerate(reversed(digits)):
        if i % 2 == 0:
            x *= 2
            if x > 9: x -= 9
        total += x
    digits.append((10 - total % 10) % 10)
    return ''.join(map(str, digits))

def spaced(s): return ' '.join(s)
def sino(s): return ''.join(SINO[int(c)] for c in s)

def join(groups, r, style):
    """style: one of the ways a transcript writes a grouped number."""
    if style == 'spaced':
        return ' '.join(spaced(g) for g in groups)
    if style == 'spaced-dash':
        return ' - '.join(spaced(g) for g in groups)
    if style == 'dasi':
        return r.choice([' 다시 ', '다시']).join(groups)
    if style == 'spaced-dasi':
        return ' 다시 '.join(spaced(g) for g in groups)
    if style == 'e':
        return r.choice(['에 ', '에']).join(groups)
    if style == 'sino':
        return r.choice([' ', ' 다시 ', '에 ']).join(sino(g) for g in groups)
    if style == 'sino-spaced':
        return ' '.join(' '.join(sino(c) for c in g) for g in groups)
    return '-'.join(groups)

STYLES = ['spaced', 'spaced-dash', 'dasi', 'spaced-dasi', 'e', 'sino', 'sino-spaced']

def rrn_groups(r):
    return [f"{r.randint(0, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}", r.choice('12345678') + d(6, r)]

def phone_groups(r):
    return r.choice([["010", str(r.randint(2, 9)) + d(3, r), d(4, r)], ["02", d(3, r), d(4, r)], ["031", d(3, r), d(4, r)],
                     ["010", str(r.randint(2, 9)) + d(3, r), d(4, r)], ["070", d(4, r), d(4, r)]])

def card_groups(r):
    n = luhn(r.choice(['4', '5', '9410', '6251']), 16, r)
    return [n[0:4], n[4:8], n[8:12], n[12:16]]

CARRIERS = {
    'rrn': ["주민등록번호 말씀드리면 {v}", "네 본인 주민번호가 {v}입니다", "{v} 제 주민번호 맞고요", "확인차 주민번호요 {v}",
            "어머님 주민번호는 {v}예요"],
    'phone': ["회신 받을 번호는 {v}", "{v} 이쪽으로 주세요", "아 그러니까 {v}요", "휴대폰 {v} 입니다", "연락 가능한 번호 {v}"],
    'card': ["카드는 {v} 이거 하나예요", "결제 카드 번호 {v}", "{v} 이 카드 분실했어요"],
    'vehicle_plate': ["그 차 번호가 {v}", "{v} 차량이 인도에 올라와 있어요", "신고 차량 {v}입니다", "{v} 트럭이 밤새 공회전해요"],
    'address': ["사는 곳은 {v}", "{v} 앞 보도블록이 깨졌어요", "{v} 인데 물이 안 나와요", "배달 주소 {v}로 해주세요", "{v}에서 악취가 나요"],
}

PLATE = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호"
def plate(r):
    syl = r.choice(PLATE)
    lead = d(2, r) if r.random() < 0.6 else str(r.randint(100, 699))
    region = r.choice(['', '', '서울 ', '경기 ', '인천 '])
    return r.choice([f"{region}{lead} {syl} {d(4, r)}", f"{region}{lead} {syl}{d(4, r)}", f"{region}{lead}{syl} {d(4, r)}".replace('호 ', '호')])

DONGS = ["역삼동", "상계동", "목동", "화곡동", "봉천동", "중계동", "길음동", "망원동", "수유동", "면목동"]
ROADS = ["종로", "퇴계로", "을지로", "노원로", "양재대로", "남부순환로", "은평로", "천호대로", "왕십리로", "하정로"]
def address(r):
    kind = r.randrange(7)
    if kind == 0: return f"{r.randint(101, 135)}동 {r.randint(1, 30)}{r.randint(1, 8):02d}호"
    if kind == 1: return f"{r.randint(1, 20)}층 {r.randint(1, 20)}{r.randint(1, 9):02d}호"
    if kind == 2: return f"{r.choice(DONGS)} {r.randint(1, 999)}-{r.randint(1, 99)}번지"
    if kind == 3: return f"{r.choice(DONGS)} {r.randint(1, 1999)}번지"
    if kind == 4: return f"{r.choice(ROADS)} {r.randint(1, 400)}"
    if kind == 5: return f"{r.choice(ROADS)}{r.randint(1, 40)}길 {r.randint(1, 60)}"
    return f"{r.randint(101, 120)}동{r.randint(1, 15)}{r.randint(1, 4):02d}호"

LOOKALIKES = [
    lambda r: f"{r.randint(100, 799)}번 버스 {r.randint(5, 40)}분째 안 와요",
    lambda r: f"{r.randint(1, 9)}호선 {r.randint(1, 12)}번 출구로 나가면 돼요",
    lambda r: f"종로{r.randint(1, 6)}가 지하도 조명이 나갔어요",
    lambda r: f"{spaced(str(r.randint(1, 9)))}시 {r.randint(10, 59)}분에 다시 걸게요",
    lambda r: f"금액이 {r.randint(1, 99)}만 {r.randint(1, 9)}천원이요",
    lambda r: f"{r.randint(2015, 2026)}년 {r.randint(1, 12)}월 {r.randint(1, 28)}일 다시 신청했어요",
    lambda r: f"{sino(str(r.randint(1, 9)))}월 {sino(str(r.randint(10, 28)))}일에 가요",
    lambda r: f"{r.randint(2, 30)}층 건물 옥상 문이 열려 있어요",
    lambda r: f"지하 {r.randint(1, 6)}층 주차장 조명",
    lambda r: f"{r.randint(2, 9)}명 {r.randint(2, 9)}팀 참가해요",
    lambda r: f"점수가 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} 이렇게 나왔어요",
    lambda r: f"택시로 {r.randint(5, 40)}분 걸리는 거리",
    lambda r: f"다시 {r.randint(2, 9)}번 눌러야 돼요?",
    lambda r: f"{r.randint(1, 9)}번 {r.randint(1, 9)}번 {r.randint(1, 9)}번 메뉴 다 눌러봤어요",
    lambda r: f"접수번호 {r.randint(2020, 2026)}-{d(6, r)} 다시 확인 부탁",
    lambda r: f"{r.randint(1, 30)}일 다시 {r.randint(1, 30)}일 사이에 공사한대요",
    lambda r: f"오늘 기온이 {r.randint(25, 38)}도예요",
    lambda r: f"제{r.randint(1, 12)}호 태풍 대비 요령",
    lambda r: f"{r.randint(2, 8)}호차 에어컨이 안 나와요",
    lambda r: f"도로 {r.randint(2, 8)}개 차로가 통제됐어요",
    lambda r: f"버스로 {r.randint(2, 9)}정거장이에요",
    lambda r: f"경로 {r.randint(1, 3)}번이 빨라요",
    lambda r: f"공일공 공일공 하는 광고 문자가 계속 와요",
    lambda r: f"일이삼 다시 눌러주세요",
    lambda r: f"{r.randint(3, 15)}동 주민센터 위치요",
]

def main():
    r = random.Random(1313)
    rows = []
    def add(kind, v, template):
        start = template.index('{v}'); text = template.replace('{v}', v, 1)
        rows.append({"text": text, "spans": [{"start": start, "end": start + len(v), "kind": kind}], "group": "stt"})
    for _ in range(60): add('rrn', join(rrn_groups(r), r, r.choice(STYLES)), r.choice(CARRIERS['rrn']))
    for _ in range(80): add('phone', join(phone_groups(r), r, r.choice(STYLES)), r.choice(CARRIERS['phone']))
    for _ in range(30): add('card', join(card_groups(r), r, r.choice(['spaced', 'dasi', 'spaced-dasi', 'e'])), r.choice(CARRIERS['card']))
    for _ in range(40): add('vehicle_plate', plate(r), r.choice(CARRIERS['vehicle_plate']))
    for _ in range(70): add('address', address(r), r.choice(CARRIERS['address']))
    for _ in range(180):
        rows.append({"text": r.choice(LOOKALIKES)(r), "spans": [], "group": "lookalike"})
    r.shuffle(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "pii-stt.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("pii-stt.jsonl", len(rows))

main()
