from __future__ import annotations

import pytest

from api.settings import Settings, SettingsError


def test_settings_come_from_upper_case_environment_variables() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql://u@h/db",
            "PORT": "9000",
            "HOST": "0.0.0.0",
            "DB_POOL_SIZE": "3",
            "UNRELATED": "x",
        }
    )
    assert settings.port == 9000
    assert settings.pool.size == 3
    assert settings.database_url == "postgresql://u@h/db"


def test_the_issuer_base_url_defaults_to_host_and_port_and_can_be_set() -> None:
    assert Settings.from_env({}).base_url == "http://127.0.0.1:8000"
    assert (
        Settings.from_env({"PUBLIC_BASE_URL": "https://api.example.org/"}).base_url
        == "https://api.example.org"
    )


@pytest.mark.parametrize(("name", "value"), [("PORT", "eighty"), ("PORT", "70000"), ("DB_POOL_SIZE", "0")])
def test_a_bad_setting_is_refused_with_its_name(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name.lower()):
        Settings.from_env({name: value})


def test_oauth_error_descriptions_keep_only_what_rfc_6749_allows() -> None:
    from adapters.oauth.service import safe_text

    assert safe_text('scope, "é"\\') == "scope, ????"
    assert len(safe_text("x" * 1000)) == 200


def test_lead_retention_is_configurable_and_bounded() -> None:
    assert Settings.from_env({"LEAD_RETENTION_DAYS": "30"}).lead_retention_days == 30
    with pytest.raises(SettingsError):
        Settings.from_env({"LEAD_RETENTION_DAYS": "0"})
