"""Open every HTML report in headless Chromium (Debian's, driven by Python playwright).

Each page must load with no console error, no request leaving file://, every image decoded
(naturalWidth > 0), index links resolving, and no script from article text run
(``window.__pwned`` stays undefined). A screenshot of each reader page is kept under
``reports/<name>/screenshots/`` for people to look at. Skipped when /usr/bin/chromium is absent
(``.ci/install-browser`` installs it).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analysis import notebooks, paths, report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIXTURES = paths.TESTS / "fixtures" / "report"
HOSTILE_TITLE = "<script>window.__pwned=1</script> Minister unveils <b>bold</b> harbour plan"

NETWORK = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                     r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (.ci/install-browser)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Any, path: Path, screenshot: Path | None = None) -> dict[str, Any]:
    """Load ``path`` from file:// and return what the page did."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url[:100]}"))
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:"))
            else problems.append(f"network request: {r.url[:100]}"))
    page.goto(path.as_uri(), wait_until="load")
    state = page.evaluate("""() => ({
        pwned: typeof window.__pwned,
        images: Array.from(document.images).map(i => [i.complete, i.naturalWidth]),
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
        text: document.body.innerText,
        tables: document.querySelectorAll('div.news-eda-table').length,
        injected: Array.from(document.querySelectorAll('*')).filter(el =>
            Array.from(el.attributes).some(a => a.value.includes('__pwned'))
            || (el.tagName === 'SCRIPT' && el.textContent.includes('__pwned'))
            || ['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)).map(el => el.outerHTML),
    })""")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    page.close()
    return {**state, "problems": problems}


def check_report(browser: Any, out: Path) -> dict[str, dict[str, Any]]:
    """Open the index and every page of the report in ``out``; assert the page contract."""
    results = {}
    index = out.parent / "index.html"
    pages = [index, *sorted(out.glob("*.html"))]
    assert len(pages) > 1, f"no page in {out}"
    for path in pages:
        shot = (out / "screenshots" / f"{path.name.removesuffix('.reader.html')}.png"
                if path.name.endswith(".reader.html") else None)
        text = path.read_text(encoding="utf-8")
        assert NETWORK.findall(text) == [], path.name  # nothing to fetch, even if not fetched
        assert len(re.findall(r"<script\b", text)) == (0 if path == index else 1), path.name
        result = open_page(browser, path, shot)
        assert result["problems"] == [], (path.name, result["problems"])
        assert result["pwned"] == "undefined", path.name
        assert result["injected"] == [], path.name  # article text never became markup
        assert all(done and width > 0 for done, width in result["images"]), path.name
        for link in result["links"]:
            if link.startswith("file://"):
                target = Path(link.removeprefix("file://").split("#")[0])
                assert target.exists(), (path.name, link)
            else:
                assert link.startswith(path.as_uri() + "#"), (path.name, link)
        results[path.name] = result
    report.write_index(out.parent)  # now lists the screenshots
    return results


def build(corpus: str, name: str, **options: Any) -> Path:
    """Build a report into ``reports/<name>`` and assert every notebook ran."""
    started = time.monotonic()
    # The validation cells on the shared labelled sets do not depend on the corpus and take
    # minutes: hide ../shared/data from the kernels (the bbc corpus is passed by full path).
    manifest = report.build_report(corpus, out=paths.REPORTS / name, skip_shared_data=True,
                                   **options)
    print(f"report {name}: {time.monotonic() - started:.0f} s")  # shown with pytest -s
    assert [p["error"] for p in manifest["pages"]] == [None] * len(manifest["pages"])
    return paths.REPORTS / name


def test_fixture_notebook_on_hostile_corpus(browser: Any) -> None:
    out = build(str(FIXTURES / "hostile"), "test-fixture", notebooks_dir=FIXTURES / "notebooks")
    results = check_report(browser, out)
    page = results["01_fixture.reader.html"]
    assert HOSTILE_TITLE in page["text"]  # shown as text in the table, the frame and print()
    assert page["tables"] == 1 and len(page["images"]) == 1


def test_tables_search_sort_and_page(browser: Any) -> None:
    path = paths.REPORTS / "test-fixture" / "01_fixture.reader.html"
    if not path.exists():
        pytest.skip("needs test_fixture_notebook_on_hostile_corpus")
    page = browser.new_page()
    page.goto(path.as_uri(), wait_until="load")
    info = page.locator(".news-eda-info")
    assert info.inner_text() == "1\u20132 of 3 rows"  # page_size=2 in the fixture notebook
    page.locator(".news-eda-controls button", has_text="Next").click()
    assert info.inner_text() == "3\u20133 of 3 rows"
    page.fill(".news-eda-controls input", "library")
    assert info.inner_text() == "1\u20131 of 1 rows matching"
    page.fill(".news-eda-controls input", "")
    page.locator("div.news-eda-table th", has_text="n_words").click()
    first = page.locator("div.news-eda-table tbody tr").first.inner_text()
    assert first.startswith("003_plain")  # 40 words, the shortest
    page.close()


def test_project_notebooks_on_hostile_corpus(browser: Any) -> None:
    if not notebooks.notebook_paths():
        pytest.skip("no notebooks yet")
    results = check_report(browser, build(str(FIXTURES / "hostile"), "test-hostile"))
    # the hostile article is shown (titles, contexts, quotes) -- as text, see check_report
    assert any("__pwned" in r["text"] for r in results.values())


def test_project_notebooks_on_seeds(browser: Any) -> None:
    if not notebooks.notebook_paths():
        pytest.skip("no notebooks yet")
    results = check_report(browser, build("seeds", "seeds"))
    assert all(r["images"] for name, r in results.items() if name != "index.html")


@pytest.mark.shared
def test_bbc_news_grouped_by_category(browser: Any, shared_data: Any) -> None:
    if not notebooks.notebook_paths():
        pytest.skip("no notebooks yet")
    corpus = shared_data("bbc_news") / "bbc_news.jsonl"
    results = check_report(browser, build(str(corpus), "bbc_news", group="category"))
    assert all(r["images"] for name, r in results.items() if name != "index.html")
