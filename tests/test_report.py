"""HTML reports: offline pages, escaped untrusted text, index, committed files untouched."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis import paths, report
from analysis.html_export import clean_output_html
from analysis.tables import table_html

FIXTURES = paths.TESTS / "fixtures" / "report"
HOSTILE = FIXTURES / "hostile"
NOTEBOOKS = FIXTURES / "notebooks"
RAW_ATTACKS = ("<script>window.__pwned", "<img src=x", "<iframe", "<svg onload")
NETWORK = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                     r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict[str, str]]:
    """The fixture notebook run on the hostile corpus into a temporary reports folder."""
    before = {**snapshot(NOTEBOOKS), **snapshot(paths.FIGURES)}
    out = tmp_path_factory.mktemp("reports") / "hostile"
    manifest = report.build_report(str(HOSTILE), out=out, notebooks_dir=NOTEBOOKS)
    after = {**snapshot(NOTEBOOKS), **snapshot(paths.FIGURES)}
    assert after == before, "building a report changed committed notebooks or figures"
    return out, manifest, {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}


def test_report_folder_and_manifest(built: tuple[Path, dict, dict[str, str]]) -> None:
    out, manifest, pages = built
    assert sorted(pages) == ["01_fixture.html", "01_fixture.reader.html"]
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "01_fixture_words.csv", "01_fixture_words.png"]
    assert (out / "notebooks" / "01_fixture.ipynb").exists()
    summary = manifest["summary"]
    assert (summary["corpus"], summary["articles"], summary["problems"]) == (
        "tests/fixtures/report/hostile", 3, 0)
    assert summary["date_from"] is None and len(summary["content_hash"]) == 16
    assert manifest["pages"] == [{
        "notebook": "01_fixture.ipynb", "title": "Which articles are in the fixture corpus?",
        "full": "01_fixture.html", "reader": "01_fixture.reader.html", "error": None}]
    assert json.loads((out / "report.json").read_text())["summary"] == summary
    assert {"python", "pandas", "nbconvert", "papermill"} <= set(manifest["versions"])


def test_papermill_received_the_report_parameters(built: tuple[Path, dict, dict[str, str]]) -> None:
    out, _, _ = built
    nb = nbformat.read(out / "notebooks" / "01_fixture.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'CORPUS = "tests/fixtures/report/hostile"' in injected.source
    assert f'FIGURES_DIR = "{out / "figures"}"' in injected.source


def test_pages_load_nothing_from_the_network(built: tuple[Path, dict, dict[str, str]]) -> None:
    out, _, pages = built
    pages = {**pages, "index.html": (out.parent / "index.html").read_text(encoding="utf-8")}
    for name, text in pages.items():
        assert NETWORK.findall(text) == [], name
        sources = re.findall(r"<img[^>]*\ssrc=\"([^\"]*)\"", text)
        assert all(src.startswith("data:image/png;base64,") for src in sources), name
    assert len(re.findall(r"<img[^>]*\ssrc=", pages["01_fixture.reader.html"])) == 1


def test_untrusted_text_is_shown_never_run(built: tuple[Path, dict, dict[str, str]]) -> None:
    _, _, pages = built
    for name, text in pages.items():
        for attack in RAW_ATTACKS:
            assert attack not in text, (name, attack)
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; Minister unveils" in text
        assert "&lt;img src=x onerror" not in text or "<img src=x" not in text
        # the only script of a page is the template's own table script
        assert len(re.findall(r"<script\b", text)) == 1, name


def test_reader_version_has_no_code(built: tuple[Path, dict, dict[str, str]]) -> None:
    _, _, pages = built
    assert "load_articles" in pages["01_fixture.html"]
    assert "load_articles" not in pages["01_fixture.reader.html"]
    assert 'class="news-eda-table"' in pages["01_fixture.reader.html"]


def test_index_links_resolve_and_state_the_corpus(built: tuple[Path, dict, dict[str, str]]) -> None:
    out, _, _ = built
    index = (out.parent / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]+)', index)
    assert sorted(links) == ["hostile/01_fixture.html", "hostile/01_fixture.reader.html",
                             "hostile/notebooks/01_fixture.ipynb"]
    assert all((out.parent / link).is_file() for link in links)
    assert "<strong>3 articles</strong>" in index and "no publication dates" in index
    for page in ("01_fixture.html", "01_fixture.reader.html"):
        text = (out / page).read_text(encoding="utf-8")
        for link in re.findall(r'<nav class="news-eda-nav">(.*?)</nav>', text, re.S):
            for href in re.findall(r'href="([^"]+)"', link):
                assert (out / href).is_file(), href


def test_index_escapes_manifest_values(tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    manifest = {"summary": {"corpus": "<script>x</script>", "articles": 1, "problems": 0,
                            "words": 5, "content_hash": "<b>", "dated_articles": 0,
                            "date_from": None, "date_to": None},
                "group": "<i>g</i>", "versions": {"python": "3.11"},
                "pages": [{"notebook": "01_a.ipynb", "title": "<img src=x onerror=y>",
                           "full": "01_a.html", "reader": "01_a.reader.html", "error": "<b>"}]}
    (folder / "report.json").write_text(json.dumps(manifest))
    text = report.write_index(tmp_path).read_text()
    assert "<script>x" not in text and "<img src=x" not in text and "<i>g" not in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text and "&lt;img src=x onerror=y&gt;" in text


def test_failing_notebook_is_reported_and_still_exported(tmp_path: Path) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Does it fail?"),
                             new_code_cell('CORPUS = "seeds"', metadata={"tags": ["parameters"]}),
                             new_code_cell('raise ValueError("boom")')])
    nbformat.write(nb, folder / "01_fails.ipynb")
    manifest = report.build_report("seeds", out=tmp_path / "out" / "seeds", notebooks_dir=folder)
    assert manifest["pages"][0]["error"].endswith("ValueError: boom")
    assert "boom" in (tmp_path / "out" / "seeds" / "01_fails.reader.html").read_text()
    assert "failed: " in (tmp_path / "out" / "index.html").read_text()


def test_cli_without_matching_notebook_fails(tmp_path: Path) -> None:
    code = report.cli(["--corpus", str(HOSTILE), "--out", str(tmp_path / "r" / "x"),
                       "--only", "no-such-notebook"])
    assert code == 1
    assert (tmp_path / "r" / "index.html").exists()


@pytest.mark.parametrize(("corpus", "name"), [
    ("seeds", "seeds"), ("../shared/data/bbc_news", "bbc_news"),
    ("../shared/data/bbc_news/bbc_news.jsonl", "bbc_news"), ("/x/my corpus/", "my_corpus"),
])
def test_corpus_name(corpus: str, name: str) -> None:
    assert report.corpus_name(corpus) == name


def test_notebook_parameters_and_title() -> None:
    nb = new_notebook(cells=[
        new_code_cell("import x"),
        new_code_cell('CORPUS = "seeds"\nTOP_N: int = 20\n# GROUP = None\nCOLUMNS = {"a": 1}',
                      metadata={"tags": ["parameters"]}),
        new_markdown_cell("Intro\n\n## What do people say?")])
    assert report.notebook_parameters(nb) == {"CORPUS", "TOP_N", "COLUMNS"}
    assert report.title_of(nb, "fallback") == "What do people say?"
    assert report.title_of(new_notebook(), "fallback") == "fallback"


def test_table_html_is_escaped_bounded_and_deterministic() -> None:
    df = pd.DataFrame({"title": ["<script>a</script>", "b & c", "d"], "n": [3, 2, 1]})
    text = table_html(df, caption="<Quotes>", max_rows=2, page_size=5)
    assert text == table_html(df, caption="<Quotes>", max_rows=2, page_size=5)
    assert text.startswith('<div class="news-eda-table" data-page-size="5">\n'
                           '<p class="news-eda-table-caption"><strong>&lt;Quotes&gt;</strong> '
                           "(showing the first 2 of 3 rows)</p>\n")
    assert "<td>&lt;script&gt;a&lt;/script&gt;</td>" in text and "<td>b &amp; c</td>" in text
    assert "<td>d</td>" not in text
    assert "(3 rows)" in table_html(df, caption="x")


@pytest.mark.parametrize(("fragment", "expected"), [
    ("<b>ok</b><script>alert(1)</script>", "<b>ok</b>&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "<img>"),
    ('<img src="http://example.org/a.png">', "<img>"),
    ('<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">'),
    ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"),
    ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
    ('<iframe src="https://example.org"></iframe>',
     '&lt;iframe src="https://example.org"&gt;&lt;/iframe&gt;'),
    ('<style scoped>.a {}</style><table class="dataframe"><tr style="x"><td>1</td></tr></table>',
     '<table class="dataframe"><tbody><tr><td>1</td></tr></tbody></table>'),
])
def test_clean_output_html(fragment: str, expected: str) -> None:
    assert clean_output_html(fragment) == expected


def test_relative_markdown_links_follow_the_page(tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "01_x.csv").write_text("a\n")
    (tmp_path / "notebooks").mkdir()
    nb = new_notebook(cells=[new_markdown_cell(
        "[data](../figures/01_x.csv), [gone](../figures/none.csv), [web](https://x.org/a), "
        "[here](#part-2)")])
    report.relink(nb, source_dir=tmp_path / "notebooks", page_dir=tmp_path / "reports" / "seeds")
    assert nb.cells[0].source == (
        "[data](../../figures/01_x.csv), [gone](../figures/none.csv), [web](https://x.org/a), "
        "[here](#part-2)")


def test_skip_shared_data_repoints_parameters_and_environment(tmp_path: Path) -> None:
    import os

    nb = new_notebook(cells=[new_code_cell(
        'CORPUS = "seeds"\nRUW_DIR = "../shared/data/ruw"\nOTHER = "data/x"',
        metadata={"tags": ["parameters"]})])
    repointed = report.shared_parameters(nb, tmp_path / "none")
    assert repointed == {"RUW_DIR": str(tmp_path / "none" / "ruw")}
    before = os.environ.get("NEWS_EDA_SHARED_DATA")
    with report.shared_data_base(tmp_path / "none"):
        assert os.environ["NEWS_EDA_SHARED_DATA"] == str(tmp_path / "none")
    assert os.environ.get("NEWS_EDA_SHARED_DATA") == before


def test_a_notebook_papermill_never_started_gets_a_page_saying_why(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    source = tmp_path / "02_missing.ipynb"
    entry = report.export_pages(source, tmp_path, error="kernel died", corpus="seeds")
    assert entry == {"notebook": "02_missing.ipynb", "title": "02_missing",
                     "full": "02_missing.html", "reader": "02_missing.reader.html",
                     "error": "kernel died"}
    assert "This notebook could not be run: <code>kernel died</code>" in (
        tmp_path / "02_missing.reader.html").read_text()
    assert (tmp_path / "notebooks" / "02_missing.ipynb").exists()
