-- wrk script for the Masthead read benchmark.
--
-- Counts every response status (per wrk thread, summed in done()) and prints one
-- machine-readable line that bench/run.sh parses:
--
--   BENCH_RESULT {"requests":..., "rps":..., "p50_ms":..., "p99_ms":..., "non2xx":..., ...}
--
-- Latencies come from wrk's own histogram (microseconds), i.e. closed-loop latency of
-- the connections wrk keeps busy (wrk, not wrk2: no coordinated-omission correction).

-- Global, not local: done() reads it from each thread's Lua state with thread:get().
counts = {}

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    counts = {}
end

function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
    local total, non2xx, seen = {}, 0, 0
    for _, t in ipairs(threads) do
        local c = t:get("counts") or {}
        for status, n in pairs(c) do
            total[status] = (total[status] or 0) + n
            seen = seen + n
            if status < 200 or status > 299 then
                non2xx = non2xx + n
            end
        end
    end
    local keys = {}
    for status in pairs(total) do
        table.insert(keys, status)
    end
    table.sort(keys)
    local parts = {}
    for _, status in ipairs(keys) do
        table.insert(parts, string.format('"%d":%d', status, total[status]))
    end
    local secs = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        'BENCH_RESULT {"requests":%d,"duration_s":%.3f,"rps":%.2f,"bytes":%d,'
            .. '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,'
            .. '"non2xx":%d,"counted":%d,"statuses":{%s},'
            .. '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d}}\n',
        summary.requests, secs, summary.requests / secs, summary.bytes,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000,
        non2xx, seen, table.concat(parts, ","),
        e.connect, e.read, e.write, e.timeout, e.status))
end
