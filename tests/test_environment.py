"""One lock, three consumers: pyproject, environment.yml and Binder agree with binder/requirements.txt."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


LOCK = {
    _normal(name): version
    for name, version in re.findall(
        r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "binder" / "requirements.txt").read_text(), re.M
    )
}


def test_every_pyproject_dependency_is_pinned_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    missing = [d for d in wanted if _normal(Requirement(d).name) not in LOCK]
    assert not missing


def test_environment_yml_ranges_admit_the_pinned_versions():
    specs = re.findall(r"^\s+- ([a-z][a-z0-9_-]*)([<>=][^\s#]*)", (ROOT / "environment.yml").read_text(), re.M)
    assert len(specs) >= 8
    for name, ranges in specs:
        if name == "python":
            assert sys.version.startswith(ranges.strip("="))
            continue
        assert _normal(name) in LOCK, name
        assert LOCK[_normal(name)] in SpecifierSet(ranges), (name, ranges, LOCK[_normal(name)])


def test_binder_runtime_matches_the_python_the_lock_was_compiled_for():
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_repo2docker_reads_binder_folder():
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--no-run", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = result.stdout + result.stderr
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in log
    assert "binder/postBuild" in log and "python=3.11" in log
