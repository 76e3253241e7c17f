// Progressive enhancement only: the pages work without this file.
(() => {
  "use strict";
  // Keypad digits, as on the phone: pressing 1 opens the entry numbered 1.
  document.addEventListener("keydown", e => {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    const link = document.querySelector(`.menu a[data-digit="${CSS.escape(e.key)}"]`);
    if (link) link.click();
  });
  // After a refused submit, take the citizen (and the screen reader) to the list of problems.
  const errors = document.getElementById("errors");
  if (errors) errors.focus();
})();
