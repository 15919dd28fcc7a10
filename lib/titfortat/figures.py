"""Every figure of the collection under one name, `tt.figures.monthly_bars(...)`, as the lessons call them.

The code lives in four modules, one job each: `style` (palette, the Figure class and the finishing step
every figure ends with), `charts`, `before_after_charts` and `maps`; the labels come from `world`. This
module only re-exports their public names, so that lesson code, stored notebooks and the tests keep one
stable address for every figure.
"""

from .before_after_charts import before_after_bars, event_study_plot
from .charts import (
    casualty_bars,
    ladder,
    monthly_bars,
    option_ranking,
    ranked_bars,
    timeline,
)
from .maps import PROVINCE_BINS, PROVINCE_COLOURS, base_map, handover_map, province_map
from .style import EVENT_TYPE_COLOURS, OKABE_ITO, SIDE_COLOURS, SOURCE, Figure, colour_for, describe
from .world import LABELS, SITE_LABELS, label_for

__all__ = [
    "EVENT_TYPE_COLOURS",
    "LABELS",
    "OKABE_ITO",
    "PROVINCE_BINS",
    "PROVINCE_COLOURS",
    "SIDE_COLOURS",
    "SITE_LABELS",
    "SOURCE",
    "Figure",
    "base_map",
    "before_after_bars",
    "casualty_bars",
    "colour_for",
    "describe",
    "event_study_plot",
    "handover_map",
    "label_for",
    "ladder",
    "monthly_bars",
    "option_ranking",
    "province_map",
    "ranked_bars",
    "timeline",
]
