-- Replays request bodies from a file, one JSON body per line, each connection pausing DELAY_MS between requests.
-- wrk -t 2 -c 100 -d 20s -s Benchmarks/gateway/replay.lua URL -- FILE PATH DELAY_MS
local bodies, path, pause, next_index = {}, "/", 0, 1
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json" }

init = function(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  path = args[2] or "/"
  pause = tonumber(args[3] or "0")
  -- Threads start at different places in the file (each thread has its own Lua state).
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  next_index = math.random(1, #bodies)
end

request = function()
  next_index = next_index % #bodies + 1
  return wrk.format("POST", path, headers, bodies[next_index])
end

delay = function() return pause end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("result rps=%.0f p50=%.2f p95=%.2f p99=%.2f requests=%d bad_status=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
