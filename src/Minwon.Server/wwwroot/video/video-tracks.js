// Mute and camera/microphone switching, shared by the citizen's video page (video.js) and the desk (video-desk.js).
window.MinwonVideoTracks = (() => {
  "use strict";

  // Flips a mute button (aria-pressed="true" means muted) and the stream's tracks of that kind; returns whether muted now.
  function toggleMute(button, stream, kind) {
    const muted = button.getAttribute("aria-pressed") !== "true";
    stream?.getTracks().filter(t => t.kind === kind).forEach(t => t.enabled = !muted);
    button.setAttribute("aria-pressed", String(muted));
    return muted;
  }

  // Puts a new camera or microphone track in place of the stream's old one of its kind (stopping the old), keeps the
  // mute button's state, shows the stream in the self view and sends the new track to the peer without renegotiating.
  async function swapTrack(stream, track, { muteButton, selfVideo, peer }) {
    const old = stream.getTracks().find(t => t.kind === track.kind);
    if (old) { stream.removeTrack(old); old.stop(); }
    track.enabled = muteButton?.getAttribute("aria-pressed") !== "true";
    stream.addTrack(track);
    if (selfVideo) selfVideo.srcObject = stream;
    await peer?.replaceTrack(track);
  }

  return { toggleMute, swapTrack };
})();
