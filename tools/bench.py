"""`make bench`: how much the lessons cost beyond starting their kernels.

(a) nbval over all lessons / nbval over as many one-cell floor notebooks (import pandas, plotly.express, titfortat)
(b) `python -m titfortat.rerun` over all lessons / papermill over the floor notebooks, same parallelism
(c) a lesson's set-up (`import titfortat`, then its figures module and the data, which load on first use)
    / `import pandas, plotly.express`, best of 5 fresh interpreters
Prints the ratios and writes them into the README's performance section.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bench"
PY = sys.executable
JOBS = str(os.cpu_count() or 2)


def seconds(command: list[str], repeat: int = 3) -> float:
    """Best of `repeat` wall times: single runs on a 2-core machine vary by 15% or more."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def best_import(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True) for _ in range(5)]
    return min(float(run.stdout) for run in runs)


def floor_notebooks(count: int) -> list[Path]:
    BUILD.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        notebook = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("import pandas, plotly.express, titfortat")
        cell.metadata["tags"] = ["parameters"]
        cell.outputs, cell.execution_count = [], 1
        notebook.cells = [cell]
        notebook.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        path = BUILD / f"{i:02d}_floor.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def main():
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    floors = floor_notebooks(len(lessons))
    pytest = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "-n", JOBS, "--dist", "loadfile"]
    a = seconds(pytest + [str(p) for p in lessons]) / seconds(pytest + [str(p) for p in floors])
    floor_run = [
        PY,
        "-c",
        "import sys, titfortat.rerun as r; from pathlib import Path; "
        "runs = [r.Run(Path(p), {}, Path(p).with_name('out_' + Path(p).name)) for p in sys.argv[1:]]; "
        "r.run_all(runs, " + JOBS + ")",
        *map(str, floors),
    ]
    b = seconds([PY, "-m", "titfortat.rerun", "--jobs", JOBS]) / seconds(floor_run)
    # titfortat loads its modules on first use, so time what a lesson's first cell makes it load.
    setup = "import titfortat as tt; tt.figures; tt.load_events()"
    c = best_import(setup) / best_import("import pandas, plotly.express")
    lines = [
        f"- (a) nbval over the lessons / floor: {a:.2f} (target 1.3)",
        f"- (b) rerun of the lessons / papermill on the floor: {b:.2f} (target 1.3)",
        f"- (c) import titfortat with figures and data loaded / import pandas, plotly.express: {c:.2f} (target 1.2)",
    ]
    print("\n".join(lines))
    readme = ROOT / "README.md"
    section = "## Performance\n\nMeasured by `make bench` on a 2-core machine:\n\n" + "\n".join(lines) + "\n"
    text = readme.read_text()
    text = (
        re.sub(r"## Performance\n.*?(?=\n## |\Z)", section, text, flags=re.S)
        if "## Performance" in text
        else text.rstrip() + "\n\n" + section
    )
    readme.write_text(text)


if __name__ == "__main__":
    main()
