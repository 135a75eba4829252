-- wrk: GET <path> with a new precomputed OAuth 1.0a Authorization header per request, read from the file in
-- HEADERS_FILE (one per line, from bench_oauth_headers): the emulator refuses a reused nonce. Each wrk thread
-- takes its own slice of the file, so no header is sent twice. Any answer but 200 is counted and reported.
local headers_file = os.getenv("HEADERS_FILE")
local path = os.getenv("REQUEST_PATH") or "/2/users/me"
local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("id", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

function init(args)
   local all = {}
   for line in io.lines(headers_file) do all[#all + 1] = line end
   headers = {}
   -- A thread's state cannot see the main state's count: run.sh passes wrk's -t as WRK_THREADS.
   local total = tonumber(os.getenv("WRK_THREADS") or "1")
   local per = math.floor(#all / total)
   for i = id * per + 1, (id + 1) * per do headers[#headers + 1] = all[i] end
   next_header = 0
   not_ok = 0
   exhausted = 0
end

function request()
   next_header = next_header + 1
   local h = headers[next_header]
   if h == nil then
      exhausted = exhausted + 1
      h = headers[1]
   end
   return wrk.format("GET", path, {["Authorization"] = h, ["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
   if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
   local not_ok_total, exhausted_total = 0, 0
   for _, t in ipairs(threads) do
      not_ok_total = not_ok_total + t:get("not_ok")
      exhausted_total = exhausted_total + t:get("exhausted")
   end
   local seconds = summary.duration / 1e6
   io.write(string.format('{"bench":"throughput","subject":"wrk","metric":"requests_per_second","value":%.3f,'
                          .. '"not_ok":%d,"headers_exhausted":%d}\n',
                          summary.requests / seconds, not_ok_total, exhausted_total))
end
