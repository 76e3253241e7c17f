// Small helpers the Blazor staff pages call through JS interop.
// Enter sends the reply, Shift+Enter starts a new line. Not while a Korean syllable is still being composed:
// that Enter belongs to the IME.
document.addEventListener("keydown", e => {
  if (e.target.id === "reply" && e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    e.target.form?.requestSubmit();
  }
});

window.minwon = {
  // Keeps the chat log on the newest message; Blazor re-renders the list but does not scroll it.
  scrollToEnd(id) {
    const el = document.getElementById(id);
    if (el) el.scrollTop = el.scrollHeight;
  },
};
