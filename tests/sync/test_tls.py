"""`sync.ca_file`: a chain's private CA, trusted for the server's certificate (real TLS on
loopback, certificates made by openssl), and refused at config load when it cannot be used."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import pytest

from foundation.errors import ConfigError
from signage.cli import main
from signage.config import load_config
from signage.sync.client import ServerUnreachable, enrol
from signage.sync.identity import SyncPaths, load_identity
from tests.sync.conftest import TEST_SETTINGS
from tests.sync.contract_server import ContractServer


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory) -> dict[str, Path]:
    """A private CA and a server certificate for 127.0.0.1 signed by it."""
    folder = tmp_path_factory.mktemp("private-ca")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Test Chain Private CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
             "-subj", "/CN=127.0.0.1", cwd=folder)
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=folder)
    return {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "server.key"}


@pytest.fixture
def tls_fleet(private_ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(private_ca["cert"], private_ca["key"])
    server = ContractServer(ssl_context=context)
    yield server
    server.stop()


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


def test_a_server_with_a_private_ca_certificate_is_trusted_through_ca_file(tls_fleet, private_ca, tmp_path, capsys):
    config = _config(tmp_path, f"sync:\n  ca_file: {private_ca['ca']}\n")
    paths = SyncPaths((tmp_path / "kiosk" / "signage.db").absolute())
    code = main(["sync", "enrol", "--server", tls_fleet.url, "--code", "ENROL-CODE-1", "--db", str(paths.database),
                 "--config", str(config)])
    assert code == 0, capsys.readouterr().err
    assert load_identity(paths.identity).server_url.startswith("https://127.0.0.1:")


def test_without_ca_file_the_private_ca_is_not_trusted(tls_fleet):
    with pytest.raises(ServerUnreachable, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        enrol(tls_fleet.url, "ENROL-CODE-1", "kiosk", TEST_SETTINGS)
    assert tls_fleet.enrol_codes == {"ENROL-CODE-1"}  # nothing reached the server


@pytest.mark.parametrize("value, words", [
    ("/nowhere/chain-ca.pem", "cannot read (No such file or directory)"),
    ("relative/ca.pem", "expected an absolute path"),
    ("{not_pem}", "no PEM certificate in it"),
])
def test_a_ca_file_that_cannot_be_used_is_a_one_line_config_error_naming_the_key(tmp_path, value, words):
    not_pem = tmp_path / "not-a-certificate.pem"
    not_pem.write_text("hello\n")
    config = _config(tmp_path, f"sync:\n  ca_file: {value.format(not_pem=not_pem)}\n")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    message = str(error.value)
    assert message.startswith(f"{config}: sync: ca_file: ") and words in message and "\n" not in message


def test_a_broken_certificate_in_ca_file_is_refused_at_load(tmp_path):
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
    with pytest.raises(ConfigError, match="not a usable PEM certificate bundle"):
        load_config(_config(tmp_path, f"sync:\n  ca_file: {broken}\n"))
