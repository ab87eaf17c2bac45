-- wrk script for bench/record_pages: each request picks a random line of the file
-- $SGWRS_BENCH_LINES; GET that path, or, with $SGWRS_BENCH_SAVE=1, POST a new conversation
-- to /api/v1/conversations for the line's "FAMILY_ID MEMBER_ID…". Sends $SGWRS_BENCH_COOKIE
-- or $SGWRS_BENCH_TOKEN (Bearer), counts answers that are not the expected status (200, or
-- 201 for saves) and prints "not_expected: N" and the first odd status at the end.
local cookie = os.getenv("SGWRS_BENCH_COOKIE")
local token = os.getenv("SGWRS_BENCH_TOKEN")
local save = os.getenv("SGWRS_BENCH_SAVE") == "1"
local file = os.getenv("SGWRS_BENCH_LINES")
local expected = save and 201 or 200

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local lines = {}
local headers = {}

function init(args)
  bad = 0
  odd = 0
  math.randomseed(os.time() * 1000 + id * 7919)
  for line in io.lines(file) do
    if line ~= "" then table.insert(lines, line) end
  end
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if save then headers["Content-Type"] = "application/json" end
end

local strengths = {
  "Nain walks the children to school every morning and the family says it makes all the difference.",
  "Mae Nain yn cerdded y plant i'r ysgol bob bore ac mae hynny'n help mawr i'r teulu.",
  "Dad has started going to the Thursday support group and says the others understand him.",
}
local worries = {
  "Rent arrears are worrying the family and the landlord has not answered their letter yet.",
  "Mae'r boeler wedi torri ers pythefnos ac mae'r tŷ yn oer gyda'r nos.",
}
local n = 0

function request()
  local line = lines[math.random(#lines)]
  if not save then
    return wrk.format("GET", line, headers)
  end
  n = n + 1
  local ids = {}
  for x in line:gmatch("%d+") do table.insert(ids, x) end
  local family, who = ids[1], ids[2]
  local body = string.format(
    '{"family_id":%s,"held_on":"2025-11-%02d","place":"home","language":"en","present":[%s],' ..
    '"what_matters":[{"text":"Being safe at home together (%d)","person_id":%s}],' ..
    '"strengths":"%s","worries":"%s","next_steps":"Meet again in a fortnight at home, after school.",' ..
    '"state":"finished"}',
    family, 1 + n % 28, who, n, who, strengths[1 + n % #strengths], worries[1 + n % #worries])
  return wrk.format("POST", "/api/v1/conversations", headers, body)
end

function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
    if odd == 0 then odd = status end
  end
end

function done(summary, latency, requests)
  local total, first = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
    local o = t:get("odd")
    if first == 0 and o ~= 0 then first = o end
  end
  io.write(string.format("not_expected: %d\n", total))
  if first ~= 0 then io.write(string.format("first_unexpected_status: %d\n", first)) end
end
