#!/usr/bin/env python3
"""Counsellor-domain training lines for issue 13, session 13 (ab7), written by category templates.

Classes the session-11 model missed by mechanism, with their look-alikes in the same words:
- honorific sarcasm (praise in the honorific aimed at the person, said about a failure: 잘나셨네요, 똑똑하시네요 그 머리로);
  against it, sincere honorific praise and thanks;
- threats as a meeting or as knowing the person's routine, without a threat word (보자, 만나자, 기다리고 있을게 + a place
  or the commute; 퇴근하시는 길, 사시는 동네 + 알고 있다); against it, a visit or a meeting offered by the office;
- nouns that begin with a second-person syllable (너도밤나무, 너구리, 너비, 너울, 니트, 댁내) in ordinary requests, and
  complaints with 너무, 작년, 머리 아파 (words that hold a cue's syllables).
The check set eval/held-out/text-safety/own/abuse-check7.jsonl was free-written apart (before any change) and is not
used here; no line is copied from an evaluation set.
Run: python3 data-seed/abuse-training/write_domain_session13.py  (seeded; writes domain-session13.jsonl beside it)
"""
import json
import os
import random

rng = random.Random(1313)

PEOPLE = ["상담원님", "선생님", "담당자님", "주무관님", "거기 직원분", "팀장님", "과장님", "그쪽", "당신"]
FAILURES = ["그 답변", "그렇게 처리하신 거", "서류 세 번 돌려보내신 거", "전화 돌리기만 하시는 거", "같은 말만 하시는 거",
            "규정만 읽으시는 거", "기한 넘기신 거"]

SARCASM = [
    "{p} 참 잘나셨네요 {f} 보니까", "{f} 보니 {p} 아주 똑똑하시네요 그 머리로 어떻게 붙으셨대",
    "{p} 대단하십니다 {f} 하나로 사람 속을 이렇게 뒤집으시고", "와 {p} 훌륭하시다 {f} 상이라도 드려야겠네",
    "{p}처럼 잘나신 분이 왜 거기 앉아 계세요", "{p} 머리 좋으신 건 알겠는데 {f} 보면 아닌 것 같네요",
    "역시 {p} 수준 높으시네요 {f} 보고 감동했습니다 초등학생도 그렇게는 안 할 텐데",
    "{p} 공부 많이 하셨나 봐요 {f} 보니까 글은 읽으실 줄 아시는지 모르겠지만",
    "{p} 잘나신 그 입으로 한 번 더 말씀해 보시죠", "{p} 참 똑똑하셔서 좋겠어요 남들은 다 바보로 보이시죠",
]
PRAISE = [
    "{p} 친절하게 설명해 주셔서 정말 감사합니다", "{p} 덕분에 잘 해결됐어요 대단하세요", "{p} 일 처리 빠르셔서 놀랐어요 훌륭하십니다",
    "{p} 똑똑하게 정리해 주셔서 이해가 잘 됐어요", "{p} 오늘 고생 많으셨어요 잘 부탁드립니다",
    "{p} 말씀하신 대로 했더니 바로 됐어요 감사합니다",
]
PLACES = ["주차장에서", "건물 앞에서", "밖에서", "퇴근길에", "지하철역에서", "구청 뒷문에서", "집 앞에서", "골목에서"]
MEET_THREAT = [
    "{p} {pl} 한번 보자 얼굴 좀 보고 얘기하자고", "{p} 오늘 {pl} 기다리고 있을게요 꼭 나오세요",
    "{p} 퇴근하시는 길 제가 다 알고 있어요", "{p} 사시는 동네 알아보는 거 금방이에요",
    "{p} 타고 다니시는 차 봐 뒀습니다 {pl} 뵙죠", "{p} {pl} 마주치면 그때는 말로 안 할 겁니다",
    "{p} 몇 시에 나오시는지 알아요 {pl} 만나요", "{p} 댁이 어딘지 찾는 데 오래 안 걸려요",
    "{p} 얼굴 한번 직접 보러 갈게요 {pl} 기다리세요", "{p} 나오는 시간 맞춰서 {pl} 기다릴 테니 알아서 하세요",
]
MEET_OK = [
    "{p} 현장 확인하러 언제 방문하시는지 알려 주세요", "담당자분이 {pl} 뵙자고 하셨는데 몇 시에 가면 돼요",
    "내일 주민센터에서 뵙겠습니다 서류 챙겨 갈게요", "퇴근길에 들를 수 있게 저녁에도 여나요",
    "{pl} 기다리고 있을 테니 수거 차량 오면 연락 주세요", "직원분이 집 앞까지 와서 확인해 주신다고 해서 기다리고 있어요",
]
NOUNS = [
    "너도밤나무 가로수 가지가 전선에 걸려 있어요", "공원에 너구리가 나타나서 아이들이 무서워해요 신고 어디에 해요",
    "도로 너비가 좁아서 소방차가 못 들어가요", "해안 너울 주의보 내려졌는데 산책로 통제하나요",
    "니트 공장 소음 때문에 밤에 잠을 못 자요", "어르신 댁내 안전 점검 신청하려고요",
    "너도나도 불법 주차를 해서 골목이 막혀요", "너럭바위 근처 등산로가 무너졌어요",
    "니코틴 패치 보건소에서 무료로 받을 수 있나요", "너머 동네 버스 노선도 바뀌나요",
]
COMPLAINTS = [
    "너무 늦게 처리돼서 작년에 낸 민원이 아직도 그대로예요", "머리가 아파서 일을 못 할 정도로 공사 소음이 심해요",
    "작년 이맘때도 똑같이 말씀하셨잖아요 너무하신 거 아니에요", "몇 년째 같은 민원 넣는데 머리 아프네요 정말",
    "당신들 말만 믿고 기다린 게 벌써 두 달이에요 너무 화가 나요", "그쪽 부서에서 처리한다고 해 놓고 연락 한 통 없네요",
]

rows = []
for template in SARCASM:
    for p in rng.sample(PEOPLE, 3):
        rows.append((template.format(p=p, f=rng.choice(FAILURES)), "insult", "abuse"))
for template in PRAISE:
    for p in rng.sample(PEOPLE[:7], 2):
        rows.append((template.format(p=p), "none", "ordinary"))
for template in MEET_THREAT:
    for p in rng.sample(PEOPLE, 3):
        rows.append((template.format(p=p, pl=rng.choice(PLACES)), "threat", "abuse"))
for template in MEET_OK:
    for p in rng.sample(PEOPLE[:7], 2):
        rows.append((template.format(p=p, pl=rng.choice(PLACES)), "none", "ordinary"))
for line in NOUNS + COMPLAINTS:
    rows.append((line, "none", "angry" if line in COMPLAINTS else "ordinary"))

seen = set()
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "domain-session13.jsonl"), "w", encoding="utf-8") as target:
    for text, label, group in rows:
        if text in seen:
            continue
        seen.add(text)
        target.write(json.dumps({"text": text, "label": label, "group": group}, ensure_ascii=False) + "\n")
print(len(seen), "lines -> domain-session13.jsonl")
