"""The sender connects to the address it checked, yet verifies TLS for the host in the URL: a
certificate for that name (from a CA we trust) is accepted over the pinned address, and one for
another name is refused, with nothing delivered."""

from __future__ import annotations

import datetime as dt
import ssl
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from adapters.webhooks.sender import Timeouts, WebhookSender
from adapters.webhooks.targets import NetworkGuard, parse_networks

NOW = dt.datetime.now(dt.UTC)


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(
    subject: str,
    issuer_key: ec.EllipticCurvePrivateKey,
    issuer: str,
    key: ec.EllipticCurvePrivateKey,
    *,
    ca: bool,
    names: list[str],
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(minutes=5))
        .not_valid_after(NOW + dt.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


@contextmanager
def https_receiver(ca_key: ec.EllipticCurvePrivateKey, served_name: str) -> Iterator[tuple[int, list[bytes]]]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(served_name, ca_key, "pytest CA", key, ca=False, names=[served_name])
    folder = Path(tempfile.mkdtemp(prefix="hkte-tls-"))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    received: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], received
    finally:
        server.shutdown()
        server.server_close()


def _trust(ca: x509.Certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    return context


async def test_tls_is_verified_for_the_url_host_over_the_pinned_address() -> None:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("pytest CA", ca_key, "pytest CA", ca_key, ca=True, names=[])
    guard = NetworkGuard(parse_networks("127.0.0.0/8"))  # `localhost` resolves to 127.0.0.1 here
    sender = WebhookSender(guard, Timeouts(2, 2), trust=_trust(ca))
    try:
        with https_receiver(ca_key, "localhost") as (port, received):
            good = await sender.send(f"https://localhost:{port}/hook", {}, b'{"ok":true}')
        with https_receiver(ca_key, "other.example") as (port, refused_body):
            bad = await sender.send(f"https://localhost:{port}/hook", {}, b'{"ok":false}')
    finally:
        await sender.close()
    assert (good.status_code, good.error) == (204, None)
    assert received == [b'{"ok":true}']
    assert bad.status_code is None
    # the same server but a certificate for another name: no TLS session, nothing sent
    assert bad.error == "connection failed: ConnectError"
    assert refused_body == []
