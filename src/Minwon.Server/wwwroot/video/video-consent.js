// The citizen's side of video recording consent (docs/video.md "Recording"): when the counsellor asks, the page asks
// in the citizen's language; the answer goes to /api/video/{token}/recording/consent. While recording, a visible
// indicator says so. The page's language is <html lang> (video.js sets it).
(() => {
  "use strict";
  const T = {
    ko: { ask: "상담사가 이 영상 상담을 녹화해도 되는지 묻습니다. 녹화는 암호화되어 보관되고, 열람은 기록됩니다.", agree: "동의", decline: "거부", on: "● 녹화 중", refused: "녹화를 거부했습니다. 녹화하지 않습니다." },
    en: { ask: "The counsellor asks whether this video call may be recorded. Recordings are stored encrypted and every viewing is logged.", agree: "Agree", decline: "Decline", on: "● Recording", refused: "You declined. The call is not recorded." },
    zh: { ask: "咨询员询问是否可以录制本次视频咨询。录像加密保存，每次查看都有记录。", agree: "同意", decline: "拒绝", on: "● 正在录制", refused: "您已拒绝，本次通话不会录制。" },
    ja: { ask: "相談員がこのビデオ相談を録画してよいか確認しています。録画は暗号化して保存され、閲覧はすべて記録されます。", agree: "同意する", decline: "拒否する", on: "● 録画中", refused: "拒否しました。録画しません。" },
    vi: { ask: "Tư vấn viên hỏi có được ghi hình cuộc gọi video này không. Bản ghi được mã hóa và mọi lần xem đều được ghi lại.", agree: "Đồng ý", decline: "Từ chối", on: "● Đang ghi hình", refused: "Bạn đã từ chối. Cuộc gọi không được ghi hình." },
  };
  const $ = id => document.getElementById(id);
  let token = null;
  const text = () => T[document.documentElement.lang] ?? T.ko;

  function show(state) {
    const t = text();
    $("rec-consent").hidden = state.consent !== "requested";
    if (state.consent === "requested") {
      $("rec-consent-text").textContent = t.ask;
      $("rec-agree").textContent = t.agree;
      $("rec-decline").textContent = t.decline;
      $("rec-agree").focus();
    }
    const indicator = $("rec-indicator");
    indicator.hidden = state.consent !== "given" && state.consent !== "refused";
    indicator.textContent = state.consent === "given" ? t.on : state.consent === "refused" ? t.refused : "";
    indicator.classList.toggle("on", state.consent === "given");
  }

  async function refresh() {
    if (!token) return;
    const res = await fetch(`/api/video/${token}/recording`);
    if (res.ok) show(await res.json());
  }

  async function answer(agree) {
    const res = await fetch(`/api/video/${token}/recording/consent`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ agree }) });
    if (res.ok) show(await res.json()); else await refresh();
  }

  document.addEventListener("minwon:video-event", e => { token = e.detail.token; refresh().catch(() => {}); });
  document.addEventListener("DOMContentLoaded", () => {
    $("rec-agree")?.addEventListener("click", () => answer(true).catch(() => {}));
    $("rec-decline")?.addEventListener("click", () => answer(false).catch(() => {}));
  });
  if (document.readyState !== "loading") {
    $("rec-agree")?.addEventListener("click", () => answer(true).catch(() => {}));
    $("rec-decline")?.addEventListener("click", () => answer(false).catch(() => {}));
  }
})();
