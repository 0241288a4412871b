// Message text as the channels show it, built as DOM nodes (message text never goes through innerHTML).
// WhatsApp: *bold*, _italic_, ~strike~, `code` and ```monospace``` (may span lines). A marker opens only at the
// start of a word (after a space, punctuation or the start) before a non-space, and closes before the end of a word;
// so snake_case and 2*3*4 stay as written. Both channels turn http(s) links into links.

const STYLES = { "*": "strong", "_": "em", "~": "s" };
const LINK = /https?:\/\/[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)'’]/g;
const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c) => c === undefined || /\s/.test(c);

/** Plain text with its links (WeChat text, titles). */
export function plainText(text) {
  const fragment = document.createDocumentFragment();
  appendLinked(fragment, text);
  return fragment;
}

/** WhatsApp-formatted text. */
export function whatsAppText(text) {
  const fragment = document.createDocumentFragment();
  const parts = text.split(/```([\s\S]+?)```/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) fragment.appendChild(code(part, "mono"));
    else appendInline(fragment, part);
  });
  return fragment;
}

function appendInline(parent, s) {
  let plain = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const end = c === "`" ? closingTick(s, i) : STYLES[c] && opens(s, i) ? closing(s, i) : -1;
    if (end < 0) {
      plain += c;
      i += 1;
      continue;
    }

    appendLinked(parent, plain);
    plain = "";
    const inner = s.slice(i + 1, end);
    if (c === "`") {
      parent.appendChild(code(inner, "inline"));
    } else {
      const el = document.createElement(STYLES[c]);
      appendInline(el, inner);
      parent.appendChild(el);
    }
    i = end + 1;
  }
  appendLinked(parent, plain);
}

const opens = (s, i) => !isWordChar(s[i - 1]) && !isSpace(s[i + 1]) && s[i + 1] !== s[i];

function closing(s, i) {
  for (let j = i + 2; j < s.length && s[j] !== "\n"; j++) {
    if (s[j] === s[i] && !isSpace(s[j - 1]) && !isWordChar(s[j + 1])) return j;
  }
  return -1;
}

function closingTick(s, i) {
  const j = s.indexOf("`", i + 1);
  return j > i + 1 && !s.slice(i + 1, j).includes("\n") ? j : -1;
}

function code(text, kind) {
  const el = document.createElement("code");
  el.className = kind;
  el.textContent = text;
  return el;
}

function appendLinked(parent, text) {
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > at) parent.appendChild(document.createTextNode(text.slice(at, match.index)));
    const a = document.createElement("a");
    a.href = match[0];
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = match[0];
    parent.appendChild(a);
    at = match.index + match[0].length;
  }
  if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
}
