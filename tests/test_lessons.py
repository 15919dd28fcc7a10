"""The lesson sources: every exercise's solution passes its check, and every blank gets a hint."""

import re
from pathlib import Path

import pytest
import titfortat as tt

SOURCES = sorted((Path(__file__).resolve().parents[1] / "tools" / "lessons").glob("[0-9][0-9]_*.md"))
EXERCISE = re.compile(r'answer = \.\.\.\s*# SOLUTION: (.+)\ntt\.check\("([0-9.]+)"')
CASES = [(m.group(2), m.group(1)) for source in SOURCES for m in EXERCISE.finditer(source.read_text())]


def test_every_lesson_after_the_first_has_three_exercises():
    for source in SOURCES[1:]:
        assert len(EXERCISE.findall(source.read_text())) >= 3, source.name


@pytest.mark.parametrize("exercise, solution", CASES, ids=[c[0] for c in CASES])
def test_solution_passes_and_blank_fails_with_a_hint(exercise, solution):
    from titfortat.exercises import EXERCISES

    events = tt.load_events(period=EXERCISES[exercise].period)
    answer = eval(solution, {"events": events, "wave": events, "tt": tt})
    assert tt.check(exercise, answer, events).passed
    blank = tt.check(exercise, ..., events)
    assert not blank.passed and "replace" in blank.message


def test_every_lesson_has_objectives_discussion_and_key_points():
    for source in SOURCES[1:]:
        text = source.read_text()
        for heading in ["Learning objectives", "## Discussion questions", "## Key points", "```python parameters"]:
            assert heading in text, (source.name, heading)


def _stored_checks(folder):
    """(notebook, exercise, stored plain-text output) for every check cell stored in a folder."""
    import json

    root = Path(__file__).resolve().parents[1] / folder
    for path in sorted(root.glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            source = "".join(cell["source"])
            found = re.search(r'tt\.check\("([0-9.]+)"', source) if cell["cell_type"] == "code" else None
            if found:
                text = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))
                yield path.name, found.group(1), text


def test_stored_solutions_show_every_check_passed():
    stored = list(_stored_checks("solutions"))
    assert len(stored) == len(CASES)
    assert [(name, exercise) for name, exercise, text in stored if not text.startswith("PASS")] == []


def test_stored_student_notebooks_show_a_hint_on_every_blank():
    stored = [(exercise, text) for _, exercise, text in _stored_checks("notebooks") if exercise in dict(CASES)]
    assert len(stored) == len(CASES)
    assert [exercise for exercise, text in stored if "replace the `...`" not in text] == []
