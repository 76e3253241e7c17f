// Minwon citizen sign-language video (수어 상담): camera and microphone to a counsellor with the sign-language skill,
// browser to browser over WebRTC (video-peer.js), signalling and the text chat beside it over /hubs/citizen.
(() => {
  "use strict";
  const T = {
    ko: { title: "120 수어 상담", startTitle: "수어 영상으로 상담하기",
      intro: "수어 통역이 가능한 상담사와 영상으로 상담합니다. 이름, 번호, 주소는 옆의 채팅 창에 적어 주셔도 됩니다.",
      name: "이름 (선택)", camHint: "시작하면 브라우저가 카메라와 마이크 사용을 물어봅니다. '허용'을 눌러 주세요.", start: "영상 상담 시작",
      retry: "다시 시도", callTitle: "영상 상담", remoteLabel: "상담사 영상", selfLabel: "내 영상", remoteEmpty: "상담사 영상이 여기에 보입니다.",
      muteMic: "마이크 끄기", unmuteMic: "마이크 켜기", muteCam: "카메라 끄기", unmuteCam: "카메라 켜기", switchCam: "카메라 전환",
      hangup: "상담 종료", chatTitle: "채팅", message: "메시지", send: "보내기", again: "다시 상담하기", toChat: "채팅 상담으로 가기", other: "English",
      starting: "카메라를 준비하는 중…", waiting: "수어 상담사 연결을 기다리는 중", position: (p, w) => `대기 순번 ${p}번${w ? ` · 예상 대기 ${w}` : ""}`,
      minutes: s => s < 60 ? "1분 이내" : `약 ${Math.ceil(s / 60)}분`, nobody: "지금은 연결할 수 있는 수어 상담사가 없습니다. 기다리시거나 채팅 상담을 이용해 주세요.",
      connecting: "상담사와 영상 연결 중…", connected: "상담사와 영상 상담 중", peerLost: "상담사 쪽 연결이 끊겼습니다. 다시 연결하는 중…",
      peerLeft: "상담사의 영상이 끊겼습니다. 다시 연결되기를 기다리는 중…", offline: "인터넷 연결이 끊겼습니다. 다시 연결하는 중…",
      ended: "상담이 종료되었습니다. 이용해 주셔서 감사합니다.", receipt: r => `접수번호 ${r}`,
      denied: "카메라나 마이크 사용이 거부되어 영상 상담을 할 수 없습니다. 주소창의 자물쇠(또는 설정 > 사이트 설정)에서 카메라와 마이크를 허용한 뒤 '다시 시도'를 누르거나, 채팅 상담을 이용해 주세요.",
      missing: "카메라를 찾을 수 없습니다. 카메라가 있는 기기에서 다시 시도하거나 채팅 상담을 이용해 주세요.",
      busy: "다른 앱이 카메라를 쓰고 있습니다. 그 앱을 닫고 다시 시도해 주세요.",
      insecure: "이 주소에서는 카메라를 쓸 수 없습니다 (보안 연결 https 필요). 채팅 상담을 이용해 주세요.",
      unsupported: "이 브라우저는 영상 상담을 지원하지 않습니다. 최신 Chrome이나 Safari를 쓰거나 채팅 상담을 이용해 주세요.",
      network: "상담 센터에 연결할 수 없습니다. 인터넷 연결을 확인해 주세요.", sendFailed: "메시지를 보내지 못했습니다. 다시 보내 주세요." },
    en: { title: "Seoul 120 Sign Language", startTitle: "Consult in sign language by video",
      intro: "Talk by video with a counsellor who signs Korean Sign Language. You can type names, numbers and addresses in the chat beside it.",
      name: "Name (optional)", camHint: "Your browser will ask to use the camera and microphone: please allow them.", start: "Start video call",
      retry: "Try again", callTitle: "Video consultation", remoteLabel: "Counsellor's video", selfLabel: "Your video", remoteEmpty: "The counsellor's video appears here.",
      muteMic: "Microphone off", unmuteMic: "Microphone on", muteCam: "Camera off", unmuteCam: "Camera on", switchCam: "Switch camera",
      hangup: "End", chatTitle: "Chat", message: "Message", send: "Send", again: "Start again", toChat: "Use chat instead", other: "한국어",
      starting: "Preparing the camera…", waiting: "Waiting for a sign-language counsellor", position: (p, w) => `Place in queue ${p}${w ? ` · expected wait ${w}` : ""}`,
      minutes: s => s < 60 ? "under a minute" : `about ${Math.ceil(s / 60)} min`, nobody: "No sign-language counsellor can be reached right now. Please wait or use chat.",
      connecting: "Connecting the video…", connected: "In a video consultation", peerLost: "The counsellor's connection dropped. Reconnecting…",
      peerLeft: "The counsellor's video stopped. Waiting for it to come back…", offline: "Your internet connection dropped. Reconnecting…",
      ended: "The consultation has ended. Thank you.", receipt: r => `Receipt number ${r}`,
      denied: "The camera or microphone was blocked, so the video call cannot start. Allow them for this site (the lock icon in the address bar), then press Try again, or use chat.",
      missing: "No camera was found. Try a device with a camera, or use chat.",
      busy: "Another app is using the camera. Close it and try again.",
      insecure: "The camera cannot be used on this address (a secure https connection is needed). Please use chat.",
      unsupported: "This browser cannot make video calls. Use a recent Chrome or Safari, or chat.",
      network: "The center cannot be reached. Check your internet connection.", sendFailed: "The message was not sent. Please send it again." },
  };
  const $ = id => document.getElementById(id);
  let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ko";
  let token = null, connection = null, peer = null, stream = null, lastSeq = 0, status = null, facing = "user", stateTimer = null;
  const rendered = new Set();
  const typed = new Map();      // clientMessageId → the text as the citizen typed it, until the stored message is shown

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = T[lang].title;
    for (const el of document.querySelectorAll("[data-i18n]")) { const v = T[lang][el.dataset.i18n]; if (typeof v === "string") el.textContent = v; }
    for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", T[lang][el.dataset.i18nLabel]);
    $("lang").textContent = T[lang].other;
    $("lang").lang = lang === "ko" ? "en" : "ko";
    $("mute-mic").textContent = $("mute-mic").getAttribute("aria-pressed") === "true" ? T[lang].unmuteMic : T[lang].muteMic;
    $("mute-cam").textContent = $("mute-cam").getAttribute("aria-pressed") === "true" ? T[lang].unmuteCam : T[lang].muteCam;
  }

  function problem(key) {
    $("problem-text").textContent = T[lang][key] ?? key;
    $("problem").hidden = false;
    $("retry").focus();
  }

  function setStatus(text) { $("status").textContent = text; }

  async function openCamera() {
    if (!window.isSecureContext) return "insecure";
    if (!navigator.mediaDevices?.getUserMedia || !window.RTCPeerConnection) return "unsupported";
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } }, audio: true });
      $("self-video").srcObject = stream;
      return null;
    } catch (e) {
      return e.name === "NotAllowedError" || e.name === "SecurityError" ? "denied" : e.name === "NotFoundError" || e.name === "OverconstrainedError" ? "missing"
        : e.name === "NotReadableError" ? "busy" : "unsupported";
    }
  }

  async function start(e) {
    e?.preventDefault();
    $("problem").hidden = true;
    $("start-video").disabled = true;
    setStatus(T[lang].starting);
    try {
      const failed = await openCamera();
      if (failed) { problem(failed); return; }
      let res;
      try {
        res = await fetch("/api/video/calls", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: $("name").value || null }) });
      } catch { problem("network"); stopCamera(); return; }
      if (!res.ok) {
        const p = await res.json().catch(() => null);
        problem(p?.detail || p?.title ? `${p.title ?? ""} ${p.detail ?? ""}`.trim() : "network");
        stopCamera();
        return;
      }
      token = (await res.json()).token;
      await openCall();
    } finally {
      $("start-video").disabled = false;
    }
  }

  async function iceConfig() {
    const res = await fetch(`/api/video/${encodeURIComponent(token)}/ice-servers`);
    if (!res.ok) return { iceServers: [], iceTransportPolicy: "all" };
    return await res.json();
  }

  async function openCall() {
    $("start").hidden = true;
    $("call").hidden = false;
    $("after").hidden = true;
    peer = new MinwonVideoPeer({
      offerer: false,
      send: signal => connection.invoke("VideoSignal", token, signal),
      iceConfig,
      localStream: () => stream,
      onRemoteStream: s => { $("remote-video").srcObject = s; $("remote-empty").hidden = !!s; if (s) MinwonVideoFrames.watchFirstFrame($("remote-video")); },
      onState: s => showState(s),
    });
    window.MinwonVideo.peer = peer;
    connection = new signalR.HubConnectionBuilder().withUrl("/hubs/citizen")
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 5000) }).build();
    connection.on("Message", m => render(m));
    connection.on("Changed", () => refreshState());
    connection.on("VideoSignal", signal => peer?.handle(signal).catch(err => console.warn("video signal", err)));
    connection.onreconnecting(() => setStatus(T[lang].offline));
    connection.onreconnected(() => join());
    connection.onclose(() => { if (status !== "ended") setTimeout(() => connection.start().then(join).catch(() => {}), 2000); });
    await connection.start();
    await join();
    clearInterval(stateTimer);
    stateTimer = setInterval(refreshState, 5000);
    $("text").focus();
  }

  async function join() {
    const missed = await connection.invoke("Join", token, lastSeq);
    for (const m of missed) render(m);
    status = null;               // ask the counsellor for a (new) connection if one is there
    await refreshState();
  }

  async function refreshState() {
    if (!connection || connection.state !== "Connected") return;
    let s;
    try { s = await connection.invoke("GetState", token); } catch { return; }
    const was = status;
    status = s.status;
    if (s.status === "queued" || s.status === "offered") {
      setStatus(s.nobodyAvailable ? T[lang].nobody : T[lang].waiting + (s.position ? " · " + T[lang].position(s.position, s.expectedWaitSeconds != null ? T[lang].minutes(s.expectedWaitSeconds) : null) : ""));
    } else if (s.status === "assigned") {
      // Newly assigned, or back after a reload or a lost hub connection: ask the counsellor's desk for an offer
      // unless the video still flows (then ICE restarts, if needed, keep it).
      if (was !== "assigned" && peer.state !== "connected") {
        showState("connecting");
        await connection.invoke("VideoSignal", token, { type: "hello" }).catch(() => {});
      }
    } else {
      ended(s.receiptNumber);
    }
    if (s.lastSeq > lastSeq) for (const m of await connection.invoke("Join", token, lastSeq)) render(m);
  }

  function showState(s) {
    if (status === "ended") return;
    const text = { connecting: T[lang].connecting, connected: T[lang].connected, "peer-lost": T[lang].peerLost, "peer-left": T[lang].peerLeft }[s];
    if (text) setStatus(text);
    document.body.dataset.video = s;
  }

  function ended(receipt) {
    if (status === "ended" && !$("after").hidden) return;
    status = "ended";
    clearInterval(stateTimer);
    peer?.close();
    stopCamera();
    setStatus(T[lang].ended + (receipt ? " " + T[lang].receipt(receipt) : ""));
    document.body.dataset.video = "ended";
    $("text").disabled = $("send").disabled = true;
    for (const id of ["mute-mic", "mute-cam", "switch-cam", "hangup"]) $(id).disabled = true;
    $("after").hidden = false;
  }

  function stopCamera() {
    stream?.getTracks().forEach(t => t.stop());
    stream = null;
    $("self-video").srcObject = null;
  }

  function render(m) {
    if (rendered.has(m.seq)) return;
    rendered.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    const li = document.createElement("li");
    li.className = m.kind === "event" ? "event" : m.sender;
    li.dataset.seq = m.seq;
    // Mixed-language conversations: each message says its language so screen readers pronounce it right.
    if (m.language) li.lang = m.language;
    if (m.kind !== "event" && m.sender !== "citizen") {
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = m.senderName ?? "";
      li.append(meta);
    }
    const body = document.createElement("span");
    // The citizen's own words as typed, as on /chat: masking (a phone number, an address) protects what is stored and
    // what the counsellor sees, not the writer's own live view (docs/text-safety.md). After a reload the stored, masked
    // text is shown. The hub's push of the stored message may arrive before Send returns: both find the typed text.
    const own = m.sender === "citizen" && m.clientMessageId ? typed.get(m.clientMessageId) : undefined;
    if (own !== undefined) typed.delete(m.clientMessageId);
    body.textContent = own ?? m.body;     // always text, never HTML
    li.append(body);
    $("messages").append(li);
    li.scrollIntoView({ block: "nearest" });
    // Recording consent (video-consent.js) looks at the state when an event arrives.
    if (m.kind === "event") document.dispatchEvent(new CustomEvent("minwon:video-event", { detail: { token } }));
  }

  async function send(e) {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text || !connection) return;
    $("send-error").hidden = true;
    try {
      const id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
      typed.set(id, text);
      const stored = await connection.invoke("Send", token, id, text);
      render(stored);
      $("text").value = "";
    } catch {
      // Not stored (refused or no connection): the text stays in the box to send again.
      $("send-error").textContent = T[lang].sendFailed;
      $("send-error").hidden = false;
    }
  }

  function toggle(button, kind) {
    MinwonVideoTracks.toggleMute(button, stream, kind);
    applyLanguage();
  }

  async function switchCamera() {
    facing = facing === "user" ? "environment" : "user";
    try {
      const next = await navigator.mediaDevices.getUserMedia({ video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } } });
      await MinwonVideoTracks.swapTrack(stream, next.getVideoTracks()[0], { muteButton: $("mute-cam"), selfVideo: $("self-video"), peer });
    } catch { /* one camera only: keep the one we have */ }
  }

  async function hangUp() {
    await peer?.hangUp();
    try { await connection.invoke("Leave", token); } catch { /* shown by the state */ }
    ended(null);
    await refreshState();
  }

  $("start-form").addEventListener("submit", start);
  $("retry").addEventListener("click", () => { $("problem").hidden = true; $("start").hidden = false; $("start-video").focus(); });
  $("send-form").addEventListener("submit", send);
  $("text").addEventListener("keydown", e => { if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("send-form").requestSubmit(); } });
  $("mute-mic").addEventListener("click", e => toggle(e.currentTarget, "audio"));
  $("mute-cam").addEventListener("click", e => toggle(e.currentTarget, "video"));
  $("switch-cam").addEventListener("click", switchCamera);
  $("hangup").addEventListener("click", hangUp);
  $("again").addEventListener("click", () => location.reload());
  $("lang").addEventListener("click", () => { lang = lang === "ko" ? "en" : "ko"; applyLanguage(); });
  window.MinwonVideo = { peer: null, stats: () => peer ? peer.stats() : null, brightness: () => MinwonVideoFrames.brightness($("remote-video")) };
  applyLanguage();
})();
