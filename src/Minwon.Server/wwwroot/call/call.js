// Minwon citizen web call (전화로 상담): the microphone to a counsellor over a WebSocket (wwwroot/voice/voice-link.js),
// with the place in queue, captions of what the line says, a keypad (the callback offer) and hang-up.
(() => {
  "use strict";
  const prompts = {
    ko: {
      "recording-notice": "상담 품질 향상을 위해 통화 내용이 녹음됩니다.",
      "please-wait": "잠시만 기다려 주십시오. 곧 상담사가 연결됩니다.",
      "callback-offer": "대기 시간이 길어 콜백 예약이 가능합니다. 콜백을 원하시면 1번을 눌러 주십시오.",
      "callback-booked": "콜백 예약이 접수되었습니다. 상담사가 곧 전화드리겠습니다. 감사합니다.",
      "transfer": "다른 상담사에게 연결해 드리겠습니다. 잠시만 기다려 주십시오.",
      "goodbye": "상담이 종료되었습니다. 이용해 주셔서 감사합니다.",
    },
    en: {
      "recording-notice": "This call is recorded to improve the quality of our service.",
      "please-wait": "Please hold. A counsellor will be with you shortly.",
      "callback-offer": "The wait is long: you can book a callback. Press 1 for a callback.",
      "callback-booked": "Your callback is booked. A counsellor will call you soon. Thank you.",
      "transfer": "We are connecting you to another counsellor. Please hold.",
      "goodbye": "The consultation has ended. Thank you for calling.",
    },
  };
  const T = {
    ko: { title: "120 전화 상담", intro: "인터넷으로 서울시 다산콜재단 상담사와 통화합니다. 이어폰을 쓰시면 더 잘 들립니다.",
      phone: "연락받을 전화번호 (선택, 콜백 예약용)", micHint: "시작하면 브라우저가 마이크 사용을 물어봅니다. '허용'을 눌러 주세요.",
      start: "통화 시작", recorded: "상담 품질 향상을 위해 통화 내용이 녹음됩니다.", retry: "다시 시도", captionTitle: "안내 방송",
      micLevel: "내 목소리", mute: "음소거", unmute: "음소거 해제", keypad: "키패드", pressed: "누른 번호", hangup: "통화 종료",
      again: "다시 걸기", toChat: "채팅 상담으로 가기", other: "English",
      connecting: "연결 중…", notice: "녹음 안내 중", bot: "자동 안내 중 (키패드로 고르거나 말씀하세요)", waiting: "상담사 연결을 기다리는 중", talking: "상담사와 통화 중",
      held: "통화 대기 중 (보류)", heldCaption: "상담사가 잠시 통화를 보류했습니다. 음악이 나오는 동안 기다려 주세요.",
      queue: (p, w) => `대기 순번 ${p}번 · 예상 대기 ${w}`, minutes: s => s < 60 ? "1분 이내" : `약 ${Math.ceil(s / 60)}분`,
      position: (p, m) => `현재 대기 순번은 ${p}번째이며, 예상 대기 시간은 약 ${m}분입니다.`,
      ended: { "caller-hangup": "통화를 종료했습니다.", "agent-hangup": "상담사가 통화를 종료했습니다. 이용해 주셔서 감사합니다.",
        "callback-booked": "콜백 예약이 접수되었습니다. 상담사가 전화드리겠습니다.", "shutdown": "서버 점검으로 통화가 끊겼습니다. 다시 걸어 주세요.",
        default: "통화가 종료되었습니다." },
      lost: "연결이 끊겼습니다. 인터넷 연결을 확인하고 다시 걸어 주세요.",
      denied: "마이크 사용이 거부되어 통화할 수 없습니다. 주소창의 자물쇠(또는 설정 > 사이트 설정 > 마이크)에서 이 사이트의 마이크를 허용한 뒤 '다시 시도'를 누르거나, 채팅 상담을 이용해 주세요.",
      missing: "마이크를 찾을 수 없습니다. 이어폰 마이크나 헤드셋을 연결한 뒤 다시 시도하거나, 채팅 상담을 이용해 주세요.",
      busy: "다른 앱이 마이크를 쓰고 있습니다. 통화 중인 앱을 닫고 다시 시도해 주세요.",
      insecure: "이 주소에서는 마이크를 쓸 수 없습니다 (보안 연결 https 필요). 채팅 상담을 이용해 주세요.",
      unsupported: "이 브라우저는 인터넷 통화를 지원하지 않습니다. 최신 Chrome이나 Safari를 쓰거나 채팅 상담을 이용해 주세요.",
      network: "상담 센터에 연결할 수 없습니다. 인터넷 연결을 확인해 주세요.", badPhone: "전화번호를 확인해 주세요." },
    en: { title: "Seoul 120 Call", intro: "Talk to a Seoul Dasan Call Center counsellor over the internet. Earphones help.",
      phone: "Phone number for a callback (optional)", micHint: "Your browser will ask to use the microphone: please allow it.",
      start: "Start call", recorded: "Calls are recorded to improve the quality of our service.", retry: "Try again",
      captionTitle: "Announcement", micLevel: "Your voice", mute: "Mute", unmute: "Unmute", keypad: "Keypad", pressed: "Pressed",
      hangup: "Hang up", again: "Call again", toChat: "Use chat instead", other: "한국어",
      connecting: "Connecting…", notice: "Recording notice", bot: "Automated menu (press a key or speak)", waiting: "Waiting for a counsellor", talking: "Talking with a counsellor",
      held: "On hold", heldCaption: "The counsellor has put you on hold. Please wait while the music plays.",
      queue: (p, w) => `Place in queue ${p} · expected wait ${w}`, minutes: s => s < 60 ? "under a minute" : `about ${Math.ceil(s / 60)} min`,
      position: (p, m) => `You are number ${p} in the queue; the expected wait is about ${m} minutes.`,
      ended: { "caller-hangup": "You hung up.", "agent-hangup": "The counsellor ended the call. Thank you for calling.",
        "callback-booked": "Your callback is booked. A counsellor will call you.", "shutdown": "The call was cut by server maintenance. Please call again.",
        default: "The call has ended." },
      lost: "The connection was lost. Check your internet connection and call again.",
      denied: "The microphone was blocked, so the call cannot start. Allow the microphone for this site (the lock icon in the address bar, or Settings > Site settings > Microphone), then press Try again, or use chat.",
      missing: "No microphone was found. Plug in earphones with a microphone or a headset and try again, or use chat.",
      busy: "Another app is using the microphone. Close it and try again.",
      insecure: "The microphone cannot be used on this address (a secure https connection is needed). Please use chat.",
      unsupported: "This browser cannot make internet calls. Use a recent Chrome or Safari, or chat.",
      network: "Cannot reach the call center. Please check your internet connection.", badPhone: "Please check the phone number." },
  };

  function usable(get) {
    try { const s = get(); s.setItem("minwon.probe", "1"); s.removeItem("minwon.probe"); return s; } catch {
      const memory = new Map();
      return { getItem: k => memory.has(k) ? memory.get(k) : null, setItem: (k, v) => memory.set(k, String(v)), removeItem: k => memory.delete(k) };
    }
  }
  const local = usable(() => localStorage);
  const params = new URLSearchParams(location.search);
  let lang = params.get("lang") === "en" || (params.get("lang") !== "ko" && local.getItem("minwon.lang") === "en") ? "en" : "ko";
  const $ = id => document.getElementById(id);
  // A visual ARS hand-off arrives with its call already started: #t=token (kept only in memory).
  const handoff = new URLSearchParams(location.hash.slice(1));
  let handoffToken = handoff.get("t");
  if (handoffToken) history.replaceState(null, "", location.pathname + location.search);

  let link = null;
  let state = "idle";       // idle | connecting | notice | waiting | talking | held | ended
  let lastQueue = null;
  let lastCaption = null;   // { prompt } or { position, minutes } or { held: true }
  let connectedAt = 0;
  let timer = 0;
  let muted = false;
  let endedCause = null;

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = lang === "en" ? "Seoul 120 Call" : "서울시 120 전화 상담";
    document.querySelectorAll("[data-i18n]").forEach(el => { const v = T[lang][el.dataset.i18n]; if (typeof v === "string") el.textContent = v; });
    $("lang").textContent = T[lang].other;
    $("lang").lang = lang === "ko" ? "en" : "ko";
    $("chat-link").href = lang === "en" ? "/chat?lang=en" : "/chat";
    $("mute").textContent = muted ? T[lang].unmute : T[lang].mute;
    render();
  }

  function render() {
    const t = T[lang];
    const labels = { connecting: t.connecting, notice: t.notice, bot: t.bot, waiting: t.waiting, talking: t.talking, held: t.held };
    $("status").textContent = state === "ended" ? (t.ended[endedCause] ?? t.ended.default) : (labels[state] ?? "");
    $("queue").hidden = !(lastQueue && state === "waiting");
    if (lastQueue) $("queue").textContent = t.queue(lastQueue.position, t.minutes(lastQueue.expectedWaitSeconds ?? 0));
    let caption = "";
    if (lastCaption?.prompt) caption = prompts[lang][lastCaption.prompt] ?? lastCaption.text ?? "";
    else if (lastCaption?.position) caption = t.position(lastCaption.position, lastCaption.minutes);
    else if (lastCaption?.held) caption = t.heldCaption;
    $("caption").textContent = caption;
    $("caption-box").hidden = !caption;
    document.body.dataset.callState = state;
  }

  function showProblem(kind) {
    $("problem-text").textContent = T[lang][kind] ?? T[lang].unsupported;
    $("problem").hidden = false;
    $("problem").dataset.problem = kind;
  }

  function tick() {
    const s = Math.floor((Date.now() - connectedAt) / 1000);
    $("timer").textContent = `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  }

  async function problemOf(response) {
    try { const p = await response.json(); return [p.title, p.detail].filter(Boolean).join(" "); } catch { return response.statusText; }
  }

  // The call record is made only once the microphone is open, so a refused microphone leaves nothing behind.
  async function mediaPath() {
    if (handoffToken) {
      const token = handoffToken;
      handoffToken = null;
      return "/voice/ws/webcall?token=" + encodeURIComponent(token);
    }
    const phone = $("phone").value.trim();
    let response;
    try {
      response = await fetch("/api/voice/webcalls", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ phone: phone || null, language: lang }) });
    } catch { const e = new Error("network"); e.problem = "network"; throw e; }
    if (!response.ok) { const e = new Error(await problemOf(response)); e.problem = response.status === 400 ? "badPhone" : "network"; e.detail = e.message; throw e; }
    return (await response.json()).mediaPath;
  }

  async function startCall(event) {
    event?.preventDefault();
    // Inside the click, before any await: mobile browsers only start audio that a gesture started.
    const ctx = window.MinwonVoice?.prime();
    $("problem").hidden = true;
    if (!ctx || !MinwonVoice.supported()) { showProblem(window.isSecureContext ? "unsupported" : "insecure"); return; }
    $("start-call").disabled = true;
    state = "connecting"; lastQueue = null; lastCaption = null; endedCause = null;
    $("start").hidden = true; $("call").hidden = false; $("after").hidden = true; $("hangup").hidden = false;
    $("digits").textContent = "";
    render();
    try {
      link = await MinwonVoice.open({ url: mediaPath, onControl, onLevel, onClose });
    } catch (error) {
      link = null;
      state = "idle";
      $("call").hidden = true; $("start").hidden = false; $("start-call").disabled = false;
      showProblem(error.problem ?? "unsupported");
      if (error.detail) $("problem-text").textContent += " (" + error.detail + ")";
      return;
    }
    $("start-call").disabled = false;
    connectedAt = Date.now();
    clearInterval(timer); timer = setInterval(tick, 1000); tick();
    if (muted) link.setMuted(true);
  }

  function onControl(m) {
    switch (m.type) {
      case "ready":
        // The recording notice is always the first thing the line says.
        state = "notice"; lastCaption = { prompt: "recording-notice" };
        break;
      case "queue":
        if (state !== "talking" && state !== "held") state = "waiting";
        lastQueue = m;
        lastCaption = { position: m.position, minutes: Math.max(1, Math.ceil((m.expectedWaitSeconds ?? 0) / 60)) };
        break;
      case "prompt":
        lastCaption = { prompt: m.prompt, text: m.text };
        // The callbot's prompts (callbot:<node>) before any counsellor: the caller is in the automated menu.
        if (m.prompt?.startsWith("callbot:") && (state === "notice" || state === "connecting")) state = "bot";
        break;
      case "state":
        if (m.state === "held") { state = "held"; lastCaption = { held: true }; }
        else if (m.state === "talking") { state = "talking"; if (lastCaption?.held) lastCaption = null; }
        else if (m.state === "waiting") { state = "waiting"; }
        break;
      case "ended":
        endedCause = m.cause; finish();
        return;
    }
    render();
  }

  function onLevel(level) {
    $("mic-level").style.width = `${Math.min(100, Math.round(level.mic * 400))}%`;
  }

  function onClose() {
    if (state !== "ended") { endedCause = endedCause ?? "lost"; finish(); }
  }

  function finish() {
    state = "ended";
    clearInterval(timer);
    link?.close();
    link = null;
    $("hangup").hidden = true;
    $("after").hidden = false;
    render();
    if (endedCause === "lost") $("status").textContent = T[lang].lost;
  }

  function hangUp() {
    if (!link) return;
    link.send({ type: "hangup" });
    endedCause = "caller-hangup";
    finish();
  }

  function press(digit) {
    MinwonVoice.prime();
    link?.send({ type: "dtmf", digit });
    $("digits").textContent = ($("digits").textContent + digit).slice(-16);
  }

  $("lang").addEventListener("click", () => { lang = lang === "ko" ? "en" : "ko"; local.setItem("minwon.lang", lang); applyLanguage(); });
  $("start-form").addEventListener("submit", startCall);
  $("retry").addEventListener("click", startCall);
  $("again").addEventListener("click", startCall);
  $("hangup").addEventListener("click", hangUp);
  $("mute").addEventListener("click", () => {
    muted = !muted;
    link?.setMuted(muted);
    $("mute").setAttribute("aria-pressed", String(muted));
    $("mute").textContent = muted ? T[lang].unmute : T[lang].mute;
  });
  $("keypad-toggle").addEventListener("click", () => {
    const open = $("keypad").hidden;
    $("keypad").hidden = !open;
    $("keypad-toggle").setAttribute("aria-expanded", String(open));
  });
  document.querySelectorAll("#keypad [data-digit]").forEach(b => b.addEventListener("click", () => press(b.dataset.digit)));
  document.addEventListener("keydown", e => {
    if (!link || $("keypad").hidden || /^(INPUT|TEXTAREA)$/.test(e.target.tagName)) return;
    if (/^[0-9*#]$/.test(e.key)) press(e.key);
  });
  // Leaving the page hangs up (the socket closes); say so to the server first when we still can.
  window.addEventListener("pagehide", () => link?.send({ type: "hangup" }));
  if (handoffToken) $("phone").closest("label").hidden = true;
  applyLanguage();
})();
