"""Sends one signed webhook over HTTP, to the address that passed the check, within bounded time."""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
import time
from dataclasses import dataclass

import httpx

from adapters.webhooks.targets import NetworkGuard, TargetRefused

USER_AGENT = "HKTE-Webhooks/1.0 (+https://api.hkte.gov.hk/docs)"


@dataclass(frozen=True, slots=True)
class SendResult:
    status_code: int | None
    error: str | None
    duration_ms: int


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect_s: float = 5.0
    read_s: float = 10.0

    @property
    def total_s(self) -> float:
        return self.connect_s + 2 * self.read_s  # send and answer, each bounded by read_s


class WebhookSender:
    def __init__(
        self,
        guard: NetworkGuard,
        timeouts: Timeouts,
        max_connections: int = 32,
        trust: ssl.SSLContext | None = None,  # the system's CAs unless given (tests bring their own)
    ) -> None:
        self.guard = guard
        self.timeouts = timeouts
        self.client = httpx.AsyncClient(
            verify=trust if trust is not None else True,
            timeout=httpx.Timeout(
                connect=timeouts.connect_s,
                read=timeouts.read_s,
                write=timeouts.read_s,
                pool=timeouts.connect_s,
            ),
            follow_redirects=False,
            # no connection reuse: connections are opened to a checked address and pooled by that
            # address, so a kept-alive TLS session verified for one host could carry another
            # host's delivery on the same address without its certificate being checked
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=0),
            trust_env=False,  # no proxy from the environment: the address we checked is where we go
        )

    async def close(self) -> None:
        await self.client.aclose()

    async def send(self, url: str, headers: dict[str, str], body: bytes) -> SendResult:
        started = time.monotonic()

        def done(status: int | None, error: str | None) -> SendResult:
            return SendResult(status, error, int((time.monotonic() - started) * 1000))

        try:
            target = await self.guard.resolve(url)
        except TargetRefused as exc:
            return done(None, f"refused: {exc.message}"[:200])
        address = target.addresses[0]
        connect_to = f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else str(address)
        pinned = target.url._replace(netloc=f"{connect_to}:{target.port}").geturl()
        default_port = target.port == (443 if target.url.scheme == "https" else 80)
        name = f"[{target.host}]" if ":" in target.host else target.host
        all_headers = {
            **headers,
            "Host": name if default_port else f"{name}:{target.port}",
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
        }
        try:
            async with asyncio.timeout(self.timeouts.total_s):
                request = self.client.build_request(
                    "POST",
                    pinned,
                    headers=all_headers,
                    content=body,
                    extensions={"sni_hostname": target.host},
                )
                response = await self.client.send(request, stream=True)
                await response.aclose()  # the answer's body is not ours to read or keep
            return done(response.status_code, None)
        except (TimeoutError, httpx.TimeoutException):
            return done(None, "timeout")
        except httpx.ConnectError as exc:
            return done(None, f"connection failed: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return done(None, f"HTTP error: {type(exc).__name__}")
        except (ValueError, OSError) as exc:  # e.g. a header our HTTP client cannot send
            return done(None, f"could not send: {type(exc).__name__}")
