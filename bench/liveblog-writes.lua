-- wrk script for bench/liveblog.sh: every request posts one entry to the liveblog at the URL
-- given to wrk (POST /api/v1/admin/articles/{id}/entries), with the admin token in BENCH_TOKEN.
-- Counting and the BENCH_RESULT line are reads.lua's (loaded from BENCH_DIR).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "bench")
wrk.body = '{"headline":"Bench entry","body":[{"type":"paragraph","text":"A short <em>live</em> update from the bench."}]}'
dofile((os.getenv("BENCH_DIR") or "bench") .. "/reads.lua")
