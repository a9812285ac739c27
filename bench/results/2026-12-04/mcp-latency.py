import json, time, urllib.request, glob, re, statistics, sys
BASE = "http://127.0.0.1:8091"
def req(method, path, body=None, token=None, accept="application/json"):
    data = None if body is None else json.dumps(body).encode()
    r = urllib.request.Request(BASE + path, data=data, method=method)
    r.add_header("Accept", accept)
    if body is not None: r.add_header("Content-Type", "application/json")
    if token: r.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(r) as resp:
        return json.loads(resp.read() or b"null")
email = "bench-%d@example.com" % int(time.time())
req("POST", "/api/v1/auth/signup", {"email": email, "password": "correct horse", "displayName": "B"})
time.sleep(1.5)
code = None
for f in glob.glob(sys.argv[1] + "/outbox/*.eml"):
    if email in open(f, errors="ignore").read() or email in f:
        m = re.search(r"Your code is:? (\d{6})", open(f, errors="ignore").read()); code = m.group(1) if m else code
jwt = req("POST", "/api/v1/auth/verify", {"email": email, "code": code})["accessToken"]
tok = req("POST", "/api/v1/me/tokens", {"name": "bench", "scopes": ["mcp:write"]}, jwt)["token"]
genre = req("GET", "/api/v1/genres", None, jwt)
genre = (genre["items"] if isinstance(genre, dict) else genre)[0]["name"]
def mcp(tool, args):
    return req("POST", "/mcp", {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": tool, "arguments": args}}, tok, "application/json, text/event-stream")
cases = [
  ("MCP search_catalog", lambda i: mcp("search_catalog", {"query": "love", "limit": 10})),
  ("REST /api/v1/search", lambda i: req("GET", "/api/v1/search?q=love&limit=10", None, jwt)),
  ("MCP recommend_tracks (genre)", lambda i: mcp("recommend_tracks", {"seedGenres": [genre], "limit": 20})),
  ("REST /api/v1/recommendations", lambda i: req("GET", "/api/v1/recommendations?seed_genres=" + urllib.parse.quote(genre) + "&limit=20", None, jwt)),
  ("MCP get_popular_now", lambda i: mcp("get_popular_now", {"kind": "tracks", "limit": 20})),
  ("MCP create_playlist (new requestId)", lambda i: mcp("create_playlist", {"name": "p%d" % i, "requestId": "r%d" % i})),
  ("MCP create_playlist (replayed)", lambda i: mcp("create_playlist", {"name": "p%d" % i, "requestId": "r%d" % i})),
  ("MCP taste_conversation_start", lambda i: mcp("taste_conversation_start", {})),
]
import urllib.parse
print("| call | n | p50 ms | p95 ms |\n|---|---:|---:|---:|")
for name, fn in cases:
    for i in range(10): fn(1000 + i)  # warm-up
    times = []
    for i in range(150):
        t = time.perf_counter(); out = fn(i); times.append((time.perf_counter() - t) * 1000)
        if isinstance(out, dict) and out.get("result", {}).get("isError"): print("ERROR", name, out); break
    times.sort()
    print("| %s | %d | %.1f | %.1f |" % (name, len(times), statistics.median(times), times[int(len(times) * 0.95) - 1]))
