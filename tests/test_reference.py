"""The reference shelf: the glossary, the cast of characters and the one-spelling rule."""

import csv
import json
import re
from pathlib import Path

import frictionless
import pytest
import titfortat as tt
from titfortat import reference
from titfortat.data import field_enum
from titfortat.params import ParameterError
from titfortat.reference import OTHER_SPELLINGS, anchor, cast, glossary, glossary_entries, spelling_hits, spellings, who

ROOT = Path(__file__).resolve().parents[1]

# Files whose every line the spelling check reads, and the summary column of data/events.csv.
SCANNED = ["docs/*.md", "data/README.md", "README.md", "tools/lessons/*.md"]

# Every term issue 11 asks the glossary to define, and the ones the lessons add.
TERMS = [
    "IRGC",
    "Quds Force",
    "PMF",
    "Popular Mobilization Forces",
    "Sistani",
    "Kataib Hezbollah",
    "Asaib Ahl al-Haq",
    "Harakat al-Nujaba",
    "front group",
    "Katyusha",
    "107 mm rocket",
    "C-RAM",
    "traumatic brain injury",
    "CJTF-OIR",
    "JCPOA",
    "maximum pressure",
    "FTO",
    "caretaker government",
    "Strategic Dialogue",
    "Tishreen",
    "Sairoon",
    "event study",
    "bootstrap interval",
    "regression to the mean",
    "Popular Mobilization Commission",
    "Fatah alliance",
    "Kurdistan Regional Government",
    "Green Zone",
    "Ain al-Asad",
    "K-1",
    "Camp Taji",
    "Patriot",
    "SDGT",
    "Operation Inherent Resolve",
    "US-led coalition",
    "Muhandis",
    "Abdul-Mahdi",
    "Kadhimi",
    "Sadrist movement",
    "Ashab al-Kahf",
    "Qasim Muslih",
    "Tower 22",
    "Islamic Resistance in Iraq",
    "ISIS",
    "attack",
    "lower bound",
    "escalation ladder",
    "tit for tat",
    "deterrence",
    "proportionality",
    "sovereignty",
    "convoy",
    "roadside bomb",
    "IED",
    "drone",
    "Soleimani",
]


