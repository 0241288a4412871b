// LibraryBot sandbox simulator: chats as a WhatsApp or WeChat patron through the server's real webhooks
// (the server signs and posts them) and renders what the built-in fake channel APIs received.
(() => {
  const $ = (id) => document.getElementById(id);
  const chat = $("chat");
  const state = { channel: "whatsapp", after: 0, polling: null };
  const ids = { whatsapp: "34600" + String(Math.floor(Math.random() * 900000) + 100000), wechat: "oSandbox" + Math.random().toString(36).slice(2, 12) };

  function add(kind, build) {
    const li = document.createElement("li");
    li.className = "msg " + kind;
    build(li);
    chat.appendChild(li);
    chat.scrollTop = chat.scrollHeight;
    return li;
  }
  const text = (el, t, cls) => { const s = document.createElement("span"); if (cls) s.className = cls; s.textContent = t; el.appendChild(s); return s; };
  const meta = (el, t) => text(el, t, "meta");
  function actions(el, items) {
    const box = document.createElement("div");
    box.className = "actions";
    for (const item of items) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = item.title;
      if (item.description) { const d = document.createElement("small"); d.textContent = item.description; b.appendChild(d); }
      b.addEventListener("click", () => send({ choiceId: item.id, choiceTitle: item.title }, item.title));
      box.appendChild(b);
    }
    el.appendChild(box);
  }

  function renderWhatsApp(body) {
    if (body.type === "text") return add("bot", (li) => text(li, body.text.body));
    if (body.type === "interactive") {
      const i = body.interactive;
      return add("bot", (li) => {
        if (i.header && i.header.text) text(li, i.header.text, "header");
        text(li, i.body.text);
        if (i.footer) text(li, i.footer.text, "footer");
        if (i.type === "button") actions(li, i.action.buttons.map((b) => ({ id: b.reply.id, title: b.reply.title })));
        if (i.type === "list") {
          meta(li, "☰ " + i.action.button);
          actions(li, i.action.sections.flatMap((s) => s.rows));
        }
      });
    }
    if (body.type === "template") {
      return add("bot", (li) => {
        const params = (body.template.components || []).flatMap((c) => (c.parameters || []).map((p) => p.text || p.payload || "")).filter(Boolean);
        text(li, "Template " + body.template.name + " (" + body.template.language.code + ")\n" + params.join(" · "));
      });
    }
    return add("bot", (li) => text(li, JSON.stringify(body)));
  }

  function renderWeChat(body) {
    const msgtype = body.msgtype || body.MsgType;
    if (msgtype === "text") return add("bot", (li) => text(li, body.text ? body.text.content : body.Content));
    if (msgtype === "news") {
      const a = body.news ? body.news.articles[0] : body.Articles[0];
      return add("bot news", (li) => { text(li, a.title || a.Title, "header"); text(li, a.description || a.Description); });
    }
    if (body.template_id) return add("bot", (li) => text(li, "Template " + body.template_id + "\n" + Object.values(body.data || {}).map((v) => v.value).join(" · ")));
    return add("bot", (li) => text(li, JSON.stringify(body)));
  }

  const render = (body) => (state.channel === "whatsapp" ? renderWhatsApp(body) : renderWeChat(body));

  async function send(payload, shown) {
    const id = $("patron-id").value.trim();
    const name = $("patron-name").value.trim();
    if (shown) add("patron", (li) => text(li, shown));
    const url = "/sandbox/" + state.channel + "/simulate";
    const body = state.channel === "whatsapp"
      ? Object.assign({ from: id, name }, payload)
      : Object.assign({ openId: id, mode: $("wechat-mode").value }, payload);
    try {
      const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) return add("error", (li) => text(li, "Webhook answered " + res.status + ": " + (data.detail || data.title || JSON.stringify(data))));
      const passive = data.passiveReply || data.reply;
      if (passive) { render(passive); meta(chat.lastChild, "passive reply (in the webhook's HTTP response)"); }
    } catch (e) {
      add("error", (li) => text(li, "Could not reach the server: " + e));
    }
  }

  async function poll() {
    const id = encodeURIComponent($("patron-id").value.trim());
    try {
      const res = await fetch("/sandbox/" + state.channel + "/messages?to=" + id + "&after=" + state.after);
      if (res.ok) {
        const items = await res.json();
        for (const item of items) {
          state.after = Math.max(state.after, item.sequence ?? item.seq ?? 0);
          const li = render(item.body ?? item.message ?? item);
          if (item.error) meta(li, "rejected by the fake API: " + JSON.stringify(item.error));
        }
      }
    } catch (e) { /* the server may be restarting */ }
  }

  function switchTo(channel) {
    state.channel = channel;
    state.after = 0;
    chat.innerHTML = "";
    for (const t of document.querySelectorAll("[role=tab]")) t.setAttribute("aria-selected", String(t.dataset.channel === channel));
    $("patron-id").value = ids[channel];
    $("mode-label").hidden = channel !== "wechat";
    $("send-follow").hidden = channel !== "wechat";
    $("phone-title").textContent = channel === "whatsapp" ? "WhatsApp · Library" : "WeChat · 图书馆";
    document.querySelector(".phone").classList.toggle("wechat", channel === "wechat");
  }

  for (const t of document.querySelectorAll("[role=tab]")) t.addEventListener("click", () => switchTo(t.dataset.channel));
  $("patron-id").addEventListener("change", () => { ids[state.channel] = $("patron-id").value.trim(); state.after = 0; chat.innerHTML = ""; });
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = $("message").value.trim();
    if (!value) return;
    $("message").value = "";
    send({ text: value }, value);
  });
  for (const b of document.querySelectorAll("[data-say]")) b.addEventListener("click", () => send({ text: b.dataset.say }, b.dataset.say));
  $("send-location").addEventListener("click", () => send({ latitude: 40.4168, longitude: -3.7038 }, "📍 40.4168, -3.7038"));
  $("send-follow").addEventListener("click", () => send({ event: "subscribe" }, "(follows the account)"));

  fetch("/sandbox/channels").then((r) => r.json()).then((channels) => {
    for (const t of document.querySelectorAll("[role=tab]")) if (!channels.includes(t.dataset.channel)) t.disabled = true;
    switchTo(channels.includes("whatsapp") ? "whatsapp" : channels[0] || "whatsapp");
  });
  setInterval(poll, 700);
})();
