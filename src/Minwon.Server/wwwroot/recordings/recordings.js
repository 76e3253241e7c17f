// The supervisors' recordings list (Features/Recordings/RecordingsPage.razor): plays a recording's parts one after the
// other in one media element. A video call's recording has a part per recorder start (a desk reload starts a new WebM
// stream), and a WebM stream cannot be appended to another, so each part is loaded in turn when the one before ends.
// Every part's request is access-logged by the API.
export function playParts(element, urls) {
  if (!element || !urls?.length) return;
  let index = 0;
  const status = document.getElementById("recording-part");
  const load = () => {
    element.src = urls[index];
    element.dataset.part = String(index);
    if (status && urls.length > 1) status.textContent = `${urls.length}개 부분 중 ${index + 1}번째 재생 중`;
    element.play().catch(() => { /* autoplay may be refused; the controls stay */ });
  };
  element.onended = () => {
    if (index + 1 < urls.length) { index++; load(); }
    else if (status) status.textContent = "재생을 마쳤습니다.";
  };
  load();
}
