"""No silent wrong number (issue 14 item 1): a value that disagrees with its figure, scale letters, and calc reading
typed figures as check reads stated ones."""

from __future__ import annotations

import json
from fractions import Fraction

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


# calc reads typed figures as check reads stated ones ------------------------------------------------------

def _calc(expression: str, store_text: str = "facts: []\n"):
    from bakuastana.analysis.calc import calculate

    return calculate(expression, parse_store(store_text))


@pytest.mark.parametrize(("typed", "text", "interval"), [
    ("1 000 тонн", "1000 t", "[999.5, 1000.5] t"),
    ("1,250,000 tonnes", "1.25 million t", "[1.25, 1.25] million t"),  # half a tonne either side
    ("$1.2bn", "1.2 billion USD", "[1.15, 1.25] billion USD"),
    ("полтора миллиона тонн", "1.5 million t", "[1.45, 1.55] million t"),
    ("более 3,5 млн тонн", "3.5 million t", "(3.5, inf) million t"),
    ("470 M USD", "470 million USD", "[469.5, 470.5] million USD"),
    ("470 m USD", "470 million USD", "[469.5, 470.5] million USD"),
    ("около 170 документов", "170 document", "[153, 187] document"),
])
def test_calc_reads_a_typed_figure_as_written(typed, text, interval):
    from bakuastana.numbers.quantity import format_interval, format_quantity

    value = _calc(typed).value
    assert format_quantity(value) == text
    assert format_interval(value) == interval
    if typed.startswith("1,250,000"):
        assert value.magnitude().lo == Fraction(2499999, 2) and value.magnitude().hi == Fraction(2500001, 2)


def test_a_bare_number_stays_an_exact_constant():
    assert _calc("1 000 + 5").value.interval.is_point
    rate = _calc("547 млн долларов / 8 месяцев").value.magnitude()  # the months exact, the dollars as written
    assert (rate.lo, rate.hi) == (Fraction(546_500_000, 8), Fraction(547_500_000, 8))


PAIRS = [  # (left figure, its value and hedge as a store writes it), op, (right ...)
    (("более 3,5 млн тонн", "3.5 million t", "more_than"), "<=", ("4 млн тонн", "4 million t", None)),
    (("более 3,5 млн тонн", "3.5 million t", "more_than"), ">", ("3 млн тонн", "3 million t", None)),
    (("470 млн. долларов", "470 million USD", None), "<", ("$0.5bn", "0.5 billion USD", None)),
    (("около 170 документов", "170 document", "about"), ">", ("150 документов", "150 document", None)),
    (("полтора миллиона тонн", "1.5 million t", None), ">=", ("1,6 млн тонн", "1.6 million t", None)),
    (("1 000 тонн", "1000 t", None), "==", ("1 тыс. тонн", "1 thousand t", None)),
    (("470 млн. долларов", "470 million USD", None), ">", ("$0.50bn", "0.50 billion USD", None)),
    (("до 7 млн тонн", "7 million t", "up_to"), ">", ("6 млн тонн", "6 million t", None)),
    (("почти 5 млн тонн", "5 million t", "almost"), ">", ("4,8 млн тонн", "4.8 million t", None)),
]


@pytest.mark.parametrize(("left", "op", "right"), PAIRS)
def test_calc_gives_checks_verdict_on_the_same_figures(left, op, right):
    from bakuastana.analysis.engine import CheckOptions, check

    def fact(ident, figure, value, hedge):
        hedged = f", hedge: {hedge}" if hedge else ""
        return (f"  - {{id: {ident}, topic: t, label: X, value: {value}{hedged}, figure: \"{figure}\", "
                f'quote: "{figure}"}}\n')

    store = parse_store("facts:\n" + fact("a", *left) + fact("b", *right)
                        + f"relations:\n  - {{id: r, label: R, check: a {op} b}}\n")
    report = check(store, None, CheckOptions())
    [checked] = [finding.verdict for finding in report.findings if finding.verdict and finding.facts == ["a", "b"]]
    assert _calc(f"{left[0]} {op} {right[0]}").verdict == checked


def test_the_pairs_cover_every_verdict():
    verdicts = {_calc(f"{left[0]} {op} {right[0]}").verdict for left, op, right in PAIRS}
    assert verdicts == {"consistent", "edge", "inconsistent"}


def test_a_hedge_with_to_is_a_figure_not_a_conversion():
    english, russian = _calc("up to 7 million t > 6 million t"), _calc("до 7 млн тонн > 6 млн тонн")
    assert english.verdict == russian.verdict == "edge"
    assert [text for text, _ in english.figures] == ["up to 7 million t", "6 million t"]
    assert _calc("3 million t to kt").value.unit.label == "kt"


def test_calc_shows_how_it_read_each_typed_figure(cli):
    result = cli("calc", "547 млн долларов / 8 месяцев")
    assert result.code == 0
    assert '  read "547 млн долларов" as [546.5, 547.5] million USD' in result.out
    assert "  interval [68.3125, 68.4375] million USD/month" in result.out
    data = json.loads(cli("calc", "470 M USD to thousand USD", "--json").out)
    assert data["text"] == "470,000 thousand USD" and data["figures"][0]["typed"] == "470 M USD"
    assert (data["low"], data["high"]) == (469500, 470500)


def test_a_fall_stored_as_a_negative_change_agrees_with_its_unsigned_figure():
    from bakuastana.rules.s104 import disagreements

    store = parse_store("""\
facts:
  - {id: fall, topic: t, label: A, kind: percent, value: -12 percent, figure: 12%, quote: упала на 12%}
  - {id: typo, topic: t, label: B, kind: percent, value: -21 percent, figure: 12%, quote: fell by 12%}
  - {id: signed, topic: t, label: C, value: -40 %, figure: "-40%", quote: "рост составил -40%"}
""")
    assert [disagreements(fact, None) for fact in store.facts] == [(), ("number",), ()]
