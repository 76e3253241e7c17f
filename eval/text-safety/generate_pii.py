"""Builds the PII evaluation set (pii.jsonl, pii-holdout.jsonl) from hand-written citizen-chat and STT templates.

Run: python3 eval/text-safety/generate_pii.py   (deterministic: fixed seeds)
Each line: {"text", "spans": [{"start","end","kind"}], "group"}; offsets are UTF-16 (all text here is in the BMP).
"""
import json, random, re, sys, os

def luhn_complete(prefix, length, rnd):
    digits = [int(c) for c in prefix] + [rnd.randint(0, 9) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    digits.append((10 - total % 10) % 10)
    return ''.join(map(str, digits))

def rrn(rnd):
    yy = rnd.randint(0, 99); mm = rnd.randint(1, 12); dd = rnd.randint(1, 28)
    seventh = rnd.choice('12345678')
    tail = seventh + ''.join(str(rnd.randint(0, 9)) for _ in range(6))
    head = f"{yy:02d}{mm:02d}{dd:02d}"
    return rnd.choice([f"{head}-{tail}", f"{head}{tail}", f"{head}-{tail}", f"{head} {tail}"])

def d(n, rnd): return ''.join(str(rnd.randint(0, 9)) for _ in range(n))

def phone(rnd):
    mid4 = str(rnd.randint(2, 9)) + d(3, rnd); last = d(4, rnd)
    forms = [f"010-{mid4}-{last}", f"010{mid4}{last}", f"010 {mid4} {last}", f"010.{mid4}.{last}",
             f"+82 10-{mid4}-{last}", f"+82-10-{mid4}-{last}", f"+8210{mid4}{last}", f"011-{mid4[:3]}-{last}",
             f"02-{mid4[:3]}-{last}", f"02-{mid4}-{last}", f"031-{mid4[:3]}-{last}", f"051-{mid4}-{last}",
             f"070-{mid4}-{last}", f"064-{mid4[:3]}-{last}", f"02)  {mid4[:3]}-{last}".replace('  ', ' '), f"010-{mid4}-{last}"]
    return rnd.choice(forms)

def card(rnd):
    kind = rnd.random()
    if kind < 0.15:
        n = luhn_complete('37' + str(rnd.randint(0, 9)), 15, rnd)
        return f"{n[:4]}-{n[4:10]}-{n[10:]}"
    n = luhn_complete(rnd.choice(['4', '5', '9410', '5310', '4518', '6251']), 16, rnd)
    sep = rnd.choice(['-', ' ', '', '-'])
    return sep.join([n[0:4], n[4:8], n[8:12], n[12:16]])

BANKS = [("국민은행", lambda r: f"{d(6,r)}-{d(2,r)}-{d(6,r)}"), ("신한은행", lambda r: f"110-{d(3,r)}-{d(6,r)}"),
         ("우리은행", lambda r: f"1002-{d(3,r)}-{d(6,r)}"), ("농협", lambda r: f"352-{d(4,r)}-{d(4,r)}-{d(2,r)}"),
         ("하나은행", lambda r: f"{d(3,r)}-{d(6,r)}-{d(5,r)}"), ("카카오뱅크", lambda r: f"3333-{d(2,r)}-{d(7,r)}"),
         ("기업은행", lambda r: f"{d(3,r)}-{d(6,r)}-{d(2,r)}-{d(3,r)}"), ("우체국", lambda r: f"{d(6,r)}-{d(2,r)}-{d(6,r)}"),
         ("새마을금고", lambda r: f"9002{d(9,r)}"), ("토스뱅크", lambda r: f"1000-{d(4,r)}-{d(4,r)}")]

def email(rnd):
    user = rnd.choice(['hong', 'kimmj', 'parksh', 'leejy', 'minwon', 'choi.ys', 'jung_h', 'kang88', 'yoon.sera', 'hanbit2'])
    user += rnd.choice(['', str(rnd.randint(1, 99)), str(rnd.randint(1970, 2005))])
    return user + '@' + rnd.choice(['naver.com', 'gmail.com', 'daum.net', 'hanmail.net', 'kakao.com', 'korea.kr', 'seoul.go.kr', 'nate.com'])

def passport(rnd):
    return rnd.choice([f"M{d(8,rnd)}", f"M{d(3,rnd)}{rnd.choice('ABCDEFGHJK')}{d(4,rnd)}", f"S{d(8,rnd)}"])

def license(rnd):
    region = rnd.randint(11, 28)
    return rnd.choice([f"{region}-{d(2,rnd)}-{d(6,rnd)}-{d(2,rnd)}", f"{rnd.choice(['서울','경기','부산'])} {d(2,rnd)}-{d(6,rnd)}-{d(2,rnd)}"])

PLATE_SYL = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허"
def plate(rnd):
    syl = rnd.choice(PLATE_SYL)
    return rnd.choice([f"{d(2,rnd)}{syl}{d(4,rnd)}", f"{rnd.randint(100,399)}{syl}{d(4,rnd)}", f"서울{d(2,rnd)}{syl}{d(4,rnd)}",
                       f"경기 {d(2,rnd)}{syl}{d(4,rnd)}", f"{d(2,rnd)}{syl} {d(4,rnd)}".replace('호 ', '호')])

SINO = "공일이삼사오육칠팔구"
def spoken_phone(rnd):
    mid = str(rnd.randint(2, 9)) + d(3, rnd); last = d(4, rnd)
    say = lambda s: ''.join(SINO[int(c)] for c in s)
    return rnd.choice([f"공일공 {say(mid)} {say(last)}", f"공일공{say(mid)}{say(last)}", f"공일공 {say(mid)}에 {say(last)}"])

POSITIVE = {
    'rrn': (rrn, ["주민번호 {v} 입니다", "제 주민등록번호는 {v}이에요", "본인확인 주민번호 {v}", "{v} 이게 제 주민번호고요 이름은 김민수요",
                  "외국인등록번호 {v} 입니다", "주민번호요? {v}", "아버지 주민번호가 {v}인데 대리신청 돼요?", "주민번호앞자리랑뒷자리 {v}",
                  "네 {v} 맞아요", "주민 등록 번호 {v} 확인 부탁드려요"]),
    'phone': (phone, ["연락처는 {v} 입니다", "{v}로 전화 주세요", "제 번호 {v}요", "핸드폰 {v} 으로 문자 주세요", "전화번호가 {v} 인데 안 받으면 문자 남겨주세요",
                      "{v}", "회신은 {v}로 부탁드립니다", "집전화 {v} 이고 낮에는 없어요", "담당자 번호 {v} 맞나요?", "아들 번호 {v}로 연락주세요 급해요"]),
    'card': (card, ["카드번호 {v} 로 결제했는데 취소가 안돼요", "결제한 카드가 {v} 이에요", "{v} 이 카드로 환불 부탁드려요", "카드 번호는 {v}입니다",
                    "체크카드 {v} 분실신고 하려고요", "{v} 유효기간 12/27"]),
    'email': (email, ["이메일 {v} 로 보내주세요", "{v}으로 회신 부탁드려요", "메일주소 {v}", "답변은 {v} 로 받을게요", "{v} 이메일로 서류 보냈어요"]),
    'passport': (passport, ["여권번호 {v} 입니다", "여권번호가 {v}이고 만료일은 2030년이에요", "passport {v}", "여권 {v} 재발급 문의요"]),
    'driver_license': (license, ["운전면허번호 {v} 입니다", "면허번호 {v}요", "면허증 번호가 {v} 인데 적성검사 언제까지예요",
                                 "운전면허 {v} 정지 기간 문의합니다"]),
    'vehicle_plate': (plate, ["차량번호 {v} 불법주차 신고합니다", "{v} 차가 소화전 앞에 세워져 있어요", "우리 집 앞에 {v} 이 며칠째 방치돼 있어요",
                              "{v}차량 과태료 문의요", "견인된 차 번호는 {v}입니다", "{v} 이 차 장애인구역에 주차했어요", "차번호 {v}요"]),
}

def account_line(rnd):
    bank, gen = rnd.choice(BANKS); v = gen(rnd)
    t = rnd.choice(["환불계좌 {b} {v} 예금주 홍길동", "{b} {v} 으로 입금해주세요", "계좌번호는 {b} {v}입니다", "환급금 받을 계좌 {v} {b}이에요",
                    "{b} 계좌 {v}로 송금했어요", "이체받을 계좌는 {v}({b})입니다"])
    return t.replace('{b}', bank), v, 'account'

def spoken_line(rnd):
    v = spoken_phone(rnd)
    t = rnd.choice(["어 네 번호는 {v} 이요", "제 핸드폰이 {v}이에요", "{v} 입니다", "네 {v} 으로 연락 주시면 돼요", "그 번호가요 {v} 맞아요"])
    return t, v, 'phone'

NEGATIVES = [
    "2024-03-15에 신청했는데 아직 처리가 안됐어요", "2024.03.15 접수건 문의요", "작년 2023. 11. 2에 낸 민원이요", "관리비가 1,234,500원이나 나왔어요",
    "과태료 40,000원 냈는데 또 고지서가 왔어요", "접수번호 2024-0012345 진행상황 알려주세요", "민원 접수번호가 2023-0098765인데요", "7016번 버스가 30분째 안와요",
    "N26 심야버스 배차간격 좀 줄여주세요", "간선 472번 정류장 위치가 바뀌었나요", "마을버스 서초08번 노선 문의", "3명이 같이 신청해도 되나요",
    "오후 2시 30분에 방문하려고요", "14:30까지 가면 되나요", "우편번호 04524 맞나요", "1998년에 전입했어요", "[address|101동 1203호] 누수 문제요",
    "지번 [address|123-45 번지] 건물 불법증축 신고요", "[address|서초동 1303-22] 앞 가로등이 꺼졌어요", "사업자등록번호 123-45-67890 휴업신고 하려면요",
    "다산콜센터 120 맞죠", "1588-1234 이 번호로 전화했는데 안 받아요", "대표번호 1577-0000 으로 안내받았어요", "택배 운송장 6012-3456-7890 조회가 안 돼요",
    "주문번호 20240315-0001234 환불 문의", "전용면적 84.95㎡ 아파트요", "5.18 기념일 행사 일정", "10월 29일 행사 취소됐나요",
    "체납액이 3,000,000원인데 분납 되나요", "2024년 3월 15일부터 15일간 공사한대요", "12월 25일 오후 6시부터 통제", "[address|3층 201호] 소음 민원이요",
    "[address|세종대로 110] 서울시청 민원실 어디예요", "도로명주소 [address|강남대로 396] 맞나요", "계좌이체로 150,000원 보냈어요", "입금일이 2024-03-15였어요",
    "환불 접수번호 2024-0012345 언제 입금돼요", "주차장 B2층 23번 자리요", "1호선 2호선 환승역이요", "아파트 [address|105동 502호] 앞 쓰레기 문제",
    "4월 3일 10시 예약했어요", "예약번호 A1234 입니다", "총 12건 신고했어요", "나이는 67세입니다", "키 170 몸무게 65요", "버스 번호 143번 271번 둘 다 안 와요",
    "제 차가 2019년식 아반떼예요", "올해 2024년 상반기 신청기간", "법정동코드 1168010100 이거 맞나요", "시간은 09:00~18:00 입니다",
    "번호표 157번 받았어요", "15층짜리 건물 3개 동이요", "점심시간 12시부터 1시까지요", "평수는 32평이에요", "공시가격 3억 2천만원",
    "전기요금 52,340원 청구됐어요", "2023-12-31 까지 유효한가요", "건물번호 12-3 이요", "신청서 양식 제3호 서식", "국번 없이 120",
    "삼십분째 기다리고 있어요", "이천이십사년 삼월 십오일에 접수했어요", "일이 삼사일 걸린다고 들었어요", "오늘 오후 세시에 방문할게요",
    "제 계좌에 아직 입금이 안 됐어요", "은행에서 10만원 출금했는데요", "국민은행 지점 위치 문의", "20240315 이 날짜 맞나요", "품목코드 880123456789 상품이요",
    "버스 정류장 번호 22-345 요", "교통카드 충전 5만원 했어요", "약 100미터 앞이요", "면적이 1,650.5제곱미터", "학번 2019123456 학생증 분실",
    "아파트 공동현관 비번 1234 누르면 돼요", "3-4일 정도 걸려요", "7~8월 중 공사예정", "민원번호 1AA-2403-0012345 확인해주세요", "공고 제2024-123호",
    "수도요금 고객번호 12345678 이요", "건축허가 2023-건축과-1234", "차량 2대 주차 가능해요", "12가구가 살아요", "[address|101동 203호]", "전화 120번 안내",
    "사업자번호 214-86-12345 업체 신고", "버스 9401번 광역버스", "공일공으로 시작하는 번호로 문자가 왔어요", "오늘 강수량 12.5mm",
]

def lookalike(rnd):
    y = rnd.randint(2015, 2026); m = rnd.randint(1, 12); dd = rnd.randint(1, 28)
    amount = f"{rnd.randint(1, 9)},{d(3, rnd)},{d(3, rnd)}" if rnd.random() < 0.5 else f"{rnd.randint(10, 999)},{d(3, rnd)}"
    forms = [
        f"{y}-{m:02d}-{dd:02d}에 신청했어요", f"{y}.{m:02d}.{dd:02d} 접수한 건이요", f"{y}. {m}. {dd}. 방문 예정", f"{y}년 {m}월 {dd}일 공사 일정 문의",
        f"{y}{m:02d}{dd:02d} 날짜로 처리됐다는데요", f"금액이 {amount}원 맞나요", f"과태료 {amount}원 납부했어요", f"환불금액 {amount}원 언제 입금돼요",
        f"접수번호 {y}-{d(7, rnd)} 진행상황요", f"민원번호 {y}-{d(7, rnd)} 처리결과 알려주세요", f"신청번호 {y}{d(6, rnd)} 이요",
        f"{rnd.randint(100, 9999)}번 버스 배차가 너무 길어요", f"N{rnd.randint(10, 99)}번 심야버스 타려면", f"{rnd.randint(1, 30)}명 단체 신청 가능해요?",
        f"{rnd.randint(1, 12)}시 {rnd.randint(0, 59)}분쯤이요", f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d} 에 전화했어요", f"우편번호 {rnd.randint(1000, 63999):05d}",
        f"[address|{rnd.randint(101, 120)}동 {rnd.randint(1, 25)}{rnd.randint(1, 4):02d}호] 층간소음", f"지번 [address|{rnd.randint(1, 999)}-{rnd.randint(1, 99)} 번지]", f"[address|산 {rnd.randint(1, 99)}-{rnd.randint(1, 9)}] 임야",
        f"사업자등록번호 {d(3, rnd)}-{d(2, rnd)}-{d(5, rnd)} 폐업 신고", f"{rnd.randint(1970, 2010)}년생이에요", f"{rnd.randint(2, 40)}층 건물 외벽",
        f"대표번호 15{rnd.randint(44, 99)}-{d(4, rnd)} 로 연락하래요", f"운송장번호 {d(4, rnd)}-{d(4, rnd)}-{d(4, rnd)} 배송조회", f"주문번호 {y}{m:02d}{dd:02d}-{d(7, rnd)} 취소요",
        f"고지서 번호 {d(4, rnd)}-{d(3, rnd)}-{d(6, rnd)} 이거 맞아요?", f"입금일 {y}-{m:02d}-{dd:02d} 기준이에요", f"계좌이체 {amount}원 했는데 확인되나요",
        f"은행 점검시간 {rnd.randint(0, 5)}시부터요", f"{rnd.randint(2, 9)}호선 {rnd.randint(100, 999)}번 출구", f"정류장 번호 {rnd.randint(10, 25)}-{d(3, rnd)}",
        f"버스 {rnd.randint(100, 999)}번이랑 {rnd.randint(1000, 9999)}번 환승", f"면적 {rnd.randint(10, 200)}.{d(2, rnd)}㎡", f"전화했더니 {rnd.randint(2, 59)}분 대기래요",
        f"차 {rnd.randint(2, 5)}대 주차 가능한가요", f"학번 {y}{d(6, rnd)} 분실 신고", f"공고 제{y}-{rnd.randint(1, 999)}호 관련 문의",
        f"{rnd.randint(1, 12)}월 {rnd.randint(1, 28)}일부터 {rnd.randint(1, 30)}일간", f"체납액 {amount}원 분납 신청", f"건물번호 {rnd.randint(1, 300)}-{rnd.randint(1, 30)}",
    ]
    return rnd.choice(forms)

