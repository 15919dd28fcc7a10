"""Every lesson runs under every value its parameters cell advertises, including the edges of each range."""

from titfortat import rerun
from titfortat.cycle import CYCLES
from titfortat.data import field_enum

CASES = [
    *[("00", {"event_type": kind}) for kind in field_enum("event_type")],
    ("01", {"start": "2017-01-01", "end": "2017-01-01", "event_types": "political"}),
    ("01", {"start": "2019-06-01", "end": "2021-12-31", "event_types": "us_strike,base_handover,troop_change"}),
    *[("02", {"cycle": cycle, "window_days": days}) for cycle in CYCLES for days in (1, 60)],
    ("03", {"cutoff": "2019-07-01", "window_days": 30, "sites": "k1"}),
    ("03", {"cutoff": "2021-06-30", "window_days": 540, "sites": "us_embassy,baghdad,washington"}),
    ("04", {"window_days": 3}),
    ("04", {"window_days": 90}),
    ("05", {"window_days": 3, "include_syria_jordan": True}),
    ("05", {"window_days": 60, "include_syria_jordan": False}),
    *[("06", {"cycle": cycle}) for cycle in CYCLES],
]


def test_every_advertised_value_runs_to_the_end(tmp_path):
    runs = []
    for lesson, parameters in CASES:
        notebook = rerun.find_notebooks([lesson])[0]
        runs.append(rerun.Run(notebook, parameters, rerun.output_path(notebook, parameters, tmp_path)))
    results = rerun.run_all(runs, jobs=2)
    failed = [(r.notebook.stem, r.parameters, r.error) for r in results if not r.ok]
    assert not failed