def _events_rows():
    with open(ROOT / "data" / "events.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def test_every_actor_in_the_schema_and_the_events_has_a_cast_entry(all_events):
    keys = set(field_enum("actor")) | set(all_events["actor"].astype(str))
    missing = sorted(keys - set(cast()))
    assert not missing, f"data/actors.csv has no row for: {', '.join(missing)}"


def test_every_cast_row_has_a_kind_a_one_line_description_and_a_web_source():
    kinds = json.loads((ROOT / "data" / "datapackage.json").read_text())["resources"][1]["schema"]["fields"][2]
    for key, row in cast().items():
        assert row["kind"] in kinds["constraints"]["enum"], key
        assert row["description"].strip() and "\n" not in row["description"], key
        assert re.match(r"https?://\S+$", row["source_url"]), key
        assert row["source_name"].strip(), key


def test_cast_csv_passes_its_schema_in_the_data_package():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text())
    resource = next(r for r in package["resources"] if r["name"] == "actors")
    schema = frictionless.Schema.from_descriptor(resource["schema"])
    report = frictionless.Resource(path=resource["path"], basepath=str(ROOT / "data"), schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


@pytest.mark.parametrize("term", TERMS)
def test_glossary_has_an_entry_for_every_listed_term(term):
    entry = glossary(term)
    assert entry.startswith("### ") and len(entry.splitlines()) > 2


def test_glossary_matches_abbreviation_full_name_and_other_spellings_in_any_case():
    pmf = glossary("pmf")
    assert pmf.splitlines()[0] == "### PMF (Popular Mobilization Forces)"
    assert glossary("POPULAR MOBILIZATION FORCES") == pmf
    assert glossary("Hashd al-Shaabi") == pmf  # listed under *Other spellings:*
    assert glossary("kataeb hezbollah").splitlines()[0] == "### Kataib Hezbollah (KH)"
    assert glossary("Harakat Hezbollah al-Nujaba").splitlines()[0] == "### Harakat al-Nujaba (Nujaba)"
    assert pmf._repr_markdown_() == str(pmf)


def test_unknown_glossary_term_gets_one_sentence_naming_close_matches():
    with pytest.raises(ParameterError) as error:
        glossary("Katusha")
    message = str(error.value)
    assert "'Katyusha'" in message and "\n" not in message
    assert message.endswith(".") and message.count(". ") == 0


def test_no_two_glossary_entries_answer_to_the_same_name():
    seen = {}
    for heading, body in glossary_entries().items():
        for name in reference._lookup_names(heading, body):
            assert seen.setdefault(name.lower(), heading) == heading, f"{name!r} names two entries"


def test_anchor_follows_the_rule_documented_at_the_top_of_the_glossary():
    assert anchor("PMF (Popular Mobilization Forces)") == "pmf-popular-mobilization-forces"
    assert anchor("Katyusha (107 mm rocket)") == "katyusha-107-mm-rocket"
    assert anchor("CJTF-OIR (Combined Joint Task Force - Operation Inherent Resolve)") == (
        "cjtf-oir-combined-joint-task-force---operation-inherent-resolve"
    )
    intro = (ROOT / "docs" / "glossary.md").read_text().split("\n## ")[0]
    for heading in ["PMF (Popular Mobilization Forces)", "Katyusha (107 mm rocket)"]:
        assert heading in glossary_entries() and f"#{anchor(heading)}`" in intro


def test_every_event_id_the_glossary_cites_is_a_row_of_the_dataset():
    cited = set(re.findall(r"`(\d{4}-\d{2}-\d{2}-[a-z0-9_]+-[a-z0-9_]+)`", (ROOT / "docs" / "glossary.md").read_text()))
    assert len(cited) > 20
    assert not cited - {row["event_id"] for _, row in _events_rows()}


def test_every_cast_key_the_glossary_names_has_a_row():
    named = re.findall(r"^Cast: `([a-z0-9_]+)`", (ROOT / "docs" / "glossary.md").read_text(), flags=re.MULTILINE)
    assert len(named) > 10
    assert not set(named) - set(cast())


def test_cast_names_and_descriptions_use_one_spelling_per_name():
    hits = [(key, hit) for key, row in cast().items() for hit in spelling_hits(row["name"] + " " + row["description"])]
    assert not hits


def test_who_shows_name_kind_description_and_source_link():
    with open(ROOT / "data" / "actors.csv", encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["key"] == "kataib_hezbollah")
    text = who("kataib_hezbollah")
    assert text.startswith(f"**{row['name']}** (group, key `kataib_hezbollah`)")
    assert row["description"] in text
    assert f"[{row['source_name']}]({row['source_url']})" in text


def test_unknown_actor_key_gets_one_sentence_naming_close_matches():
    with pytest.raises(ParameterError, match=r"close matches: 'kataib_hezbollah'") as error:
        who("kataib_hizbollah")
    assert "\n" not in str(error.value)


def test_glossary_and_who_are_exported_from_the_package():
    assert tt.glossary is glossary and tt.who is who
    assert {"glossary", "who"} <= set(tt.__all__)


def test_spelling_hits_skip_urls_and_variants_inside_the_preferred_form():
    table = [("al-Qaim", ["Qaim", "Al Qaim"]), ("Quds Force", ["al-Quds Force"])]
    assert spelling_hits("strikes near al-Qaim and Al-Qaim", table) == []
    assert spelling_hits("strikes near Qaim", table) == [("Qaim", "al-Qaim")]
    assert spelling_hits("see https://example.org/Qaim-news and [x](https://example.org/Qaim)", table) == []
    assert spelling_hits("the al-Quds Force", table) == [("al-Quds Force", "Quds Force")]
    assert spelling_hits("Qaimah is another word", table) == []


def test_spelling_table_never_lists_a_preferred_form_as_a_variant():
    rows = spellings()
    preferred = [p for p, _ in rows]
    assert len(preferred) == len(set(preferred))
    clash = {v for _, variants in rows for v in variants} & set(preferred)
    assert not clash


def _hits_in(path: Path) -> list[str]:
    hits = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(OTHER_SPELLINGS):  # the glossary lists variants here on purpose
            continue
        hits += [f"{path.relative_to(ROOT)}:{number}: {v!r} (write {p!r})" for v, p in spelling_hits(line)]
    return hits


@pytest.mark.parametrize("path", sorted({p for pattern in SCANNED for p in ROOT.glob(pattern)}), ids=str)
def test_text_uses_one_spelling_per_name(path):
    hits = _hits_in(path)
    assert not hits, "variant spellings (see data/spellings.csv):\n" + "\n".join(hits)


def test_event_summaries_use_one_spelling_per_name():
    hits = [
        f"data/events.csv:{line} ({row['event_id']}): {v!r} (write {p!r})"
        for line, row in _events_rows()
        for v, p in spelling_hits(row["summary"])
    ]
    assert not hits, "variant spellings (see data/spellings.csv):\n" + "\n".join(hits)
