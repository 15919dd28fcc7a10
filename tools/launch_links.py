"""Launch links for a class: Binder, and nbgitpuller for a JupyterHub, one per lesson.

The repository's address is kept in one place, `[project.urls] Repository` in pyproject.toml; the
README's badge and table are made from it, and tests/test_launch_links.py checks they agree.

    make links                                   # Binder links for every lesson, as in the README
    make links HUB=https://hub.example.edu       # nbgitpuller links for that hub as well
    python tools/launch_links.py --repo https://github.com/you/your-fork --hub https://hub.example.edu
"""

import argparse
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

ROOT = Path(__file__).resolve().parents[1]
BRANCH = "main"


def repository() -> str:
    """The repository's address from pyproject.toml, e.g. https://github.com/owner/name."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]


def lessons() -> list[str]:
    return [p.name for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def _owner_and_name(repo: str) -> tuple[str, str]:
    parts = urlparse(repo)
    owner, name = parts.path.strip("/").removesuffix(".git").split("/")
    if parts.netloc != "github.com":
        raise ValueError(f"repo must be a https://github.com/OWNER/NAME address, not {repo!r}")
    return owner, name


def binder(lesson: str, repo: str | None = None) -> str:
    """A mybinder.org link that builds the repository and opens JupyterLab on one lesson."""
    owner, name = _owner_and_name(repo or repository())
    return f"https://mybinder.org/v2/gh/{owner}/{name}/{BRANCH}?urlpath=lab/tree/notebooks/{lesson}"


def nbgitpuller(hub: str, lesson: str, repo: str | None = None) -> str:
    """A JupyterHub link that clones (or updates) the repository in the user's home and opens one lesson."""
    repo = repo or repository()
    _, name = _owner_and_name(repo)
    fields = {"repo": repo, "branch": BRANCH, "urlpath": f"lab/tree/{name}/notebooks/{lesson}"}
    query = urlencode(fields, quote_via=quote)
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", help="a https://github.com/OWNER/NAME address (default: pyproject.toml's)")
    parser.add_argument("--hub", help="your JupyterHub's address, e.g. https://hub.example.edu")
    args = parser.parse_args(argv)
    for lesson in lessons():
        print(f"{lesson}\n  Binder:    {binder(lesson, args.repo)}")
        if args.hub:
            print(f"  JupyterHub: {nbgitpuller(args.hub, lesson, args.repo)}")


if __name__ == "__main__":
    main()
