-- wrk script for bench/run. Adds the Cookie header from $SGWRS_BENCH_COOKIE (when set) and
-- counts responses whose status is not 200, so a lost session (303 to /sign-in) or an
-- error page cannot pass for throughput. Prints "not_200: N" at the end.
local cookie = os.getenv("SGWRS_BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get("not200")
  end
  io.write(string.format("not_200: %d\n", n))
end
