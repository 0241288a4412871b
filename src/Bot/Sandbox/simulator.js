// LibraryBot sandbox simulator: chats as a WhatsApp, WeChat or SMS patron through the server's real webhooks (the server
// signs and posts them) and shows what the built-in fake channel APIs (Graph, WeChat, Twilio) received. Each tab keeps its conversations, one
// per patron id, each with its own list and reply cursor; both tabs are polled, so nothing is lost or shown twice.
import { el, patronBubble, render } from "./simulator.render.js";
import { openList, closeList } from "./simulator.list.js";
import { runNotices } from "./simulator.notices.js";

const $ = (id) => document.getElementById(id);
const POLL_MS = 700;
const REPLY_WAIT_MS = 20000;
const NEAR_METRES = 400;
const METRES_PER_DEGREE_OF_LATITUDE = 111195;
const titles = { whatsapp: "WhatsApp · Library", wechat: "WeChat · 图书馆", sms: "Messages · +1 555-000-1234" };
const tabs = {
  whatsapp: { id: "34600" + String(Math.floor(Math.random() * 900000) + 100000), enabled: false },
  wechat: { id: "oSandbox" + Math.random().toString(36).slice(2, 12), enabled: false },
  sms: { id: "+1555" + String(Math.floor(Math.random() * 9000000) + 1000000), enabled: false },
};
const conversations = new Map();
const problems = new Map();
let channel = "whatsapp";
let near = null;

function conversation(ch = channel) {
  const id = tabs[ch].id;
  const key = ch + ":" + id;
  if (!conversations.has(key)) {
    const typing = el("li", "typing", el("span"), el("span"), el("span"));
    typing.setAttribute("aria-label", "The bot is answering…");
    typing.hidden = true;
    const list = el("ol", "chat", typing);
    Object.assign(list.dataset, { channel: ch, patron: id });
    list.setAttribute("aria-live", "polite");
    list.hidden = true;
    $("chats").append(list);
    conversations.set(key, { channel: ch, id, list, typing, after: 0, waitingSince: 0, polling: false, unread: 0 });
  }
  return conversations.get(key);
}

const visible = (conv) => conv.channel === channel && conv.id === tabs[channel].id;

function append(conv, li, fromBot, after) {
  if (after) after.after(li);
  else conv.list.insertBefore(li, conv.typing);
  if (fromBot) waiting(conv, false);
  if (visible(conv)) conv.list.scrollTop = conv.list.scrollHeight;
  else if (fromBot) conv.unread += 1;
  showUnread();
  return li;
}

function waiting(conv, on) {
  conv.waitingSince = on ? Date.now() : 0;
  conv.typing.hidden = !on;
  conv.list.setAttribute("aria-busy", String(on));
  if (on) conv.list.append(conv.typing);
}

function problem(kind, text) {
  if (text) problems.set(kind, text);
  else problems.delete(kind);
  $("problem").textContent = [...problems.values()].join("\n");
  $("problem").hidden = problems.size === 0;
}

/** What went wrong, in words: the webhook's own answer when the simulator relays one, else the problem or the body. */
async function describe(res) {
  const body = await res.text().catch(() => "");
  const data = parse(body);
  if (data && data.webhookStatus) return "the webhook answered " + data.webhookStatus + explain(parse(data.webhookAnswer), data.webhookAnswer);
  return res.status + " " + res.statusText + explain(data, body);
}

const parse = (text) => { try { return JSON.parse(text); } catch { return null; } };
const explain = (data, raw) => data && (data.title || data.detail)
  ? ": " + [data.title, data.detail].filter(Boolean).join(" — ")
  : raw ? ": " + String(raw).slice(0, 300) : "";

const act = (conv) => ({
  choose: (c) => send(conv, { choiceId: c.id, choiceTitle: c.title }, { text: c.title }),
  openList: (title, sections) => openList($("sheet"), title, sections, (c) => act(conv).choose(c)),
});

async function send(conv, payload, shown) {
  const sent = append(conv, patronBubble(conv.channel, shown));
  waiting(conv, true);
  const body = conv.channel === "whatsapp"
    ? { from: conv.id, name: $("patron-name").value.trim(), ...payload }
    : conv.channel === "sms" ? { from: conv.id, text: payload.text ?? payload.choiceTitle }
    : { openId: conv.id, mode: $("wechat-mode").value, ...payload };
  try {
    const res = await fetch("/sandbox/" + conv.channel + "/simulate", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) {
      waiting(conv, false);
      append(conv, el("li", "msg error", "Not delivered: " + await describe(res)));
      return;
    }
    const reply = (await res.json()).passiveReply;
    if (reply) {
      const li = render(conv.channel, reply, null, act(conv));
      li.querySelector(".stack").append(el("small", "note", "passive reply, in the webhook's HTTP response"));
      append(conv, li, true, sent);
    }
  } catch (e) {
    waiting(conv, false);
    append(conv, el("li", "msg error", "Could not reach the server: " + e.message));
  }
}

