"""ipywidgets controls that redraw a figure or table live. Each returns a widget box; the lessons
print a static figure beside it so they read well where widgets do not run."""

from __future__ import annotations

import html
from urllib.parse import quote

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from . import consolidation, cycle, figures, response, simulation, timeline


def _live_figure(fig: go.Figure) -> go.FigureWidget:
    widget = go.FigureWidget(fig)
    widget.layout.meta = fig.layout.meta
    return widget


def _replace(target: go.FigureWidget, fig: go.Figure) -> None:
    with target.batch_update():
        target.data = []
        target.add_traces(list(fig.data))
        target.layout = fig.layout


def monthly_explorer(events: pd.DataFrame, types: list[str]) -> widgets.VBox:
    """A year-range slider and a grouping menu over the attacks-per-month bars."""
    years = sorted(events["date"].dt.year.unique())
    span = widgets.IntRangeSlider(value=(years[0], years[-1]), min=years[0], max=years[-1], description="Years")
    group = widgets.Dropdown(
        options=[("event type", "event_type"), ("site", "site"), ("actor", "actor")],
        value="event_type",
        description="Colour by",
    )

    def build():
        chosen = timeline.between(timeline.of_types(events, types), f"{span.value[0]}-01-01", f"{span.value[1]}-12-31")
        monthly = timeline.events_per_month(
            chosen, by=group.value, start=f"{span.value[0]}-01-01", end=f"{span.value[1]}-12-31", top=7
        )
        return figures.monthly_bars(monthly, f"Events per month, {span.value[0]}-{span.value[1]}")

    plot = _live_figure(build())
    for control in (span, group):
        control.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([widgets.HBox([span, group]), plot])


def ladder_explorer(events: pd.DataFrame, window_days: int) -> widgets.VBox:
    """A cycle menu and a window slider over the escalation ladder."""
    choice = widgets.ToggleButtons(options=list(cycle.CYCLES), value="soleimani", description="Cycle")
    window = widgets.IntSlider(value=window_days, min=1, max=cycle.MAX_WINDOW_DAYS, description="Days")

    def build():
        rungs = cycle.escalation_ladder(events, choice.value, window.value)
        return figures.ladder(rungs, f"{cycle.CYCLES[choice.value]['title']}: first {window.value} days")

    plot = _live_figure(build())
    for control in (choice, window):
        control.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([widgets.HBox([choice, window]), plot])


def cutoff_explorer(events: pd.DataFrame, cutoff, window_days: int) -> widgets.VBox:
    """A date slider for the consolidation cut-off over the before/after bars by region."""
    months = pd.date_range(*consolidation.CUTOFF_RANGE, freq="MS")
    options = [(f"{m:%b %Y}", m) for m in months]
    start = min(months, key=lambda m: abs(m - pd.Timestamp(cutoff)))
    slider = widgets.SelectionSlider(
        options=options, value=start, description="Cut-off", layout=widgets.Layout(width="500px")
    )

    def build():
        table = consolidation.before_after(events, slider.value, window_days, by="region")
        return figures.before_after_bars(
            table,
            f"Attacks by region, {window_days} days either side of {slider.value:%b %Y}",
            slider.value,
        )

    plot = _live_figure(build())
    slider.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([slider, plot])


def decision_matrix(weights: dict) -> widgets.VBox:
    """One slider per criterion; the ranking of the response options updates as the weights move."""
    sliders = {
        key: widgets.IntSlider(
            value=int(weights.get(key, 1)),
            min=0,
            max=5,
            description=label,
            style={"description_width": "200px"},
            layout=widgets.Layout(width="420px"),
        )
        for key, label in response.CRITERIA.items()
    }

    def build():
        ranked = response.rank_options({k: s.value for k, s in sliders.items()})
        return figures.option_ranking(ranked, "Response options ranked by your weights")

    plot = _live_figure(build())
    for slider in sliders.values():
        slider.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([*sliders.values(), plot])


def _html_block(title: str, body: str = "") -> str:
    return f"<h4>{html.escape(title)}</h4>{body}"


