// Independent WeChat crypto peer for LibraryBot.Channels.Tests (node-webot's wechat-crypto, not our code).
// Protocol: one JSON request per stdin line, one JSON answer per stdout line; prints {"ready":true} first.
//   {"op":"encrypt","token","key","appId","message","timestamp","nonce"} -> {"encrypt","msgSignature"}
//   {"op":"decrypt","token","key","appId","encrypt","timestamp","nonce","msgSignature"} -> {"message","id","signatureOk"}
'use strict';
const readline = require('readline');
const WXBizMsgCrypt = require('wechat-crypto');

function handle(req) {
  const crypto = new WXBizMsgCrypt(req.token, req.key, req.appId);
  if (req.op === 'encrypt') {
    const encrypt = crypto.encrypt(req.message);
    return { encrypt, msgSignature: crypto.getSignature(req.timestamp, req.nonce, encrypt) };
  }
  if (req.op === 'decrypt') {
    const signatureOk = crypto.getSignature(req.timestamp, req.nonce, req.encrypt) === req.msgSignature;
    const { message, id } = crypto.decrypt(req.encrypt);
    return { message, id, signatureOk };
  }
  throw new Error('unknown op ' + req.op);
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let answer;
  try {
    answer = handle(JSON.parse(line));
  } catch (e) {
    answer = { error: String(e && e.message || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