async function poll(conv) {
  if (conv.polling || !conv.id) return;
  conv.polling = true;
  try {
    const res = await fetch("/sandbox/" + conv.channel + "/messages?to=" + encodeURIComponent(conv.id) + "&after=" + conv.after);
    if (!res.ok) return problem("poll", "Could not read the bot's replies: " + await describe(res));
    for (const item of await res.json()) {
      const seq = item.seq ?? item.sequence;
      if (seq <= conv.after) continue;
      conv.after = seq;
      append(conv, render(conv.channel, item.body, item.receivedAt, act(conv)), true);
    }
    problem("poll", null);
  } catch (e) {
    problem("poll", "The server is not answering (" + e.message + "); still trying…");
  } finally {
    conv.polling = false;
    if (conv.waitingSince && Date.now() - conv.waitingSince > REPLY_WAIT_MS) waiting(conv, false);
  }
}

function showUnread() {
  for (const t of document.querySelectorAll("[role=tab]")) {
    const n = t.dataset.channel === channel ? 0 : conversation(t.dataset.channel).unread;
    t.querySelector(".unread").textContent = n;
    t.querySelector(".unread").hidden = n === 0;
  }
}

function show() {
  const current = conversation();
  current.unread = 0;
  for (const c of conversations.values()) c.list.hidden = c !== current;
  current.list.scrollTop = current.list.scrollHeight;
  closeList($("sheet"));
  showUnread();
}

function switchTo(ch) {
  channel = ch;
  for (const t of document.querySelectorAll("[role=tab]")) t.setAttribute("aria-selected", String(t.dataset.channel === ch));
  $("patron-id").value = tabs[ch].id;
  $("name-label").hidden = ch !== "whatsapp";
  $("mode-label").hidden = ch !== "wechat";
  $("send-follow").hidden = ch !== "wechat";
  $("send-location").hidden = ch === "sms";
  $("phone-title").textContent = titles[ch];
  $("phone").className = "phone " + ch;
  show();
}

function shareLocation() {
  if (!near || near.problem) return problem("location", "Cannot share a location near a branch: " + (near ? near.problem : "the branch is still loading"));
  problem("location", null);
  send(conversation(), { latitude: near.latitude, longitude: near.longitude },
    { location: near.latitude.toFixed(5) + ", " + near.longitude.toFixed(5), label: NEAR_METRES + " m north of " + near.name });
}

async function loadBranch() {
  try {
    const res = await fetch("/sandbox/branch");
    if (!res.ok) return (near = { problem: await describe(res) });
    const b = await res.json();
    near = { name: b.name, latitude: +(b.latitude + NEAR_METRES / METRES_PER_DEGREE_OF_LATITUDE).toFixed(6), longitude: b.longitude };
    $("send-location").title = "Shares a point " + NEAR_METRES + " m north of " + b.name;
  } catch (e) {
    near = { problem: e.message };
  }
}

async function start() {
  for (const t of document.querySelectorAll("[role=tab]")) t.addEventListener("click", () => switchTo(t.dataset.channel));
  $("patron-id").addEventListener("change", () => { tabs[channel].id = $("patron-id").value.trim(); show(); });
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("message").value.trim();
    if (!text) return;
    $("message").value = "";
    send(conversation(), { text }, { text });
  });
  for (const b of document.querySelectorAll("[data-say]")) b.addEventListener("click", () => send(conversation(), { text: b.dataset.say }, { text: b.dataset.say }));
  $("send-location").addEventListener("click", shareLocation);
  $("run-notices").addEventListener("click", () => runNotices($("run-notices"), $("notices-result")));
  $("send-follow").addEventListener("click", () => send(conversation(), { event: "subscribe" }, { text: "(follows the account)" }));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeList($("sheet")); });
  loadBranch();
  try {
    const res = await fetch("/sandbox/channels");
    if (!res.ok) return problem("start", "Could not list the simulated channels: " + await describe(res));
    const channels = await res.json();
    for (const t of document.querySelectorAll("[role=tab]")) {
      tabs[t.dataset.channel].enabled = channels.includes(t.dataset.channel);
      t.disabled = !tabs[t.dataset.channel].enabled;
    }
    switchTo(channels.includes("whatsapp") ? "whatsapp" : channels[0] || "whatsapp");
  } catch (e) {
    return problem("start", "The server is not answering: " + e.message);
  }
  setInterval(() => { for (const ch of Object.keys(tabs)) if (tabs[ch].enabled) poll(conversation(ch)); }, POLL_MS);
}

start();
