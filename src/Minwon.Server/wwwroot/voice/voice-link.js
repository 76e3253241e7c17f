// The browser end of a Minwon call (docs/voice.md, "Browser media sockets"): the microphone through an AudioWorklet
// to the WebSocket as PCM16 16 kHz 20 ms frames, the other side's frames played through the worklet's playout
// buffer, JSON control both ways. Shared by the citizen's web call (/call), the desk softphone and the supervisor's
// listen / whisper / barge on the wallboard. No framework; loaded as a plain script (the CSP allows scripts from
// this origin only, and the worklet module is a file of its own).
(() => {
  "use strict";
  let context = null;
  let moduleReady = null;
  const active = new Set();

  // Creates or resumes the one AudioContext of the page. Call it inside a click or touch handler, before any await:
  // mobile Safari and Chrome only start audio that a user gesture started.
  function prime() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return null;
    if (!context || context.state === "closed") {
      context = new Ctx({ latencyHint: "interactive" });
      moduleReady = null;
    }
    if (context.state !== "running") context.resume().catch(() => {});
    return context;
  }

  function supported() {
    return !!((window.AudioContext || window.webkitAudioContext) && window.AudioWorkletNode && window.WebSocket);
  }

  // Why the microphone could not be opened, as one of: denied, missing, busy, insecure, unsupported.
  function micProblem(error) {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return "insecure";
    switch (error?.name) {
      case "NotAllowedError": case "SecurityError": case "PermissionDeniedError": return "denied";
      case "NotFoundError": case "OverconstrainedError": case "DevicesNotFoundError": return "missing";
      case "NotReadableError": case "AbortError": case "TrackStartError": return "busy";
      default: return "unsupported";
    }
  }

  async function openMicrophone(deviceId) {
    if (!navigator.mediaDevices?.getUserMedia) {
      const e = new Error("getUserMedia is not available"); e.problem = "insecure"; throw e;
    }
    const audio = { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 };
    if (deviceId) audio.deviceId = { exact: deviceId };
    try {
      return await navigator.mediaDevices.getUserMedia({ audio, video: false });
    } catch (error) {
      if (deviceId && error?.name === "OverconstrainedError") return openMicrophone(null);   // the headset went away
      error.problem = micProblem(error);
      throw error;
    }
  }

  // Lists microphones and speakers; labels appear once the page has been allowed the microphone.
  async function devices() {
    if (!navigator.mediaDevices?.enumerateDevices) return { inputs: [], outputs: [], canChooseOutput: false };
    const all = await navigator.mediaDevices.enumerateDevices();
    const pick = kind => all.filter(d => d.kind === kind).map(d => ({ id: d.deviceId, label: d.label || "" }));
    return { inputs: pick("audioinput"), outputs: pick("audiooutput"), canChooseOutput: canChooseOutput() };
  }

  function canChooseOutput() {
    return !!((window.AudioContext && "setSinkId" in AudioContext.prototype) || ("setSinkId" in HTMLMediaElement.prototype));
  }

  class Link {
    // options: url (the mediaPath, or an async function returning it), micDeviceId, sinkId, withMic (false for a supervisor who only listens),
    // onControl(message), onLevel({mic, out}), onClose({code, reason, clean})
    constructor(options) {
      this.options = options;
      this.socket = null;
      this.node = null;
      this.stream = null;
      this.source = null;
      this.sink = null;
      this.closed = false;
      this.pingTimer = 0;
      this.recordingWaiter = null;
    }

    async start() {
      try {
        return await this.open();
      } catch (error) {
        this.teardown();
        throw error;
      }
    }

    async open() {
      const ctx = prime();
      if (!ctx) { const e = new Error("Web Audio is not available"); e.problem = "unsupported"; throw e; }
      if (this.options.withMic !== false) this.stream = await openMicrophone(this.options.micDeviceId);
      moduleReady ??= ctx.audioWorklet.addModule("/voice/voice-worklet.js");
      await moduleReady;
      if (ctx.state !== "running") await ctx.resume().catch(() => {});
      this.node = new AudioWorkletNode(ctx, "minwon-phone", {
        numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1],
        processorOptions: { wireRate: 16000, prefillMs: 60, maxMs: 240 },
      });
      this.node.port.onmessage = e => this.fromWorklet(e.data);
      if (window.MinwonVoice.recordFromStart) this.startRecordingPlayout();
      if (this.stream) {
        this.source = ctx.createMediaStreamSource(this.stream);
        this.source.connect(this.node);
      }
      this.node.connect(ctx.destination);
      // A headset chosen earlier may be unplugged: the default output then plays the call.
      if (this.options.sinkId) await this.setSink(this.options.sinkId).catch(() => false);
      // The URL may come from a function, so the call is only set up once the microphone is open.
      this.url = typeof this.options.url === "function" ? await this.options.url() : this.options.url;
      await this.connect();
      active.add(this);
      return this;
    }

    connect() {
      return new Promise((resolve, reject) => {
        const url = new URL(this.url, location.href);
        url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        const socket = new WebSocket(url);
        socket.binaryType = "arraybuffer";
        this.socket = socket;
        let opened = false;
        socket.onopen = () => {
          opened = true;
          this.pingTimer = setInterval(() => this.send({ type: "ping" }), 15000);
          resolve();
        };
        socket.onmessage = e => {
          if (e.data instanceof ArrayBuffer) {
            this.node?.port.postMessage(e.data, [e.data]);
          } else {
            let message;
            try { message = JSON.parse(e.data); } catch { return; }
            this.options.onControl?.(message);
          }
        };
        socket.onclose = e => {
          clearInterval(this.pingTimer);
          this.teardown();
          if (!opened) {
            const err = new Error("The call could not be connected"); err.problem = "network"; reject(err);
            return;
          }
          this.options.onClose?.({ code: e.code, reason: e.reason, clean: e.wasClean });
        };
      });
    }

    fromWorklet(data) {
      if (data instanceof ArrayBuffer) {
        if (this.socket?.readyState === WebSocket.OPEN && this.socket.bufferedAmount < 64000) this.socket.send(data);
        return;
      }
      if (data.type === "level") this.options.onLevel?.(data);
      if (data.type === "recording" && this.recordingWaiter) { this.recordingWaiter(data); this.recordingWaiter = null; }
      if (data.type === "stats" && this.statsWaiter) { this.statsWaiter(data); this.statsWaiter = null; }
    }

    send(message) {
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
    }

    setMuted(on) { this.node?.port.postMessage({ cmd: "mute", on: !!on }); }

    // The headset: AudioContext.setSinkId (Chrome 110+), else an <audio> element playing the call, else unsupported.
    async setSink(sinkId) {
      const ctx = prime();
      if (ctx && typeof ctx.setSinkId === "function") { await ctx.setSinkId(sinkId || ""); return true; }
      if (!sinkId && !this.sink) return true;
      if ("setSinkId" in HTMLMediaElement.prototype && this.node) {
        if (!this.sink) {
          const dest = ctx.createMediaStreamDestination();
          this.node.disconnect();
          this.node.connect(dest);
          this.sink = new Audio();
          this.sink.srcObject = dest.stream;
          await this.sink.play().catch(() => {});
        }
        await this.sink.setSinkId(sinkId || "");
        return true;
      }
      return false;
    }

    async setMicrophone(deviceId) {
      const ctx = prime();
      const stream = await openMicrophone(deviceId);
      this.source?.disconnect();
      this.stream?.getTracks().forEach(t => t.stop());
      this.stream = stream;
      this.source = ctx.createMediaStreamSource(stream);
      this.source.connect(this.node);
    }

    // What this page played to its speaker over a stretch of time, as 16-bit samples at the context's rate (base64):
    // the browser tests check what each side heard against what the other side said.
    startRecordingPlayout() { this.node?.port.postMessage({ cmd: "record", on: true }); }

    stopRecordingPlayout() {
      return new Promise(resolve => {
        this.recordingWaiter = data => {
          const pcm = new Int16Array(data.samples.length);
          for (let i = 0; i < pcm.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(data.samples[i] * 32767)));
          const bytes = new Uint8Array(pcm.buffer);
          let binary = "";
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
          resolve({ sampleRate: data.sampleRate, pcm: btoa(binary) });
        };
        this.node?.port.postMessage({ cmd: "record", on: false });
      });
    }

    stats() {
      return new Promise(resolve => { this.statsWaiter = resolve; this.node?.port.postMessage({ cmd: "stats" }); });
    }

    close() {
      if (this.socket && this.socket.readyState <= WebSocket.OPEN) this.socket.close(1000, "hang-up");
      this.teardown();
    }

    teardown() {
      if (this.closed) return;
      this.closed = true;
      active.delete(this);
      clearInterval(this.pingTimer);
      this.source?.disconnect();
      this.node?.disconnect();
      this.stream?.getTracks().forEach(t => t.stop());
      if (this.sink) { this.sink.pause(); this.sink.srcObject = null; }
    }
  }

  window.MinwonVoice = {
    prime,
    supported,
    devices,
    canChooseOutput,
    micProblem,
    async open(options) { return new Link(options).start(); },
    // The links of this page (one call, or none): for the page's own scripts and the browser tests.
    get active() { return [...active]; },
    // Set to true before a call starts to record its playout from the first frame (the browser tests).
    recordFromStart: false,
  };
})();
