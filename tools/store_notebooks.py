"""Execute the lessons and their solutions in place, top to bottom, and keep their metadata lean (`make store`).

Run after changing the library or the data; commit the notebooks it rewrites.
"""

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from titfortat.static_html import without_live_widgets

ROOT = Path(__file__).resolve().parents[1]
# Solutions are stored executed too, so an instructor reads every answer's output without running anything.
FOLDERS = [ROOT / "notebooks", ROOT / "solutions"]
KEEP_CELL_METADATA = {"tags"}


def clean(notebook):
    notebook = without_live_widgets(notebook)  # a widget's model id is random and its state is not stored
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for cell in notebook.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        cell.pop("id", None)
    notebook.nbformat, notebook.nbformat_minor = 4, 4
    return notebook


def store(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    nbformat.write(clean(notebook), path)
    return str(path.resolve().relative_to(ROOT))


if __name__ == "__main__":
    paths = [Path(p) for p in sys.argv[1:]] or [
        p for folder in FOLDERS for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    ]
    with ProcessPoolExecutor(max_workers=2) as pool:
        for name in pool.map(store, paths):
            print("stored", name)
