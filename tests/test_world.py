"""The facts about the world kept once in titfortat.world: every schema key is placed and named, every row they
name is in the data, and a gap is refused on load with a sentence that names it."""

import json

import pytest
import titfortat as tt
from titfortat import world
from titfortat.data import DATAPACKAGE, EVENTS_CSV, DataError


def _package_with_actor(tmp_path, actor: str):
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    field = next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "actor")
    field["constraints"]["enum"].append(actor)
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def test_every_actor_event_type_and_attribution_in_the_schema_has_a_side_or_label():
    assert world.vocabulary_problems() == []


def test_load_events_refuses_a_schema_actor_with_no_side_and_names_it(tmp_path):
    package = _package_with_actor(tmp_path, "new_front_group")
    assert world.vocabulary_problems(package) == [
        "actor 'new_front_group' in datapackage.json has no side in titfortat.world.SIDES; add it there.",
        "actor 'new_front_group' in datapackage.json has no label in titfortat.world.LABELS; add it there.",
    ]
    with pytest.raises(DataError, match="actor 'new_front_group' in datapackage.json has no side"):
        tt.load_events(EVENTS_CSV, package)


def test_every_milestone_answered_attack_and_cycle_opening_is_in_the_data(all_events):
    assert world.missing_events(all_events) == []
    assert {"soleimani", "tower_22"} <= set(world.ALL_CYCLES)  # both periods' cycles are looked for


def test_the_wave_cycle_is_named_when_its_opening_attack_is_missing(all_events):
    without = all_events[~((all_events["site"] == "tower_22") & (all_events["date"] == "2024-01-28"))]
    assert world.missing_events(without) == [
        f"attack '2024-01-28-tower_22-drone', answered on {day} in titfortat.strike_findings.ANSWERED, is not in "
        "the events."
        for day in ["2024-02-03", "2024-02-07"]
    ] + ["cycle 'tower_22': no event at tower_22 on 2024-01-28, its opening attack."]


def test_a_missing_cycle_opening_milestone_or_answered_attack_is_named(events):
    without_k1 = events[events["event_id"] != "2019-12-27-k1-rocket"]
    assert world.missing_events(without_k1) == [
        "milestone '2019-12-27-k1-rocket' in titfortat.world.MILESTONES is not in the events.",
        "attack '2019-12-27-k1-rocket', answered on 2019-12-29 in titfortat.strike_findings.ANSWERED, is not in the "
        "events.",
        "cycle 'soleimani': no event at k1 on 2019-12-27, its opening attack.",
    ]
    with pytest.raises(LookupError, match="event '2019-12-27-k1-rocket', named in titfortat.world.MILESTONES"):
        tt.timeline.milestones(without_k1)


def test_ladder_rows_run_in_side_order_from_the_top(events):
    figure = tt.figures.ladder(tt.escalation_ladder(events, "soleimani", 12), "t")
    assert list(figure.layout.yaxis.categoryarray) == world.SIDE_ORDER[::-1]
    assert list(tt.figures.SIDE_COLOURS) == world.SIDE_ORDER
