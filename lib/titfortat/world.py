"""Facts about the world that the analyses and figures name, each kept here once: the sides and who is on
them, what every key is called, the turning points marked on charts, and where each escalation cycle opens.

load_events checks the vocabulary against the schema (every actor has a side and a label, every event type
and attribution a label); `missing_events` lists the rows these tables name that the events lack.
"""

from __future__ import annotations

from functools import lru_cache

from .package import DATAPACKAGE, field_enum

# Each cycle opens with a deadly attack on a site; the ladder is every event from that day on.
CYCLES = {
    "soleimani": {
        "title": "K-1 to the Iranian missile strike, Dec 2019 - Jan 2020",
        "start": "2019-12-27",
        "site": "k1",
    },
    "taji": {"title": "The Camp Taji cycle, March 2020", "start": "2020-03-11", "site": "taji"},
    "erbil": {"title": "The Erbil cycle, February - March 2021", "start": "2021-02-15", "site": "erbil_airport"},
}
# The cycle of the 2023-2024 wave, kept apart so that lessons 02, 04 and 06, which compare the cycles
# above, keep comparing the same three; lesson 05 tests their conclusions on this one.
WAVE_CYCLES = {
    "tower_22": {
        "title": "Tower 22 to the strike in Baghdad, Jan - Feb 2024",
        "start": "2024-01-28",
        "site": "tower_22",
    },
}
ALL_CYCLES = {**CYCLES, **WAVE_CYCLES}

# Which side of the conflict each actor stands on, for colouring and for the ladder's rows. Every
# actor key in the schema must be listed (load_events checks): no actor falls on a side by default.
MILITIA_SIDE = "Militias and crowds"
US_SIDE = "US and allies"
SIDES = {
    "united_states": US_SIDE,
    "coalition": US_SIDE,
    "nato": US_SIDE,
    "iran": "Iran",
    "iraq_government": "Iraqi state",
    "iraq_parliament": "Iraqi state",
    "popular_mobilization_forces": "Iraqi state",  # a state body by the 2016 law, led by militia commanders
    "sadrist_movement": "Iraqi parties and movements",
    "fatah_alliance": "Iraqi parties and movements",
    "protesters": "Iraqi parties and movements",  # the 2018 Basra and 2019 Tishreen protest crowds
    "pmf_supporters": MILITIA_SIDE,
    # attacks nobody claimed: US officials blamed Iran-aligned militias for them, so they sit on the
    # militia row, and the lesson says so
    "unknown": MILITIA_SIDE,
}
SIDE_ORDER = [MILITIA_SIDE, US_SIDE, "Iran", "Iraqi state", "Iraqi parties and movements"]
# Armed groups and their front names: every actor key not listed above.
ARMED_GROUPS = [
    "asaib_ahl_al_haq",
    "ashab_al_kahf",
    "harakat_al_nujaba",
    "iraqi_resistance_coordination_committee",
    "islamic_resistance_in_iraq",  # the banner the factions claimed under in 2023-2024
    "kataib_hezbollah",
    "kataib_sayyid_al_shuhada",
    "liwa_al_thairin",
    "qasim_al_jabbarin",
    "saraya_awliya_al_dam",
    "saraya_thawrat_al_ishreen_al_thaniya",
    "thar_al_muhandis",
    "usbat_al_thairin",
]
SIDES.update({group: MILITIA_SIDE for group in ARMED_GROUPS})

# What each vocabulary key is called in tables and charts (every event type, actor and attribution in
# the schema: load_events checks). Actors are named as in data/actors.csv, without its abbreviations.
LABELS = {
    "rocket_attack": "Rocket or mortar attack",
    "drone_attack": "Drone attack",
    "ied_attack": "Roadside bomb (IED)",
    "missile_strike": "Ballistic missile strike",
    "us_strike": "US air strike",
    "militia_site_strike": "Strike or blast at a militia site",
    "assault": "Storming of a compound",
    "base_handover": "Base handed to Iraq",
    "troop_change": "Troop level change",
    "political": "Political event",
    # actors and attributions, as the lessons' text names them
    "unknown": "Unknown",
    "united_states": "United States",
    "iraq_government": "Iraqi government",
    "iraq_parliament": "Iraqi parliament",
    "coalition": "US-led coalition",
    "kataib_hezbollah": "Kataib Hezbollah",
    "asaib_ahl_al_haq": "Asaib Ahl al-Haq",
    "harakat_al_nujaba": "Harakat al-Nujaba",
    "kataib_sayyid_al_shuhada": "Kataib Sayyid al-Shuhada",
    "usbat_al_thairin": "Usbat al-Thairin",
    "qasim_al_jabbarin": "Qasim al-Jabbarin",
    "ashab_al_kahf": "Ashab al-Kahf",
    "saraya_awliya_al_dam": "Saraya Awliya al-Dam",
    "iran": "Iran",
    "pmf_supporters": "PMF supporters (crowd)",
    "popular_mobilization_forces": "Popular Mobilization Forces",
    "fatah_alliance": "Fatah alliance",
    "iraqi_resistance_coordination_committee": "Iraqi Resistance Coordination Committee",
    "islamic_resistance_in_iraq": "Islamic Resistance in Iraq",
    "liwa_al_thairin": "Liwa al-Thairin",
    "nato": "NATO",
    "protesters": "Iraqi protesters",
    "sadrist_movement": "Sadrist movement",
    "saraya_thawrat_al_ishreen_al_thaniya": "Saraya Thawrat al-Ishreen al-Thaniya",
    "thar_al_muhandis": "Thar al-Muhandis",
    "claimed": "Claimed by a group",
    "blamed_by_us": "Blamed by US officials",
    "suspected": "Suspected",
    "acknowledged": "Acknowledged by the actor",
}
# The names the lessons' text uses for the places that recur in it; other sites take the short form
# of their name in the site table ("Anbar province (point: Ramadi...)" -> "Anbar province").
SITE_LABELS = {
    "us_embassy": "US embassy (Green Zone)",
    "ain_al_asad": "Ain al-Asad",
    "baghdad_airport": "Baghdad airport",
    "erbil_airport": "Erbil airport",
    "k1": "K-1 (Kirkuk)",
    "q_west": "Q-West",
    "balad": "Balad",
    "taji": "Taji",
    "al_qaim": "al-Qaim",
    "harir": "Harir",
    "iraq_nationwide": "Iraq (no single place)",
}


