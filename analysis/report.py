"""Execute every notebook on a corpus and export offline HTML reports.

``python -m analysis report [--corpus PATH] [--columns JSON] [--group COL] [--out DIR]``

For each ``notebooks/NN_*.ipynb`` (picked up automatically, in order) papermill runs a copy
with the parameters ``CORPUS``, ``COLUMNS``, ``GROUP`` and ``FIGURES_DIR`` (only those the
notebook declares in its ``parameters`` cell), with the kernel started in ``notebooks/`` so
relative paths behave as in nbval. Outputs go to ``reports/<corpus name>/``:

* ``notebooks/NN_*.ipynb``: the executed copies; the committed notebooks are never touched;
* ``figures/``: every figure the notebooks saved, unless ``--figures-dir`` names another folder
  (``make report`` on the seeds passes ``--figures-dir figures``: the committed figures are
  rewritten with identical bytes, which ``make fresh`` guarantees);
* ``NN_*.html`` (full: code and outputs) and ``NN_*.reader.html`` (outputs and prose only);
* ``report.json``: the corpus (articles, content hash, date range), versions, pages.

``reports/index.html`` links every report found under ``reports/``. The pages load nothing
from the network: images are embedded as data URIs, the template drops require.js, MathJax,
mermaid and widget scripts, and tables are made searchable by a small inline script.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import os
import platform
import re
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat

from analysis import notebooks, paths
from analysis.html_export import clean_output_html

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "news_eda"
VERSIONED = ("pandas", "numpy", "matplotlib", "nltk", "vaderSentiment", "scikit-learn",
             "papermill", "nbconvert", "nbformat", "ipykernel", "dask")


def corpus_argument(corpus: str) -> str:
    """``corpus`` as notebooks should receive it: repo-relative when inside the repo."""
    path = Path(corpus).expanduser()
    if not path.is_absolute():
        here = Path.cwd() / path
        path = here if here.exists() else paths.resolve(path)
    path = path.resolve()
    try:
        return path.relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def corpus_name(corpus: str) -> str:
    """A folder name for a corpus: ``seeds``, ``bbc_news`` (from a folder or a file stem)."""
    path = Path(corpus.rstrip("/"))
    stem = path.stem if path.suffix else path.name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "corpus"


def corpus_summary(corpus: str, columns: dict[str, str] | None = None) -> dict[str, Any]:
    """Articles, problems, content hash and date range of ``corpus`` (for the index page)."""
    from analysis.corpus import load_articles

    articles, problems = load_articles(paths.resolve(corpus), columns=columns)
    hashes = sorted(articles["content_hash"].astype(str)) if len(articles) else []
    digest = hashlib.sha256("\n".join(hashes).encode("utf-8")).hexdigest()
    published = articles["published"].dropna() if "published" in articles else []
    first, last = (published.min(), published.max()) if len(published) else (None, None)
    return {
        "corpus": corpus,
        "articles": int(len(articles)),
        "problems": int(len(problems)),
        "words": int(articles["n_words"].sum()) if "n_words" in articles else None,
        "content_hash": digest[:16],
        "dated_articles": int(len(published)),
        "date_from": first.date().isoformat() if first is not None else None,
        "date_to": last.date().isoformat() if last is not None else None,
    }


def package_versions() -> dict[str, str]:
    """Python and the versions of the packages that shape the numbers and the pages."""
    versions = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def notebook_parameters(nb: nbformat.NotebookNode) -> set[str]:
    """Names assigned in the notebook's ``parameters`` cell."""
    index = notebooks.parameters_index(nb)
    if index is None:
        return set()
    return set(re.findall(r"^([A-Za-z_]\w*)\s*(?::[^=]*)?=", nb.cells[index].source, re.M))


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first markdown heading of ``nb`` (what the notebook answers)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


MARKDOWN_LINK = re.compile(r"(\]\()([^)\s#:]+)((?:#[^)\s]*)?[^)]*\))")


