"""Rerun the lessons with papermill: `python -m titfortat.rerun [NOTEBOOK ...] [-p NAME VALUE] [--sweep NAME V1,V2]`.

Executed notebooks and a static HTML copy of each go under build/rerun/ (or --out DIR); notebooks/ and data/ are
never written. Ctrl-C cancels what has not started, stops the running kernels, removes their partial outputs,
prints what finished and exits with status 130.
"""

from __future__ import annotations

import argparse
import ast
import json
import multiprocessing
import os
import re
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .paths import BUILD, NOTEBOOKS, ROOT
from .static_html import write_html


class RunError(ValueError):
    """A run names a notebook or a parameter that does not exist; the message lists the choices."""


@dataclass
class Run:
    notebook: Path
    parameters: dict = field(default_factory=dict)
    output: Path | None = None
    seconds: float = 0.0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def find_notebooks(names: list[str], folder: Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks named (by file name, stem or number prefix such as '02'), or all of them.

    Parameters
    ----------
    names : list of str
        Notebook names, stems or number prefixes; empty for all.
    folder : Path
        Where the notebooks are, or go.

    Returns
    -------
    list of Path
        The notebooks, in the order named; RunError (a ValueError) lists the choices for a name that matches none.
    """
    every = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not names:
        return every
    chosen = []
    for name in names:
        matches = [p for p in every if name in (p.name, p.stem) or p.stem.startswith(f"{name}_")]
        if len(matches) != 1:
            raise RunError(f"No single notebook matches {name!r}; choose from: " + ", ".join(p.stem for p in every))
        if matches[0] not in chosen:  # naming a notebook twice would run it twice into one file
            chosen.append(matches[0])
    return chosen


def notebook_parameters(path: Path) -> dict:
    """The notebook's parameter names and defaults, read from the assignments in its cell tagged 'parameters'.

    Read with ast rather than papermill.inspect_notebook (the tests check they agree), so planning a run
    does not import papermill in the main process before the workers start.

    Parameters
    ----------
    path : Path
        A notebook.

    Returns
    -------
    dict
        Parameter name -> default value.
    """
    for cell in json.loads(Path(path).read_text(encoding="utf-8"))["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse("".join(cell["source"]))
            return {
                node.targets[0].id: ast.literal_eval(node.value)
                for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            }
    return {}


def parse_value(text: str):
    """Read a command-line value as JSON where it parses (numbers, lists, true/false), else as a string.

    Parameters
    ----------
    text : str
        A value from the command line.

    Returns
    -------
    any
        The parsed JSON value, or the text.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def plan(notebooks: list[Path], overrides: dict, sweep: tuple[str, list] | None, folder: Path = BUILD) -> list[Run]:
    """One run per notebook, or per notebook and sweep value; unknown parameter names are refused.

    Parameters
    ----------
    notebooks : list of Path
        From find_notebooks().
    overrides : dict
        Parameter name -> value, for every run.
    sweep : tuple or None
        (parameter name, list of values): one run per value.
    folder : Path
        Where the notebooks are, or go.

    Returns
    -------
    list of Run
        RunError names a parameter a notebook does not have.
    """
    runs = []
    for path in notebooks:
        known = notebook_parameters(path)
        asked = set(overrides) | ({sweep[0]} if sweep else set())
        unknown = sorted(asked - set(known))
        if unknown:
            raise RunError(
                f"{path.name} has no parameter {', '.join(map(repr, unknown))}; its parameters are: {', '.join(known)}"
            )
        values = sweep[1] if sweep else [None]
        for value in values:
            parameters = dict(overrides)
            if sweep:
                parameters[sweep[0]] = value
            runs.append(Run(path, parameters, output_path(path, parameters, folder)))
    return runs


def output_path(path: Path, parameters: dict, folder: Path = BUILD) -> Path:
    """build/rerun/<stem>[__name-value...].ipynb, with characters unsafe in file names replaced.

    Parameters
    ----------
    path : Path
        The notebook.
    parameters : dict
        The run's parameters.
    folder : Path
        Where the notebooks are, or go.

    Returns
    -------
    Path
        The executed notebook's path.
    """
    suffix = "".join(f"__{k}-{v}" for k, v in sorted(parameters.items()))
    return folder / (path.stem + re.sub(r"[^A-Za-z0-9_.,=-]+", "_", suffix) + ".ipynb")


# In a worker process: the Event the main process sets on Ctrl-C (None when execute() runs in-process).
_STOP = None


def _start_worker(stop) -> None:
    """Worker set-up: Ctrl-C reaches only the main process, which then sets `stop` and sends SIGINT on."""
    global _STOP
    _STOP = stop
    if hasattr(os, "setpgrp"):  # POSIX: out of the terminal's process group
        os.setpgrp()
    # Ignored except while a notebook runs: then nbclient's own handler shuts the kernel down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def execute(run: Run) -> Run:
    """Execute one notebook with papermill and write its HTML copy; errors are recorded, not raised.

    Parameters
    ----------
    run : Run
        One planned run.

    Returns
    -------
    Run
        The same run, with seconds and error filled in.
    """
    if _STOP is not None and _STOP.is_set():  # queued before the Ctrl-C, taken after it
        run.error = "cancelled"
        return run
    import papermill

    run.output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(run.notebook),
            str(run.output),
            parameters=run.parameters,
            cwd=str(run.notebook.parent),
            progress_bar=False,
            kernel_name="python3",
            # Written once at the end (and on an error): saving after every cell cost ~0.5 s a lesson.
            request_save_on_cell_execute=False,
            # A widget's stored state carries plotly's 5 MB widget bundle and is of no use in a copy.
            store_widget_state=False,
        )
    except papermill.PapermillExecutionError as error:
        run.error = f"{error.ename}: {error.evalue}"
    except Exception as error:  # a kernel that died, a missing file: report it in the summary
        run.error = f"{type(error).__name__}: {error}"
    finally:
        if _STOP is not None:  # nbclient restores Python's default handler when it is done
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    run.seconds = time.perf_counter() - started
    if _STOP is not None and _STOP.is_set():
        return run  # stopped part-way: the main process removes what was written
    if run.output.exists():
        write_html(run.output)
    return run


