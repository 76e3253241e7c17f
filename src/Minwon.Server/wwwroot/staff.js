// Small helpers the Blazor staff pages call through JS interop.
window.minwon = {
  // Keeps the chat log on the newest message; Blazor re-renders the list but does not scroll it.
  scrollToEnd(id) {
    const el = document.getElementById(id);
    if (el) el.scrollTop = el.scrollHeight;
  },
};