def marked(line):
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\[([a-z_]+)\|([^\]]*)\]", line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(2)
        spans.append({"start": start, "end": len(text), "kind": m.group(1)})
        pos = m.end()
    text += line[pos:]
    return {"text": text, "spans": spans, "group": "address" if spans else "lookalike"}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, seed, n_per_kind, neg in [("pii.jsonl", 120, 1, NEGATIVES[:70]), ("pii-holdout.jsonl", 987, 1, NEGATIVES[70:])]:
        rnd = random.Random(seed)
        rows = []
        counts = {'rrn': 45, 'phone': 80, 'card': 40, 'email': 30, 'passport': 20, 'driver_license': 24, 'vehicle_plate': 40}
        if name != "pii.jsonl":
            counts = {k: max(6, v // 4) for k, v in counts.items()}
        for kind, count in counts.items():
            gen, templates = POSITIVE[kind]
            for _ in range(count):
                v = gen(rnd); t = rnd.choice(templates)
                start = t.index('{v}'); text = t.replace('{v}', v, 1)
                rows.append({"text": text, "spans": [{"start": start, "end": start + len(v), "kind": kind}], "group": "positive"})
        for fn, count in [(account_line, 40 if name == "pii.jsonl" else 10), (spoken_line, 30 if name == "pii.jsonl" else 8)]:
            for _ in range(count):
                t, v, kind = fn(rnd)
                start = t.index('{v}'); text = t.replace('{v}', v, 1)
                rows.append({"text": text, "spans": [{"start": start, "end": start + len(v), "kind": kind}], "group": "stt" if fn is spoken_line else "positive"})
        # Two kinds in one line, as citizens write when they give everything at once.
        for _ in range(30 if name == "pii.jsonl" else 8):
            a = phone(rnd); b = email(rnd)
            text = f"연락처 {a} 이메일 {b} 로 답변주세요"
            s1 = text.index(a); s2 = text.index(b)
            rows.append({"text": text, "spans": [{"start": s1, "end": s1 + len(a), "kind": "phone"}, {"start": s2, "end": s2 + len(b), "kind": "email"}], "group": "positive"})
        # Issue 13: address details (동·호수, 층·호, 번지, road name + building number) are personal data now; the
        # look-alike templates that held them carry [address|...] marks and become positives (same random sequence).
        for text in neg + [lookalike(rnd) for _ in range(200 if name == "pii.jsonl" else 60)]:
            rows.append(marked(text))
        rnd.shuffle(rows)
        for r in rows:
            for s in r["spans"]:
                assert all(ord(c) < 0x10000 for c in r["text"])
                assert r["text"][s["start"]:s["end"]].strip() == r["text"][s["start"]:s["end"]]
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows), file=sys.stderr)

main()
