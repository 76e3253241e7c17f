"""Grammar-generated PII lines for issue 13 (session 11): find what the masker misses without a fixed set.

Every line is built from a grammar of choices (how a number is read, what stands between its groups, fillers,
corrections, glued particles, the carrier sentence, whether a context word is said). Each choice list is split in two:
the TUNING half draws only from the first part, the CHECK half only from the second (held-out separators, fillers,
particles, corrections, zero words, readings and carriers), so a fix that only memorises the tuning forms does not
raise the check half. Both halves hold look-alikes (numbers that are not personal data) built the same way.

Run:  python3 eval/text-safety/generate_pii_grammar.py [--out DIR] [--n 1500] [--seed 13]
      writes DIR/pii-gen-tune.jsonl, pii-gen-check.jsonl and pii-gen-fresh.jsonl (default DIR /tmp/pii-gen; not committed:
      regenerate; eval/text-safety/pii-gen-sample.jsonl is a fixed sample of the first two)
      python3 eval/text-safety/generate_pii_grammar.py --report FILE.jsonl   # per-choice miss table via ./minwon text mask --json
Lines carry "axes" (the grammar choices made) besides text/spans/group, which `text eval` ignores.
"""
import argparse, collections, json, os, random, subprocess, sys

SINO = {0: None, 1: "일", 2: "이", 3: "삼", 4: "사", 5: "오", 6: None, 7: "칠", 8: "팔", 9: "구"}

# Each grammar list: (tuning choices, check choices, fresh choices). The fresh half (session 11, written after the
# masker had been tuned on both others) holds words neither of them has, to measure generalisation once more.
GRAMMAR = {
    "zero": (["공"], ["영", "공"], ["빵", "공", "영"]),
    "six": (["육"], ["륙", "육"], ["육", "륙"]),
    "sep": (["", " ", "-", " - ", " 다시 ", "에 ", " 에 "],
            [" 의 ", "의 ", " 빼기 ", " 작대기 ", " 대시 ", " 하이픈 ", " 다음에 ", " 나누기 ", " 하고 ", " "],
            [" 쉬고 ", " 그리고 ", " 띄고 ", " 끊고 ", " 그다음 ", " 하이푼 ", " 바 ", " "]),
    "reading": (["digits", "spaced", "sino", "mixed-groups"],
                ["sino-spaced", "grouped", "pairs", "mixed-digits", "digits"],
                ["digits", "spaced", "sino", "sino-spaced", "grouped", "pairs", "mixed-groups", "mixed-digits"]),
    "filler": (["", "", "어", "음"], ["", "그", "잠깐만요", "어어", "음 그러니까"], ["", "저", "뭐였지", "그니까", "아 잠깐만"]),
    "correction": (["", "", "", "아니"], ["", "", "아니 아니", "아 아니", "아니고"], ["", "", "아니다", "아니 잠깐만", "어 아니"]),
    "particle": (["", "", "이에요", "입니다"], ["", "이요", "요", "번", "예요", "이고요", "인데요"],
                 ["", "이라고요", "이었어요", "이래요", "이거든요", "이구요", "일걸요"]),
    "context": (["yes", "yes", "no"], ["yes", "no"], ["yes", "no"]),
}

SIDE = {"tune": 0, "check": 1, "fresh": 2}


def pick(r, axis, half):
    return r.choice(GRAMMAR[axis][SIDE[half]])