def crisis_room(events: pd.DataFrame, cycle_name: str) -> widgets.VBox:
    """The crisis simulation: at each decision point a briefing (the rows known that day), a choice among
    lesson 04's options with a reason, and only after "Decide" what the US did and what followed; at
    the end the choices beside the real ones and a CSV download link (a data: address, no server)."""
    points = simulation.decision_points(events, cycle_name)
    actual = simulation.actual_responses(events, cycle_name)
    choices: dict = {}
    where = widgets.HTML()
    briefing = widgets.HTML()
    option = widgets.RadioButtons(
        options=[(label, key) for key, label in response.OPTIONS.items()],
        value=None,
        description="Your order",
        style={"description_width": "90px"},
        layout=widgets.Layout(width="auto"),
    )
    reason = widgets.Textarea(
        placeholder="Why this response? One or two sentences.",
        description="Reason",
        style={"description_width": "90px"},
        layout=widgets.Layout(width="640px", height="70px"),
    )
    decide = widgets.Button(description="Decide", button_style="primary", icon="gavel")
    # Next stays hidden and disabled until a choice is recorded: skipping a decision would show its outcome
    following = widgets.Button(
        description="Next", icon="arrow-right", disabled=True, layout=widgets.Layout(display="none")
    )
    status = widgets.HTML()
    outcome = widgets.HTML()
    state = {"point": 0}

    def ladder(day: int, title: str) -> go.Figure:
        return figures.ladder(cycle.escalation_ladder(events, cycle_name, day), title)

    def ladder_to(day: int, title: str) -> None:
        _replace(plot, ladder(day, title))

    def known_title(row) -> str:
        return f"The ladder on {row['date']:%d %b %Y}: what you know"

    plot = _live_figure(ladder(int(points["day"].iloc[0]), known_title(points.iloc[0])))

    def show(index: int) -> None:
        row = points.iloc[index]
        known = simulation.known_on(events, cycle_name, row["date"])
        # the prompting row as reported that day, not its summary written with later counts
        prompt = known.loc[known["event_id"] == row["event_id"], "reported_that_day"].iloc[0]
        where.value = _html_block(
            f"{cycle.CYCLES[cycle_name]['title']}. Decision {index + 1} of {len(points)}: "
            f"the evening of {row['date']:%d %B %Y} (day {row['day']})",
            f"<p><b>What prompts it:</b> {html.escape(prompt)}</p>",
        )
        briefing.value = _html_block(
            "What has happened since the opening attack (the rows known today)",
            simulation.rows_html(known, simulation.ROOM_BRIEFING),
        )
        option.value, reason.value = None, ""
        for control in (option, reason, decide):
            control.disabled = False
        following.layout.display = "none"
        following.disabled = True
        status.value = outcome.value = ""
        if index:  # the first point's ladder is drawn with the widget
            ladder_to(int(row["day"]), known_title(row))

    def on_decide(_) -> None:
        index = state["point"]
        choice = (option.value, reason.value)
        problem = simulation.choice_problem(choice)
        if problem:
            status.value = f"<p><b>Not yet:</b> {html.escape(problem)}.</p>"
            return
        choices[index + 1] = choice
        for control in (option, reason, decide):
            control.disabled = True
        row = points.iloc[index]
        happened = simulation.what_happened(events, cycle_name, row["date"], int(row["follow_days"]))
        did = simulation.us_response(happened)["us_did"]
        status.value = f"<p>Recorded: <b>{html.escape(response.OPTIONS[option.value])}</b>.</p>"
        outcome.value = _html_block(
            f"What was actually done, and what followed, in the next {row['follow_days']} days",
            f"<p><b>The US:</b> {html.escape(did)}.</p>"
            + simulation.rows_html(happened, simulation.ROOM_REVEAL)
            + "<p>What would have followed your choice no one can know: the data holds only what followed "
            "the real one.</p>",
        )
        last_day = int(row["day"]) + int(row["follow_days"])
        ladder_to(last_day, f"The ladder to day {last_day}: what followed")
        following.description = "Next decision" if index + 1 < len(points) else "See the comparison"
        following.layout.display = None
        following.disabled = False

    def on_next(_) -> None:
        if state["point"] + 1 not in choices:  # no choice recorded for this point: nothing of the outcome
            status.value = "<p><b>Not yet:</b> choose a response, give a reason and press Decide.</p>"
            return
        state["point"] += 1
        if state["point"] < len(points):
            show(state["point"])
            return
        table = simulation.compare_choices(choices, actual)
        text = simulation.choices_csv(table, cycle_name)
        link = "data:text/csv;charset=utf-8," + quote(text)
        columns = [
            "point",
            "date",
            "your_choice",
            "your_reason",
            "us_did",
            "closest_option",
            "attacks_after",
            "deaths_after",
            "tolls_unknown",
        ]
        where.value = _html_block(f"{cycle.CYCLES[cycle_name]['title']}: your choices beside the real ones")
        briefing.value = simulation.rows_html(table, columns) + (
            f'<p><a href="{link}" download="my_choices_{html.escape(cycle_name)}.csv">'
            "Download your choices (CSV)</a> to hand in.</p>"
            "<p>deaths_after counts only the deaths the rows record; tolls_unknown is the number of attacks "
            "and strikes whose deaths the sources did not settle (blank in the data): unknown, not zero.</p>"
        )
        for control in (option, reason, decide, following):
            control.layout.display = "none"
        status.value = outcome.value = ""
        last = points.iloc[-1]
        last_day = int(last["day"]) + int(last["follow_days"])
        ladder_to(last_day, f"The whole cycle to day {last_day}: what you decided about, and what came after")

    decide.on_click(on_decide)
    following.on_click(on_next)
    show(0)
    room = widgets.VBox([where, briefing, plot, option, reason, widgets.HBox([decide, following]), status, outcome])
    # the parts a test drives, and the record the CSV is made from
    room.option, room.reason, room.decide, room.next = option, reason, decide, following
    room.outcome, room.summary, room.choices = outcome, briefing, choices
    return room


def event_study_explorer(by_period: dict[str, pd.DataFrame], window_days: int, max_days: int = 60) -> widgets.VBox:
    """A period menu and a window slider over the event study: the same tool on either period's rows."""
    choice = widgets.ToggleButtons(options=list(by_period), value=list(by_period)[-1], description="Period")
    window = widgets.IntSlider(value=window_days, min=3, max=max_days, description="Days")

    def build():
        events = by_period[choice.value]
        study = response.event_study(events, window.value)
        summary = response.mean_change(study)
        title = f"{choice.value}: " + response.event_study_headline(summary, window.value)
        return figures.event_study_plot(study, summary, window.value, title, len(response.militia_attacks(events)))

    plot = _live_figure(build())
    for control in (choice, window):
        control.observe(lambda _: _replace(plot, build()), names="value")
    return widgets.VBox([widgets.HBox([choice, window]), plot])
