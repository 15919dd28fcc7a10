"""The printable chronology: the key events of each period, one printed page per period, in one HTML file."""

from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd

from .reference import cast
from .timeline import KEY_EVENT_TYPES, attacks, between


class Period(NamedTuple):
    title: str
    start: str
    end: str


# The pages of the printed timeline (finer than the data's two periods, data.periods()), one each.
PERIODS = [
    Period("2017-2018: truce of necessity", "2017-01-01", "2018-12-31"),
    Period("2019: the turn", "2019-01-01", "2019-12-31"),
    Period("2020: escalation and consolidation", "2020-01-01", "2020-12-31"),
    Period("2021: the last year of the combat mission", "2021-01-01", "2021-12-31"),
    Period("October 2023 - March 2024: the wave after the Gaza war", "2023-10-17", "2024-03-31"),
]

COLUMNS = ["date", "kind", "what", "who", "actor", "source_name", "source_url"]


def periods() -> list[Period]:
    """The periods of the printed timeline (title, first day, last day), in order."""
    return list(PERIODS)


def _deaths(row) -> str:
    """'US killed 1, others killed 2' from an event's counts, unknowns left out."""
    parts = [
        f"{label} {int(row[column])}"
        for column, label in [("us_killed", "US killed"), ("other_killed", "others killed")]
        if not pd.isna(row[column]) and row[column] > 0
    ]
    return ", ".join(parts)


def deadly_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """The attacks in which anyone was killed (US or other); unknown counts count as none."""
    found = attacks(events)
    return found[(found["us_killed"].fillna(0) > 0) | (found["other_killed"].fillna(0) > 0)]


def timeline_table(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """The key events and deadly attacks from start to end (inclusive): date, kind, what, who (cast name), source."""
    window = between(events, start, end)
    chosen = window[window["event_type"].isin(KEY_EVENT_TYPES) | window.index.isin(deadly_attacks(window).index)]
    names = {key: row["name"] for key, row in cast().items()}
    kinds = [
        " ".join(filter(None, [str(row["event_type"]).replace("_", " "), f"({_deaths(row)})" if _deaths(row) else ""]))
        for _, row in chosen.iterrows()
    ]
    table = pd.DataFrame(
        {
            "date": chosen["date"],
            "kind": kinds,
            "what": chosen["summary"],
            "who": [names.get(str(key), str(key)) for key in chosen["actor"]],
            "actor": chosen["actor"].astype("object"),
            "source_name": chosen["source_name"],
            "source_url": chosen["source_url"],
        },
        columns=COLUMNS,
    )
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def _note(events: pd.DataFrame, period: Period) -> str:
    """The one-line note under a period's title: what the page lists and what it leaves out."""
    window = between(events, period.start, period.end)
    key = window["event_type"].isin(KEY_EVENT_TYPES)
    found = attacks(window)
    deadly = deadly_attacks(window).index.difference(window[key].index)
    return (
        f"{key.sum()} key events (strikes, political moves, troop changes, handovers) and {len(deadly)} deadly "
        f"attacks, of the {len(found)} attacks the dataset records here: a lower bound, as many attacks went "
        "unreported. Attacks without a death are left out; the full list is data/events.csv."
    )


def _link(name: str, url: str) -> str:
    """The source as a link when its address is http(s), else as plain text; everything escaped."""
    text = html.escape(str(name))
    if str(url).startswith(("https://", "http://")):
        address = html.escape(str(url), quote=True)
        return f'<a href="{address}">{text}</a><span class="url">{html.escape(str(url))}</span>'
    return text


def _section(events: pd.DataFrame, period: Period) -> str:
    """One period as an HTML section: title, note, table of events and who's who."""
    table = timeline_table(events, period.start, period.end)
    rows = "\n".join(
        f"<tr><td>{row.date:%d %b %Y}</td><td>{html.escape(row.kind)}</td><td>{html.escape(str(row.what))}</td>"
        f"<td>{html.escape(str(row.who))}</td><td>{_link(row.source_name, row.source_url)}</td></tr>"
        for row in table.itertuples()
    )
    people = cast()
    entries = "\n".join(
        f"<li><b>{html.escape(people[key]['name'])}</b>: {html.escape(people[key]['description'])}</li>"
        for key in sorted(set(table["actor"]) & set(people), key=lambda k: people[k]["name"].lower())
    )
    return (
        f'<section class="period">\n<h2>{html.escape(period.title)}</h2>\n'
        f'<p class="note">{html.escape(_note(events, period))}</p>\n'
        '<table>\n<colgroup><col class="date"><col class="kind"><col class="what"><col class="who">'
        '<col class="source"></colgroup>\n'
        "<thead><tr><th>Date</th><th>Kind</th><th>What happened</th><th>Who</th><th>Source</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n"
        f'<aside class="cast">\n<h3>Who\'s who</h3>\n<ul>\n{entries}\n</ul>\n</aside>\n</section>'
    )


# Print rules: each period starts a page; narrow margins that fit A4 and Letter; fixed, wrapping columns.
STYLE = """
@page { margin: 14mm 12mm; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 10.5pt; line-height: 1.3; color: #111;
       max-width: 190mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 4mm 0 1mm; }
h3 { font-size: 11pt; margin: 0 0 1mm; }
.intro, .note { font-size: 9.5pt; color: #333; margin: 0 0 2mm; }
section.period { break-before: page; page-break-before: always; }
section.period:first-of-type { break-before: auto; page-break-before: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; }
col.date { width: 11%; } col.kind { width: 11%; } col.what { width: 46%; } col.who { width: 14%; }
col.source { width: 18%; }
th, td { border-bottom: 1px solid #bbb; padding: 1mm 1.2mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #eee; }
a { color: #123e7a; }
.url { display: block; font-size: 7pt; color: #555; }
.cast { border: 1px solid #888; padding: 2mm 3mm; margin-top: 3mm; font-size: 8.5pt; break-inside: avoid; }
.cast ul { margin: 0; padding-left: 4mm; }
@media print { a { color: #000; text-decoration: none; } }
"""


def timeline_html(events: pd.DataFrame) -> str:
    """The printable timeline: one self-contained HTML document, one section (and printed page) per period."""
    sections = "\n".join(_section(events, period) for period in periods())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<title>The rocket war in Iraq, 2017-2021: a printable timeline</title>\n"
        f"<style>{STYLE}</style></head>\n<body>\n"
        "<header><h1>The rocket war in Iraq, 2017-2021: a printable timeline</h1>\n"
        '<p class="intro">One page per period, from data/events.csv and the cast (data/actors.csv). '
        "Each page lists the key events and the deadly attacks, with their sources.</p></header>\n"
        f"{sections}\n</body></html>\n"
    )
