// The desk's side of sign-language video (Features/Video/VideoPanel.razor): offers the WebRTC connection
// (video-peer.js) to the citizen of the video conversation assigned to this counsellor, over /hubs/staff.
(() => {
  "use strict";
  const $ = id => document.getElementById(id);
  let hub = null, hubReady = null, current = null;   // current: { id, peer, stream }

  function load(src) {
    if (document.querySelector(`script[src="${src}"]`)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.append(s);
    });
  }

  async function connectHub() {
    await load("/lib/signalr/signalr.min.js");
    await load("/video/video-peer.js");
    await load("/video/video-tracks.js");
    hub = new signalR.HubConnectionBuilder().withUrl("/hubs/staff").withAutomaticReconnect([0, 1000, 2000, 5000, 5000, 10000]).build();
    hub.on("VideoSignal", (conversationId, signal) => {
      if (current && conversationId === current.id) current.peer.handle(signal).catch(e => console.warn("video signal", e));
    });
    // Back after a lost network: a fresh session (the citizen's page replaces its connection when it sees it).
    hub.onreconnected(() => { if (current) current.peer.start().catch(() => {}); });
    await hub.start();
  }

  const labels = { connecting: "시민과 영상 연결 중…", connected: "시민과 영상 상담 중", "peer-lost": "시민 쪽 연결이 끊겼습니다. 다시 연결하는 중…",
    "peer-left": "시민의 영상이 끊겼습니다. 시민이 다시 들어오기를 기다리는 중…", ended: "영상 상담이 끝났습니다." };

  function setState(s) {
    const el = $("video-state");
    if (el && labels[s]) el.textContent = labels[s];
    const panel = document.querySelector(".video-panel");
    if (panel) panel.dataset.state = s;
  }

  async function fillDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const [select, kind, track] of [[$("video-camera"), "videoinput", current?.stream.getVideoTracks()[0]], [$("video-mic"), "audioinput", current?.stream.getAudioTracks()[0]]]) {
      if (!select) continue;
      select.replaceChildren(...devices.filter(d => d.kind === kind).map((d, i) => {
        const o = document.createElement("option");
        o.value = d.deviceId; o.textContent = d.label || `${kind === "videoinput" ? "카메라" : "마이크"} ${i + 1}`;
        o.selected = track?.getSettings().deviceId === d.deviceId;
        return o;
      }));
    }
  }

  async function choose(kind, deviceId) {
    if (!current || !deviceId) return;
    const next = await navigator.mediaDevices.getUserMedia(kind === "video" ? { video: { deviceId: { exact: deviceId } } } : { audio: { deviceId: { exact: deviceId } } });
    await MinwonVideoTracks.swapTrack(current.stream, next.getTracks()[0],
      { muteButton: $(kind === "video" ? "video-mute-cam" : "video-mute-mic"), selfVideo: $("video-self"), peer: current.peer });
  }

  function toggle(button, kind, on, off) {
    button.textContent = MinwonVideoTracks.toggleMute(button, current?.stream, kind) ? on : off;
  }

  async function open(conversationId) {
    close();
    const mine = { id: conversationId, peer: null, stream: null };
    current = mine;
    setState("connecting");
    try {
      hubReady ??= connectHub();
      await hubReady;
      mine.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: true });
    } catch (e) {
      hubReady = null;
      const el = $("video-state");
      if (el) el.textContent = e?.name === "NotAllowedError" ? "카메라나 마이크 사용이 거부되었습니다. 브라우저 설정에서 허용해 주세요." : "영상 연결을 시작하지 못했습니다. '다시 연결'을 눌러 주세요.";
      return;
    }
    if (current !== mine) { mine.stream.getTracks().forEach(t => t.stop()); return; }
    $("video-self").srcObject = mine.stream;
    mine.peer = new MinwonVideoPeer({
      offerer: true,
      send: signal => hub.invoke("VideoSignal", conversationId, signal),
      iceConfig: async () => {
        const res = await fetch(`/api/video/conversations/${conversationId}/ice-servers`);
        return res.ok ? await res.json() : { iceServers: [], iceTransportPolicy: "all" };
      },
      localStream: () => mine.stream,
      onRemoteStream: s => { const v = $("video-remote"); if (v) { v.srcObject = s; if (s) MinwonVideoFrames.watchFirstFrame(v); } },
      onState: setState,
    });
    $("video-mute-mic").onclick = e => toggle(e.currentTarget, "audio", "마이크 켜기", "마이크 끄기");
    $("video-mute-cam").onclick = e => toggle(e.currentTarget, "video", "카메라 켜기", "카메라 끄기");
    $("video-camera").onchange = e => choose("video", e.target.value).catch(() => {});
    $("video-mic").onchange = e => choose("audio", e.target.value).catch(() => {});
    $("video-reconnect").onclick = () => mine.peer.start().catch(() => {});
    await fillDevices().catch(() => {});
    await mine.peer.start();
  }

  function close(conversationId) {
    if (!current || (conversationId && current.id !== conversationId)) return;
    const { peer, stream } = current;
    current = null;
    peer?.hangUp().catch(() => {});
    stream?.getTracks().forEach(t => t.stop());
  }

  window.minwonVideoDesk = {
    open, close,
    stats: () => current?.peer ? current.peer.stats() : null,
    brightness: () => window.MinwonVideoFrames ? MinwonVideoFrames.brightness($("video-remote")) : -1,
    get peer() { return current?.peer ?? null; },
  };
})();
