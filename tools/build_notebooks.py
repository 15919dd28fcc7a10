"""Build the lesson notebooks from their sources in tools/lessons/NN_name.md.

A source is markdown; fenced ```python blocks become code cells (```python parameters marks the
parameters cell). Exercise blanks are written `...  # SOLUTION: <answer>`: the student notebook keeps
`...`, the solution notebook (solutions/) gets the answer. Then run `make store` to execute them.
tests/test_build_notebooks.py fails when a source has changed and its notebooks were not rebuilt.
"""

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tools" / "lessons"
FENCE = re.compile(r"^```python( parameters)?\n(.*?)^```\n", re.S | re.M)
SOLUTION = re.compile(r"\.\.\.(\s*)# SOLUTION: (.+)$", re.M)


def cells_from(text: str, solved: bool):
    cells, position = [], 0
    for match in FENCE.finditer(text):
        markdown = text[position : match.start()].strip()
        if markdown:
            cells.append(nbformat.v4.new_markdown_cell(markdown))
        code = match.group(2).rstrip("\n")
        code = SOLUTION.sub(
            (lambda m: m.group(2)) if solved else (lambda m: "..." + m.group(1) + "# your answer"), code
        )
        cell = nbformat.v4.new_code_cell(code)
        if match.group(1):
            cell.metadata["tags"] = ["parameters"]
        if "tt.widgets." in code:  # a live widget's output is a random model id: nbval cannot compare it
            cell.metadata["tags"] = ["nbval-ignore-output"]
        cells.append(cell)
        position = match.end()
    if text[position:].strip():
        cells.append(nbformat.v4.new_markdown_cell(text[position:].strip()))
    return cells


def build(source: Path, folder: Path, solved: bool) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = cells_from(source.read_text(encoding="utf-8"), solved)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for cell in notebook.cells:
        cell.pop("id", None)
    notebook.nbformat_minor = 4
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (source.stem + ".ipynb")
    nbformat.write(notebook, target)
    return target


def build_all(sources: Path, notebooks: Path, solutions: Path, chosen=()) -> list:
    """Build every lesson in `sources` (or those whose name starts with one of `chosen`); return the paths written."""
    written = []
    for source in sorted(sources.glob("[0-9][0-9]_*.md")):
        if chosen and not any(source.stem.startswith(c) for c in chosen):
            continue
        written.append(build(source, notebooks, solved=False))
        if SOLUTION.search(source.read_text(encoding="utf-8")):
            written.append(build(source, solutions, solved=True))
    return written


if __name__ == "__main__":
    for path in build_all(SOURCES, ROOT / "notebooks", ROOT / "solutions", sys.argv[1:]):
        print("built", path.relative_to(ROOT))
