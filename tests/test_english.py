"""English read as a first language, and text as it really comes: hard-wrapped lines, URLs, ids and headers,
the other language's decimal mark, a figure written twice. Short texts written for these tests."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bakuastana.text.figures import Figure, extract_figures


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
    ("Cargo grew by more\nthan 50 per\ncent.", "more than 50 per cent", {"value": 50, "hedge": "more_than"}),
    ("Товарооборот составил 470\nмлн долларов.", "470 млн долларов", {"value": 470 * 10**6, "unit": "USD"}),
    ("Рост составил более\nчем 4,5 млн\nтонн.", "более чем 4,5 млн тонн", {"value": 4_500_000, "unit": "t"}),
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
    wrapped = text.replace("$470 ", "$470\n").replace("almost 4 ", "almost\n4 ").replace("3.5 mln ", "3.5\nmln ")
    assert wrapped.count("\n") == text.count("\n") + 3

    def seen(source: str) -> list[tuple]:
        return [(f.start, f.end, f.value, f.unit, f.hedge, f.kind) for f in extract_figures(source)]

    assert seen(wrapped) == seen(text)


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