def relink(nb: nbformat.NotebookNode, *, source_dir: Path, page_dir: Path) -> None:
    """Point relative Markdown links (written for ``notebooks/``) at the same files from
    ``page_dir``, so that e.g. ``[data](../figures/x.csv)`` still opens from a report page."""
    def fix(match: re.Match) -> str:
        target = (source_dir / match.group(2)).resolve()
        if not target.exists():
            return match.group(0)
        return match.group(1) + os.path.relpath(target, page_dir) + match.group(3)

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = MARKDOWN_LINK.sub(fix, cell.source)


def corpus_line(summary: dict[str, Any]) -> str:
    """One line naming the corpus of a page: path, articles, content hash."""
    n = summary["articles"]
    return (f"Corpus {summary['corpus']}: {n:,} article{'' if n == 1 else 's'}, "
            f"content hash {summary['content_hash']}")


SHARED_DEFAULT = re.compile(r"""^([A-Za-z_]\w*)\s*=\s*["']\.\./shared/data/([^"']*)["']""", re.M)


def shared_parameters(nb: nbformat.NotebookNode, base: Path) -> dict[str, str]:
    """Parameters whose default points into ``../shared/data``, re-pointed under ``base``."""
    index = notebooks.parameters_index(nb)
    source = nb.cells[index].source if index is not None else ""
    return {name: str(base / rest) for name, rest in SHARED_DEFAULT.findall(source)}


@contextlib.contextmanager
def shared_data_base(base: Path | None) -> Iterator[None]:
    """Kernels started inside see ``base`` as ``../shared/data`` (``NEWS_EDA_SHARED_DATA``)."""
    if base is None:
        yield
        return
    before = os.environ.get("NEWS_EDA_SHARED_DATA")
    os.environ["NEWS_EDA_SHARED_DATA"] = str(base)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("NEWS_EDA_SHARED_DATA", None)
        else:
            os.environ["NEWS_EDA_SHARED_DATA"] = before


def run_notebook(source: Path, target: Path, parameters: dict[str, Any], *,
                 shared_base: Path | None = None) -> str | None:
    """Execute ``source`` into ``target`` with papermill; return the error text, if any.

    ``shared_base`` replaces ``../shared/data`` for the kernel (environment variable and
    parameters defaulting to a path in it); a folder that does not exist skips those cells.
    """
    import papermill

    notebooks.warm_font_cache()
    nb = nbformat.read(source, as_version=4)
    declared = notebook_parameters(nb)
    wanted = {k: v for k, v in parameters.items() if k in declared}
    if shared_base is not None:
        wanted = {**shared_parameters(nb, shared_base), **wanted}
    try:
        with shared_data_base(shared_base):
            papermill.execute_notebook(
                str(source), str(target), parameters=wanted, kernel_name=notebooks.KERNEL,
                language="python", cwd=str(source.parent), progress_bar=False, log_output=False,
            )
    except Exception as error:  # papermill still wrote the notebook, with the traceback
        return f"{type(error).__name__}: {str(error).strip().splitlines()[-1][:300]}"
    return None


