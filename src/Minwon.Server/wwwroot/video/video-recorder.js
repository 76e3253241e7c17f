// Consented recording of a sign-language video call, in the counsellor's browser (docs/video.md "Recording"): asks
// the citizen's consent, waits for "given", then records the citizen's video large with this counsellor's camera as
// a picture-in-picture (drawn on a canvas) and both audio tracks mixed (AudioContext), with MediaRecorder in WebM.
// Each recorder start (consent, or this desk reloaded mid-call) asks the server for a part of its own
// (POST …/recording/parts), because each start writes a new WebM stream; its chunks go every 5 s as
// PUT /api/video/conversations/{id}/recording/parts/{part}/chunks/{seq}. A failed upload is retried in order (the
// server stores a repeated chunk once). Stops when the call ends or the panel closes.
(() => {
  "use strict";
  const $ = id => document.getElementById(id);
  const ChunkMs = 5000;
  let current = null;   // { id, timer, recorder, part, queue, seq, uploading, audio, drawTimer }

  function say(text, on) {
    const el = $("video-record-state");
    if (el) { el.textContent = text; el.classList.toggle("on", !!on); }
  }

  async function state(id) {
    const res = await fetch(`/api/video/conversations/${id}/recording/state`);
    return res.ok ? await res.json() : null;
  }

  function mixedStream() {
    const remote = $("video-remote"), self = $("video-self");
    const canvas = document.createElement("canvas");
    canvas.width = 640; canvas.height = 480;
    const g = canvas.getContext("2d");
    const draw = () => {
      g.fillStyle = "#000"; g.fillRect(0, 0, 640, 480);
      if (remote?.readyState >= 2) g.drawImage(remote, 0, 0, 640, 480);
      if (self?.readyState >= 2) g.drawImage(self, 460, 345, 160, 120);
    };
    const drawTimer = setInterval(draw, 1000 / 15);
    const audio = new AudioContext();
    const out = audio.createMediaStreamDestination();
    for (const v of [remote, self]) {
      const s = v?.srcObject;
      if (s && s.getAudioTracks().length) audio.createMediaStreamSource(s).connect(out);
    }
    const stream = new MediaStream([...canvas.captureStream(15).getVideoTracks(), ...out.stream.getAudioTracks()]);
    return { stream, drawTimer, audio };
  }

  async function pump(mine) {
    if (mine.uploading) return;
    mine.uploading = true;
    try {
      while (mine.queue.length) {
        const { part, seq, blob } = mine.queue[0];
        const res = await fetch(`/api/video/conversations/${mine.id}/recording/parts/${part}/chunks/${seq}`, { method: "PUT", headers: { "Content-Type": "video/webm" }, body: blob });
        if (res.ok) { mine.queue.shift(); window.minwonVideoRecorder.uploaded = seq + 1; window.minwonVideoRecorder.uploadedTotal++; continue; }
        if (res.status === 409 || res.status === 403 || res.status === 404) { mine.queue.length = 0; stopRecording(mine); break; }
        await new Promise(r => setTimeout(r, 2000));
      }
    } catch {
      setTimeout(() => pump(mine), 2000);
    } finally {
      mine.uploading = false;
    }
  }

  async function startRecording(mine) {
    if (mine.recorder || mine.starting) return;
    mine.starting = true;
    let part;
    try {
      const res = await fetch(`/api/video/conversations/${mine.id}/recording/parts`, { method: "POST" });
      if (!res.ok) { say("녹화를 시작하지 못했습니다", false); return; }
      part = (await res.json()).part;
    } catch {
      say("녹화를 시작하지 못했습니다", false); return;
    } finally {
      mine.starting = false;
    }
    if (current !== mine || mine.recorder) return;
    mine.part = part; mine.seq = 0;
    Object.assign(window.minwonVideoRecorder, { part, produced: 0, uploaded: 0 });
    const mixed = mixedStream();
    mine.drawTimer = mixed.drawTimer; mine.audio = mixed.audio;
    const type = ["video/webm;codecs=vp8,opus", "video/webm"].find(t => MediaRecorder.isTypeSupported(t));
    mine.recorder = new MediaRecorder(mixed.stream, { mimeType: type, videoBitsPerSecond: 800_000 });
    mine.recorder.ondataavailable = e => {
      if (e.data && e.data.size > 0) { mine.queue.push({ part: mine.part, seq: mine.seq++, blob: e.data }); window.minwonVideoRecorder.produced = mine.seq; pump(mine); }
    };
    mine.recorder.start(ChunkMs);
    say("● 녹화 중 (시민 동의)", true);
  }

  function stopRecording(mine) {
    if (mine.recorder && mine.recorder.state !== "inactive") mine.recorder.stop();
    clearInterval(mine.drawTimer);
    mine.audio?.close().catch(() => {});
    mine.recorder = null;
  }

  async function poll(mine) {
    if (current !== mine) return;
    const s = await state(mine.id).catch(() => null);
    if (s?.consent === "given") { startRecording(mine); return; }
    if (s?.consent === "refused") { say("시민이 녹화를 거부했습니다", false); $("video-record-ask").disabled = false; return; }
    mine.timer = setTimeout(() => poll(mine), 1500);
  }

  async function ask(mine) {
    $("video-record-ask").disabled = true;
    const res = await fetch(`/api/video/conversations/${mine.id}/recording/consent-request`, { method: "POST" });
    if (!res.ok) { say("녹화 동의를 요청하지 못했습니다", false); $("video-record-ask").disabled = false; return; }
    say("시민의 녹화 동의를 기다리는 중…", false);
    poll(mine);
  }

  async function open(id) {
    close();
    const mine = { id, timer: null, recorder: null, part: null, queue: [], seq: 0, uploading: false };
    current = mine;
    const s = await state(id).catch(() => null);
    const button = $("video-record-ask");
    if (button) button.onclick = () => ask(mine).catch(() => {});
    if (s?.consent === "given") startRecording(mine);
    else if (s?.consent === "requested") { say("시민의 녹화 동의를 기다리는 중…", false); poll(mine); }
  }

  function close(id) {
    if (!current || (id && current.id !== id)) return;
    const mine = current;
    current = null;
    clearTimeout(mine.timer);
    // The last partial chunk still arrives through ondataavailable after stop() and is uploaded.
    stopRecording(mine);
  }

  const sleep = ms => new Promise(r => setTimeout(r, ms));

  // Before the counsellor's /end (the desk calls this first): stop the recorder so its last partial slice comes out
  // now, and wait (a few seconds at most) until every slice is uploaded. The server still takes a slice for a short
  // grace after the end (Minwon:Video:RecordingGraceSeconds) for one that is slower.
  async function flush(id) {
    const mine = current;
    if (!mine || mine.id !== id || !mine.recorder) return false;
    const recorder = mine.recorder;
    const stopped = new Promise(r => recorder.addEventListener("stop", r, { once: true }));
    stopRecording(mine);
    await Promise.race([stopped, sleep(2000)]);
    const deadline = Date.now() + 4000;
    while ((mine.queue.length || mine.uploading) && Date.now() < deadline) await sleep(100);
    say("녹화를 마쳤습니다", false);
    return mine.queue.length === 0;
  }

  window.minwonVideoRecorder = { open, close, flush, uploaded: 0, uploadedTotal: 0, produced: 0, part: null, get recording() { return !!current?.recorder; } };
})();
