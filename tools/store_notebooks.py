"""Execute the lessons and their solutions in place, top to bottom, and keep their metadata lean (`make store`).

Run after changing the library or the data; commit the notebooks it rewrites.
"""

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
# Solutions are stored executed too, so an instructor reads every answer's output without running anything.
FOLDERS = [ROOT / "notebooks", ROOT / "solutions"]
KEEP_CELL_METADATA = {"tags"}
WIDGET = "application/vnd.jupyter.widget-view+json"
# Stored in place of a live widget, whose model id is random and whose state we do not store.
WIDGET_NOTE = (
    "Interactive widget: run this cell in a live notebook to use it; the static figure above shows the same data."
)


def clean(notebook):
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for cell in notebook.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        cell.pop("id", None)
        for output in cell.get("outputs", []):
            if WIDGET in output.get("data", {}):
                output["data"] = {"text/plain": WIDGET_NOTE}
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
