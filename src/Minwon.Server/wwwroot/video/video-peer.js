// Minwon sign-language video (수어 상담): one WebRTC peer connection between the citizen's and the counsellor's
// browsers, shared by the citizen page (/video) and the desk. The counsellor's side offers, the citizen's answers.
// Signals go through the SignalR hubs (docs/video.md); `send` is how this side sends one.
//  - session: each offerer peer connection has a random id; a new one (reload, lost network, "hello") replaces the old.
//  - ICE restart: the offerer restarts ICE when the connection fails, stays disconnected, or the network changes;
//    the answerer asks for it with a "restart" signal.
(() => {
  "use strict";

  class MinwonVideoPeer {
    /**
     * @param {{ offerer: boolean, send: (signal: object) => Promise<void>, iceConfig: () => Promise<{iceServers: object[], iceTransportPolicy: string}>,
     *           localStream: () => MediaStream | null, onRemoteStream: (s: MediaStream | null) => void, onState: (state: string) => void }} options
     */
    constructor(options) {
      this.o = options;
      this.pc = null;
      this.session = null;
      this.pending = [];        // ICE candidates that arrived before their description: { session, candidate }
      this.lastOfferSdp = null;
      this.state = "idle";
      this.lostTimer = null;
      this.closed = false;
      this.onNetworkChange = () => this.networkChanged();
      window.addEventListener("online", this.onNetworkChange);
      navigator.connection?.addEventListener?.("change", this.onNetworkChange);
    }

    setState(state) {
      if (this.state === state) return;
      this.state = state;
      this.o.onState(state);
    }

    async newConnection(session) {
      this.dropConnection();
      this.session = session;
      const config = await this.o.iceConfig();
      const pc = new RTCPeerConnection({ iceServers: config.iceServers, iceTransportPolicy: config.iceTransportPolicy || "all" });
      this.pc = pc;
      const stream = this.o.localStream();
      if (stream) for (const track of stream.getTracks()) pc.addTrack(track, stream);
      pc.onicecandidate = e => {
        if (e.candidate && this.pc === pc) {
          this.o.send({ type: "candidate", session, candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex }).catch(() => {});
        }
      };
      pc.ontrack = e => { if (this.pc === pc) this.o.onRemoteStream(e.streams[0] || new MediaStream([e.track])); };
      pc.oniceconnectionstatechange = () => { if (this.pc === pc) this.iceChanged(pc.iceConnectionState); };
      this.setState("connecting");
      return pc;
    }

    dropConnection() {
      clearTimeout(this.lostTimer);
      if (this.pc) {
        this.pc.onicecandidate = this.pc.ontrack = this.pc.oniceconnectionstatechange = null;
        this.pc.close();
      }
      this.pc = null;
      this.lastOfferSdp = null;
      this.o.onRemoteStream(null);
      if (!this.closed) this.setState("idle");
    }

    iceChanged(ice) {
      clearTimeout(this.lostTimer);
      if (ice === "connected" || ice === "completed") {
        this.setState("connected");
      } else if (ice === "disconnected" || ice === "failed") {
        this.setState("peer-lost");
        // "disconnected" often heals by itself within seconds; then (or at once on "failed") restart ICE.
        this.lostTimer = setTimeout(() => this.restartIce(), ice === "failed" ? 0 : 2500);
      }
    }

    /** Offerer: a new session with a fresh offer (first connect, or the citizen said hello after a reload). */
    async start() {
      if (!this.o.offerer || this.closed) return;
      const session = Math.random().toString(36).slice(2, 12);
      const pc = await this.newConnection(session);
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      this.awaitingFirstAnswer = true;
      await this.o.send({ type: "offer", session, sdp: pc.localDescription.sdp });
    }

    async restartIce() {
      if (this.closed || !this.pc) return;
      if (!this.o.offerer) {
        await this.o.send({ type: "restart", session: this.session }).catch(() => {});
        return;
      }
      if (this.pc.signalingState !== "stable") return;
      const offer = await this.pc.createOffer({ iceRestart: true });
      await this.pc.setLocalDescription(offer);
      await this.o.send({ type: "offer", session: this.session, sdp: this.pc.localDescription.sdp });
    }

    networkChanged() {
      if (this.closed) return;
      // The answerer with no live connection asks for a new session; with one, for an ICE restart.
      if (!this.o.offerer && (!this.pc || this.state === "peer-left")) this.o.send({ type: "hello" }).catch(() => {});
      else if (this.pc) this.restartIce().catch(() => {});
    }

    /** Signals are handled one after another: each step awaits the browser, and a later one must see its result. */
    handle(signal) {
      const next = (this.chain ?? Promise.resolve()).then(() => this.handleOne(signal));
      this.chain = next.catch(() => {});
      return next;
    }

    async handleOne(signal) {
      if (this.closed) return;
      switch (signal.type) {
        case "hello":
          // The citizen is (back) on the page with no connection: offer again, or repeat the offer still unanswered.
          if (this.o.offerer) {
            if (this.pc && this.awaitingFirstAnswer && this.pc.signalingState === "have-local-offer") {
              await this.o.send({ type: "offer", session: this.session, sdp: this.pc.localDescription.sdp });
            }
            else await this.start();
          }
          break;
        case "offer":
          if (this.o.offerer) return;
          if (signal.sdp === this.lastOfferSdp && signal.session === this.session) return;
          if (signal.session === this.session && !this.pc) {
            // A restart offer for a connection this page has lost (closed, or the page dropped it): ask for a new session.
            await this.o.send({ type: "hello" });
            return;
          }
          if (signal.session !== this.session) await this.newConnection(signal.session);
          await this.pc.setRemoteDescription({ type: "offer", sdp: signal.sdp });
          this.lastOfferSdp = signal.sdp;
          await this.flush();
          await this.pc.setLocalDescription(await this.pc.createAnswer());
          await this.o.send({ type: "answer", session: this.session, sdp: this.pc.localDescription.sdp });
          break;
        case "answer":
          if (!this.o.offerer || signal.session !== this.session || this.pc?.signalingState !== "have-local-offer") return;
          await this.pc.setRemoteDescription({ type: "answer", sdp: signal.sdp });
          this.awaitingFirstAnswer = false;
          await this.flush();
          break;
        case "candidate":
          this.pending.push({ session: signal.session, candidate: { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex } });
          await this.flush();
          break;
        case "restart":
          if (this.o.offerer && signal.session === this.session) await this.restartIce();
          break;
        case "bye":
          this.dropConnection();
          this.session = null;
          this.setState("peer-left");
          break;
      }
    }

    async flush() {
      if (!this.pc?.remoteDescription) return;
      const ready = this.pending.filter(p => p.session === this.session);
      this.pending = this.pending.filter(p => p.session !== this.session && p.session !== undefined);
      for (const p of ready) {
        try { await this.pc.addIceCandidate(p.candidate); } catch { /* a candidate of an older ICE generation */ }
      }
    }

    /** Swap the camera or microphone without renegotiating. */
    async replaceTrack(track) {
      const sender = this.pc?.getSenders().find(s => s.track?.kind === track.kind);
      if (sender) await sender.replaceTrack(track);
    }

    /** Figures of the received video and the chosen candidate pair (tests and the benchmark read them). */
    async stats() {
      const out = { framesDecoded: 0, framesReceived: 0, bytesReceived: 0, localCandidateType: null, remoteCandidateType: null };
      if (!this.pc) return out;
      const report = await this.pc.getStats();
      let pair = null;
      report.forEach(r => {
        if (r.type === "inbound-rtp" && r.kind === "video") {
          out.framesDecoded = r.framesDecoded || 0; out.framesReceived = r.framesReceived || 0; out.bytesReceived = r.bytesReceived || 0;
        }
        if (r.type === "transport" && r.selectedCandidatePairId) pair = report.get(r.selectedCandidatePairId);
      });
      if (pair) {
        out.localCandidateType = report.get(pair.localCandidateId)?.candidateType ?? null;
        out.remoteCandidateType = report.get(pair.remoteCandidateId)?.candidateType ?? null;
      }
      return out;
    }

    async hangUp() {
      if (this.session) await this.o.send({ type: "bye", session: this.session }).catch(() => {});
      this.close();
    }

    close() {
      this.closed = true;
      this.dropConnection();
      window.removeEventListener("online", this.onNetworkChange);
      navigator.connection?.removeEventListener?.("change", this.onNetworkChange);
      this.setState("ended");
    }
  }

  /** Notes when the first frame of a remote stream is shown (performance figure for docs/benchmarks.md). */
  function watchFirstFrame(video) {
    if (!video?.requestVideoFrameCallback) return;
    video.requestVideoFrameCallback(() => { window.MinwonVideoFirstFrameAt ??= Date.now(); });
  }

  /** Mean brightness (0-255) of a video element's current frame, drawn to a canvas; -1 before the first frame. */
  function brightness(video) {
    if (!video || video.videoWidth === 0) return -1;
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 48;
    const g = canvas.getContext("2d", { willReadFrequently: true });
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (d[i] + d[i + 1] + d[i + 2]) / 3;
    return sum / (d.length / 4);
  }

  window.MinwonVideoPeer = MinwonVideoPeer;
  window.MinwonVideoFrames = { brightness, watchFirstFrame };
})();
