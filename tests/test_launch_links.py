"""The launch links in the README and the guide are the ones made from pyproject.toml, and open real lessons."""

import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import launch_links  # noqa: E402

README = (ROOT / "README.md").read_text()
GUIDE = (ROOT / "docs" / "instructor_guide.md").read_text()


def test_there_is_a_lesson_per_notebook():
    assert launch_links.lessons()[0] == "00_start_here.ipynb"
    assert len(launch_links.lessons()) == 7


@pytest.mark.parametrize("lesson", launch_links.lessons())
def test_readme_links_each_lesson_on_binder(lesson):
    assert launch_links.binder(lesson) in README


def test_readme_badge_opens_the_first_lesson():
    assert f"[![Binder](https://mybinder.org/badge_logo.svg)]({launch_links.binder('00_start_here.ipynb')})" in README


def test_hub_examples_are_the_generated_links():
    assert launch_links.nbgitpuller("https://HUB", "00_start_here.ipynb") in README
    assert launch_links.nbgitpuller("https://hub.example.edu", "00_start_here.ipynb") in GUIDE


@pytest.mark.parametrize("lesson", launch_links.lessons())
def test_links_open_a_notebook_that_exists(lesson):
    binder = urlparse(launch_links.binder(lesson))
    assert (ROOT / parse_qs(binder.query)["urlpath"][0].removeprefix("lab/tree/")).is_file()
    assert binder.path.endswith("/main")
    hub = parse_qs(urlparse(launch_links.nbgitpuller("https://hub.example.edu/", lesson)).query)
    assert hub["repo"] == [launch_links.repository()] and hub["branch"] == ["main"]
    clone_dir = launch_links.repository().rsplit("/", 1)[1]
    assert (ROOT / hub["urlpath"][0].removeprefix(f"lab/tree/{clone_dir}/")).is_file()


def test_a_fork_gets_its_own_links_and_other_hosts_are_refused():
    assert "/v2/gh/you/fork/main?" in launch_links.binder("00_start_here.ipynb", "https://github.com/you/fork.git")
    with pytest.raises(ValueError, match="github.com"):
        launch_links.binder("00_start_here.ipynb", "https://gitlab.com/you/fork")
