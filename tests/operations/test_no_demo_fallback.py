"""Issue 17, item 9: production never falls back to the demo. The guide's commands, run
without DATABASE_URL as an operator might (an environment file that did not load),
refuse and name the setting; only demo mode, said explicitly, starts the embedded
database. The guide's environment files work as printed with `. file` and systemd."""

import re
import subprocess
import sys

import pytest

from tests.operations.conftest import BASE_DIR, production_env

GUIDE = BASE_DIR / "docs" / "operations.md"


def without_database(**overrides) -> dict[str, str]:
    env = production_env(**overrides)
    env.pop("DATABASE_URL")
    env.pop("DATABASE_OWNER_URL", None)
    return env


@pytest.mark.parametrize(
    "command",
    [
        ["manage.py", "migrate"],
        ["manage.py", "migrate", "--no-input"],
        ["manage.py", "createsuperuser", "--no-input", "--username", "admin"],
        ["manage.py", "sync_protocols"],
        ["manage.py", "check", "--deploy"],
        ["manage.py", "backup", "/tmp/never-written.dump"],
        ["manage.py", "send_due_alerts"],
    ],
    ids=lambda command: " ".join(command[1:2]),
)
def test_a_command_without_database_url_refuses_and_names_it(command, tmp_path):
    result = subprocess.run(
        [sys.executable, *command],
        cwd=BASE_DIR,
        env=without_database(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr
    # No embedded cluster was started for it.
    assert "Embedded PostgreSQL" not in result.stdout + result.stderr


def test_gunicorn_with_production_settings_refuses_without_database_url(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=without_database(BIND="127.0.0.1:0", WEB_CONCURRENCY="1", STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_migrate_without_the_owner_url_refuses_and_names_it():
    env = production_env()  # the app servers' file: DATABASE_URL only
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DATABASE_OWNER_URL is not set" in result.stderr


def environment_files() -> list[str]:
    """The guide's environment files: the sh blocks after '`/etc/ecrf/…env`' headings."""
    text = GUIDE.read_text()
    blocks = re.findall(r"`/etc/ecrf/[\w-]+\.env`[^\n]*\n(?:[^\n]*\n)*?```sh\n(.*?)```", text, re.S)
    assert len(blocks) == 2, "the guide prints ecrf.env and ecrf-owner.env"
    return blocks


def test_the_guides_environment_files_load_in_a_shell(tmp_path):
    for number, block in enumerate(environment_files()):
        path = tmp_path / f"ecrf-{number}.env"
        path.write_text(block)
        names = re.findall(r"^([A-Z_]+)=", block, re.M)
        script = f"set -a; . {path}; set +a; " + "; ".join(
            f'printf "%s=%s\\n" {name} "${name}"' for name in names
        )
        loaded = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=10)
        assert loaded.returncode == 0 and loaded.stderr == "", loaded.stderr
        values = dict(line.split("=", 1) for line in loaded.stdout.splitlines())
        for name in names:
            assert values[name], f"{name} is empty after `. file`"
        for name in ("DATABASE_URL", "DATABASE_OWNER_URL"):
            if name in values:
                # The whole URL, its TLS settings after the `&` included.
                assert values[name].endswith("&sslrootcert=/etc/ecrf/db-ca.pem"), values[name]


def systemd_value(raw: str) -> str:
    """What systemd's EnvironmentFile= makes of a value: quotes removed when the whole
    value is quoted; otherwise taken as it is, up to the end of the line (systemd allows
    no comment after a value, and an unquoted # would be kept in it)."""
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    return raw


def test_the_guides_environment_files_read_the_same_under_systemd():
    for block in environment_files():
        for line in block.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue  # a comment on a line of its own: fine for both readers
            name, raw = line.split("=", 1)
            value = systemd_value(raw)
            # What a shell would read differently: a trailing comment, an unquoted space,
            # &, ;, $ or a quote inside the value.
            if value == raw:
                assert not re.search(r"[\s#&;$'\"()<>|`\\]", raw), line
            assert "  #" not in value and not value.endswith(" "), line
