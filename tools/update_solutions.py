"""Rewrite each exercise's literal SOLUTION in tools/lessons/*.md to the answer the data now gives.

Run after changing the data (then `make store`); a SOLUTION written as code (e.g. len(events)) is left as it is.
"""

import ast
import json
import re
from pathlib import Path

import titfortat as tt
from titfortat.exercises import EXERCISES

SOURCES = Path(__file__).resolve().parents[1] / "tools" / "lessons"
BLANK = re.compile(r"^(answer = \.\.\.\s*# SOLUTION: )(.+)\n(tt\.check\(\"([\d.]+)\")", re.M)


def _literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return False
    return True


def main() -> None:
    frames = {}  # one frame per period, loaded once
    for path in sorted(SOURCES.glob("*.md")):
        text = path.read_text(encoding="utf-8")

        def solved(match):
            written, key = match.group(2).strip(), match.group(4)
            if not _literal(written) or key not in EXERCISES:
                return match.group(0)
            period = EXERCISES[key].period
            events = frames.setdefault(period, tt.load_events(period=period))
            answer = EXERCISES[key].expected(events)
            shown = json.dumps(answer) if isinstance(answer, str) else repr(answer)  # double quotes, as ruff writes
            return f"{match.group(1)}{shown}\n{match.group(3)}"

        updated = BLANK.sub(solved, text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print("updated", path.name)


if __name__ == "__main__":
    main()
