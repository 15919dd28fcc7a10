"""The public surface follows the rule in the package docstring: a function that returns a table is `tt.x`
(outside the one-lesson modules), as are the named entry points; every module is `tt.<module>`; and
`import titfortat` loads nothing heavy."""

import ast
import subprocess
import sys
from pathlib import Path

import titfortat as tt

PACKAGE = Path(tt.__file__).parent
TABLES = {"pd.DataFrame", "pd.Series", "tuple[pd.DataFrame, pd.DataFrame]"}
ENTRY_POINTS = {"check", "parameters", "glossary", "who", "attack_types", "CYCLES", "DataError", "ParameterError"}


def _table_functions() -> dict[str, str]:
    """Public functions annotated to return a table, name -> defining module, read from the source."""
    found = {}
    for path in sorted(PACKAGE.glob("*.py")):
        if path.stem in tt._LESSON_MODULES or path.stem == "__init__":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and ast.unparse(node.returns) in TABLES
            ):
                assert node.name not in found, f"{node.name} is defined in {found[node.name]} and {path.stem}"
                found[node.name] = path.stem
    return found


def test_top_level_names_are_the_table_functions_and_the_entry_points():
    expected = _table_functions()
    assert {k: v for k, v in tt._FUNCTIONS.items() if k not in ENTRY_POINTS} == expected
    assert ENTRY_POINTS <= set(tt._FUNCTIONS)


def test_every_top_level_name_resolves_to_the_object_its_module_defines():
    for name, module in tt._FUNCTIONS.items():
        assert getattr(tt, name) is getattr(getattr(tt, module), name), name


def test_every_module_is_reachable_as_an_attribute():
    assert tt._MODULES == {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}


def test_import_titfortat_does_not_import_pandas_or_plotly():
    code = "import sys, titfortat; print(sorted(m for m in ('pandas', 'plotly', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
