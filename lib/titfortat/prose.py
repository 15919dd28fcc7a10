"""Sentences computed from the data, shown in a lesson as text rather than as a quoted Python string."""

from __future__ import annotations

import html


class Sentence(str):
    """A str that a notebook displays as a paragraph of text (its characters escaped, never as markup)."""

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self)}</p>"

    def _repr_markdown_(self) -> str:
        return html.escape(self)
