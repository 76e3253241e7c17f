// The staff side of calls in the Blazor pages (desk softphone, wallboard monitoring), called through JS interop.
// The audio itself is voice-link.js; this file keeps one call link per page, the chosen headset, and the call timers.
(() => {
  "use strict";
  const store = (() => { try { localStorage.setItem("minwon.probe", "1"); return localStorage; } catch { return null; } })();
  let link = null;
  let owner = null;        // DotNetObjectReference of the component that opened the link

  // Any press inside a call panel resumes audio: the answer itself arrives over the Blazor circuit, after the gesture.
  document.addEventListener("pointerdown", e => {
    if (e.target.closest?.(".softphone, .call-monitor")) window.MinwonVoice?.prime();
  }, true);

  function pad(n) { return String(n).padStart(2, "0"); }
  setInterval(() => {
    document.querySelectorAll("[data-call-since]").forEach(el => {
      const since = Date.parse(el.dataset.callSince);
      if (Number.isNaN(since)) return;
      const s = Math.max(0, Math.floor((Date.now() - since) / 1000));
      const text = s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
      if (el.textContent !== text) el.textContent = text;
    });
  }, 500);

  function notify(method, ...args) {
    owner?.invokeMethodAsync(method, ...args).catch(() => {});
  }

  window.minwonSoftphone = {
    // Opens the media socket of a call (the mediaPath of the call API). Returns null, or what went wrong:
    // denied | missing | busy | insecure | unsupported | network.
    async connect(dotnet, mediaPath, withMic) {
      window.MinwonVoice.prime();
      if (link) { const old = link; link = null; old.close(); }
      owner = dotnet;
      try {
        const opened = await window.MinwonVoice.open({
          url: mediaPath,
          withMic,
          micDeviceId: store?.getItem("minwon.mic") || null,
          sinkId: store?.getItem("minwon.sink") || null,
          onControl: m => notify("OnCallControl", JSON.stringify(m)),
          onLevel: l => {
            const meter = document.querySelector(".softphone .mic-level, .call-monitor .mic-level");
            if (meter) meter.style.width = `${Math.min(100, Math.round(l.mic * 400))}%`;
          },
          onClose: () => { if (link === opened) link = null; notify("OnCallClosed"); },
        });
        link = opened;
        return null;
      } catch (error) {
        return error.problem || "unsupported";
      }
    },

    connected() { return !!link; },

    disconnect() {
      const old = link;
      link = null;
      old?.close();
    },

    // Adds the microphone to a link opened without one (a supervisor going from listening to whispering).
    async useMicrophone() {
      if (!link) return "network";
      try { await link.setMicrophone(store?.getItem("minwon.mic") || null); return null; } catch (error) { return error.problem || "unsupported"; }
    },

    async devices() {
      const list = await window.MinwonVoice.devices();
      return { inputs: list.inputs, outputs: list.outputs, canChooseOutput: list.canChooseOutput,
        mic: store?.getItem("minwon.mic") || "", sink: store?.getItem("minwon.sink") || "" };
    },

    async chooseMicrophone(id) {
      store?.setItem("minwon.mic", id || "");
      if (link && link.stream) {
        try { await link.setMicrophone(id || null); } catch (error) { return error.problem || "unsupported"; }
      }
      return null;
    },

    async chooseSpeaker(id) {
      store?.setItem("minwon.sink", id || "");
      if (!link) return null;
      try { return (await link.setSink(id || "")) ? null : "unsupported"; } catch { return "unsupported"; }
    },
  };
})();
