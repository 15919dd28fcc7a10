"""HTML we write (the rerun copies, the static edition) shows hostile text from a forked CSV as text:
no script from the data runs, no page error, every figure still draws. Opened offline in Chromium."""

import csv
import os
import shutil
import subprocess
import sys
import uuid

import pytest
from lab_pages import ROOT
from titfortat import edition

# Ends a <script> element, opens an HTML comment and an event handler: each broke or ran in the old pages.
PAYLOAD = "</script><img src=x onerror=alert(2)><!--<script>alert(3)</script>\"'&"
MARK = uuid.uuid4().hex[:8]  # shows that the hostile rows reached the page at all


def _hostile_data(folder):
    """A copy of data/ with the payload in every summary, target and note."""
    shutil.copytree(ROOT / "data", folder)
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ["summary", "target", "notes"]:
            row[column] = f"{MARK} {PAYLOAD} {row[column]}"
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    """Lesson 00 rerun on the hostile data (its HTML copy), and the static edition built from that run."""
    tmp = tmp_path_factory.mktemp("hostile")
    data = _hostile_data(tmp / "data")
    out = tmp / "rerun"
    env = dict(os.environ, TITFORTAT_DATA=str(data), TITFORTAT_CACHE=str(tmp / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "titfortat.rerun", "00", "--jobs", "1", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    index = edition.build(tmp / "site", folder=out)
    pages = [out / "00_start_here.html", index.parent / "00_start_here.html", index]
    return pages


def _open(page, path):
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return dialogs, errors


@pytest.mark.parametrize("which", [0, 1], ids=["rerun-copy", "edition-page"])
def test_hostile_summaries_run_no_script_and_every_figure_draws(page, hostile_pages, which):
    path = hostile_pages[which]
    source = path.read_text(encoding="utf-8")
    assert MARK in source  # the hostile text is in the page, so the checks below mean something
    expected = source.count('<div id="plotly-figure-')
    dialogs, errors = _open(page, path)
    page.wait_for_function(
        f"document.querySelectorAll('[id^=plotly-figure-] .main-svg').length >= {expected}", timeout=30_000
    )
    page.wait_for_timeout(300)  # an image's onerror fires after load
    drawn = page.evaluate(
        "[...document.querySelectorAll('[id^=plotly-figure-]')].filter(d => d.querySelector('.main-svg')).length"
    )
    assert expected >= 2 and drawn == expected
    assert dialogs == [] and errors == []
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    assert page.outside_requests == []


def test_edition_index_lists_the_rerun_lesson_and_runs_nothing(page, hostile_pages):
    dialogs, errors = _open(page, hostile_pages[2])
    assert page.locator("li a").count() == 1
    assert dialogs == [] and errors == []
