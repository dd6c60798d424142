-- The original project's detail load test over GraphQL: a random gifticon id in 1..10000 per request, each
-- connection waiting 0.1 s between requests (wrk -c 100: 100 virtual users).
-- wrk -t 2 -c 100 -d 20s --latency -s Benchmarks/gateway/detail.lua http://127.0.0.1:8080
local query = "query Detail($id: ID!) { gifticon(id: $id) { id name description status dueDate createdAt " ..
  "price { basePrice salePrice currency discountPercentage } brand { id name } category { id name } " ..
  "seller { id nickname ratingSummary { average count } } images { url altText displayOrder } " ..
  "primaryImage { url } tags { name } } }"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

request = function()
  local body = string.format('{"query":"%s","variables":{"id":"%d"}}', query, math.random(1, 10000))
  return wrk.format(nil, "/graphql", nil, body)
end

delay = function() return 100 end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d non-2xx/3xx, %d socket\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
