// A WhatsApp list message's options: a sheet over the chat with the sections' rows; tapping a row answers with it.
import { el } from "./simulator.render.js";

export function openList(sheet, title, sections, choose) {
  const close = el("button", "close", "✕");
  close.type = "button";
  close.setAttribute("aria-label", "Close");
  close.addEventListener("click", () => closeList(sheet));
  const rows = [];
  for (const section of sections) {
    if (section.title) rows.push(el("h4", null, section.title));
    for (const r of section.rows) {
      const button = el("button", "row", el("span", "title", r.title), r.description ? el("small", null, r.description) : null);
      button.type = "button";
      button.addEventListener("click", () => {
        closeList(sheet);
        choose({ id: r.id, title: r.title });
      });
      rows.push(button);
    }
  }
  sheet.replaceChildren(el("header", null, close, el("h3", null, title)), el("div", "rows", ...rows));
  sheet.hidden = false;
  const first = sheet.querySelector("button.row");
  if (first) first.focus();
}

export function closeList(sheet) {
  sheet.hidden = true;
  sheet.replaceChildren();
}
