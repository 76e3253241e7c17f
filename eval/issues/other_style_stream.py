# An independent check: a stream written without the C# generator (other wording, major categories, 5% unknown
# districts, a Monday-morning rush of 2x, 0.5% duplicates, 0.2% broken lines) with four incidents.
# python3 eval/issues/other_style_stream.py  (writes stream.jsonl and truth.jsonl to the current directory), then
# ./minwon issues replay stream.jsonl > alerts.jsonl && ./minwon issues score alerts.jsonl truth.jsonl --days 10
import json, random, datetime as dt
random.seed(7)
KST = dt.timezone(dt.timedelta(hours=9))
start = dt.datetime(2026,3,1,6,0,tzinfo=KST)  # Sunday 06:00
districts = "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구".split()
bg = [("교통","버스 배차 간격 문의요"),("교통","지하철 막차 시간 알려주세요"),("교통","불법 주차 신고하려구요"),("교통","택시 요금이 이상해요"),
("상하수도","수도 요금 고지서 문의"),("상하수도","하수구 냄새나요"),("세금","재산세 납부 방법"),("세금","자동차세 문의드려요"),
("민원","등본 발급 어디서 해요"),("민원","여권 재발급 문의"),("환경","쓰레기 배출 요일 문의"),("환경","대형 폐기물 스티커 구입"),
("복지","기초연금 신청 방법"),("복지","긴급 지원 대상 문의"),("도로","보도블럭 깨졌어요"),("도로","가로등 고장 신고"),("문화","축제 일정 문의"),
("안전","공사장 소음 신고"),("민원","구청 전화번호 알려주세요"),("환경","음식물 쓰레기 수거 문의")]
hourw=[0.3,0.2,0.15,0.1,0.1,0.2,0.5,1.2,2.5,3.0,3.0,2.8,2.0,2.6,2.8,2.7,2.5,2.2,1.6,1.2,1.0,0.8,0.6,0.4]
ev=[]
per_day=8000
for d in range(10):
  for h in range(24):
    t0 = start.replace(hour=0)+dt.timedelta(days=d,hours=h)
    if t0 < start: continue
    w = hourw[h]/sum(hourw)*per_day
    if t0.weekday()==0 and 8<=h<11: w*=2.0   # Monday morning rush
    if t0.weekday()>=5: w*=0.6
    n = int(random.gauss(w, w**0.5))
    for _ in range(max(0,n)):
      c,tx = random.choice(bg)
      dist = random.choice(districts) if random.random()>0.05 else random.choice(["경기도","모름","부천시"])
      if random.random()<0.3: tx=tx.replace(" ","")
      ev.append({"time":(t0+dt.timedelta(seconds=random.random()*3600)),"text":tx,"category":c,"district":dist,"channel":random.choice(["phone","chat","sms"])})
def inc(at, n, minutes, dist, cat, texts, spread=False):
  for i in range(n):
    t = at + dt.timedelta(minutes=random.random()*minutes)
    ev.append({"time":t,"text":random.choice(texts),"category":cat,"district":(random.choice(districts) if spread else dist),"channel":"phone"})
truth=[]
def add(at,n,m,dist,cat,texts,terms,spread=False):
  inc(at,n,m,dist,cat,texts,spread); truth.append({"type":terms[0],"onset":at.isoformat(),"end":(at+dt.timedelta(minutes=m)).isoformat(),"district":None if spread else dist,"category":cat,"terms":terms,"size":n})
add(start+dt.timedelta(days=2,hours=4),30,60,"마포구","상하수도",["망원동 물이 안나와요","망원동단수","수돗물 안나옴","단수 언제 끝나요","물이안나와요"],["단수","물","수돗물"])
add(start+dt.timedelta(days=4,hours=14),20,60,"강남구","안전",["역삼동 정전이에요","전기가 나갔어요","정전 언제 복구돼요"],["정전","전기"])
add(start+dt.timedelta(days=7,hours=2,minutes=10),200,90,None,"교통",["2호선 운행중단인가요","지하철 안와요","2호선 멈췄어요 언제 다녀요","지하철운행중단"],["지하철","운행중단","2호선"],spread=True)
add(start+dt.timedelta(days=8,hours=8),15,60,"관악구","도로",["신림동 도로 꺼졌어요","싱크홀 생겼어요","땅꺼짐 신고"],["싱크홀","꺼짐"])
ev.sort(key=lambda e:e["time"])
# jitter order by up to 5 min, duplicates, malformed
out=[]
for e in ev:
  e2=dict(e); e2["time"]=e["time"].isoformat()
  out.append(json.dumps(e2,ensure_ascii=False))
  if random.random()<0.005: out.append(out[-1])
  if random.random()<0.002: out.append('{"time": "broken", "text": ')
open("stream.jsonl","w").write("\n".join(out)+"\n")
open("truth.jsonl","w").write("\n".join(json.dumps(t,ensure_ascii=False) for t in truth)+"\n")
print(len(out))