class Interrupted(Exception):
    """Ctrl-C stopped the runs; `finished` holds those that ended before it, in the order planned."""

    def __init__(self, finished: list[Run], total: int):
        super().__init__(f"{len(finished)} of {total} runs finished before the interruption")
        self.finished, self.total = finished, total


def run_all(runs: list[Run], jobs: int) -> list[Run]:
    """Execute the runs, `jobs` at a time, with a progress bar; results in the order planned.

    On Ctrl-C: queued runs are cancelled, running notebooks' kernels are shut down, their partial
    outputs removed, and Interrupted is raised with the runs that had finished.

    Parameters
    ----------
    runs : list[Run]
        Runs as plan() makes them.
    jobs : int
        Notebooks run at once.

    Returns
    -------
    list of Run
        In the order planned; Interrupted (with the finished runs) on Ctrl-C.
    """
    from tqdm import tqdm

    done = {}
    # "spawn", not fork: forking a process that already runs threads (a test runner, a kernel) can deadlock.
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pool = ProcessPoolExecutor(max(1, jobs), mp_context=context, initializer=_start_worker, initargs=(stop,))
    futures = {pool.submit(execute, run): i for i, run in enumerate(runs)}
    try:
        for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="nb"):
            done[futures[future]] = future.result()
    except KeyboardInterrupt:
        _stop_pool(pool, futures, stop)
        for i, run in enumerate(runs):
            if i not in done:
                _remove_outputs(run)
        raise Interrupted([done[i] for i in sorted(done)], len(runs)) from None
    finally:
        pool.shutdown()  # already done after a Ctrl-C; a second call does nothing
    return [done[i] for i in range(len(runs))]


def _stop_pool(pool: ProcessPoolExecutor, futures, stop) -> None:
    """Cancel what has not started and stop the running notebooks; wait for the workers to exit."""
    stop.set()
    for future in futures:
        future.cancel()
    workers = list(pool._processes.values())  # no public accessor; needed to pass the signal on
    for worker in workers:
        try:
            os.kill(worker.pid, signal.SIGINT)  # the notebook client shuts its kernel down
        except (ProcessLookupError, TypeError):
            pass
    try:
        pool.shutdown(wait=True, cancel_futures=True)
    except KeyboardInterrupt:  # a second Ctrl-C: do not wait for the kernels' shutdown
        for worker in workers:
            worker.kill()
        pool.shutdown(wait=False, cancel_futures=True)


def _remove_outputs(run: Run) -> None:
    """Delete the notebook and HTML copy a stopped run may have left half-written."""
    if run.output is not None:
        for path in (run.output, run.output.with_suffix(".html")):
            path.unlink(missing_ok=True)


def summary_table(runs: list[Run]) -> str:
    """A plain-text table: notebook, parameters, seconds, ok or the error.

    Parameters
    ----------
    runs : list[Run]
        Runs as plan() makes them.

    Returns
    -------
    str
        One line per run, under a header.
    """
    rows = [("notebook", "parameters", "seconds", "result")]
    for run in runs:
        params = ", ".join(f"{k}={v!r}" for k, v in run.parameters.items()) or "(defaults)"
        rows.append((run.notebook.stem, params, f"{run.seconds:.1f}", "ok" if run.ok else f"error: {run.error}"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}" for a, b, c, d in rows)


def main(argv: list[str] | None = None) -> int:
    """The command line: plan the runs, execute them, print the summary; errors become an exit status.

    Parameters
    ----------
    argv : list of str or None
        The arguments (default: sys.argv).

    Returns
    -------
    int
        Exit status: 0 all ran, 1 a run failed or a name was unknown, 130 interrupted.
    """
    parser = argparse.ArgumentParser(prog="python -m titfortat.rerun", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks by name or number (default: all)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("--sweep", nargs=2, metavar=("NAME", "V1,V2,..."), help="one run per value")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="notebooks run at once")
    parser.add_argument("--out", type=Path, default=BUILD, help=f"output folder (default: {BUILD.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    overrides = {name: parse_value(value) for name, value in args.parameter}
    sweep = (args.sweep[0], [parse_value(v) for v in args.sweep[1].split(",")]) if args.sweep else None
    try:
        planned = plan(find_notebooks(args.notebooks), overrides, sweep, args.out.resolve())
    except RunError as error:  # the sentence, not a traceback
        print(error, file=sys.stderr)
        return 1
    try:
        runs = run_all(planned, args.jobs)
    except Interrupted as stopped:
        if stopped.finished:
            print(summary_table(stopped.finished))
        print(
            f"Interrupted: {len(stopped.finished)} of {stopped.total} runs finished; "
            "the others were cancelled or stopped and left no output."
        )
        return 130
    print(summary_table(runs))
    print(f"Outputs in {args.out}/")
    return 0 if all(run.ok for run in runs) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before any notebook started
        print("Interrupted: no notebook was run.", file=sys.stderr)
        sys.exit(130)
