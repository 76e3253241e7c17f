// Minwon call audio in the browser's audio thread (AudioWorklet). One processor per call:
// - input 0 (the microphone, at the AudioContext's rate: 44.1 or 48 kHz, any rate works) is resampled to the wire's
//   16 kHz and cut into 20 ms frames of 320 PCM16 samples, posted to the page, which sends them on the WebSocket;
// - frames from the server (PCM16 16 kHz, 20 ms) arrive through the port, are resampled to the context's rate and
//   played through a small playout buffer: playback starts at `prefillMs` buffered, a gap plays silence and
//   buffers again, and a backlog over `maxMs` (a burst after a network stall) drops the oldest audio so latency
//   stays bounded. The protocol is docs/voice.md.
"use strict";

// Band-limited resampling by windowed-sinc interpolation at fractional positions (Blackman window, 12 taps each
// side). The cut-off follows the lower of the two rates, so 48 kHz -> 16 kHz filters out what 16 kHz cannot carry.
class StreamResampler {
  constructor(from, to, taps = 12, phases = 512) {
    this.step = from / to;
    this.taps = taps;
    this.phases = phases;
    const cutoff = Math.min(1, to / from) * 0.94;
    // table[p * 2taps + j]: weight of input sample (base - taps + 1 + j) when the output sits p/phases past base.
    this.table = new Float32Array((phases + 1) * 2 * taps);
    for (let p = 0; p <= phases; p++) {
      for (let j = 0; j < 2 * taps; j++) {
        const d = (j - taps + 1) - p / phases;
        const x = Math.PI * cutoff * d;
        const w = 0.42 + 0.5 * Math.cos(Math.PI * d / (taps + 1)) + 0.08 * Math.cos(2 * Math.PI * d / (taps + 1));
        this.table[p * 2 * taps + j] = (d === 0 ? cutoff : cutoff * Math.sin(x) / x) * w;
      }
    }
    this.buffer = new Float32Array(taps);   // a past of silence, so the first samples have one
    this.pos = taps;                        // position of the next output sample in `buffer`, in input samples
  }

  push(input) {
    const merged = new Float32Array(this.buffer.length + input.length);
    merged.set(this.buffer);
    merged.set(input, this.buffer.length);
    const out = [];
    const taps = this.taps;
    while (this.pos + taps < merged.length) {
      const base = Math.floor(this.pos);
      const row = Math.round((this.pos - base) * this.phases) * 2 * taps;
      let acc = 0;
      for (let j = 0, i = base - taps + 1; j < 2 * taps; j++, i++) acc += merged[i] * this.table[row + j];
      out.push(acc);
      this.pos += this.step;
    }
    // Keep what the next outputs still need: `taps` samples before the next position.
    const keepFrom = Math.max(0, Math.floor(this.pos) - taps);
    this.buffer = merged.subarray(keepFrom).slice();
    this.pos -= keepFrom;
    return Float32Array.from(out);
  }
}

class MinwonPhoneProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options.processorOptions || {};
    this.wireRate = o.wireRate || 16000;
    this.frame = this.wireRate / 50;                       // 20 ms
    this.up = new StreamResampler(this.wireRate, sampleRate);
    this.down = new StreamResampler(sampleRate, this.wireRate);
    this.prefill = Math.round(sampleRate * (o.prefillMs || 60) / 1000);
    this.max = Math.round(sampleRate * (o.maxMs || 240) / 1000);
    this.queue = [];             // Float32Arrays at the context rate waiting to play
    this.queued = 0;
    this.head = 0;               // read offset into queue[0]
    this.playing = false;
    this.pending = new Float32Array(0);  // 16 kHz microphone samples not yet a whole frame
    this.muted = false;
    this.dropped = 0;
    this.underruns = 0;
    this.record = null;          // playout recording (browser tests, diagnostics)
    this.levelEvery = Math.round(sampleRate / 5);
    this.levelCount = 0;
    this.micSum = 0;
    this.outSum = 0;
    this.port.onmessage = e => this.onMessage(e.data);
  }

  onMessage(data) {
    if (data instanceof ArrayBuffer) {
      const pcm = new Int16Array(data);
      const f = new Float32Array(pcm.length);
      for (let i = 0; i < pcm.length; i++) f[i] = pcm[i] / 32768;
      const resampled = this.up.push(f);
      this.queue.push(resampled);
      this.queued += resampled.length;
      while (this.queued - this.head > this.max && this.queue.length > 1) {
        const old = this.queue.shift();
        this.queued -= old.length;
        this.dropped += old.length - this.head;
        this.head = 0;
      }
      return;
    }
    switch (data.cmd) {
      case "mute": this.muted = !!data.on; break;
      case "record":
        if (data.on) {
          this.record = [];
        } else if (this.record) {
          const total = this.record.reduce((n, c) => n + c.length, 0);
          const all = new Float32Array(total);
          let at = 0;
          for (const c of this.record) { all.set(c, at); at += c.length; }
          this.record = null;
          this.port.postMessage({ type: "recording", sampleRate, samples: all }, [all.buffer]);
        }
        break;
      case "stats":
        this.port.postMessage({ type: "stats", buffered: this.queued - this.head, dropped: this.dropped, underruns: this.underruns, sampleRate });
        break;
    }
  }

  process(inputs, outputs) {
    const input = inputs[0];
    if (input && input.length > 0 && input[0].length > 0) {
      let mono = input[0];
      if (input.length > 1) {
        mono = new Float32Array(input[0].length);
        for (let c = 0; c < input.length; c++) for (let i = 0; i < mono.length; i++) mono[i] += input[c][i] / input.length;
      }
      for (let i = 0; i < mono.length; i++) this.micSum += mono[i] * mono[i];
      const at16k = this.down.push(this.muted ? new Float32Array(mono.length) : mono);
      const merged = new Float32Array(this.pending.length + at16k.length);
      merged.set(this.pending);
      merged.set(at16k, this.pending.length);
      let start = 0;
      while (merged.length - start >= this.frame) {
        const pcm = new Int16Array(this.frame);
        for (let i = 0; i < this.frame; i++) {
          const v = Math.max(-1, Math.min(1, merged[start + i]));
          pcm[i] = v < 0 ? v * 32768 : v * 32767;
        }
        this.port.postMessage(pcm.buffer, [pcm.buffer]);
        start += this.frame;
      }
      this.pending = merged.slice(start);
    }

    const out = outputs[0][0];
    if (!this.playing && this.queued - this.head >= this.prefill) this.playing = true;
    let written = 0;
    if (this.playing) {
      while (written < out.length && this.queue.length > 0) {
        const chunk = this.queue[0];
        const n = Math.min(out.length - written, chunk.length - this.head);
        out.set(chunk.subarray(this.head, this.head + n), written);
        written += n;
        this.head += n;
        if (this.head >= chunk.length) {
          this.queue.shift();
          this.queued -= chunk.length;
          this.head = 0;
        }
      }
      if (written < out.length) {
        // Ran dry: play silence and wait for the prefill again rather than stutter frame by frame.
        this.playing = false;
        this.underruns++;
      }
    }
    for (let i = written; i < out.length; i++) out[i] = 0;
    for (let c = 1; c < outputs[0].length; c++) outputs[0][c].set(out);
    for (let i = 0; i < out.length; i++) this.outSum += out[i] * out[i];
    if (this.record) this.record.push(out.slice());

    this.levelCount += out.length;
    if (this.levelCount >= this.levelEvery) {
      this.port.postMessage({ type: "level", mic: Math.sqrt(this.micSum / this.levelCount), out: Math.sqrt(this.outSum / this.levelCount) });
      this.levelCount = 0;
      this.micSum = 0;
      this.outSum = 0;
    }
    return true;
  }
}

registerProcessor("minwon-phone", MinwonPhoneProcessor);
