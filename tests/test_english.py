"""English read as a first language, and text as it really comes: hard-wrapped lines, URLs, ids and headers,
the other language's decimal mark, a figure written twice. Short texts written for these tests."""

from __future__ import annotations

import textwrap
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from bakuastana.text.article import Article, unwrapped
from bakuastana.text.figures import Figure, extract_figures

INIT_TEXTS = Path(__file__).parent / "data" / "init"


def only(text: str, written: str) -> Figure:
    """The one figure of `text` written as `written` (line breaks and spaces compared as one space)."""
    matches = [f for f in extract_figures(text) if " ".join(f.text.split()) == written]
    assert len(matches) == 1, f"{written!r} among {[f.text for f in extract_figures(text)]}"
    found = matches[0]
    assert text[found.start:found.end] == found.text
    return found


# (sentence, figure as written, expected fields): item 4 of issue 13
ENGLISH = [
    ("Trade reached $470 million in 2023.", "$470 million",
     {"value": 470 * 10**6, "unit": "USD", "kind": "amount", "scale": "million"}),
    ("Shipments reached 3.5 mln tons last year.", "3.5 mln tons",
     {"value": 3_500_000, "unit": "t", "kind": "amount", "decimals": 1}),
    ("Exports rose to 1.1 million tons.", "1.1 million tons", {"value": 1_100_000, "unit": "t"}),
    ("Trade grew by 50% year on year.", "50%", {"value": 50, "kind": "percent"}),
    ("Cargo grew fourfold.", "fourfold", {"value": 4, "kind": "multiple", "unit": "times"}),
    ("Cargo grew 4-fold.", "4-fold", {"value": 4, "kind": "multiple"}),
    ("Cargo grew 4-folds.", "4-folds", {"value": 4, "kind": "multiple"}),
    ("Cargo grew four fold.", "four fold", {"value": 4, "kind": "multiple"}),
    ("Cargo grew 4 fold.", "4 fold", {"value": 4, "kind": "multiple"}),
    ("Cargo grew four-folds.", "four-folds", {"value": 4, "kind": "multiple"}),
    ("In January-September 2023 trade grew.", "January", {"value": "2023-01", "kind": "date"}),
    ("In January-September 2023 trade grew.", "September 2023", {"value": "2023-09", "kind": "date"}),
    ("In the first nine months of 2022 trade grew.", "nine months", {"value": 9, "unit": "month"}),
    ("The line will carry 5 million tons by 2027.", "2027", {"value": 2027, "kind": "year"}),
    # hedges
    ("Exports were more than 5 tons.", "more than 5 tons", {"hedge": "more_than"}),
    ("Exports were about 5 tons.", "about 5 tons", {"hedge": "about"}),
    ("Exports were almost 5 tons.", "almost 5 tons", {"hedge": "almost"}),
    ("Exports were nearly 5 tons.", "nearly 5 tons", {"hedge": "almost"}),
    ("Exports were over 5 tons.", "over 5 tons", {"hedge": "more_than"}),
    ("Exports were up to 5 tons.", "up to 5 tons", {"hedge": "up_to"}),
    ("Exports were some 5 tons.", "some 5 tons", {"hedge": "about"}),
    ("Exports were around 5 tons.", "around 5 tons", {"hedge": "about"}),
    # "N times" is a multiple only in a comparison
    ("Trade increased six times.", "six times", {"kind": "multiple", "value": 6}),
    ("Trade was 6 times higher.", "6 times", {"kind": "multiple", "value": 6}),
    ("Exports grew almost 4 times.", "almost 4 times", {"kind": "multiple", "hedge": "almost"}),
    ("Exports were three times as much.", "three times", {"kind": "multiple", "value": 3}),
    ("He visited Astana six times.", "six times", {"kind": "count", "noun": "times", "unit": None}),
    ("The council met 12 times in 2024.", "12 times", {"kind": "count", "noun": "times"}),
    # and in Russian the preposition makes the multiple
    ("Объем вырос в 4 раза.", "в 4 раза", {"kind": "multiple", "value": 4}),
    ("Он побывал в Астане шесть раз.", "шесть раз", {"kind": "count", "noun": "раз"}),
]


