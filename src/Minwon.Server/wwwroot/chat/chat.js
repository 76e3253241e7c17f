// Minwon citizen web chat. Every message carries a per-conversation sequence number: the page renders each
// number once, in order, and after any reconnect asks the server for everything after the last one it rendered.
(() => {
  "use strict";
  const T = {
    ko: { title: "120 채팅 상담", intro: "서울시 다산콜재단 상담사가 채팅으로 도와드립니다.", name: "이름 (선택)", topic: "문의 내용 (선택)",
      start: "상담 시작", typing: "상담사가 입력 중입니다…", message: "메시지", placeholder: "메시지를 입력하세요", send: "보내기",
      leave: "상담 종료", again: "새 상담 시작", queued: (p, w) => `대기 순번 ${p}번 · 예상 대기 ${w}`, offered: "상담사를 연결하고 있습니다…",
      assigned: n => `${n ?? "상담사"} 상담사와 상담 중입니다.`, wrapup: "상담이 종료되었습니다.", closed: "상담이 종료되었습니다.",
      abandoned: "상담이 종료되었습니다.", new: "120 챗봇이 안내해 드립니다.", offline: "연결이 끊겼습니다. 다시 연결하는 중…", retry: "다시 보내기",
      network: "연결할 수 없습니다. 인터넷 연결을 확인해 주세요.", unavailable: "",
      minutes: s => s < 60 ? "1분 이내" : `약 ${Math.round(s / 60)}분`, other: "English", me: "나", bot: "챗봇",
      call: "전화로 상담", callHint: "인터넷으로 상담사와 바로 통화합니다.", handoff: "상담사 연결", handoffText: "상담사 연결",
      queuedNobody: p => `대기 순번 ${p}번 · 지금 연결할 수 있는 상담사가 없어 예상 대기 시간을 알려 드릴 수 없습니다. 상담사가 연결되는 대로 이어 드립니다.`,
      protection: "상담사 보호를 위해 상담이 종료되었습니다.", receipt: r => `접수번호 ${r}`, receiptSoon: "접수번호는 상담사가 기록을 마치면 여기에 안내됩니다.",
      notSent: "보내지 못했습니다.", languages: "언어", conversation: "대화 내용", tooLong: n => `메시지는 4,000자까지 보낼 수 있습니다 (지금 ${n.toLocaleString("ko-KR")}자). 줄이거나 나누어 보내 주세요.` },
    en: { title: "Seoul 120 Chat", intro: "A Seoul Dasan Call Center counsellor will help you by chat.", name: "Name (optional)",
      topic: "What is it about? (optional)", start: "Start chat", typing: "The counsellor is typing…", message: "Message",
      placeholder: "Type a message", send: "Send", leave: "End chat", again: "Start a new chat", queued: (p, w) => `Place in queue ${p} · expected wait ${w}`,
      offered: "Connecting you to a counsellor…", assigned: n => `You are chatting with ${n ?? "a counsellor"}.`,
      wrapup: "The chat has ended.", closed: "The chat has ended.", abandoned: "The chat has ended.", new: "The Seoul 120 chatbot is helping you.",
      offline: "Connection lost. Reconnecting…", retry: "Retry",
      network: "Cannot connect. Please check your internet connection.",
      unavailable: "Chat is not available right now. Please try again later or call 120.", minutes: s => s < 60 ? "under a minute" : `about ${Math.round(s / 60)} min`,
      other: "한국어", me: "Me", bot: "Bot", call: "Talk by phone", callHint: "Call a counsellor over the internet.",
      handoff: "Talk to a counsellor", handoffText: "agent",
      queuedNobody: p => `Place in queue ${p} · No counsellor is available right now, so we cannot tell you how long it will take. You will be connected as soon as one is.`,
      protection: "The chat was ended to protect the counsellor.", receipt: r => `Receipt number ${r}`,
      receiptSoon: "Your receipt number will appear here when the counsellor has filed the case.",
      notSent: "Not sent.", languages: "Language", conversation: "Conversation", tooLong: n => `A message can be up to 4,000 characters (now ${n.toLocaleString("en-US")}). Please shorten it or send it in parts.` },
  };
  // Other languages come from files a translator edits, /chat/i18n/{lang}.json, with {name} placeholders (docs/languages.md).
  const NAMES = { ko: "한국어", en: "English", zh: "中文", ja: "日本語", vi: "Tiếng Việt" };
  const LOCALES = { ko: "ko-KR", en: "en-US", zh: "zh-CN", ja: "ja-JP", vi: "vi-VN" };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
  async function ensureLanguage(l) {
    if (T[l]) return true;
    if (!(l in NAMES)) return false;
    try {
      const j = await (await fetch(`/chat/i18n/${l}.json`)).json();
      T[l] = { ...j, other: "한국어",
        queued: (p, w) => fill(j.queued, { position: p, wait: w }), assigned: n => fill(j.assigned, { name: n ?? j.counsellor }),
        minutes: s => s < 60 ? j.minutesUnder : fill(j.minutesAbout, { minutes: Math.round(s / 60) }),
        queuedNobody: p => fill(j.queuedNobody, { position: p }), receipt: r => fill(j.receipt, { receipt: r }),
        tooLong: n => fill(j.tooLong, { count: n.toLocaleString(LOCALES[l]) }) };
      return true;
    } catch { return false; }
  }
  // Embedded on a city site the page is a third-party frame, where browsers may refuse storage outright
  // (reading localStorage throws). The chat must still work then, it just forgets on reload.
  function usable(get) {
    try { const s = get(); s.setItem("minwon.probe", "1"); s.removeItem("minwon.probe"); return s; } catch {
      const memory = new Map();
      return { getItem: k => memory.has(k) ? memory.get(k) : null, setItem: (k, v) => memory.set(k, String(v)), removeItem: k => memory.delete(k) };
    }
  }
  const local = usable(() => localStorage);
  const store = usable(() => sessionStorage);
  const params = new URLSearchParams(location.search);
  // The page's language: asked for in the address, chosen before, or the browser's; Korean otherwise.
  const wanted = params.get("lang") ?? local.getItem("minwon.lang") ?? (navigator.language || "ko").split("-")[0];
  let lang = wanted in NAMES ? wanted : "ko";
  let conversationLanguage = null;   // the server's, which the first messages may change (issue 16)
  let followedServer = false;
  const $ = id => document.getElementById(id);
  // A hand-off from the visual ARS (/ars) arrives with its conversation already started: #t=token&k=contactKey.
  const handoff = new URLSearchParams(location.hash.slice(1));
  if (handoff.get("t")) {
    store.setItem("minwon.token", handoff.get("t"));
    if (handoff.get("k")) local.setItem("minwon.contactKey", handoff.get("k"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  let token = store.getItem("minwon.token");
  let lastSeq = 0;               // highest sequence number rendered
  const rendered = new Map();    // seq -> li
  const pending = new Map();     // clientMessageId -> li
  let connection = null;
  let stateTimer = null;
  let typingTimer = null;
  let lastTypingSent = 0;

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(el => { const v = T[lang][el.dataset.i18n]; if (typeof v === "string") el.textContent = v; });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(el => el.placeholder = T[lang][el.dataset.i18nPlaceholder]);
    document.querySelectorAll("[data-i18n-label]").forEach(el => { const v = T[lang][el.dataset.i18nLabel]; if (typeof v === "string") el.setAttribute("aria-label", v); });
    $("lang").textContent = T[lang].other;
    $("lang").lang = lang === "ko" ? "en" : "ko";
    $("call-link").href = lang === "en" ? "/call?lang=en" : "/call";
    $("lang-select").value = lang;
  }

  function showError(el, text) { el.textContent = text; el.hidden = !text; }

  async function problemText(response) {
    try { const p = await response.json(); return [p.title, p.detail].filter(Boolean).join(" "); } catch { return response.statusText; }
  }

  async function start(event) {
    event.preventDefault();
    showError($("start-error"), "");
    const body = { language: lang, name: $("name").value || null, topic: $("topic").value || null,
      contactKey: local.getItem("minwon.contactKey") };
    let response;
    try {
      response = await fetch("/api/chat/conversations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch { showError($("start-error"), T[lang].network); return; }
    if (!response.ok) {
      // The server words its refusals in Korean; an English reader gets an English lead line before them.
      const text = await problemText(response);
      showError($("start-error"), lang !== "ko" && response.status === 503 ? `${T[lang].unavailable} (${text})` : text);
      return;
    }
    const started = await response.json();
    token = started.token;
    store.setItem("minwon.token", token);
    local.setItem("minwon.contactKey", started.contactKey);
    await openChat();
  }

  function render(m) {
    if (rendered.has(m.seq)) return;           // delivered twice (at-least-once): shown once
    const li = document.createElement("li");
    li.className = m.kind === "event" ? "event" : m.sender;
    li.dataset.seq = m.seq;
    // Mixed-language conversations: each message says its language so screen readers pronounce it right.
    const messageLanguage = m.language || (m.sender === "bot" || m.kind === "event" ? conversationLanguage : null);
    if (messageLanguage) li.lang = messageLanguage;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    const wait = m.clientMessageId && pending.get(m.clientMessageId);
    // The citizen's own words as typed: masking (a plate, an address) protects what is stored and what others see,
    // not the writer's own live view (docs/text-safety.md). After a reload the stored, masked text is shown.
    bubble.textContent = wait && m.sender === "citizen" ? wait.dataset.body : m.body;   // always text, never HTML
    if (m.kind !== "event" && m.sender !== "citizen") {
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = m.sender === "bot" ? T[lang].bot : (m.senderName ?? "");
      li.append(meta);
    }
    li.append(bubble);
    if (m.kind !== "event" && m.createdAt) {
      const time = document.createElement("time");
      time.className = "time";
      time.dateTime = m.createdAt;
      time.textContent = new Date(m.createdAt).toLocaleTimeString(LOCALES[lang] ?? "ko-KR", { hour: "2-digit", minute: "2-digit" });
      li.append(time);
    }
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    if (wait) pending.delete(m.clientMessageId);
    const after = [...rendered.keys()].filter(s => s > m.seq).sort((a, b) => a - b)[0];
    // A stored message takes the place of its own pending bubble when nothing stored follows it there, so a message
    // typed later and refused (still waiting for a retry) stays below it, where it was typed.
    const inPlace = wait && !after && ![...list.children].slice([...list.children].indexOf(wait) + 1).some(x => x.dataset.seq);
    if (inPlace) wait.replaceWith(li); else { if (wait) wait.remove(); list.insertBefore(li, after ? rendered.get(after) : null); }
    rendered.set(m.seq, li);
    if (m.sender === "agent") $("typing").hidden = true;
    while (rendered.has(lastSeq + 1)) lastSeq++;
    if (atBottom || m.sender === "citizen") list.scrollTop = list.scrollHeight;
  }

  async function catchUp() {
    const missed = await connection.invoke("Join", token, lastSeq);
    missed.forEach(render);
  }

  async function refreshState() {
    if (!connection || connection.state !== "Connected") return;
    try {
      const s = await connection.invoke("GetState", token);
      conversationLanguage = s.language ?? conversationLanguage;
      // A conversation the server switched to the citizen's language (the first message) switches the page once too.
      if (!followedServer && s.language && s.language !== lang && s.language in NAMES && await ensureLanguage(s.language)) {
        followedServer = true;
        lang = s.language;
        applyLanguage();
      }
      const t = T[lang];
      const ended = ["wrapup", "closed", "abandoned"].includes(s.status);
      const text = s.status === "queued" ? (s.nobodyAvailable || s.expectedWaitSeconds == null ? t.queuedNobody(s.position) : t.queued(s.position, t.minutes(s.expectedWaitSeconds)))
        : s.status === "assigned" ? t.assigned(s.counsellorName)
        : ended ? [s.endReason === "protection" ? t.protection : t[s.status], s.receiptNumber ? t.receipt(s.receiptNumber) : s.status === "wrapup" ? t.receiptSoon : ""].filter(Boolean).join(" ")
        : (t[s.status] ?? "");
      $("status").textContent = text;
      $("text").disabled = ended; $("send").disabled = ended || $("text").value.length > 4000; $("leave").hidden = ended; $("again").hidden = !ended;
      $("send-form").hidden = ended;
      $("handoff").hidden = s.status !== "new";
      if (s.lastSeq > lastSeq) await catchUp();
    } catch (e) { /* shown by the connection status */ }
  }

  async function openChat() {
    $("start").hidden = true;
    $("chat").hidden = false;
    connection = new signalR.HubConnectionBuilder().withUrl("/hubs/citizen")
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) }).build();
    connection.on("Message", m => {
      if (m.seq > lastSeq + 1 && !rendered.has(m.seq - 1)) { catchUp(); }
      render(m);
      if (m.kind === "event") refreshState();
    });
    connection.on("Changed", () => refreshState());
    connection.on("Typing", () => { $("typing").hidden = false; clearTimeout(typingTimer); typingTimer = setTimeout(() => $("typing").hidden = true, 4000); });
    connection.onreconnecting(() => { $("status").textContent = T[lang].offline; });
    connection.onreconnected(async () => { await catchUp(); await resendPending(); await refreshState(); });
    connection.onclose(() => setTimeout(connect, 2000));
    document.body.classList.add("chatting");
    fitViewport();
    await connect();
    if (!$("text").disabled) $("text").focus();
    clearInterval(stateTimer);
    stateTimer = setInterval(refreshState, 5000);
  }

  async function connect() {
    if (connection.state !== "Disconnected") return;
    try {
      await connection.start();
      await catchUp();
      await resendPending();
      await refreshState();
    } catch (e) {
      if (String(e).includes("대화를 찾을 수 없습니다")) { store.removeItem("minwon.token"); location.reload(); return; }
      $("status").textContent = T[lang].offline;
      setTimeout(connect, 3000);
    }
  }

  async function send(event) {
    event.preventDefault();
    const text = $("text").value.trim();
    if (!text || !checkLength()) return;
    const id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
    const li = document.createElement("li");
    li.className = "citizen pending";
    li.dataset.clientId = id;
    li.dataset.body = text;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = text;
    li.append(bubble);
    $("messages").append(li);
    $("messages").scrollTop = $("messages").scrollHeight;
    pending.set(id, li);
    $("text").value = "";
    await deliver(id, text, li);
  }

  async function deliver(id, text, li) {
    showError($("send-error"), "");
    try {
      const stored = await connection.invoke("Send", token, id, text);
      render(stored);
    } catch (e) {
      // Offline, the message stays pending and goes out on reconnect; only a refusal by the server is a failure.
      if (connection.state !== "Connected") return;
      refused(id, text, li);
      showError($("send-error"), String(e.message ?? e).replace(/^.*HubException: /, ""));
    }
  }

  // A refused message (the flood limit) stays where it was typed, marked, with a button that sends it again
  // under the same client message id (stored once, whatever happens).
  function refused(id, text, li) {
    pending.delete(id);
    li.classList.add("failed");
    if (li.querySelector(".retry")) return;
    const note = document.createElement("span");
    note.className = "time failed-note";
    note.textContent = T[lang].notSent + " ";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "link retry";
    retry.textContent = T[lang].retry;
    retry.addEventListener("click", () => {
      note.remove();
      li.classList.remove("failed");
      pending.set(id, li);
      deliver(id, text, li);
    });
    note.append(retry);
    li.append(note);
  }

  // Pasting or typing past the limit is never cut silently: the box keeps everything, says so, and will not send.
  function checkLength() {
    const n = $("text").value.length;
    const over = n > 4000;
    $("text").setAttribute("aria-invalid", String(over));
    $("send").disabled = over || $("text").disabled;
    if (over) showError($("send-error"), T[lang].tooLong(n));
    else if ($("send-error").dataset.kind === "length") showError($("send-error"), "");
    $("send-error").dataset.kind = over ? "length" : "";
    return !over;
  }

  // On a phone the on-screen keyboard shrinks the visual viewport, not the layout one: size the page to what is
  // visible so the header, status line and message box stay on screen and only the message list scrolls.
  function fitViewport() {
    const vv = window.visualViewport;
    document.documentElement.style.setProperty("--app-height", `${Math.round(vv ? vv.height : window.innerHeight)}px`);
    if (document.body.classList.contains("chatting")) {
      window.scrollTo(0, 0);
      const list = $("messages");
      list.scrollTop = list.scrollHeight;
    }
  }

  async function resendPending() {
    for (const [id, li] of pending) { li.classList.remove("failed"); await deliver(id, li.dataset.body, li); }
  }

  function typing() {
    const now = Date.now();
    if (connection?.state === "Connected" && now - lastTypingSent > 3000) { lastTypingSent = now; connection.invoke("Typing", token).catch(() => {}); }
  }

  async function leave() {
    try { await connection.invoke("Leave", token); } finally { await refreshState(); }
  }

  $("lang").addEventListener("click", () => { lang = lang === "ko" ? "en" : "ko"; local.setItem("minwon.lang", lang); applyLanguage(); refreshState(); });
  $("lang-select").addEventListener("change", async () => {
    const chosen = $("lang-select").value;
    if (!await ensureLanguage(chosen)) { $("lang-select").value = lang; return; }
    lang = chosen; followedServer = true; local.setItem("minwon.lang", lang); applyLanguage(); refreshState();
  });
  $("start-form").addEventListener("submit", start);
  $("send-form").addEventListener("submit", send);
  $("text").addEventListener("input", () => { checkLength(); typing(); });
  window.visualViewport?.addEventListener("resize", fitViewport);
  window.visualViewport?.addEventListener("scroll", () => { if (document.body.classList.contains("chatting")) window.scrollTo(0, 0); });
  window.addEventListener("resize", fitViewport);
  $("text").addEventListener("keydown", e => { if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("send-form").requestSubmit(); } });
  $("leave").addEventListener("click", leave);
  $("handoff").addEventListener("click", () => { $("text").value = T[lang].handoffText; $("send-form").requestSubmit(); });
  $("again").addEventListener("click", () => { store.removeItem("minwon.token"); location.reload(); });
  window.addEventListener("online", () => connection && connect());
  // A phone that loses its network often keeps a half-dead WebSocket for minutes; when the browser knows it is
  // offline, drop the connection at once so sends queue up and the reconnect catches up by sequence number.
  window.addEventListener("offline", () => {
    if (!connection) return;
    $("status").textContent = T[lang].offline;
    if (connection.state !== "Disconnected") connection.stop();
  });
  // Framed on a city site, the microphone belongs to that site's frame policy: the call opens in a tab of its own.
  if (window.top !== window.self) { $("call-link").target = "_blank"; $("call-link").rel = "noopener"; }
  ensureLanguage(lang).then(ok => {
    if (!ok) lang = "ko";
    applyLanguage();
    if (token) openChat(); else $("start").hidden = false;
  });
})();
