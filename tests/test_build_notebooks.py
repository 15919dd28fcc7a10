"""The stored notebooks/ and solutions/ are what tools/build_notebooks.py makes from tools/lessons/*.md.

Only cell types, sources and tags are compared: outputs are compared by nbval (`make test`).
"""

import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_notebooks  # noqa: E402


def _cells(path: Path) -> list:
    """(cell type, source, tags) for every cell of a notebook file."""
    notebook = nbformat.read(path, as_version=4)
    return [(cell.cell_type, cell.source, list(cell.metadata.get("tags", []))) for cell in notebook.cells]


def differences(built: Path, stored: Path) -> list:
    """One line per notebook that is missing, extra, or differs in a cell between two folders."""
    built_names = {p.name for p in built.glob("*.ipynb")}
    stored_names = {p.name for p in stored.glob("*.ipynb")}
    found = [f"{name}: stored but not built" for name in sorted(stored_names - built_names)]
    found += [f"{name}: built but not stored" for name in sorted(built_names - stored_names)]
    for name in sorted(built_names & stored_names):
        new, old = _cells(built / name), _cells(stored / name)
        if len(new) != len(old):
            found.append(f"{name}: {len(new)} cells built, {len(old)} stored")
        found += [f"{name}: cell {i} differs" for i, (a, b) in enumerate(zip(new, old)) if a != b]
    return found


def _rebuild(sources: Path, into: Path) -> tuple:
    """Build every lesson in `sources` into `into`/notebooks and `into`/solutions."""
    notebooks, solutions = into / "notebooks", into / "solutions"
    build_notebooks.build_all(sources, notebooks, solutions)
    return notebooks, solutions


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    return _rebuild(build_notebooks.SOURCES, tmp_path_factory.mktemp("rebuilt"))


def test_stored_notebooks_are_built_from_their_lesson_sources(rebuilt):
    notebooks, _ = rebuilt
    assert len(list(notebooks.glob("*.ipynb"))) == len(list(build_notebooks.SOURCES.glob("[0-9][0-9]_*.md")))
    assert differences(notebooks, ROOT / "notebooks") == []


def test_stored_solutions_are_built_from_their_lesson_sources(rebuilt):
    _, solutions = rebuilt
    assert differences(solutions, ROOT / "solutions") == []


def test_rebuilt_parameters_and_widget_cells_carry_their_tags(rebuilt):
    notebooks, _ = rebuilt
    tags = [tag for path in notebooks.glob("*.ipynb") for _, _, cell_tags in _cells(path) for tag in cell_tags]
    assert tags.count("parameters") == len(list(notebooks.glob("*.ipynb")))
    assert "nbval-ignore-output" in tags


# A lesson source edited and not rebuilt: each planted change must show up as a difference.
PLANTED = {
    "a word of prose": ("## Key points", "## Key point"),
    "a line of code": ("events = tt.load_events(", "events = tt.load_events(  "),
    "a solution": ("# SOLUTION: ", "# SOLUTION: 1 + "),
    "the parameters tag": ("```python parameters\n", "```python\n"),
}


@pytest.mark.parametrize("planted", PLANTED, ids=list(PLANTED))
def test_a_lesson_edited_and_not_rebuilt_is_caught(tmp_path, planted):
    before, after = PLANTED[planted]
    sources = tmp_path / "lessons"
    shutil.copytree(build_notebooks.SOURCES, sources)
    lesson = sources / "02_soleimani_cycle.md"
    text = lesson.read_text(encoding="utf-8")
    assert before in text, f"the planted change no longer applies to {lesson.name}"
    lesson.write_text(text.replace(before, after, 1), encoding="utf-8")
    notebooks, solutions = _rebuild(sources, tmp_path / "built")
    found = differences(notebooks, ROOT / "notebooks") + differences(solutions, ROOT / "solutions")
    assert found and all(line.startswith("02_soleimani_cycle.ipynb: cell") for line in found), found
