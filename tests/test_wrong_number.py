"""No silent wrong number (issue 14 item 1): a value that disagrees with its figure, scale letters, and calc reading
typed figures as check reads stated ones."""

from __future__ import annotations

import json

import pytest

from bakuastana.store.load import parse_store
from conftest import SEED_STORE

STORE = """\
facts:
  - id: trade_2024
    topic: trade
    label: Trade 2024
    value: {value}
    figure: 470 млн. долларов
    quote: товарооборот составил 470 млн. долларов
"""


def _s104(cli, path, *extra):
    result = cli("check", "--facts", str(path), "--select", "S104", "--json", *extra)
    return result, [finding for finding in json.loads(result.out)["findings"] if finding["code"] == "S104"]


def test_a_value_that_disagrees_with_its_figure_fails_with_both_places(cli, write_store):
    path = write_store(STORE.format(value="570 million USD"))
    result, found = _s104(cli, path)
    assert result.code == 1
    [finding] = found
    assert finding["severity"] == "error"
    assert finding["location"]["line"] == 5 and finding["location"]["column"] == 12  # the value
    assert '"470 млн. долларов" (line 6)' in finding["message"]  # the figure
    assert "the number differs" in finding["message"]


def test_with_an_article_the_finding_stands_on_the_figure_in_the_article(cli, write_store, tmp_path):
    path = write_store(STORE.format(value="570 million USD"))
    article = tmp_path / "article.txt"
    article.write_text("В 2024 году товарооборот составил 470 млн. долларов.\n", encoding="utf-8")
    _, [finding] = _s104(cli, path, "--article", str(article))
    assert finding["span"]["text"] == "470 млн. долларов" and finding["span"]["line"] == 1
    assert finding["location"]["line"] == 5


@pytest.mark.parametrize("value", ["470 million USD", "470 M USD", "470 mn USD", "470 mln USD", "0.47 bn USD",
                                   "470 млн USD", "470000 thousand USD", "470 m USD"])
def test_every_spelling_of_the_same_value_agrees(cli, write_store, value):
    result, found = _s104(cli, write_store(STORE.format(value=value)))
    assert found == [] and result.code == 0


@pytest.mark.parametrize(("value", "differs"), [("470 thousand USD", "number"), ("470 million EUR", "unit"),
                                                ("470 million t", "unit"), ("47 million USD", "number")])
def test_each_kind_of_disagreement_is_named(cli, write_store, value, differs):
    _, [finding] = _s104(cli, write_store(STORE.format(value=value)))
    assert f"the {differs} differs" in finding["message"]


def test_a_dropped_or_added_hedge_disagrees():
    from bakuastana.rules.s104 import disagreements

    store = parse_store("""\
facts:
  - {id: a, topic: t, label: A, value: 4.5 million t, figure: "более 4,5 млн тонн", quote: "более 4,5 млн тонн"}
  - {id: b, topic: t, label: B, value: 4.5 million t, hedge: about, figure: "4,5 млн тонн", quote: "4,5 млн тонн"}
  - {id: c, topic: t, label: C, value: 7 million t, figure: до 7 млн тонн, quote: увеличить до 7 млн тонн}
  - {id: d, topic: t, label: D, value: 55 thousand t, figure: всего 55 тыс. тонн, quote: всего 55 тыс. тонн}
""")
    found = {fact.id: disagreements(fact, None) for fact in store.facts}
    assert found == {"a": ("hedge",), "b": ("hedge",), "c": (), "d": ()}  # "до" may be "to"; "всего" no hedge


def test_the_seed_store_has_no_value_that_disagrees_with_its_figure(cli):
    result, found = _s104(cli, SEED_STORE)
    assert found == [], found
    assert result.code == 0
