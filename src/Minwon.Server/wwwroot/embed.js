// Embeds Minwon web chat on a city web page: <script src="https://minwon.example/embed.js" defer></script>
// Adds a button that opens the chat in a panel (an iframe on the Minwon origin, so no data crosses origins).
(() => {
  const origin = new URL(document.currentScript.src).origin;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "120 채팅 상담";
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:.8rem 1.1rem;border:0;border-radius:2rem;background:#0b5cad;color:#fff;font:600 1rem sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer";
  const frame = document.createElement("iframe");
  frame.title = "120 채팅 상담";
  frame.src = origin + "/chat";
  frame.hidden = true;
  frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(380px,calc(100vw - 2rem));height:min(600px,calc(100vh - 6rem));border:1px solid #ccc;border-radius:.75rem;background:#fff";
  button.addEventListener("click", () => { frame.hidden = !frame.hidden; button.setAttribute("aria-expanded", String(!frame.hidden)); });
  document.body.append(frame, button);
})();
