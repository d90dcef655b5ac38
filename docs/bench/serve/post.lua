-- wrk script for `serve` load measurements (docs/serving.md): POSTs the file named by $BODY to the URL given to
-- wrk, as $CONTENT_TYPE (application/json unless set). wrk counts answers other than 2xx/3xx itself.
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json"
