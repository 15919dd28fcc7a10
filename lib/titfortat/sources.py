"""The bibliography of every report the dataset cites, grouped by outlet (docs/sources.md)."""

from __future__ import annotations

import pandas as pd


def outlet(source_name: str) -> str:
    """The outlet a row was read at: "Reuters via Hurriyet" and "Reuters" both count as Reuters."""
    return source_name.split(" via ")[0].strip()


def _text(value: str) -> str:
    """Markdown text that cannot open an HTML tag (renderers pass raw HTML through)."""
    return value.replace("<", "&lt;").replace(">", "&gt;")


def _link(url: str) -> str:
    """An autolink target that cannot end the <...> early or carry markup."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace("\n", "")


def bibliography(events: pd.DataFrame) -> str:
    """Markdown: one section per outlet (most cited first), one line per cited report with the events it supports."""
    table = events.assign(outlet=events["source_name"].map(outlet))
    counts = table.groupby("outlet")["source_url"].nunique().sort_values(ascending=False, kind="stable")
    lines = [
        "# Sources",
        "",
        f"Every report cited by `data/events.csv`: {table['source_url'].nunique()} reports from "
        f"{len(counts)} outlets, for {len(table)} events. Generated from the CSV by `make sources`; "
        "do not edit by hand.",
        "",
    ]
    for name in sorted(counts.index, key=lambda n: (-counts[n], n)):
        rows = table[table["outlet"] == name]
        lines += [f"## {_text(name)} ({counts[name]})", ""]
        for url, cited in rows.groupby("source_url", sort=False):
            ids = ", ".join(f"`{i}`" for i in cited["event_id"])
            lines.append(f"- <{_link(url)}>: {ids}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    from .data import DataError, load_events
    from .rerun import ROOT

    try:
        events = load_events(period=None)
    except DataError as error:  # the sentence, not a traceback
        sys.exit(f"DataError: {error}")
    (ROOT / "docs" / "sources.md").write_text(bibliography(events), encoding="utf-8")