# Turning points marked on the monthly charts: event ids in data/events.csv and a short label.
MILESTONES = [
    ("2018-12-26-ain_al_asad-trump_visit", "Trump at Ain al-Asad"),
    ("2019-05-15-us_embassy-ordered_departure", "Embassy staff ordered out"),
    ("2019-12-27-k1-rocket", "K-1 attack"),
    ("2020-01-03-baghdad_airport-strike", "Soleimani killed"),
    ("2020-06-11-baghdad-strategic_dialogue", "Strategic dialogue"),
    ("2020-09-26-us_embassy-political", "Embassy closure threat"),
    ("2021-02-26-abu_kamal-strike", "US strike in Syria"),
    ("2021-07-26-white_house-combat_mission_end", "End of combat mission agreed"),
]


@lru_cache(maxsize=1)
def _site_labels() -> dict:
    from .package import sites

    names = sites()["name"].str.split(" (", regex=False).str[0]
    return {**names.to_dict(), **SITE_LABELS}


def label_for(key: str) -> str:
    """A readable label for a vocabulary key or a site key.

    Parameters
    ----------
    key : str
        A vocabulary, actor or site key.

    Returns
    -------
    str
        The label: LABELS, then SITE_LABELS, then the site table's short name, then the key with spaces.
    """
    return LABELS.get(key) or _site_labels().get(key) or str(key).replace("_", " ")


def vocabulary_problems(package_path=DATAPACKAGE) -> list[str]:
    """One sentence per gap between the schema's vocabularies and these tables (empty when none).

    Parameters
    ----------
    package_path : the data package whose enums are checked (data/datapackage.json by default)

    Returns
    -------
    list of str: an actor with no side or no label, an event type or attribution with no label, a side
    missing from SIDE_ORDER.
    """
    problems = []
    for actor in field_enum("actor", package_path):
        if actor not in SIDES:
            problems.append(f"actor {actor!r} in datapackage.json has no side in titfortat.world.SIDES; add it there.")
        if actor not in LABELS:
            problems.append(
                f"actor {actor!r} in datapackage.json has no label in titfortat.world.LABELS; add it there."
            )
    for column in ["event_type", "attribution"]:
        for key in field_enum(column, package_path):
            if key not in LABELS:
                problems.append(f"{column} {key!r} in datapackage.json has no label in titfortat.world.LABELS.")
    for side in sorted(set(SIDES.values()) - set(SIDE_ORDER)):
        problems.append(f"side {side!r} in titfortat.world.SIDES is missing from SIDE_ORDER.")
    return problems


def missing_events(events) -> list[str]:
    """One sentence per event these tables name that `events` lacks: a milestone, an attack a strike answered
    (strike_findings.ANSWERED) or a cycle's opening attack.

    Only what is dated inside the span of `events` is looked for, so a period's rows answer for that period.

    Parameters
    ----------
    events : DataFrame
        Events as load_events() returns them (period=None for every period).

    Returns
    -------
    list of str
        Empty when every milestone, answered attack and cycle opening (its date and site) in the span is there.
    """
    import pandas as pd

    if events.empty:
        return []
    first, last = events["date"].min(), events["date"].max()
    ids = set(events["event_id"])
    problems = [
        f"milestone {key!r} in titfortat.world.MILESTONES is not in the events."
        for key, _ in MILESTONES
        if first <= pd.Timestamp(key[:10]) <= last and key not in ids
    ]
    from .strike_findings import ANSWERED

    for day, named in ANSWERED.items():
        if isinstance(named, list) and first <= pd.Timestamp(day) <= last:
            problems += [
                f"attack {key!r}, answered on {day} in titfortat.strike_findings.ANSWERED, is not in the events."
                for key in named
                if key not in ids
            ]
    for name, spec in ALL_CYCLES.items():
        start = pd.Timestamp(spec["start"])
        opening = (events["date"] == start) & (events["site"] == spec["site"])
        if first <= start <= last and not opening.any():
            problems.append(f"cycle {name!r}: no event at {spec['site']} on {spec['start']}, its opening attack.")
    return problems
