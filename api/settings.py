"""Settings: parsed from the environment once, in create_app() or by the CLI. `.env.example`
lists every variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Annotated

import msgspec
from msgspec import Meta

from adapters.db.database import PoolSettings
from adapters.webhooks.targets import IPNetwork, parse_networks
from domain.quotas import Quota
from domain.webhooks import RetryPolicy

Port = Annotated[int, Meta(ge=1, le=65535)]
Positive = Annotated[int, Meta(ge=1)]
Seconds = Annotated[float, Meta(gt=0, le=300)]


class SettingsError(ValueError):
    pass


# scheme://host[:port] exactly as browsers send it in Origin (no path, no wildcard, no "null")
_ORIGIN = re.compile(
    r"^https?://([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$"
)


class Settings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: Port = 8000
    workers: Annotated[int, Meta(ge=1, le=64)] = 1
    public_base_url: str | None = None
    log_level: str = "INFO"
    max_body_bytes: Positive = 1_048_576
    # a worker serves many requests at once: a pool that fits them opens no connection per request
    db_pool_size: Positive = 20
    db_max_overflow: Annotated[int, Meta(ge=0)] = 10
    db_pool_timeout_seconds: Seconds = 5.0
    db_connect_timeout_seconds: Seconds = 5.0
    db_statement_timeout_ms: Positive = 5000
    hkte_data_dir: str | None = None
    hkte_server_secret: str | None = None
    token_lifetime_seconds: Annotated[int, Meta(ge=60, le=3600)] = 900
    auth_refresh_seconds: Annotated[float, Meta(ge=0, le=60)] = 5.0
    # PDPO DPP2: personal data of a lead is kept this long after consent, then erased
    lead_retention_days: Annotated[int, Meta(ge=1, le=3650)] = 730
    # webhooks: addresses exempt from the SSRF check (comma-separated CIDRs; e.g. a local receiver)
    webhook_allow_networks: str = ""
    webhook_connect_timeout_seconds: Seconds = 5.0
    webhook_read_timeout_seconds: Seconds = 10.0
    webhook_retry_base_seconds: Annotated[float, Meta(gt=0, le=3600)] = 30.0
    webhook_retry_max_delay_seconds: Annotated[float, Meta(gt=0, le=86400)] = 43200.0
    webhook_retry_window_hours: Annotated[float, Meta(gt=0, le=720)] = 72.0
    webhook_secret_grace_hours: Annotated[float, Meta(ge=0, le=168)] = 24.0
    webhook_concurrency: Annotated[int, Meta(ge=1, le=256)] = 16
    webhook_poll_seconds: Annotated[float, Meta(gt=0, le=60)] = 2.0
    webhook_retention_days: Annotated[int, Meta(ge=4, le=3650)] = 30
    # requests per minute per OAuth client, by the tier admins set on the client
    rate_limit_standard_per_minute: Positive = 600
    rate_limit_elevated_per_minute: Positive = 3000
    rate_limit_bulk_per_minute: Positive = 12000
    # the token endpoint: per client id and per source address
    token_rate_limit_per_client_per_minute: Positive = 60
    token_rate_limit_per_address_per_minute: Positive = 300
    # Browser origins allowed to call the API (comma-separated, exact); empty: no CORS at all
    cors_allowed_origins: str = ""

    def __post_init__(self) -> None:
        try:
            self.webhook_networks  # noqa: B018 (parsed here so a bad value fails at start)
        except ValueError as exc:
            raise ValueError(f"WEBHOOK_ALLOW_NETWORKS: {exc}") from exc
        for origin in self.cors_origins:
            if not _ORIGIN.match(origin):
                raise ValueError(
                    f"CORS_ALLOWED_ORIGINS: {origin!r} is not an origin such as https://crm.example.org"
                )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        environ = os.environ if environ is None else environ
        raw: dict[str, object] = {
            name: environ[name.upper()] for name in cls.__struct_fields__ if environ.get(name.upper())
        }
        raw.update(overrides)
        try:
            return msgspec.convert(raw, cls, strict=False)
        except msgspec.ValidationError as exc:
            raise SettingsError(f"invalid setting: {exc} (environment variables are upper case)") from exc

    @property
    def cors_origins(self) -> tuple[str, ...]:
        return tuple(o.strip().rstrip("/") for o in self.cors_allowed_origins.split(",") if o.strip())

    @property
    def https(self) -> bool:
        """Clients reach the API over TLS (a proxy in front terminates it): send HSTS."""
        return self.base_url.startswith("https://")

    @property
    def base_url(self) -> str:
        """Where clients reach the API; the OAuth issuer identifier derives from it."""
        return (self.public_base_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def issuer(self) -> str:
        """OAuth issuer identifier (RFC 8414); also the audience of private_key_jwt assertions."""
        return self.base_url

    @property
    def audience(self) -> str:
        """`aud` of our access tokens: the resource server, i.e. the /v1 API."""
        return self.base_url + "/v1"

    @property
    def quotas(self) -> dict[str, Quota]:
        """The quota of each rate-limit tier (`RateLimitTier` values), per minute."""
        return {
            "standard": Quota("standard", self.rate_limit_standard_per_minute, 60),
            "elevated": Quota("elevated", self.rate_limit_elevated_per_minute, 60),
            "bulk": Quota("bulk", self.rate_limit_bulk_per_minute, 60),
        }

    @property
    def token_quotas(self) -> tuple[Quota, Quota]:
        """The token endpoint's quotas: per source address, per client id (from an address)."""
        return (
            Quota("token-address", self.token_rate_limit_per_address_per_minute, 60),
            Quota("token-client", self.token_rate_limit_per_client_per_minute, 60),
        )

    @property
    def webhook_networks(self) -> tuple[IPNetwork, ...]:
        return parse_networks(self.webhook_allow_networks)

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            base=timedelta(seconds=self.webhook_retry_base_seconds),
            cap=timedelta(seconds=self.webhook_retry_max_delay_seconds),
            window=timedelta(hours=self.webhook_retry_window_hours),
        )

    @property
    def pool(self) -> PoolSettings:
        return PoolSettings(
            size=self.db_pool_size,
            max_overflow=self.db_max_overflow,
            acquire_timeout_s=self.db_pool_timeout_seconds,
            connect_timeout_s=self.db_connect_timeout_seconds,
            statement_timeout_ms=self.db_statement_timeout_ms,
        )
