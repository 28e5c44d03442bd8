// planlint serve: makes the upload forms nicer where JavaScript runs. Files can be dropped on a field, and
// the page says that the review is running while the server works. The forms work the same without it.
"use strict";

function enableDrop(zone) {
  const input = zone.querySelector('input[type="file"]');
  const hint = zone.querySelector("[data-drop-hint]");
  if (!input || !hint) return;
  hint.hidden = false;
  const on = (event) => { event.preventDefault(); zone.classList.add("dragging"); };
  const off = () => zone.classList.remove("dragging");
  zone.addEventListener("dragenter", on);
  zone.addEventListener("dragover", on);
  zone.addEventListener("dragleave", off);
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    off();
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0) return;
    const chosen = new DataTransfer();
    for (const file of input.multiple ? files : [files[0]]) chosen.items.add(file);
    input.files = chosen.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function showProgress(form) {
  const text = form.querySelector("[data-working-text]");
  const bar = form.querySelector("[data-working-bar]");
  form.addEventListener("submit", (event) => {
    if (text) text.hidden = false;
    if (bar) bar.hidden = false;
    // A download leaves this page in place: let the buttons be used again once the answer has come.
    const button = event.submitter;
    if (button && button.value !== "report" && button.value !== "page") {
      setTimeout(() => { if (text) text.hidden = true; if (bar) bar.hidden = true; }, 4000);
    }
  });
}

for (const zone of document.querySelectorAll("[data-drop]")) enableDrop(zone);
for (const form of document.querySelectorAll("[data-upload]")) showProgress(form);
