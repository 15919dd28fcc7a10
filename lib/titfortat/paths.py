"""Where the repository keeps things: the lessons, the build folder, the docs. The package is installed
editable from lib/, so the repository sits two levels above this file (the data folder, which an
environment variable may move, is data.DATA_DIR)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
DOCS = ROOT / "docs"
BUILD = ROOT / "build" / "rerun"
SITE = ROOT / "build" / "site"
