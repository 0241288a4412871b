-- wrk script: posts signed WhatsApp webhook bodies, each with a new wamid, from SENDERS different patrons.
-- HMAC-SHA256 is computed with the libcrypto wrk itself links (LuaJIT FFI), so every request is really signed.
local ffi = require("ffi")
ffi.cdef[[
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n, unsigned char *md, unsigned int *md_len);
]]
local ok, crypto = pcall(function() return ffi.load("crypto") end)
if not ok then crypto = ffi.load("libcrypto.so.3") end

local secret = os.getenv("LB_SECRET") or "librarybot-sandbox-app-secret"
local phone_id = os.getenv("LB_PHONE_ID") or "100000000000001"
local senders = tonumber(os.getenv("LB_SENDERS") or "10000")
local md = ffi.new("unsigned char[32]")
local mdlen = ffi.new("unsigned int[1]")
local hex = {}
for i = 0, 255 do hex[i] = string.format("%02x", i) end

local counter = 0
-- thread_id is a global: setup() (main state) gives each thread its own value; a local here would shadow it.
next_thread_id = 0
thread_id = 0

function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

local function sign(body)
  crypto.HMAC(crypto.EVP_sha256(), secret, #secret, body, #body, md, mdlen)
  local out = {}
  for i = 0, 31 do out[i + 1] = hex[md[i]] end
  return "sha256=" .. table.concat(out)
end

function request()
  counter = counter + 1
  local n = counter * 8 + thread_id
  local from = tostring(34600000000 + (n % senders))
  local body = '{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"' .. phone_id ..
    '"},"contacts":[{"profile":{"name":"Load"},"wa_id":"' .. from .. '"}],"messages":[{"from":"' .. from ..
    '","id":"wamid.load.' .. thread_id .. '.' .. counter .. '","timestamp":"' .. os.time() .. '","type":"text","text":{"body":"help"}}]}}]}]}'
  return wrk.format("POST", "/webhooks/whatsapp", { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = sign(body) }, body)
end

local non200 = 0
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("LB_RESULT requests=%d duration_us=%d errors_status=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, latency:percentile(50), latency:percentile(99)))
end