@pytest.mark.parametrize(("text", "written", "expected"), ENGLISH, ids=[case[1] for case in ENGLISH])
def test_english_forms(text: str, written: str, expected: dict) -> None:
    found = only(text, written)
    for field, value in expected.items():
        assert getattr(found, field) == value, f"{found.text!r}: {field} is {getattr(found, field)!r}"


WRAPPED = [
    ("Trade reached 470\nmillion dollars in 2023.", "470 million dollars", {"value": 470 * 10**6, "unit": "USD"}),
    ("Trade reached $470\nmillion.", "$470 million", {"value": 470 * 10**6, "unit": "USD"}),
    ("Cargo at the port grew by more\nthan 50 per cent, its head said.", "more than 50 per cent",
     {"value": 50, "hedge": "more_than"}),
    ("Товарооборот составил 470\nмлн долларов.", "470 млн долларов", {"value": 470 * 10**6, "unit": "USD"}),
    ("Рост составил более\nчем 4,5 млн тонн.", "более чем 4,5 млн тонн", {"value": 4_500_000, "unit": "t"}),
]


@pytest.mark.parametrize(("text", "written", "expected"), WRAPPED, ids=[case[1] for case in WRAPPED])
def test_a_figure_split_by_a_line_break_reads_as_one(text: str, written: str, expected: dict) -> None:
    found = only(text, written)
    for field, value in expected.items():
        assert getattr(found, field) == value


def test_a_blank_line_still_parts_paragraphs() -> None:
    figures = extract_figures("Ships: 470\n\nMillion is a word in the next paragraph.")
    assert [(f.text, f.value) for f in figures] == [("470", 470)]


def test_a_hard_wrapped_copy_reads_the_same_figures() -> None:
    text = ("Bilateral trade reached $470 million in 2023, up 50% on the year before.\n\n"
            "In January-September 2024 it grew almost 4 times, to 3.5 mln tons of cargo.\n")
    def seen(source: str) -> list[tuple]:
        return [(f.start, f.end, f.value, f.unit, f.hedge, f.kind) for f in extract_figures(source)]

    cases = ((14, ("4\ntimes", "3.5\nmln", "September\n2024")), (19, ("$470\nmillion", "almost\n4", "mln\ntons")))
    for width, splits in cases:
        copy = wrapped(text, width)
        assert all(split in copy for split in splits)
        assert seen(copy) == seen(text)


def test_lines_that_are_paragraphs_keep_their_breaks() -> None:
    long_line = "Bilateral trade between the two countries reached $470 million in 2023, the ministry said on " \
                "Tuesday in a statement on its website."
    text = f"Trade up 50%\n{long_line}\n{long_line}\n"
    assert unwrapped(text) == text  # lines longer than a wrap: one paragraph per line
    heading = "Trade report\n\nBilateral trade reached\n$470 million in 2023.\nShort.\nNext line here.\n"
    assert unwrapped(heading) == heading.replace("reached\n", "reached ").replace("2023.\n", "2023. ")


def test_a_long_url_on_its_own_line_does_not_stop_the_unwrapping() -> None:
    text = "SOURCE:\nhttps://example.com/" + "x" * 150 + "\n\nTrade between the two countries reached $470\n" \
           "million in 2023, the ministry said.\n"
    assert "$470 million" in unwrapped(text)


def test_an_article_reads_a_wrapped_text_at_the_file_s_lines_and_columns() -> None:
    article = Article("a.txt", "Trade reached $470\nmillion in 2023.\n")
    assert article.text == "Trade reached $470 million in 2023.\n"
    assert article.position(article.text.index("million")) == (2, 1)


@pytest.mark.parametrize("text", [
    "SOURCE: https://kazinform.kz/news/231641",
    "Read more at www.gov.kz/2024/05/15/report.",
    "Write to press2024@example.com or info@mfa.gov.az.",
    "The report is in annual_report_2023.pdf and 2024-results.xlsx.",
    "News ID 8843221, ref. 5521.",
    "Указ № 231 подписан.",
])
def test_urls_mails_files_and_ids_hold_no_figure(text: str) -> None:
    assert extract_figures(text) == []


