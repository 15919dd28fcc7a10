"""The shipped borders: every province present, and points placed where an atlas puts them."""

import pytest
from titfortat import geography


def test_all_eighteen_provinces_of_the_natural_earth_file_are_shipped():
    assert len(geography.provinces()) == 18
    assert {"Baghdad", "Anbar", "Basra", "Erbil", "Kirkuk", "Nineveh"} <= set(geography.provinces())


@pytest.mark.parametrize(
    ("lon", "lat", "province"),
    [
        (44.37, 33.31, "Baghdad"),  # Tahrir Square, Baghdad
        (47.78, 30.51, "Basra"),  # Basra city
        (44.01, 36.19, "Erbil"),  # Erbil citadel
        (43.13, 36.34, "Nineveh"),  # Mosul
        (41.0, 33.0, "Anbar"),  # the western desert, east of Rutba
        (40.0, 34.0, None),  # Syria, outside Iraq
    ],
)
def test_a_point_falls_in_the_province_that_holds_it(lon, lat, province):
    assert geography.province_at(lon, lat) == province


def test_distance_outside_a_province_is_zero_inside_and_grows_with_distance():
    assert geography.km_outside(44.37, 33.31, "Baghdad") == 0
    near, far = geography.km_outside(44.37, 32.5, "Baghdad"), geography.km_outside(44.37, 31.5, "Baghdad")
    assert 0 < near < far
    assert 100 < far - near < 120  # one degree of latitude is about 111 km
