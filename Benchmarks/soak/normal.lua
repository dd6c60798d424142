-- The soak's normal traffic: the original load profile's detail or list query (as Benchmarks/gateway/detail.lua and
-- list.lua send them), each connection pausing PAUSE_MS between requests; counts 5xx, other non-200 answers and
-- answers carrying GraphQL errors, and prints one `result` line for scripts/soak.
-- wrk -t 1 -c 8 -d 60s --timeout 10s -s Benchmarks/soak/normal.lua http://127.0.0.1:18090 -- detail|list PAUSE_MS
local detail = "query Detail($id: ID!) { gifticon(id: $id) { id name description status dueDate createdAt " ..
  "price { basePrice salePrice currency discountPercentage } brand { id name } category { id name } " ..
  "seller { id nickname ratingSummary { average count } } images { url altText displayOrder } " ..
  "primaryImage { url } tags { name } } }"
local list = "query List($q: String, $f: GifticonFilter) { gifticons(query: $q, filter: $f, first: 20) { totalCount " ..
  "nodes { id name status price { salePrice discountPercentage } brand { name } primaryImage { url } } " ..
  "pageInfo { hasNextPage endCursor } } }"
local keywords = { "아메리카노", "버거", "디저트", "커피", "빙수" }
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json" }
local kind, pause = "detail", 100
-- Globals, so that done() can read each thread's with thread:get.
s5xx, other, gqlerrors = 0, 0, 0
local threads = {}

setup = function(thread) table.insert(threads, thread) end

init = function(args)
  kind = args[1] or "detail"
  pause = tonumber(args[2] or "100")
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

request = function()
  local body
  if kind == "list" then
    local min = math.random(0, 4999)
    body = string.format('{"query":"%s","variables":{"q":"%s","f":{"minPrice":"%d","maxPrice":"%d","brandIds":["%d"]}}}',
      list, keywords[math.random(1, #keywords)], min, min + math.random(0, 9999), math.random(1, 10))
  else
    body = string.format('{"query":"%s","variables":{"id":"%d"}}', detail, math.random(1, 10000))
  end
  return wrk.format("POST", "/graphql", headers, body)
end

response = function(status, _, body)
  if status >= 500 then s5xx = s5xx + 1
  elseif status ~= 200 then other = other + 1 end
  if body and body:find('"errors"', 1, true) then gqlerrors = gqlerrors + 1 end
end

delay = function() return pause end

-- wrk calls done() in the main Lua state: each thread's counters are read from its own state.
done = function(summary, latency, requests)
  local n5xx, nother, ngql = 0, 0, 0
  for _, thread in ipairs(threads) do
    n5xx, nother, ngql = n5xx + thread:get("s5xx"), nother + thread:get("other"), ngql + thread:get("gqlerrors")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("result requests=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f status_5xx=%d " ..
    "other_non_200=%d graphql_errors=%d socket_errors=%d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    n5xx, nother, ngql, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
