-- The original project's list load test over GraphQL: one of five keywords, a random price band and brand per
-- request, each connection waiting 0.1 s between requests (wrk -c 100: 100 virtual users).
-- wrk -t 2 -c 100 -d 20s --latency -s Benchmarks/gateway/list.lua http://127.0.0.1:8080
local keywords = { "아메리카노", "버거", "디저트", "커피", "빙수" }
local query = "query List($q: String, $f: GifticonFilter) { gifticons(query: $q, filter: $f, first: 20) { totalCount " ..
  "nodes { id name status price { salePrice discountPercentage } brand { name } primaryImage { url } } " ..
  "pageInfo { hasNextPage endCursor } } }"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

request = function()
  local min = math.random(0, 4999)
  local body = string.format(
    '{"query":"%s","variables":{"q":"%s","f":{"minPrice":"%d","maxPrice":"%d","brandIds":["%d"]}}}',
    query, keywords[math.random(1, #keywords)], min, min + math.random(0, 9999), math.random(1, 10))
  return wrk.format(nil, "/graphql", nil, body)
end

delay = function() return 100 end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d non-2xx/3xx, %d socket\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
