"""Small events frames built in tests, in the loader's dtypes."""

import pandas as pd

COLUMNS = [
    "event_id",
    "date",
    "event_type",
    "actor",
    "attribution",
    "target",
    "site",
    "province",
    "country",
    "latitude",
    "longitude",
    "location_precision",
    "projectiles",
    "us_killed",
    "us_wounded",
    "other_killed",
    "summary",
    "source_url",
    "source_name",
    "notes",
]


def make_events(rows):
    """A small events frame in the loader's dtypes, from (date, event_type, site, actor) tuples plus extras."""
    records = []
    for i, row in enumerate(rows):
        date, kind, site, actor, *rest = row
        extra = rest[0] if rest else {}
        record = {
            "event_id": f"{date}-{site}-{i}",
            "date": pd.Timestamp(date),
            "event_type": kind,
            "actor": actor,
            "attribution": "unknown",
            "target": "t",
            "site": site,
            "province": extra.get("province", "Baghdad"),
            "country": extra.get("country", "Iraq"),
            "latitude": 33.0,
            "longitude": 44.0,
            "location_precision": "site",
            "projectiles": pd.NA,
            "us_killed": extra.get("us_killed", pd.NA),
            "us_wounded": extra.get("us_wounded", pd.NA),
            "other_killed": extra.get("other_killed", pd.NA),
            "summary": f"event {i}",
            "source_url": "https://example.org",
            "source_name": "x",
            "notes": "",
        }
        records.append(record)
    frame = pd.DataFrame(records, columns=COLUMNS)
    for column in ["projectiles", "us_killed", "us_wounded", "other_killed"]:
        frame[column] = frame[column].astype("Int64")
    return frame
