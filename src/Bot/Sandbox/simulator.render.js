// Builds chat bubbles from what the fake channel APIs received, as WhatsApp, WeChat and a phone's SMS app show them.
// `act` has choose({id, title}) for a tapped button or list row and openList(title, sections) for a list's button.
import { plainText, whatsAppText } from "./simulator.format.js";

export function el(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const child of children) if (child !== null && child !== undefined) e.append(child);
  return e;
}

const clock = (at) => new Date(at || Date.now()).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** One row of the chat: `side` is "bot" or "patron"; the bubble and what hangs under it. */
export function row(channel, side, bubble, ...below) {
  const li = el("li", "msg " + side);
  if (channel === "wechat") li.append(el("span", "avatar", side === "bot" ? "馆" : "我"));
  li.append(el("div", "stack", bubble, ...below));
  return li;
}

function whatsAppBubble(at, parts, below) {
  return el("div", "bubble", ...parts, el("span", "time", clock(at)), below);
}

export function patronBubble(channel, shown) {
  const content = shown.location
    ? el("span", "location", el("strong", null, "📍 Location"), el("span", null, shown.label || ""), el("small", null, shown.location))
    : channel === "whatsapp" ? el("span", "text", whatsAppText(shown.text)) : el("span", "text", plainText(shown.text));
  if (channel === "sms") return row("sms", "patron", el("div", "bubble", content));
  return row(channel, "patron", channel === "whatsapp" ? whatsAppBubble(null, [content]) : el("div", "bubble", content));
}

export function renderWhatsApp(body, at, act) {
  if (body.type === "text") return row("whatsapp", "bot", whatsAppBubble(at, [el("span", "text", whatsAppText(body.text.body))]));
  if (body.type === "interactive") return interactive(body.interactive, at, act);
  if (body.type === "image") return row("whatsapp", "bot", whatsAppBubble(at, [picture(body.image.link), body.image.caption ? el("span", "text", whatsAppText(body.image.caption)) : null]));
  if (body.type === "template") {
    const params = (body.template.components || []).flatMap((c) => (c.parameters || []).map((p) => p.text || p.payload || "")).filter(Boolean);
    return row("whatsapp", "bot", whatsAppBubble(at, [
      el("span", "header", "Template " + body.template.name + " (" + body.template.language.code + ")"),
      el("span", "text", params.join(" · "))]));
  }
  return unknown("whatsapp", body);
}

/** A picture sent by link, shown as WhatsApp shows it above its caption; a link that does not load leaves only the link. */
function picture(link) {
  const img = el("img", "picture");
  img.alt = "";
  img.src = link;
  // The picture arrives after the chat scrolled to its end: keep the end in view if it was.
  img.addEventListener("load", () => {
    const list = img.closest("ol, ul");
    if (list && list.scrollHeight - list.scrollTop - list.clientHeight <= img.height + 40) list.scrollTop = list.scrollHeight;
  });
  img.addEventListener("error", () => {
    const a = el("a", "picture-link", link);
    a.href = link;
    a.target = "_blank";
    a.rel = "noopener";
    img.replaceWith(a);
  });
  return img;
}

function interactive(i, at, act) {
  const parts = [];
  if (i.header && i.header.text) parts.push(el("span", "header", i.header.text));
  parts.push(el("span", "text", whatsAppText(i.body.text)));
  if (i.footer) parts.push(el("span", "footer", i.footer.text));
  if (i.type === "list") {
    const open = el("button", "list-open", "☰ " + i.action.button);
    open.type = "button";
    open.addEventListener("click", () => act.openList(i.action.button, i.action.sections));
    return row("whatsapp", "bot", whatsAppBubble(at, parts, open));
  }
  const replies = el("div", "replies");
  for (const b of i.type === "button" ? i.action.buttons : []) {
    const button = el("button", null, b.reply.title);
    button.type = "button";
    button.addEventListener("click", () => act.choose({ id: b.reply.id, title: b.reply.title }));
    replies.append(button);
  }
  return row("whatsapp", "bot", whatsAppBubble(at, parts), replies);
}

/** Custom-service bodies (msgtype, text.content, news.articles), passive replies (MsgType, Content, Articles) and templates. */
export function renderWeChat(body) {
  const type = body.msgtype || body.MsgType;
  if (type === "text") return row("wechat", "bot", el("div", "bubble", el("span", "text", plainText(body.text ? body.text.content : body.Content))));
  if (type === "news") {
    const a = body.news ? body.news.articles[0] : body.Articles[0];
    return row("wechat", "bot", newsCard(a.title ?? a.Title, a.description ?? a.Description, a.url ?? a.Url, a.picurl ?? a.PicUrl));
  }
  if (body.template_id) {
    const fields = Object.entries(body.data || {}).map(([key, v]) => el("p", null, el("span", "key", key), " ", v.value));
    return row("wechat", "bot", el("article", "card template", el("h3", null, "Template " + body.template_id), ...fields));
  }
  return unknown("wechat", body);
}

function newsCard(title, description, url, picUrl) {
  const heading = el("h3", null);
  if (/^https?:\/\//.test(url || "")) {
    const link = el("a", null, title);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    heading.append(link);
  } else {
    heading.textContent = title;
  }
  const details = el("div", "details", el("p", null, plainText(description || "")));
  if (/^https?:\/\//.test(picUrl || "")) {
    const img = el("img");
    img.alt = "";
    img.src = picUrl;
    img.addEventListener("error", () => img.remove());
    details.append(img);
  }
  return el("article", "card news", heading, details);
}

function unknown(channel, body) {
  return row(channel, "bot", el("div", "bubble", el("code", "raw", JSON.stringify(body))));
}

/** What the fake Twilio API accepted ({ to, from, body }), or a reply Twilio itself sends (automatic: its STOP/START/HELP answers). */
export function renderSms(body, at) {
  const bubble = el("div", "bubble", el("span", "text", plainText(body.body)));
  const li = row("sms", "bot", bubble, el("small", "time", clock(at)));
  if (body.automatic) li.querySelector(".stack").append(el("small", "note", "sent by Twilio itself, not by the bot"));
  return li;
}

export const render = (channel, body, at, act) =>
  channel === "whatsapp" ? renderWhatsApp(body, at, act) : channel === "sms" ? renderSms(body, at) : renderWeChat(body);
