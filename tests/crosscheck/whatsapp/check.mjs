// Independent second opinion on LibraryBot's WhatsApp wire format, using whatsapp-api-js 6.3.0.
//   node check.mjs bodies <file>      file: JSON array of /messages request bodies.
//     Rebuilds each body with whatsapp-api-js's message classes (which throw on Meta's limits) and compares what
//     they produce with the body. Prints a JSON array: [{ "ok": true } | { "ok": false, "error": "..." }].
//   node check.mjs signatures <file>  file: JSON array of { body, header, secret }.
//     Prints a JSON array of booleans from WhatsAppAPI.verifyRequestSignature.
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { WhatsAppAPI } from "whatsapp-api-js";
import {
  Text, Interactive, ActionButtons, Button, ActionList, ListSection, Row, Body, Header, Footer,
  Template, Language, BodyComponent, BodyParameter, PayloadComponent, Image,
} from "whatsapp-api-js/messages";

const [mode, file] = process.argv.slice(2);
const items = JSON.parse(readFileSync(file, "utf8"));

// What a whatsapp-api-js message object serialises to (own enumerable fields only, like its own fetch body).
const plain = (o) => JSON.parse(JSON.stringify(o));

function rebuild(body) {
  if (body.messaging_product !== "whatsapp") throw new Error("messaging_product must be whatsapp");
  if (!body.to) throw new Error("to is required");
  switch (body.type) {
    case "text":
      return [new Text(body.text.body, body.text.preview_url), { body: body.text.body, ...(body.text.preview_url ? { preview_url: true } : {}) }];
    case "interactive": {
      const i = body.interactive;
      const action = i.type === "button"
        ? new ActionButtons(...i.action.buttons.map((b) => new Button(b.reply.id, b.reply.title)))
        : new ActionList(i.action.button, ...i.action.sections.map((s) => new ListSection(s.title, ...s.rows.map((r) => new Row(r.id, r.title, r.description)))));
      const built = new Interactive(action, new Body(i.body.text), i.header ? new Header(i.header.text) : undefined, i.footer ? new Footer(i.footer.text) : undefined);
      return [built, i];
    }
    case "image": {
      const i = body.image;
      return [i.id ? new Image(i.id, true, i.caption) : new Image(i.link, false, i.caption), i];
    }
    case "template": {
      const t = body.template;
      const components = (t.components ?? []).map((c) => {
        if (c.type === "body") return new BodyComponent(...c.parameters.map((p) => new BodyParameter(p.text)));
        if (c.type === "button" && c.sub_type === "quick_reply") return new PayloadComponent(c.parameters[0].payload);
        throw new Error(`component ${c.type} ${c.sub_type ?? ""} is not checked here`);
      });
      const built = plain(new Template(t.name, new Language(t.language.code), ...components));
      // whatsapp-api-js numbers button indexes 0, 1, 2; Meta's reference writes them as strings ("0"): both are accepted.
      for (const c of built.components ?? []) if (c.type === "button") c.index = String(c.index);
      return [built, t];
    }
    default:
      throw new Error(`type ${body.type} is not checked here`);
  }
}

function checkBody(body) {
  try {
    const [built, ours] = rebuild(body);
    const theirs = plain(built);
    for (const key of Object.keys(ours)) {
      if (!isDeepStrictEqual(theirs[key], ours[key])) {
        return { ok: false, error: `field ${key} differs: whatsapp-api-js builds ${JSON.stringify(theirs[key])}, we sent ${JSON.stringify(ours[key])}` };
      }
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, error: String(e.message ?? e) };
  }
}

async function checkSignature({ body, header, secret }) {
  const api = new WhatsAppAPI({ token: "unused", appSecret: secret, webhookVerifyToken: "unused", v: "v24.0" });
  return await api.verifyRequestSignature(body, header);
}

if (mode === "bodies") {
  console.log(JSON.stringify(items.map(checkBody)));
} else if (mode === "signatures") {
  console.log(JSON.stringify(await Promise.all(items.map(checkSignature))));
} else {
  console.error("usage: node check.mjs bodies|signatures <file>");
  process.exit(2);
}