def d(n, r):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def luhn(prefix, length, r):
    digits = [int(c) for c in prefix] + [r.randint(0, 9) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, x in enumerate(reversed(digits)):
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


class Reader:
    """Reads digit groups aloud the way a transcript writes them, for one line's grammar choices."""

    def __init__(self, r, half):
        self.r, self.half = r, half
        self.zero = pick(r, "zero", half)
        self.six = pick(r, "six", half)

    def word(self, c):
        v = int(c)
        return self.zero if v == 0 else self.six if v == 6 else SINO[v]

    def one_by_one(self, g):
        return "".join(self.word(c) for c in g)

    def grouped(self, g):
        """천이백삼십사 for 1234; a group with a leading zero is read one by one (공일공)."""
        if g[0] == "0" or len(g) > 4:
            return self.one_by_one(g)
        out, n = "", len(g)
        for i, c in enumerate(g):
            v, unit = int(c), ["", "십", "백", "천"][n - 1 - i]
            if v == 0:
                continue
            out += ("" if v == 1 and unit else self.word(c)) + unit
        return out or self.zero

    def pairs(self, g):
        if g[0] == "0" or len(g) % 2:
            return self.one_by_one(g)
        return " ".join(self.grouped(g[i:i + 2]) if g[i] != "0" else self.one_by_one(g[i:i + 2]) for i in range(0, len(g), 2))

    def read(self, g, reading, correction=""):
        r = self.r
        if reading == "digits":
            return g
        if reading == "spaced":
            return " ".join(g)
        if reading == "sino":
            return self.one_by_one(g)
        if reading == "sino-spaced":
            words = [self.word(c) for c in g]
            if correction and len(g) >= 3:
                k = r.randrange(1, len(g))
                wrong = self.word(str((int(g[k]) + r.randint(1, 8)) % 10))
                words[k] = f"{wrong} {correction} {words[k]}"
            return " ".join(words)
        if reading == "grouped":
            return self.grouped(g)
        if reading == "pairs":
            return self.pairs(g)
        if reading == "mixed-groups":
            return r.choice([g, self.one_by_one(g)])
        if reading == "mixed-digits":
            return "".join(c if r.random() < 0.5 else self.word(c) for c in g)
        raise ValueError(reading)


def say_number(r, half, groups, forced_reading=None):
    """One number read aloud: returns (text, axes)."""
    reader = Reader(r, half)
    reading = forced_reading or pick(r, "reading", half)
    correction = pick(r, "correction", half) if reading == "sino-spaced" else ""
    sep = pick(r, "sep", half)
    filler = pick(r, "filler", half)
    if reading in ("spaced", "sino-spaced") and sep == "":
        sep = " "
    if reading in ("digits",) and sep == "":
        sep = "-" if half == "tune" else " 의 "
    if reading in ("sino", "grouped", "mixed-digits") and sep == "" and half == "tune":
        sep = " "
    corrected = r.randrange(len(groups))  # one correction per number at most
    parts = [reader.read(g, reading, correction if i == corrected else "") for i, g in enumerate(groups)]
    filler_at = r.randrange(1, len(groups)) if filler and len(groups) > 1 else -1
    if filler and sep.strip() in ("", "-"):
        sep = " "  # a filler is speech: said between groups, not typed after a hyphen
    text = ""
    for i, p in enumerate(parts):
        if i:
            s = sep
            if i == filler_at:
                s = (s.rstrip() if s.strip() else "") + f" {filler} "
                s = s if s.startswith(" ") or s[0] in "에의-" else " " + s
            text += s
        text += p
    text = " ".join(text.split())
    return text, {"reading": reading, "sep": sep.strip() or ("space" if sep == " " else "none"),
                  "filler": filler or "none", "correction": correction or "none",
                  "zero": reader.zero, "six": reader.six}


def rrn(r):
    yy, mm, dd = r.randint(0, 99), r.randint(1, 12), r.randint(1, 28)
    return [f"{yy:02d}{mm:02d}{dd:02d}", r.choice("12345678") + d(6, r)]


def phone(r):
    return r.choice([
        ["010", str(r.randint(2, 9)) + d(3, r), d(4, r)],
        ["010", str(r.randint(2, 9)) + d(3, r), d(4, r)],
        ["02", str(r.randint(2, 9)) + d(2, r), d(4, r)],
        ["02", str(r.randint(2, 9)) + d(3, r), d(4, r)],
        [r.choice(["031", "032", "051", "053", "062", "064", "033", "041"]), str(r.randint(2, 9)) + d(2, r), d(4, r)],
        ["070", str(r.randint(2, 9)) + d(3, r), d(4, r)],
        ["011", str(r.randint(2, 9)) + d(2, r), d(4, r)],
    ])


def card(r):
    n = luhn(r.choice(["4", "5", "9410", "6251", "3560", "5412"]), 16, r)
    return [n[0:4], n[4:8], n[8:12], n[12:16]]


BANKS = {"국민": [6, 2, 6], "신한": [3, 3, 6], "우리": [4, 3, 6], "농협": [3, 4, 4, 2], "하나": [3, 6, 5],
         "카카오뱅크": [4, 2, 7], "기업": [3, 6, 2, 3], "토스뱅크": [4, 4, 4]}


def account(r):
    bank = r.choice(list(BANKS))
    return bank, [str(r.randint(1, 9)) + d(n - 1, r) for n in BANKS[bank]]


CARRIERS = {
    "rrn": (["주민등록번호는 {v}{p}", "주민번호 {v}{p}", "네 제 주민번호가 {v}{p}", "본인 확인 주민번호 {v}{p} 맞아요"],
            ["주민번호 불러 드릴게요 {v}{p}", "등록번호는요 {v}{p}", "어머니 주민번호 {v}{p} 이렇게 돼요", "주민등록 번호 말하면 {v}{p}"]),
    "rrn-bare": (["{v}{p} 이거 제 번호예요", "확인 번호 {v}{p}"], ["{v}{p} 그거 맞죠", "생년월일 포함해서 {v}{p}"]),
    "phone": (["전화번호는 {v}{p}", "연락처 {v}{p}", "핸드폰 번호 {v}{p}", "회신은 {v}{p} 로 주세요"],
              ["연락 주실 번호 {v}{p}", "휴대폰이 {v}{p}", "제 번호 불러 드릴게요 {v}{p}", "문자 받을 번호는 {v}{p}"]),
    "phone-bare": (["{v}{p} 여기로 주세요", "아 그러니까 {v}{p}"], ["{v}{p} 이쪽으로 부탁해요", "네 {v}{p} 맞습니다"]),
    "card": (["카드번호는 {v}{p}", "결제한 카드 {v}{p}", "카드 번호 {v}{p} 분실했어요"],
             ["신용카드 {v}{p} 정지해 주세요", "체크카드 번호가 {v}{p}", "카드 번호 불러 드리면 {v}{p}"]),
    "card-bare": (["{v}{p} 이걸로 결제했어요"], ["번호는 {v}{p} 이거예요"]),
    "account": (["환불 계좌는 {b} {v}{p}", "{b}은행 {v}{p} 으로 입금해 주세요", "계좌번호 {b} {v}{p}"],
                ["{b} 계좌 {v}{p} 예금주 김민수", "돌려받을 통장은 {b} {v}{p}", "이체는 {b} {v}{p} 로요"]),
}


HANGUL_VOWEL_FINAL = set("이사오구")  # digit words without a final consonant


def attach(value, particle):
    """Glues an ending as Korean says it: after a digit word without a final consonant the copula 이 drops
    (사예요, 오요, 구고요); after a written digit or a consonant it stays (5678이에요, 팔이요)."""
    if particle and value[-1] in HANGUL_VOWEL_FINAL and particle[0] == "이" and particle[:2] not in ("입", "인"):
        return {"이에요": "예요", "이요": "요", "이고요": "고요", "이었어요": "였어요"}.get(particle, particle[1:])
    if particle == "일걸요" and value[-1] in HANGUL_VOWEL_FINAL:
        return "일걸요"
    return particle


def number_line(r, half, kind):
    axes = {"kind": kind}
    if kind == "rrn":
        groups = rrn(r)
    elif kind == "phone":
        groups = phone(r)
    elif kind == "card":
        groups = card(r)
    else:
        bank, groups = account(r)
    value, more = say_number(r, half, groups)
    axes.update(more)
    context = pick(r, "context", half)
    if kind == "account":
        context = "yes"
    axes["context"] = context
    particle = pick(r, "particle", half)
    if particle == "번" and kind != "phone":
        particle = ""
    # "오륙칠팔이에요": after a digit word 이에요/이요/이고요 stay as said; after a written digit people write 이에요 too.
    axes["particle"] = particle or "none"
    carriers = CARRIERS[kind if context == "yes" else kind + "-bare"][min(SIDE[half], 1)]
    template = r.choice(carriers)
    text = template.replace("{b}", bank if kind == "account" else "")
    start = text.index("{v}")
    text = text.replace("{v}", value, 1)
    text = text.replace("{p}", attach(value, particle))
    return text, [{"start": start, "end": start + len(value), "kind": kind}], axes


def carry(r, half, carriers, v, particle, axes):
    """Says the value v (with its particle) in a carrier sentence of this half: the line, its one gold span, its axes."""
    template = r.choice(carriers[min(SIDE[half], 1)])
    start = template.index("{v}")
    text = template.replace("{v}", v).replace("{p}", attach(v, particle))
    return text, [{"start": start, "end": start + len(v), "kind": axes["kind"]}], axes


PLATE_SYL = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호"
REGIONS = ["서울", "경기", "인천", "부산", "대구"]


def plate_line(r, half):
    reader = Reader(r, half)
    lead = d(2, r) if r.random() < 0.6 else str(r.randint(100, 699))
    syl, tail = r.choice(PLATE_SYL), d(4, r)
    if tail[0] == "0":
        tail = "1" + tail[1:]
    styles = (["compact", "spaced", "spaced-tail", "dictated"], ["region-spaced", "sino", "spaced", "region-compact", "dictated"])
    style = r.choice(styles[min(SIDE[half], 1)])
    region = r.choice(REGIONS)
    if style == "compact":
        v = f"{lead}{syl}{tail}"
    elif style == "spaced":
        v = f"{lead} {syl} {tail}"
    elif style == "spaced-tail":
        syl = "가" if syl == "호" else syl  # "419호 5280" is a room and a number: a plate with 호 is spaced on both sides
        v = f"{lead}{syl} {tail}"
    elif style == "dictated":
        v = f"{' '.join(lead)} {syl} {' '.join(tail)}"
    elif style == "region-spaced":
        v = f"{region} {lead} {syl} {tail}"
    elif style == "region-compact":
        v = f"{region}{lead}{syl}{tail}"
    else:
        v = f"{reader.one_by_one(lead)} {syl} {reader.one_by_one(tail)}"
    carriers = (["차 번호가 {v}{p}", "{v}{p} 차량이 인도에 주차돼 있어요", "불법주차 차량 {v}{p}"],
                ["번호판 {v}{p} 신고할게요", "{v}{p} 트럭이 밤새 시동 켜 놨어요", "그 택시가 {v}{p} 였어요", "견인된 제 차는 {v}{p}"])
    particle = r.choice(["", "", "이에요", "입니다"] if half == "tune" else ["", "요", "이고요", "인데요"])
    return carry(r, half, carriers, v, particle, {"kind": "vehicle_plate", "style": style, "particle": particle or "none"})


DONGS = ["역삼동", "상계동", "화곡동", "봉천동", "중계동", "망원동", "수유동", "면목동", "신림동", "길음동"]
ROADS = ["세종대로", "퇴계로", "을지로", "노원로", "양재대로", "남부순환로", "은평로", "천호대로", "왕십리로", "도봉로"]


def address_line(r, half):
    reader = Reader(r, half)
    styles = (["apt", "apt-spaced", "floor", "lot", "road"], ["apt-sino", "apt-sino-spaced", "road-side", "lot-spaced", "floor-sino", "apt-hyphen", "road"])
    style = r.choice(styles[min(SIDE[half], 1)])
    b, u = r.randint(101, 135), r.randint(1, 25) * 100 + r.randint(1, 8)
    f = r.randint(2, 9)
    if style == "apt":
        v = f"{b}동 {u}호"
    elif style == "apt-spaced":
        v = f"{b} 동 {u} 호"
    elif style == "apt-sino":
        v = f"{reader.grouped(str(b))}동 {reader.grouped(str(u))}호"
    elif style == "apt-sino-spaced":
        v = f"{reader.grouped(str(b))} 동 {reader.grouped(str(u))} 호"
    elif style == "apt-hyphen":
        v = f"{b}-{u}호"
    elif style == "floor":
        v = f"{f}층 {f}0{r.randint(1, 9)}호"
    elif style == "floor-sino":
        v = f"{reader.grouped(str(f))}층 {reader.grouped(str(f * 100 + r.randint(1, 9)))}호"
    elif style == "lot":
        v = f"{r.choice(DONGS)} {r.randint(1, 999)}-{r.randint(1, 60)}번지"
    elif style == "lot-spaced":
        v = f"{r.choice(DONGS)} {r.randint(1, 999)} 다시 {r.randint(1, 60)} 번지"
    elif style == "road":
        v = f"{r.choice(ROADS)} {r.randint(1, 399)}"
    else:
        v = f"{r.choice(ROADS)}{r.randint(1, 99)}{r.choice(['길', '번길'])} {r.randint(1, 60)}"
    carriers = (["사는 곳은 {v}{p}", "{v}{p} 앞에 쓰레기가 쌓였어요", "주소는 {v}{p}"],
                ["저희 집이 {v}{p}", "{v}{p} 에서 누수가 있어요", "배송지 {v}{p} 로 해 주세요", "우리 아파트 {v}{p}"])
    particle = r.choice(["", "이에요", "입니다"] if half == "tune" else ["", "요", "인데요", "이고요"])
    return carry(r, half, carriers, v, particle, {"kind": "address", "style": style, "particle": particle or "none"})


def email_line(r, half):
    local = r.choice(["minsu", "jiyoung", "kimhs", "parkjh", "leesy", "hong"]) + str(r.randint(1, 99))
    at = r.choice({"tune": ["골뱅이", "@"], "check": ["앳", "골뱅이", "엣"], "fresh": ["골뱅", "at", "골뱅이"]}[half])
    domain = r.choice({"tune": [("naver", "com"), ("daum", "net"), ("gmail", "com")],
                       "check": [("지메일", "com"), ("네이버", "com"), ("hanmail", "net")],
                       "fresh": [("카카오", "com"), ("nate", "com"), ("네이트", "com"), ("yahoo", "co.kr")]}[half])
    dot = r.choice({"tune": ["점", "."], "check": ["닷", "쩜", "점"], "fresh": ["dot", "점", "쩜"]}[half])
    tld = domain[1] if half == "tune" else r.choice([domain[1], "컴" if domain[1] == "com" else "넷"])
    name = domain[0]
    spaced = r.random() < 0.7
    if tld == "com" and dot == "닷" and r.random() < 0.5:
        v = f"{local} {at} {name} 닷컴" if spaced else f"{local}{at}{name}닷컴"
    else:
        v = f"{local} {at} {name} {dot} {tld}" if spaced else f"{local}{at}{name}{dot}{tld}"
    carriers = (["이메일은 {v}", "메일 주소 {v} 입니다"], ["답변은 {v} 로 보내 주세요", "메일은요 {v} 요"])
    return carry(r, half, carriers, v, "", {"kind": "email", "at": at, "dot": dot, "domain": name})


def lookalike_line(r, half):
    reader = Reader(r, half)
    y, m, dd = r.randint(1950, 2025), r.randint(1, 12), r.randint(1, 28)
    amount = r.randint(1, 999) * 1000
    bus = r.choice([str(r.randint(100, 799)), str(r.randint(1000, 9999)), f"{r.randint(1, 9)}{r.randint(0, 9)}{r.randint(0, 9)}{r.randint(0, 9)}"])
    case = f"{y}-{r.randint(100000, 999999)}"
    kinds = {
        "date": [f"{y}년 {m}월 {dd}일에 태어났어요", f"{y}-{m:02d}-{dd:02d} 방문 예정입니다", f"{y}.{m:02d}.{dd:02d}에 신청했어요"],
        "date-spoken": [f"{reader.grouped(str(y))}년 {reader.grouped(str(m))}월 {reader.grouped(str(dd))}일에 신청했어요",
                        f"생일이 {reader.grouped(str(y % 100))}년 {reader.grouped(str(m))}월이에요"],
        "amount": [f"{amount:,}원 냈어요", f"과태료가 {reader.grouped(str(amount // 10000 or 3))}만 원이래요", f"{amount}원 환불해 주세요",
                   f"일백이십오만 원 냈는데 환불 계좌 알려 주세요"],
        "case": [f"접수번호 {case} 확인 부탁드려요", f"민원번호는 {case.replace('-', ' 다시 ')} 입니다",
                 f"접수번호 {reader.one_by_one(case.replace('-', ''))} 예요"],
        "bus": [f"버스 {bus}번 배차가 너무 길어요", f"{reader.grouped(bus) if bus[0] != '0' else bus}번 버스 기사님이 불친절해요", f"{bus}번 타고 왔어요"],
        "time": [f"오후 {r.randint(1, 11)}시 {r.randint(1, 59)}분에 전화했어요", f"{r.randint(10, 23)}:{r.randint(10, 59)} 쯤이었어요", f"{reader.grouped(str(r.randint(2, 11)))}시 {reader.grouped(str(r.randint(10, 50)))}분쯤"],
        "law": [f"지방세법 제{r.randint(1, 200)}조 제{r.randint(1, 9)}항에 따라", f"도로교통법 {r.randint(1, 160)}조 위반이래요"],
        "year": [f"{y}년부터 살았어요", f"{reader.grouped(str(y))}년에 이사 왔어요"],
        "count": [f"쓰레기봉투 {r.randint(2, 50)}개 샀어요", f"{r.randint(2, 36)}개월 됐어요", f"{reader.grouped(str(r.randint(2, 90)))} 명이 모였어요",
                  f"삼사 일 뒤에 다시 올게요", f"이삼 주 걸린대요", f"오륙 명 정도예요", f"칠팔 년 전부터요", f"{r.randint(2, 12)}개월 할부로요"],
        "floor": [f"{r.randint(2, 25)}층에 살아요", f"지하 {r.randint(1, 5)}층 주차장", f"{reader.grouped(str(r.randint(2, 20)))}층 복도 불이 꺼졌어요"],
        "company": [f"고객센터 1588-{d(4, r)} 으로 전화했어요", f"{r.choice(['1577', '1644', '1899'])} {d(4, r)} 번호로 안내받았어요"],
        "misc": [f"우편번호 {r.randint(10000, 63999)}", f"{r.randint(150, 190)}센티 {r.randint(45, 99)}킬로", f"{r.randint(1, 9)}호선 {r.randint(1, 12)}번 출구",
                 f"일이 있어서 오 분 늦었어요", f"이사 가는 날이 사일이에요", f"지하철 {reader.grouped(str(r.randint(1, 9)))}호선 타요",
                 f"전화는 오후 {r.randint(2, 6)}시 이후에 주세요", f"카드 결제 {r.randint(2, 12)}개월 할부 {amount:,}원이요"],
    }
    pools = (["date", "amount", "case", "bus", "time", "law", "year", "count", "floor", "company", "misc", "date-spoken"],
             ["date", "amount", "case", "bus", "time", "law", "year", "count", "floor", "company", "misc", "date-spoken"])
    kind = r.choice(pools[min(SIDE[half], 1)])
    return r.choice(kinds[kind]), [], {"kind": "lookalike", "look": kind}


def generate(half, n, seed):
    r = random.Random(f"{seed}-{half}")
    rows = []
    makers = [("rrn", 4), ("phone", 4), ("card", 3), ("account", 2), ("plate", 2), ("address", 3), ("email", 1), ("lookalike", 6)]
    bag = [m for m, w in makers for _ in range(w)]
    for _ in range(n):
        m = r.choice(bag)
        if m in ("rrn", "phone", "card", "account"):
            text, spans, axes = number_line(r, half, m)
        elif m == "plate":
            text, spans, axes = plate_line(r, half)
        elif m == "address":
            text, spans, axes = address_line(r, half)
        elif m == "email":
            text, spans, axes = email_line(r, half)
        else:
            text, spans, axes = lookalike_line(r, half)
        for s in spans:
            assert text[s["start"]:s["end"]].strip() == text[s["start"]:s["end"]], (text, s)
        rows.append({"text": text, "spans": spans, "group": axes["kind"] if spans else "lookalike", "axes": axes})
    return rows


def report(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    env = dict(os.environ, MINWON_NO_BUILD=os.environ.get("MINWON_NO_BUILD", "1"))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    # MINWON_MASK_CMD: another command with the same contract as `minwon text mask --json` (a quicker build while tuning).
    command = os.environ.get("MINWON_MASK_CMD", "").split() or [os.path.join(root, "minwon"), "text", "mask", "--json"]
    out = subprocess.run(command, input="\n".join(r["text"] for r in rows) + "\n",
                         capture_output=True, text=True, env=env, check=True).stdout.splitlines()
    assert len(out) == len(rows), (len(out), len(rows))
    table = collections.defaultdict(lambda: [0, 0])
    misses = []
    for row, line in zip(rows, out):
        predicted = json.loads(line)["spans"]
        if row["spans"]:
            for s in row["spans"]:
                ok = all(any(p["start"] <= i < p["end"] for p in predicted) for i in range(s["start"], s["end"]))
                for axis, value in row["axes"].items():
                    cell = table[(row["axes"]["kind"], axis, value)]
                    cell[0] += 1
                    cell[1] += 0 if ok else 1
                if not ok:
                    misses.append(f"MISS {s['kind']}: {row['text']}  -> {[row['text'][p['start']:p['end']] for p in predicted]}")
        else:
            bad = bool(predicted)
            cell = table[("lookalike", "look", row["axes"]["look"])]
            cell[0] += 1
            cell[1] += 1 if bad else 0
            if bad:
                misses.append(f"FP: {row['text']}  -> {[(p['kind'], row['text'][p['start']:p['end']]) for p in predicted]}")
    for (kind, axis, value), (n, bad) in sorted(table.items()):
        if axis != "kind" and bad:
            print(f"{kind:14s} {axis:10s} {value:12s} {bad:4d}/{n:<4d} missed")
    for (kind, axis, value), (n, bad) in sorted(table.items()):
        if axis in ("kind", "look"):
            print(f"TOTAL {kind:14s} {value:12s} {'FP' if kind == 'lookalike' else 'missed'} {bad}/{n} = {100 * bad / n:.1f} %")
    print("\n".join(misses))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--out", default="/tmp/pii-gen")
    a.add_argument("--n", type=int, default=1500)
    a.add_argument("--seed", default="13")
    a.add_argument("--report")
    args = a.parse_args()
    if args.report:
        report(args.report)
        return
    os.makedirs(args.out, exist_ok=True)
    for half in ("tune", "check", "fresh"):
        with open(os.path.join(args.out, f"pii-gen-{half}.jsonl"), "w", encoding="utf-8") as f:
            for row in generate(half, args.n, args.seed):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}/pii-gen-tune.jsonl and pii-gen-check.jsonl ({args.n} lines each)")


if __name__ == "__main__":
    main()
