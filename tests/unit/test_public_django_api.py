"""Only Django's documented API (issue 20, item 4): the project's code reads none of
Django's private names, so that the next Django release does not break it unseen.

A private name is one Django itself defines with a leading underscore (an attribute, a
method, a module-level name), read, assigned or imported by the project's code, or a
method of Django's that the project replaces (a compiler's `as_sql`). Allowed, as Django
documents them: `Model._meta`, `_state`, `_default_manager`, `_base_manager`, and
gettext's `_`. A name the project defines itself (its own `self._cache`) is its own.
"""

import ast
import functools
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
CODE = ["ecrf", "studies", "bench"]
DOCUMENTED = {"_meta", "_state", "_default_manager", "_base_manager", "_"}
# Public names that are not Django's to be replaced or reached through.
REPLACED = {"as_sql", "get_compiler", "execute_sql"}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in DOCUMENTED


def _defined_names(tree: ast.AST) -> set[str]:
    """The underscore names a module defines: functions, classes, attributes it assigns
    on itself (self._x = ..., not another object's), module and class level names."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")
        ):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {name for name in names if _is_private(name)}


def _django_imports(tree: ast.AST) -> set[str]:
    """The names a module imports from Django (`admin`, `ModelAdmin`, `django`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django"):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.startswith("django")
            }
    return names


def _has_django_base(cls: ast.ClassDef, django_imports: set[str]) -> bool:
    for base in cls.bases:
        while isinstance(base, ast.Attribute):
            base = base.value
        if isinstance(base, ast.Name) and base.id in django_imports:
            return True
    return False


def _project_files() -> list[Path]:
    files = []
    for top in CODE:
        files += [p for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts]
    return sorted(files)


@functools.cache
def _django_private_names() -> frozenset[str]:
    names = set()
    for path in Path(django.__file__).parent.rglob("*.py"):
        try:
            names |= _defined_names(ast.parse(path.read_bytes()))
        except SyntaxError:  # Django's project templates (*.py-tpl are not .py; safety)
            continue
    return frozenset(names)


def _violations(path: Path, django_names: frozenset[str], ours: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(), str(path))
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django"):
            found += [
                f"{where}:{node.lineno}: from {node.module} import {alias.name}"
                for alias in node.names
                if _is_private(alias.name) or any(map(_is_private, node.module.split(".")))
            ]
        elif isinstance(node, ast.Import):
            found += [
                f"{where}:{node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.startswith("django") and any(map(_is_private, alias.name.split(".")))
            ]
        elif isinstance(node, ast.Attribute):
            name = node.attr
            if _is_private(name) and name in django_names and name not in ours:
                found.append(f"{where}:{node.lineno}: .{name}")
            elif name in REPLACED and isinstance(node.ctx, ast.Store):
                found.append(f"{where}:{node.lineno}: .{name} replaced")
            elif name == "get_compiler" and ast.unparse(node.value).endswith("query"):
                found.append(f"{where}:{node.lineno}: .query.get_compiler")
        elif isinstance(node, ast.FunctionDef) and node.name in REPLACED:
            found.append(f"{where}:{node.lineno}: def {node.name}")
    return found


def test_the_code_uses_none_of_djangos_private_names():
    files = _project_files()
    trees = {path: ast.parse(path.read_text(), str(path)) for path in files}
    ours = set().union(*map(_defined_names, trees.values()))
    # A name that Django defines as well is still Django's when a subclass of one of
    # Django's classes overrides it (def _get_session_from_db in a session store).
    django_names = _django_private_names()
    overridden = [
        f"{path.relative_to(ROOT)}:{node.lineno}: def {node.name} (overrides Django's)"
        for path, tree in trees.items()
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef) and _has_django_base(cls, _django_imports(tree))
        for node in cls.body
        if isinstance(node, ast.FunctionDef)
        and _is_private(node.name)
        and node.name in django_names
    ]
    found = [line for path in files for line in _violations(path, django_names, ours)]
    assert sorted(found) + sorted(overridden) == [], "\n".join(sorted(found) + sorted(overridden))


def test_the_check_finds_what_it_forbids(tmp_path):
    # The check itself: each kind of private use is found in a module that has them.
    sample = ROOT / "ecrf" / "_sample_for_the_check.py"
    sample_text = (
        "from django.db.models.query import _pickle\n"
        "qs._iterable_class = x\n"
        "compiler = qs.query.get_compiler(using='default')\n"
        "compiler.as_sql = lambda: ('', ())\n"
        "rows = qs._result_cache\n"
        "opts = Model._meta\n"
    )
    path = tmp_path / "sample.py"
    path.write_text(sample_text)
    found = [line.split(": ", 1)[1] for line in _violations_at(path, _django_private_names())]
    assert found == [
        "from django.db.models.query import _pickle",
        "._iterable_class",
        ".query.get_compiler",
        ".as_sql replaced",
        "._result_cache",
    ]
    assert not sample.exists()


def _violations_at(path: Path, django_names: frozenset[str]) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return sorted(
            _violations(path, django_names, set()), key=lambda line: int(line.split(":")[1])
        )
    finally:
        ROOT = saved
