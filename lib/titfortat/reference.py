"""The reference shelf: glossary entries (docs/glossary.md), the cast (data/actors.csv) and the spelling table."""

from __future__ import annotations

import csv
import difflib
import os
import re
from functools import lru_cache
from pathlib import Path

from .package import DATA_DIR
from .params import ParameterError

# docs/ sits beside data/ in the repository; the package is installed editable from lib/, as data.py assumes.
DOCS_DIR = Path(os.environ.get("TITFORTAT_DOCS", Path(__file__).resolve().parents[2] / "docs"))
GLOSSARY_MD = DOCS_DIR / "glossary.md"
ACTORS_CSV = DATA_DIR / "actors.csv"
SPELLINGS_CSV = DATA_DIR / "spellings.csv"

# A glossary line that lists other spellings on purpose; the spelling check skips it.
OTHER_SPELLINGS = "*Other spellings:*"


class Markdown(str):
    """Markdown text that Jupyter renders as markdown and that prints as itself."""

    def _repr_markdown_(self):
        return str(self)


def anchor(heading: str) -> str:
    """The link anchor of a heading (GitHub's rule: lowercase, drop punctuation, spaces to hyphens).

    Parameters
    ----------
    heading : str
        A glossary heading.

    Returns
    -------
    str
        The anchor, without "#".
    """
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def heading_names(heading: str) -> list[str]:
    """The names a heading answers to: the term and, if it has one, the part in brackets.

    Parameters
    ----------
    heading : str
        A glossary heading.

    Returns
    -------
    list of str
        One or two names.
    """
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", heading.strip())
    return [match.group(1), match.group(2)] if match else [heading.strip()]


@lru_cache(maxsize=2)
def glossary_entries(path: Path = GLOSSARY_MD) -> dict[str, str]:
    """Every glossary entry, heading -> its markdown (heading line included).

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    dict
        Heading -> its markdown.
    """
    entries, heading, lines = {}, None, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            if heading:
                entries[heading] = "\n".join(lines).strip()
            heading, lines = line[4:].strip(), [line]
        elif line.startswith("## ") and heading:  # a section heading ends the entry above it
            entries[heading] = "\n".join(lines).strip()
            heading, lines = None, []
        elif heading:
            lines.append(line)
    if heading:
        entries[heading] = "\n".join(lines).strip()
    return entries


def _lookup_names(heading: str, body: str) -> list[str]:
    names = heading_names(heading)
    for line in body.splitlines():
        if line.startswith(OTHER_SPELLINGS):
            parts = line[len(OTHER_SPELLINGS) :].split(",")
            names += [re.sub(r"\s*\(.*?\)", "", part).strip(" .") for part in parts]  # drop "(the full name)"
    return [name for name in names if name]


def _unknown(kind: str, value, known: list[str]) -> ParameterError:
    close = difflib.get_close_matches(str(value).lower(), [k.lower() for k in known], n=3, cutoff=0.5)
    originals = {k.lower(): k for k in known}
    hint = "close matches: " + ", ".join(repr(originals[c]) for c in close) if close else f"see {kind} for the list"
    return ParameterError(f"No entry {value!r} in the {kind}; {hint}.")


def glossary(term: str, path: Path = GLOSSARY_MD) -> Markdown:
    """The glossary entry for a term, its abbreviation or another spelling (any case), as markdown.

    Parameters
    ----------
    term : str
        A term, its abbreviation or another spelling.
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    Markdown
        The entry; ParameterError (a ValueError) suggests the closest terms for an unknown one.
    """
    entries = glossary_entries(Path(path))
    names = {}
    for heading, body in entries.items():
        for name in _lookup_names(heading, body):
            names.setdefault(name.lower(), heading)
    key = str(term).strip().lower()
    if key not in names:
        raise _unknown("glossary (docs/glossary.md)", term, [n for h in entries for n in heading_names(h)])
    return Markdown(entries[names[key]])


@lru_cache(maxsize=2)
def cast(path: Path = ACTORS_CSV) -> dict[str, dict]:
    """The cast of characters from data/actors.csv, key -> row.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    dict
        Actor key -> its row (key, name, kind, description, source_url, source_name).
    """
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


def who(key: str, path: Path = ACTORS_CSV) -> Markdown:
    """The cast entry for an actor key (e.g. 'kataib_hezbollah') as markdown: name, kind, description, source.

    Parameters
    ----------
    key : str
        An actor key.
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    Markdown
        The entry; ParameterError (a ValueError) suggests the closest keys for an unknown one.
    """
    rows = cast(Path(path))
    if key not in rows:
        raise _unknown("cast (data/actors.csv)", key, list(rows))
    row = rows[key]
    return Markdown(
        f"**{row['name']}** ({row['kind'].replace('_', ' ')}, key `{key}`)\n\n"
        f"{row['description']}\n\nSource: [{row['source_name']}]({row['source_url']})"
    )


@lru_cache(maxsize=2)
def spellings(path: Path = SPELLINGS_CSV) -> list[tuple[str, list[str]]]:
    """The one-spelling table: (preferred form, its variants) per row of data/spellings.csv.

    Parameters
    ----------
    path : Path
        The file to read (default: the repository's).

    Returns
    -------
    list of tuple
        (preferred form, list of variants), one per row.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        return [(row["preferred"], [v for v in row["variants"].split("|") if v]) for row in csv.DictReader(handle)]


# Link targets and bare addresses: a variant inside a URL is not a spelling.
_URL = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def _word(form: str, flags: int = 0) -> re.Pattern:
    return re.compile(r"(?<![\w'])" + re.escape(form) + r"(?![\w'])", flags)


def spelling_hits(text: str, table: list[tuple[str, list[str]]] | None = None) -> list[tuple[str, str]]:
    """The (variant, preferred) pairs found in one line of text, URLs left out; case matters for variants only.

    Parameters
    ----------
    text : str
        One line of text.
    table : list of tuple or None
        A spellings() result (default: data/spellings.csv's).

    Returns
    -------
    list of tuple
        (variant found, preferred form) pairs.
    """
    table = spellings() if table is None else table
    text = _URL.sub(" ", text.replace("\u2019", "'"))
    hits = []
    for preferred, variants in table:
        # A variant that sits inside the preferred form ('Qaim' in 'al-Qaim') is not a hit.
        allowed = [m.span() for m in _word(preferred, re.IGNORECASE).finditer(text)]
        for variant in variants:
            for match in _word(variant).finditer(text):
                start, end = match.span()
                if not any(a <= start and end <= b for a, b in allowed):
                    hits.append((variant, preferred))
                    break
    return hits
