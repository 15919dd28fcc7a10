"""The papermill runner: bad parameters stop with the clear error, sweeps fan out, the tree stays clean."""

import hashlib
from pathlib import Path

import pytest
from titfortat import rerun

NOTEBOOKS = rerun.find_notebooks([])
CASES = [(path, name) for path in NOTEBOOKS for name in rerun.notebook_parameters(path)]


def _tree_digest(*folders: Path) -> dict:
    return {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("path, name", CASES, ids=[f"{p.stem}-{n}" for p, n in CASES])
def test_bad_parameter_value_stops_the_run_with_one_clear_sentence(tmp_path, path, name):
    run = rerun.Run(path, {name: "!bad!"}, tmp_path / f"{path.stem}.ipynb")
    result = rerun.execute(run)
    assert result.error.startswith("ParameterError: Parameter '" + name + "' got '!bad!'; allowed:")


def test_unknown_parameter_is_refused_before_running_with_the_list_of_parameters():
    with pytest.raises(rerun.RunError, match="has no parameter 'colour'; its parameters are: event_type"):
        rerun.plan(rerun.find_notebooks(["00"]), {"colour": "red"}, None)


def test_main_turns_an_unknown_notebook_into_its_sentence_and_exit_status_1(capsys):
    assert rerun.main(["99"]) == 1
    assert capsys.readouterr().err.startswith("No single notebook matches '99'; choose from: 00_start_here")


def test_sweep_makes_one_notebook_and_one_html_page_per_value(tmp_path, monkeypatch):
    monkeypatch.setattr(rerun, "BUILD", tmp_path)
    before = _tree_digest(rerun.NOTEBOOKS, rerun.ROOT / "data")
    runs = rerun.plan(rerun.find_notebooks(["00"]), {}, ("event_type", ["us_strike", "ied_attack"]))
    runs = [rerun.Run(r.notebook, r.parameters, rerun.output_path(r.notebook, r.parameters, tmp_path)) for r in runs]
    results = rerun.run_all(runs, jobs=2)
    assert [r.ok for r in results] == [True, True]
    assert sorted(p.name for p in tmp_path.glob("*.ipynb")) == [
        "00_start_here__event_type-ied_attack.ipynb",
        "00_start_here__event_type-us_strike.ipynb",
    ]
    page = (tmp_path / "00_start_here__event_type-us_strike.html").read_text()
    assert page.count("Plotly.newPlot(") == 2 and 'src="https://' not in page
    assert _tree_digest(rerun.NOTEBOOKS, rerun.ROOT / "data") == before
    assert "ok" in rerun.summary_table(results)


def test_find_notebooks_accepts_numbers_and_refuses_unknown_names():
    assert rerun.find_notebooks(["00"])[0].name == "00_start_here.ipynb"
    with pytest.raises(rerun.RunError, match="No single notebook"):
        rerun.find_notebooks(["99"])


def test_parse_value_reads_numbers_and_lists_as_json():
    assert rerun.parse_value("14") == 14
    assert rerun.parse_value('["taji"]') == ["taji"]
    assert rerun.parse_value("taji") == "taji"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameters_read_from_the_tagged_cell_agree_with_papermill(path):
    import ast

    import papermill

    # papermill gives each default as its source text
    specs = papermill.inspect_notebook(str(path))
    expected = {name: ast.literal_eval(spec["default"]) for name, spec in specs.items()}
    assert rerun.notebook_parameters(path) == expected and expected
