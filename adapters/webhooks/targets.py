"""Where webhooks may go: a check against server-side request forgery (SSRF).

A URL is accepted only if every address its host resolves to is a public one: loopback, private,
link-local (which holds the cloud metadata address 169.254.169.254), shared, multicast, reserved
and unspecified addresses are refused, at subscription time and again before every delivery
(a name can be re-pointed in between). The delivery then connects to the checked address
itself, so the name cannot be resolved differently a second time. Networks listed in the
`WEBHOOK_ALLOW_NETWORKS` setting are exempt (a local receiver in tests or `make run`), and only
there is plain http accepted.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import socket
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from domain.errors import InvalidValue

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_RESOLVERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="webhook-dns")
log = logging.getLogger("hkte.webhooks")
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(spec: str) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


@dataclass(frozen=True, slots=True)
class Target:
    url: SplitResult
    host: str
    port: int
    addresses: tuple[IPAddress, ...]


def _unwrapped(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address):
        for embedded in (address.ipv4_mapped, address.sixtofour):
            if embedded is not None:
                return embedded
    return address


def is_public(address: IPAddress) -> bool:
    address = _unwrapped(address)
    site_local = isinstance(address, ipaddress.IPv6Address) and address.is_site_local
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified or site_local
    )


class TargetRefused(InvalidValue):
    def __init__(self, message: str) -> None:
        super().__init__("url", message)


class NetworkGuard:
    def __init__(self, allowed: Iterable[IPNetwork] = (), resolve_timeout_s: float = 5.0) -> None:
        self.allowed = tuple(allowed)
        self.resolve_timeout_s = resolve_timeout_s

    def _allowed(self, address: IPAddress) -> bool:
        address = _unwrapped(address)
        return any(address.version == net.version and address in net for net in self.allowed)

    async def check(self, url: str) -> None:
        await self.resolve(url)

    async def resolve(self, url: str) -> Target:
        try:
            parts = urlsplit(url)
            port = parts.port if parts.port is not None else (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise TargetRefused(f"not a valid URL: {exc}") from exc
        if port == 0:
            raise TargetRefused("port 0 is not a port to deliver to")
        if parts.scheme not in ("https", "http"):
            raise TargetRefused("use an https:// URL")
        if not parts.hostname:
            raise TargetRefused("the URL names no host")
        if parts.username is not None or parts.password is not None:
            raise TargetRefused("credentials in the URL are not accepted; authenticate by the signature")
        if parts.fragment:
            raise TargetRefused("a URL with a #fragment is not accepted")
        try:  # the name as DNS and TLS know it (IDNA), e.g. xn--bcher-kva.de for bücher.de
            host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise TargetRefused("the host name is not a valid internationalised domain name") from exc
        addresses = await self._addresses(host, port)
        if any(not is_public(a) and not self._allowed(a) for a in addresses):
            # which address it was stays here: a partner must not learn our internal DNS
            log.info("webhook URL refused: %s resolves to a non-public address", host)
            raise TargetRefused(
                "the host resolves to an address that is not public "
                "(loopback, private, link-local and metadata addresses are refused)"
            )
        if parts.scheme == "http" and not all(self._allowed(a) for a in addresses):
            raise TargetRefused("use an https:// URL")
        return Target(parts, host, port, addresses)

    async def _addresses(self, host: str, port: int) -> tuple[IPAddress, ...]:
        try:
            return (ipaddress.ip_address(host),)
        except ValueError:
            pass
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.resolve_timeout_s):
                # a pool of its own: lookups that never answer must not take the threads the
                # rest of the process (the database driver's own lookups) relies on
                infos = await loop.run_in_executor(
                    _RESOLVERS, functools.partial(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
                )
        except (TimeoutError, OSError, UnicodeError) as exc:
            raise TargetRefused(f"{host} does not resolve") from exc
        found = tuple(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        if not found:
            raise TargetRefused(f"{host} does not resolve")
        return found