def test_a_header_with_a_url_leaves_the_story_s_figures_alone() -> None:
    text = "SOURCE: https://example.com/news/231641\nTrade reached $470 million in 2023.\n"
    assert [(f.text, f.value) for f in extract_figures(text)] == [("$470 million", 470 * 10**6), ("2023", 2023)]


@pytest.mark.parametrize(("text", "written", "value"), [
    ("Exports reached 4,5 million tons.", "4,5 million tons", Fraction(9, 2) * 10**6),  # decimal comma, English
    ("Экспорт достиг 4.5 млн тонн.", "4.5 млн тонн", Fraction(9, 2) * 10**6),  # decimal point, Russian
    ("The cable is 1,195 km long.", "1,195 km", 1195),  # three digits after a comma in English: thousands
])
def test_the_other_decimal_mark_reads_as_meant(text: str, written: str, value) -> None:
    assert only(text, written).value == value


ENGLISH_ARTICLE = """Kazakhstan and Azerbaijan trade hits $470 million

SOURCE: https://example.com/news/231641

Bilateral trade between Kazakhstan and Azerbaijan reached $470 million in 2023, up 50% on the year before.

In January-September 2024, trade turnover grew almost fourfold compared with the same period last year, to \
$547 million.

In the first nine months of 2022, oil transit through the Baku-Tbilisi-Ceyhan pipeline was 1.1 million tons. \
The volume is planned to reach 3.5 mln tons by 2027.

Trade reached $470 million in 2023, the ministry said. The president visited Baku six times.
"""


def checked(text: str) -> tuple[list[dict], list[tuple]]:
    """The draft `init` makes of a text, and the findings of checking the text against it."""
    from bakuastana.analysis.engine import check
    from bakuastana.draft.draft import draft_store
    from bakuastana.draft.writer import draft_yaml
    from bakuastana.store.load import parse_store

    article = Article("article.txt", text)
    draft = draft_store(article, date(2025, 10, 21))
    report = check(parse_store(draft_yaml(draft), "draft"), article)
    return draft.facts, [(f.code, f.severity, f.message, f.facts) for f in report.findings]


def wrapped(text: str, width: int) -> str:
    """The text hard-wrapped at `width`, as an e-mail program or a PDF copy wraps it."""
    return "\n\n".join(textwrap.fill(paragraph, width, break_on_hyphens=False, break_long_words=False)
                       for paragraph in text.split("\n\n"))


@pytest.mark.parametrize("name", ["english", *sorted(path.name for path in INIT_TEXTS.glob("*.txt"))])
def test_a_hard_wrapped_copy_checks_the_same_as_the_original(name: str) -> None:
    text = ENGLISH_ARTICLE if name == "english" else (INIT_TEXTS / name).read_text(encoding="utf-8")
    copy = wrapped(text, 60)
    assert copy.count("\n") > text.count("\n") + 4
    assert checked(copy) == checked(text)


def test_a_figure_written_twice_makes_one_fact_and_binds_to_it() -> None:
    facts, findings = checked(ENGLISH_ARTICLE)
    trade = [fact for fact in facts if fact.get("figure") == "$470 million"]
    assert len(trade) == 1 and trade[0]["period"] == "2023"  # the headline and the repeat bind to the body's fact
    unbound = [finding[2] for finding in findings if finding[0] == "P104"]
    assert not [message for message in unbound if "$470 million" in message or '"2023"' in message]
    assert not [fact for fact in facts if "231641" in str(fact.get("value"))]  # the URL's digits are no figure


def test_a_headline_figure_in_another_period_stays_a_fact_of_its_own() -> None:
    facts, _ = checked("Trade reached $470 million in 2023.\n\nIn 2024 trade reached $470 million again.\n")
    assert sorted(fact["period"] for fact in facts if fact.get("figure") == "$470 million") == ["2023", "2024"]


def test_the_same_figure_about_other_names_stays_two_facts() -> None:
    facts, _ = checked("Kazakhstan invested $10 million in the port.\n\nAzerbaijan invested $10 million in the "
                       "port too.\n")
    assert len([fact for fact in facts if fact.get("figure") == "$10 million"]) == 2
