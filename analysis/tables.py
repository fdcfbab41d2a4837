"""Long tables in notebooks and HTML reports: escaped, bounded, searchable and sortable offline.

In a notebook, ``show_table(df, caption="Quotes")`` displays a plain, escaped HTML table (the
first ``max_rows`` rows) that reads fine anywhere: JupyterLab, GitHub, nbviewer. In the HTML
reports, a small inline script of the report template (no download, no CDN) adds a search box,
click-to-sort headers and paging to every such table. The output is deterministic (no random ids),
so nbval can compare it, and every cell is HTML-escaped: article text is untrusted input.
"""

from __future__ import annotations

import html

import pandas as pd

CSS_CLASS = "news-eda-table"


def table_html(
    df: pd.DataFrame,
    *,
    caption: str,
    max_rows: int = 500,
    page_size: int = 15,
) -> str:
    """Escaped HTML for ``df`` (first ``max_rows`` rows) with a caption stating what is shown.

    >>> "&lt;b&gt;" in table_html(pd.DataFrame({"t": ["<b>"]}), caption="x")
    True
    """
    shown = df.head(max_rows)
    note = f"{len(df):,} rows" if len(shown) == len(df) else (
        f"showing the first {len(shown):,} of {len(df):,} rows")
    body = shown.to_html(index=False, escape=True, border=0, na_rep="",
                         classes=[f"{CSS_CLASS}-data"])
    return (f'<div class="{CSS_CLASS}" data-page-size="{int(page_size)}">\n'
            f'<p class="{CSS_CLASS}-caption"><strong>{html.escape(caption)}</strong> '
            f"({note})</p>\n{body}\n</div>")


class Table:
    """A displayable table: HTML for rich front ends, a short text summary otherwise."""

    def __init__(self, df: pd.DataFrame, *, caption: str, max_rows: int, page_size: int) -> None:
        self._html = table_html(df, caption=caption, max_rows=max_rows, page_size=page_size)
        head = df.head(5).to_string(index=False, max_colwidth=60)
        self._text = f"{caption} ({len(df):,} rows)\n{head}"

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return self._text


def show_table(
    df: pd.DataFrame,
    *,
    caption: str,
    max_rows: int = 500,
    page_size: int = 15,
) -> None:
    """Display ``df`` as a searchable, sortable, paged table (in reports), never dumped whole.

    Args:
        df: the rows to show, already sorted the way a reader should first see them.
        caption: what the table is, e.g. ``"Quotes by speaker"``.
        max_rows: at most this many rows go into the page (say in the prose where the rest is).
        page_size: rows per page in the HTML report.
    """
    from IPython.display import display

    display(Table(df, caption=caption, max_rows=max_rows, page_size=page_size))