def export_html(nb: nbformat.NotebookNode, target: Path, *, reader: bool,
                nav: list[tuple[str, str]], title: str, corpus: str = "") -> Path:
    """Write ``nb`` as a self-contained HTML page (``reader``: without code cells)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        embed_images=True,
        exclude_input=reader,
        exclude_input_prompt=reader,
        exclude_output_prompt=reader,
        sanitize_html=False,  # replaced by the stricter-but-usable news_eda_clean filter
        filters={"news_eda_clean": clean_output_html},
    )
    exporter.log.setLevel("ERROR")  # not "Alternative text is missing on N image(s)" per page
    body, _ = exporter.from_notebook_node(
        nb, resources={"news_eda_nav": nav, "news_eda_corpus": corpus,
                       "metadata": {"name": title, "path": str(target.parent)}})
    target.write_text(body, encoding="utf-8")
    return target


def export_pages(source: Path, out: Path, *, error: str | None, corpus: str) -> dict[str, Any]:
    """Write the full and reader HTML pages of one executed notebook; return its manifest entry.

    When papermill stopped before running anything, the page says why instead.
    """
    executed = out / "notebooks" / source.name
    if executed.exists():
        nb = nbformat.read(executed, as_version=4)
    else:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
            f"# {source.stem}\n\nThis notebook could not be run: `{error}`")])
        nbformat.write(nb, executed)
    title = title_of(nb, source.stem)
    relink(nb, source_dir=source.parent, page_dir=out)
    full, reader = f"{source.stem}.html", f"{source.stem}.reader.html"
    for page, is_reader, other in ((full, False, reader), (reader, True, full)):
        nav = [("\u2190 All reports", "../index.html"),
               ("Full version (with code)" if is_reader else "Reader version (no code)", other)]
        export_html(nb, out / page, reader=is_reader, nav=nav, title=title, corpus=corpus)
    return {"notebook": source.name, "title": title, "full": full, "reader": reader,
            "error": error}


def build_report(
    corpus: str = "seeds",
    *,
    columns: dict[str, str] | None = None,
    group: str | None = None,
    out: Path | None = None,
    names: list[str] | None = None,
    notebooks_dir: Path | None = None,
    skip_shared_data: bool = False,
    figures_dir: Path | None = None,
) -> dict[str, Any]:
    """Execute the notebooks on ``corpus`` into ``out`` and export HTML; return the manifest.

    ``skip_shared_data`` hides ``../shared/data`` from the notebooks, so that cells that only
    validate methods on the shared labelled sets (minutes of work, independent of ``corpus``)
    print "dataset not found" instead of running. ``corpus`` itself may still live there.
    """
    corpus = corpus_argument(corpus)
    out = (out or paths.REPORTS / corpus_name(corpus)).resolve()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    figures = paths.resolve(figures_dir) if figures_dir else out / "figures"
    parameters = {"CORPUS": corpus, "COLUMNS": columns, "GROUP": group,
                  "FIGURES_DIR": str(figures)}
    manifest: dict[str, Any] = {
        "name": out.name, "summary": corpus_summary(corpus, columns), "group": group,
        "columns": columns, "versions": package_versions(), "pages": [],
        "shared_data": not skip_shared_data,
    }
    hidden = out / ".no-shared-data" if skip_shared_data else None  # never created
    for source in notebooks.notebook_paths(names, folder=notebooks_dir):
        print(f"report {out.name}: executing {source.name}", flush=True)
        error = run_notebook(source, out / "notebooks" / source.name, parameters,
                             shared_base=hidden)
        manifest["pages"].append(export_pages(source, out, error=error,
                                              corpus=corpus_line(manifest["summary"])))
    (out / "report.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    write_index(out.parent)
    return manifest


INDEX_CSS = """
body { font: 15px/1.5 sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5em 0; } td, th { padding: 3px 10px 3px 0;
text-align: left; vertical-align: top; } .error { color: #b00; } code { font-size: .95em; }
.versions { font-size: .85em; color: #444; } img.shot { max-width: 14em; border: 1px solid #ccc; }
"""


def _escape(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def report_section(manifest: dict[str, Any], folder: str) -> str:
    """The index's HTML for one report (every value escaped)."""
    summary = manifest["summary"]
    dates = (f"{summary['date_from']} to {summary['date_to']} "
             f"({summary['dated_articles']:,} dated articles)"
             if summary.get("date_from") else "no publication dates")
    rows = []
    for page in manifest["pages"]:
        stem = Path(page["notebook"]).stem
        shot = Path(paths.REPORTS / folder / "screenshots" / f"{stem}.png")
        status = (f'<span class="error">failed: {_escape(page["error"])}</span>'
                  if page.get("error") else "")
        shot_html = (f'<a href="{_escape(folder)}/screenshots/{_escape(stem)}.png">screenshot</a>'
                     if shot.exists() else "")
        rows.append(
            f"<tr><td>{_escape(page['title'])}</td>"
            f'<td><a href="{_escape(folder)}/{_escape(page["reader"])}">reader</a></td>'
            f'<td><a href="{_escape(folder)}/{_escape(page["full"])}">full</a></td>'
            f'<td><a href="{_escape(folder)}/notebooks/{_escape(page["notebook"])}">notebook</a>'
            f"</td><td>{shot_html}</td><td>{status}</td></tr>")
    versions = ", ".join(f"{k} {v}" for k, v in sorted(manifest["versions"].items()))
    group = f", grouped by <code>{_escape(manifest['group'])}</code>" if manifest.get("group") \
        else ""
    return (
        f'<h2 id="{_escape(folder)}">{_escape(folder)}</h2>\n'
        f"<p>Corpus <code>{_escape(summary['corpus'])}</code>{group}: "
        f"<strong>{summary['articles']:,} article{'' if summary['articles'] == 1 else 's'}"
        "</strong>"
        + (f", {summary['words']:,} words" if summary.get("words") is not None else "")
        + f", {summary['problems']:,} inputs skipped with a reason; content hash "
        f"<code>{_escape(summary['content_hash'])}</code>; dates: {_escape(dates)}.</p>\n"
        + ("" if manifest.get("shared_data", True) else
           "<p>Built with <code>--skip-shared-data</code>: cells that validate methods on "
           "<code>../shared/data</code> were skipped.</p>\n")
        + f"<table>\n{''.join(rows)}\n</table>\n"
        f'<p class="versions">Package versions: {_escape(versions)}</p>\n')


def write_index(root: Path) -> Path:
    """Write ``root/index.html`` linking every report folder that has a ``report.json``."""
    sections = []
    for manifest_path in sorted(root.glob("*/report.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        sections.append(report_section(manifest, manifest_path.parent.name))
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>news-eda reports</title>\n"
        f"<style>{INDEX_CSS}</style>\n</head>\n<body>\n<h1>news-eda reports</h1>\n"
        "<p>One section per corpus. <em>Reader</em> pages show prose, tables and charts; "
        "<em>full</em> pages add the code. Everything is in these files: no network needed."
        "</p>\n" + ("\n".join(sections) or "<p>No report yet: run <code>make report</code>.</p>")
        + "\n</body>\n</html>\n")
    target = root / "index.html"
    root.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


def cli(argv: list[str]) -> int:
    """Entry point of ``python -m analysis report``."""
    parser = argparse.ArgumentParser(prog="python -m analysis report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="seeds",
                        help="folder/glob of .txt, or a .csv/.jsonl/.parquet file (default: seeds)")
    parser.add_argument("--columns", type=json.loads, default=None,
                        help='column mapping as JSON, e.g. \'{"text": "body", "date": "day"}\'')
    parser.add_argument("--group", default=None, help="metadata column to compare groups by")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: reports/<corpus name>)")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="substrings of notebook names to run (default: all)")
    parser.add_argument("--skip-shared-data", action="store_true",
                        help="hide ../shared/data from the notebooks (skips the validation "
                             "cells on the shared labelled sets; much faster)")
    parser.add_argument("--figures-dir", type=Path, default=None,
                        help="where the notebooks save figures (default: <out>/figures)")
    args = parser.parse_args(argv)
    manifest = build_report(args.corpus, columns=args.columns, group=args.group, out=args.out,
                            names=args.only, skip_shared_data=args.skip_shared_data,
                            figures_dir=args.figures_dir)
    failed = [p["notebook"] for p in manifest["pages"] if p["error"]]
    index = (args.out.resolve().parent if args.out else paths.REPORTS) / "index.html"
    print(f"{len(manifest['pages'])} notebook(s) exported; open {index}")
    for name in failed:
        print(f"FAILED: {name} (the page shows the error)", file=sys.stderr)
    return 1 if failed or not manifest["pages"] else 0
