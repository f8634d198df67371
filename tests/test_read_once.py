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
    expected = tuple(extract_figures(article.text))
    calls = []
    monkeypatch.setattr(figures_package, "extract_figures", lambda text: calls.append(text) or extract_figures(text))
    assert article.figures() == expected
    assert article.figures() is article.figures()
    assert calls == [article.text]


def test_a_check_of_a_draft_made_in_memory_reads_the_article_once(monkeypatch, tmp_path):
    path = tmp_path / ARTICLE.name
    shutil.copy(ARTICLE, path)
    text = path.read_text(encoding="utf-8")
    calls = []
    monkeypatch.setattr(figures_package, "extract_figures", lambda text: calls.append(text) or extract_figures(text))
    report = check_files(None, path, default_store=False)
    assert "draft made in memory" in report.notes[0]
    assert report.coverage is not None
    assert calls.count(text) == 1
