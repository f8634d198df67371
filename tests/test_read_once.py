"""An article's figures are read once per run: the draft made in memory and the check of it share them."""

import shutil

import bakuastana.text.figures as figures_package
from bakuastana.cli.inputs import check_files
from bakuastana.text.article import Article
from bakuastana.text.figures import extract_figures
from conftest import ROOT

ARTICLE = ROOT / "tests/data/init/aktau-port-cargo.ru.txt"


def test_article_figures_are_the_extracted_figures_read_once(monkeypatch):
    article = Article("a.txt", ARTICLE.read_text(encoding="utf-8"))
    expected = tuple(extract_figures(article.text, unwrap=False))
    calls = []
    monkeypatch.setattr(figures_package, "extract_figures",
                        lambda text, **how: calls.append(text) or extract_figures(text, **how))
    assert article.figures() == expected
    assert article.figures() is article.figures()
    assert calls == [article.text]


def test_a_check_of_a_draft_made_in_memory_reads_the_article_once(monkeypatch, tmp_path):
    path = tmp_path / ARTICLE.name
    shutil.copy(ARTICLE, path)
    text = path.read_text(encoding="utf-8")
    calls = []
    monkeypatch.setattr(figures_package, "extract_figures",
                        lambda text, **how: calls.append(text) or extract_figures(text, **how))
    report = check_files(None, path, default_store=False)
    assert "draft made in memory" in report.notes[0]
    assert report.coverage is not None
    assert calls.count(text) == 1


def test_an_articles_figures_read_its_lines_as_the_article_does(tmp_path):
    """An Article is unwrapped once, when read; its figures are read from that text as it stands. Unwrapping again
    is not the same: the joined paragraph is longer, so the break before "million" (a line the first pass kept,
    being too short to have wrapped) would be taken for a wrap and "5" read as 5 million tonnes."""
    from bakuastana.text.article import read_article, unwrapped

    text = "Cargo at the port grew again this year\nand the volume handled was 5\nmillion tonnes left the port.\n"
    assert unwrapped(unwrapped(text)) != unwrapped(text)  # what made the second pass wrong
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert "5\nmillion" in article.text
    assert [(figure.text, figure.value, figure.unit) for figure in article.figures()] == [("5", 5, None)]
    from bakuastana.analysis.extract import extract

    assert [item.figure.text for item in extract(article).figures] == ["5"]
