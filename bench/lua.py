"""wrk scripts, generated per scenario: prepared requests rotate, generated ones get a unique
Idempotency-Key (and email) from a run nonce, the thread number and a counter; `done()` prints
the results as one JSON line. With a delay, each connection waits that long between requests
(how wrk holds a rate below the maximum): a random wait, so arrivals are not in lockstep."""

from __future__ import annotations

from bench.scenarios import UNIQUE, Generated, Prepared, Scenario

HOST = "127.0.0.1"
RESULT_MARK = "BENCH_JSON "

RUNTIME = r"""
local pos, counter = 0, 0
tid = tid or 0
local nonce = "n"

function setup(thread)
  __threads = (__threads or 0) + 1
  thread:set("tid", __threads)
end

function init(args)
  nonce = args[1] or "n"
  pos = tid * 7
  math.randomseed(tid)
end

function request()
  pos = pos + 1
  local kind = kinds[schedule[pos % #schedule + 1]]
  kind.i = kind.i % kind.n + 1
  if kind.static then
    return kind.static[kind.i]
  end
  counter = counter + 1
  local unique = nonce .. "-" .. tid .. "-" .. counter
  local body = string.format(kind.fmt, unique)
  return kind.heads[kind.i] .. "Idempotency-Key: " .. unique .. "\r\nContent-Length: " .. #body
    .. "\r\n\r\n" .. body
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,'
    .. '"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    "RESULT_MARK", summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
""".replace("RESULT_MARK", RESULT_MARK)


def lua_string(value: str | bytes) -> str:
    raw = value.encode() if isinstance(value, str) else value
    out = []
    for byte in raw:
        char = chr(byte)
        out.append(char if 32 <= byte < 127 and char not in '"\\' else f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def raw_head(method: str, path: str, headers: dict[str, str]) -> str:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", *(f"{k}: {v}" for k, v in headers.items())]
    return "\r\n".join(lines) + "\r\n"


def raw_request(request: Prepared) -> bytes:
    head = raw_head(request.method, request.path, request.headers)
    if request.body or request.method == "POST":
        head += f"Content-Length: {len(request.body)}\r\n"
    return (head + "\r\n").encode() + request.body


def _kind(kind: tuple[Prepared, ...] | Generated) -> str:
    if isinstance(kind, Generated):
        heads = ",\n    ".join(lua_string(raw_head("POST", kind.path, h)) for h in kind.heads)
        fmt = kind.body.replace("%", "%%").replace(UNIQUE.replace("%", "%%"), UNIQUE)
        return f"{{i = 0, n = {len(kind.heads)}, fmt = {lua_string(fmt)}, heads = {{\n    {heads}}}}}"
    static = ",\n    ".join(lua_string(raw_request(r)) for r in kind)
    return f"{{i = 0, n = {len(kind)}, static = {{\n    {static}}}}}"


def schedule(weights: list[int]) -> list[int]:
    """Kind numbers (1-based) spread evenly by weight: [2, 1] -> [1, 2, 1]."""
    slots = [(n / weight, index + 1) for index, weight in enumerate(weights) for n in range(weight)]
    return [index for _, index in sorted(slots)]


def script(scenario: Scenario, delay_ms: int | None = None) -> str:
    kinds = ",\n".join(_kind(kind) for _, kind in scenario.kinds)
    order = ", ".join(str(i) for i in schedule([w for w, _ in scenario.kinds]))
    text = f"kinds = {{\n{kinds}\n}}\nschedule = {{{order}}}\n{RUNTIME}"
    if delay_ms is not None:
        # random waits averaging delay_ms: arrivals spread out instead of in trains
        text += f"\nfunction delay()\n  return math.random(0, {2 * delay_ms})\nend\n"
    return text
