"""Tests for analysis.corpus: exact values on hand-written fixtures, properties, real data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.corpus import ARTICLE_COLUMNS, PROBLEM_COLUMNS, load_articles, parse_dates

FIXTURES = paths.TESTS / "fixtures" / "corpus"
TXT = FIXTURES / "txt"
TABLES = FIXTURES / "tables"
SEED = paths.SEEDS / "000_ce342c1d8288ce55.txt"
GOOD_BODY = ("Finance ministers met on Monday to discuss next year's budget.\n\n"
             '"We have a plan," one minister said.\n\n'
             "- 'A long night' -\n\n"
             "Talks went on past midnight.")
PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_frames(result) -> None:
    """Columns and dtypes every result must have, whatever the input."""
    articles, problems = result
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert list(problems.columns) == list(PROBLEM_COLUMNS)
    for column in ("doc_id", "title", "body", "content_hash", "path"):
        assert articles[column].dtype == "str", column
    assert str(articles["published"].dtype) == "datetime64[us]"
    for column in ("n_paragraphs", "n_subheads", "n_words"):
        assert articles[column].dtype == "int64", column
    assert articles["doc_id"].is_unique
    for body in articles["body"]:
        assert body and "\r" not in body and "\n\n\n" not in body
        assert all(p == p.strip() and p for p in body.split("\n\n"))


# --------------------------------------------------------------------------- the seed


def test_seed_article() -> None:
    articles, problems = load_articles("seeds")
    check_frames((articles, problems))
    assert problems.empty
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row["doc_id"] == "000_ce342c1d8288ce55"
    assert row["title"] == "Zelensky in Brussels to defend 'victory plan' at EU and NATO"
    assert (row["author"], row["desk"]) == ("G.Montoya", "LGdM")
    assert (row["n_paragraphs"], row["n_subheads"]) == (24, 2)
    assert row["path"] == "seeds/000_ce342c1d8288ce55.txt"
    assert pd.isna(row["published"]) and pd.isna(row["source"]) and pd.isna(row["duplicate_of"])
    paragraphs = row["body"].split("\n\n")
    assert len(paragraphs) == 26
    assert paragraphs[11] == "- 'Very difficult period' -"
    assert paragraphs[20] == "- 'Various ways to define victory' -"
    assert paragraphs[0].startswith("President Volodymyr Zelensky was headed to Brussels")
    assert paragraphs[-1].endswith("no new announcements were expected from NATO on that front.")
    assert row["n_words"] == len(row["body"].split())
    assert "G.Montoya" not in row["body"]


def test_seed_same_from_file_glob_and_folder() -> None:
    by_folder = load_articles(paths.SEEDS).articles
    by_file = load_articles(SEED).articles
    by_glob = load_articles("seeds/*.txt").articles
    pd.testing.assert_frame_equal(by_folder, by_file)
    pd.testing.assert_frame_equal(by_folder, by_glob)


# --------------------------------------------------------------------------- bad .txt files


def test_txt_fixture_folder_exact() -> None:
    articles, problems = load_articles(TXT)
    check_frames((articles, problems))
    assert articles["doc_id"].tolist() == ["bom", "crlf", "good", "latin1"]
    assert problems.to_dict("records") == [
        {"input": "tests/fixtures/corpus/txt/binary.txt", "reason": "binary file (NUL bytes)"},
        {"input": "tests/fixtures/corpus/txt/empty.txt", "reason": "empty file"},
        {"input": "tests/fixtures/corpus/txt/title_only.txt", "reason": "title only, no body"},
    ]
    assert len(articles) + len(problems) == len(list(TXT.glob("*.txt")))


def test_good_txt_fields() -> None:
    row = load_articles(TXT / "good.txt").articles.iloc[0]
    assert row["title"] == "Ministers meet to discuss the budget"
    assert row["body"] == GOOD_BODY
    assert (row["author"], row["desk"]) == ("A.Writer", "DESK")
    assert (row["n_paragraphs"], row["n_subheads"], row["n_words"]) == (3, 1, 27)
    assert row["encoding"] == "utf-8"


def test_crlf_trailing_space_and_blank_lines_normalised() -> None:
    assert b"\r\n" in (TXT / "crlf.txt").read_bytes()
    articles = load_articles(TXT).articles.set_index("doc_id")
    assert articles.loc["crlf", "body"] == GOOD_BODY
    assert articles.loc["crlf", "title"] == "Ministers meet to discuss the budget"
    assert articles.loc["crlf", "content_hash"] == articles.loc["good", "content_hash"]


def test_old_mac_line_breaks(tmp_path: Path) -> None:
    (tmp_path / "cr.txt").write_bytes(b"Title\rFirst para.\rSecond para.\r")
    row = load_articles(tmp_path).articles.iloc[0]
    assert (row["title"], row["body"]) == ("Title", "First para.\n\nSecond para.")


def test_utf8_bom_stripped() -> None:
    row = load_articles(TXT / "bom.txt").articles.iloc[0]
    assert row["title"] == "Markets open higher"
    assert row["encoding"] == "utf-8-sig"


def test_latin1_decoded_and_recorded() -> None:
    row = load_articles(TXT / "latin1.txt").articles.iloc[0]
    assert row["title"] == "Café owners protest"
    assert row["body"] == "The café owners of the old town marched on Tuesday."
    assert row["encoding"] == "cp1252"


def test_cp1252_punctuation_and_latin1_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x93Quoted\x94 title\nBody \x96 text.\n")
    (tmp_path / "b.txt").write_bytes(b"Title \x81\nBody text.\n")  # 0x81 undefined in cp1252
    articles = load_articles(tmp_path).articles
    assert articles["title"].tolist() == ["\u201cQuoted\u201d title", "Title \x81"]
    assert articles["encoding"].tolist() == ["cp1252", "latin-1"]


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes("Title\nBody text.\n".encode("utf-16"))
    row = load_articles(tmp_path).articles.iloc[0]
    assert (row["title"], row["body"], row["encoding"]) == ("Title", "Body text.", "utf-16")


def test_control_characters_are_binary(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(bytes(range(1, 9)) * 20 + b"\nsome text\n")
    assert load_articles(tmp_path).problems["reason"].tolist() == [
        "binary file (control characters)"]


def test_whitespace_only_is_empty(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes(b" \r\n\t\n  \n")
    assert load_articles(tmp_path).problems["reason"].tolist() == ["empty file"]


def test_title_and_byline_only_is_title_only(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("A headline\nA.Writer--DESK\n", encoding="utf-8")
    assert load_articles(tmp_path).problems["reason"].tolist() == ["title only, no body"]


def test_last_line_that_is_a_sentence_is_not_a_byline(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Head\nIt rose -- then fell--again.\n", encoding="utf-8")
    row = load_articles(tmp_path).articles.iloc[0]
    assert pd.isna(row["author"]) and row["body"] == "It rose -- then fell--again."


def test_large_file_loads(tmp_path: Path) -> None:
    paragraph = "Officials said the talks would resume next week in the capital city. " * 2
    n = 20 * 1024 * 1024 // (len(paragraph) + 1) + 1
    path = tmp_path / "big.txt"
    path.write_text("A very long article\n" + (paragraph + "\n") * n, encoding="utf-8")
    assert path.stat().st_size > 20 * 1024 * 1024
    row = load_articles(path).articles.iloc[0]
    assert row["n_paragraphs"] == n
    assert row["n_words"] == 24 * n


def test_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Title\nBody.\n", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    articles, problems = load_articles(tmp_path)
    assert articles["doc_id"].tolist() == ["ok"]
    assert problems["reason"].tolist() == ["unreadable: No such file or directory"]
    assert problems["input"].iloc[0].endswith("link.txt")


def test_permission_denied_is_a_problem(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "locked.txt").write_text("Title\nBody.\n", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    problems = load_articles(tmp_path).problems
    assert problems["reason"].tolist() == ["unreadable: Permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_chmod_000_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "locked.csv"
    path.write_text("text\nhello\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert load_articles(path).problems["reason"].tolist() == ["unreadable: Permission denied"]
    finally:
        path.chmod(0o644)


def test_subfolders_give_path_ids_and_hidden_folders_skipped(tmp_path: Path) -> None:
    for folder in ("sport", "tech", ".ipynb_checkpoints"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text(f"{folder}\nBody of {folder}.\n", "utf-8")
    assert load_articles(tmp_path).articles["doc_id"].tolist() == ["sport/001", "tech/001"]
    assert load_articles(f"{tmp_path}/*/*.txt").articles["doc_id"].tolist() == ["001", "001~2"]


def test_folder_name_with_glob_characters_is_literal(tmp_path: Path) -> None:
    folder = tmp_path / "news [2024]"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\nBody.\n", encoding="utf-8")
    assert load_articles(folder).articles["doc_id"].tolist() == ["a"]


def test_missing_source_raises() -> None:
    with pytest.raises(FileNotFoundError, match="corpus source not found"):
        load_articles("no/such/folder")
    with pytest.raises(FileNotFoundError, match="no files match"):
        load_articles("seeds/*.nothing")


def test_folder_without_txt_files_raises(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# not an article\n", "utf-8")
    with pytest.raises(FileNotFoundError, match="no .txt files in folder"):
        load_articles(tmp_path)


def test_unlistable_subfolder_is_a_problem(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "ok.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def deny(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", deny)
    articles, problems = load_articles(tmp_path)
    assert articles["doc_id"].tolist() == ["ok"]
    assert problems["reason"].tolist() == ["unreadable folder: Permission denied"]
    assert problems["input"].iloc[0].endswith("locked")


def test_unsupported_file_type_raises(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(ValueError, match=r"unsupported corpus file type '\.docx'"):
        load_articles(tmp_path / "a.docx")


# --------------------------------------------------------------------------- tables


def test_csv_exact() -> None:
    articles, problems = load_articles(TABLES / "articles.csv")
    check_frames((articles, problems))
    assert articles["doc_id"].tolist() == ["a1", "a2", "a5", "a1~2"]
    assert articles["duplicate_of"].isna().tolist() == [True, False, True, True]
    assert articles["published"].tolist() == [
        pd.Timestamp("2024-03-07 11:00"), pd.Timestamp("2024-03-07"), pd.NaT,
        pd.Timestamp("2024-03-09")]
    assert articles["category"].tolist() == ["business", "business", "weather", "business"]
    assert articles["author"].isna().tolist() == [False, True, False, True]
    storm = articles.iloc[2]
    assert storm["body"] == ("A storm hit the coast overnight.\n\n- Power cuts -\n\n"
                             "Thousands lost power.")
    assert (storm["n_paragraphs"], storm["n_subheads"], storm["source"]) == (2, 1, "Daily")
    assert problems.to_dict("records") == [
        {"input": "tests/fixtures/corpus/tables/articles.csv:3", "reason": "title only, no body"},
        {"input": "tests/fixtures/corpus/tables/articles.csv:4", "reason": "missing text"},
    ]
    assert len(articles) + len(problems) == 6


def test_duplicates_flagged_not_dropped() -> None:
    articles = load_articles(TABLES / "articles.csv").articles
    a1, a2 = articles.iloc[0], articles.iloc[1]
    assert a1["body"] == a2["body"] and a1["content_hash"] != a2["content_hash"]
    assert a2["duplicate_of"] == "a1"


def test_content_hash_is_sha256_of_title_and_body() -> None:
    import hashlib

    row = load_articles(TXT / "good.txt").articles.iloc[0]
    expected = hashlib.sha256(f"{row['title']}\n\n{row['body']}".encode()).hexdigest()
    assert row["content_hash"] == expected


def test_jsonl_exact() -> None:
    articles, problems = load_articles(TABLES / "articles.jsonl")
    check_frames((articles, problems))
    assert articles["doc_id"].tolist() == ["1", "2", "4"]
    assert articles["title"].tolist() == ["First story", "Second story", "Fourth"]
    assert articles["body"].tolist() == ["One paragraph only.", "Para one.\n\nPara two.",
                                         "Text\n\nwith CRLF."]
    assert articles["published"].tolist() == [pd.Timestamp("2024-01-02"),
                                              pd.Timestamp("2024-01-03"), pd.NaT]
    assert articles["topics"].iloc[1] == ["a", "b"]
    assert problems.to_dict("records") == [
        {"input": "tests/fixtures/corpus/tables/articles.jsonl:3",
         "reason": "malformed JSON on line 3: Expecting ',' delimiter (column 59)"},
        {"input": "tests/fixtures/corpus/tables/articles.jsonl:4",
         "reason": "line 4 is not a JSON object (list)"},
    ]


def test_csv_without_text_column_is_one_problem() -> None:
    articles, problems = load_articles(TABLES / "no_text.csv")
    assert articles.empty and list(articles.columns) == list(ARTICLE_COLUMNS)
    assert problems.to_dict("records") == [{
        "input": "tests/fixtures/corpus/tables/no_text.csv",
        "reason": "no text column: expected one of text, body, content, article, story or "
                  "columns={'text': ...}; available columns: 'id', 'title', 'date'"}]


def test_wrong_mapping_raises_one_clear_error() -> None:
    with pytest.raises(ValueError) as error:
        load_articles(TABLES / "articles.csv", columns={"text": "story", "title": "heading"})
    assert str(error.value) == (
        "column mapping refers to missing column(s): text='story', title='heading'. "
        "Available columns: 'id', 'title', 'body', 'date', 'source', 'author', 'category'")
    with pytest.raises(ValueError, match="unknown key.*'txt'.*valid keys are text, title"):
        load_articles(TABLES / "articles.csv", columns={"txt": "body"})


def test_mapping_renames_and_none_disables() -> None:
    frame = pd.DataFrame({"story": ["Body one.", "Body two."], "hed": ["H1", "H2"],
                          "when": ["2024-01-01", "x"], "source": ["S", "S"]})
    articles = load_articles(frame, columns={"text": "story", "title": "hed", "date": "when",
                                             "source": None}).articles
    assert articles["doc_id"].tolist() == ["frame:1", "frame:2"]
    assert articles["title"].tolist() == ["H1", "H2"]
    assert articles["source"].isna().all()
    assert articles["input_source"].tolist() == ["S", "S"]
    assert articles["published"].tolist() == [pd.Timestamp("2024-01-01"), pd.NaT]
    assert articles["path"].isna().all()


def test_explicit_mapping_wins_over_auto_detection() -> None:
    frame = pd.DataFrame({"title": ["Headline"], "text": ["Body."], "headline": ["Other"]})
    articles = load_articles(frame, columns={"id": "title"}).articles
    assert articles["doc_id"].tolist() == ["Headline"]
    assert articles["title"].tolist() == ["Other"]


def test_body_key_is_accepted_as_text() -> None:
    frame = pd.DataFrame({"words": ["Some text."]})
    assert load_articles(frame, columns={"body": "words"}).articles["body"].tolist() == [
        "Some text."]


def test_dataframe_input_not_mutated() -> None:
    frame = pd.DataFrame({"text": ["A.\r\nB.", None], "title": [" T ", "Only title"]},
                         index=[10, 20])
    before = frame.copy()
    articles, problems = load_articles(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert articles["body"].tolist() == ["A.\n\nB."]
    assert articles["title"].tolist() == ["T"]
    assert problems.to_dict("records") == [{"input": "<DataFrame>:2",
                                            "reason": "title only, no body"}]


def test_non_string_text_cells(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": 12}\n{"text": {"a": 1}}\n{"text": ""}\n', encoding="utf-8")
    articles, problems = load_articles(path)
    assert articles["body"].tolist() == ["12"]
    assert problems["reason"].tolist() == ["text is not a string (dict)", "missing text"]


def test_latin1_csv(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes("text,title\nLe café est fermé.,Café\n".encode("latin-1"))
    assert load_articles(path).articles["title"].tolist() == ["Café"]


def test_ragged_csv_rows_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,text\n1,Good row.\n2,Bad,extra\n3,Another good row.\n", "utf-8")
    articles, problems = load_articles(path)
    assert articles["doc_id"].tolist() == ["1", "3"]
    assert problems["reason"].tolist() == ["malformed CSV row with 3 fields: '2,Bad,extra'"]


def test_empty_and_header_only_tables(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_bytes(b"")
    (tmp_path / "h.csv").write_text("id,text\n", "utf-8")
    (tmp_path / "e.jsonl").write_text("\n\n", "utf-8")
    assert load_articles(tmp_path / "e.csv").problems["reason"].tolist() == ["empty file"]
    assert load_articles(tmp_path / "h.csv").problems["reason"].tolist() == ["no rows"]
    assert load_articles(tmp_path / "e.jsonl").problems["reason"].tolist() == ["empty file"]


def test_parquet_round_trip_and_corrupt(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": [7, 8], "body": ["One.", "Two."],
                          "date": pd.to_datetime(["2024-05-01 12:00", None]).tz_localize(
                              "Europe/Paris")})
    frame.to_parquet(tmp_path / "a.parquet")
    articles = load_articles(tmp_path / "a.parquet").articles
    assert articles["doc_id"].tolist() == ["7", "8"]
    assert articles["published"].tolist() == [pd.Timestamp("2024-05-01 10:00"), pd.NaT]
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    reasons = load_articles(tmp_path / "bad.parquet").problems["reason"].tolist()
    assert len(reasons) == 1 and reasons[0].startswith("unreadable Parquet file")


def test_json_array_and_tsv(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"body": "X."}, 3]), "utf-8")
    articles, problems = load_articles(tmp_path / "a.json")
    assert articles["body"].tolist() == ["X."]
    assert problems["reason"].tolist() == ["item 2 is not a JSON object"]
    (tmp_path / "a.tsv").write_text("headline\tcontent\nH\tC, with comma.\n", "utf-8")
    assert load_articles(tmp_path / "a.tsv").articles["body"].tolist() == ["C, with comma."]


def test_parse_dates_variants() -> None:
    values = pd.Series(["2024-10-17T10:00:00+02:00", "17 Oct 2024", "", None, "soon",
                        "1987-02-26T15:01:01"])
    assert parse_dates(values).tolist() == [
        pd.Timestamp("2024-10-17 08:00"), pd.Timestamp("2024-10-17"), pd.NaT, pd.NaT, pd.NaT,
        pd.Timestamp("1987-02-26 15:01:01")]
    assert parse_dates(pd.Series([1_700_000_000, None, 1_700_000_000_000, float("inf")])
                       ).tolist() == [pd.Timestamp("2023-11-14 22:13:20"), pd.NaT,
                                      pd.Timestamp("2023-11-14 22:13:20"), pd.NaT]


# --------------------------------------------------------------------------- properties


@PROPERTY
@given(data=st.binary(max_size=2000))
def test_any_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    result = load_articles(path)
    check_frames(result)
    assert len(result.articles) + len(result.problems) == 1


@PROPERTY
@given(text=st.text(max_size=500))
def test_any_text_never_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8")
    articles, problems = result = load_articles(path)
    check_frames(result)
    assert len(articles) + len(problems) == 1
    if len(articles):
        assert "\n" not in articles["title"].iloc[0] and articles["title"].iloc[0]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=8)
records = st.fixed_dictionaries(
    {"text": json_values},
    optional={"title": json_values, "date": json_values, "id": json_values,
              "author": json_values, "extra": json_values})
jsonl_lines = st.lists(
    records.map(json.dumps) | st.text(max_size=40).filter(lambda s: "\n" not in s),
    max_size=8)


@PROPERTY
@given(lines=jsonl_lines)
def test_any_jsonl_lines_accounted_for(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "any.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    articles, problems = result = load_articles(path)
    check_frames(result)
    per_row = problems["input"].str.contains(r":\d+$")
    if not per_row.all():  # the whole file was rejected (empty, binary, no text column)
        assert articles.empty and (~per_row).sum() == 1
        return
    assert len(articles) + len(problems) == sum(1 for line in lines if line.strip())


@PROPERTY
@given(texts=st.lists(st.one_of(st.none(), st.text(max_size=60)), max_size=6),
       titles=st.lists(st.one_of(st.none(), st.text(max_size=20)), min_size=6, max_size=6),
       ids=st.lists(st.sampled_from(["a", "b", None, "a~2"]), min_size=6, max_size=6))
def test_any_dataframe_rows_accounted_for(texts, titles, ids) -> None:
    n = len(texts)
    frame = pd.DataFrame({"text": texts, "title": titles[:n], "id": ids[:n]}, dtype=object)
    articles, problems = result = load_articles(frame)
    check_frames(result)
    if n == 0:
        assert problems["reason"].tolist() == ["no rows"]
    else:
        assert len(articles) + len(problems) == n


@PROPERTY
@given(text=st.text(max_size=300))
def test_any_csv_text_never_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.csv"
    path.write_text("id,text\n" + text, encoding="utf-8")
    check_frames(load_articles(path))


# --------------------------------------------------------------------------- real data


@pytest.mark.shared
def test_reuters_every_row_accounted_for(shared_data) -> None:
    path = shared_data("reuters21578") / "reuters21578.jsonl"
    articles, problems = result = load_articles(path)
    check_frames(result)
    assert len(articles) + len(problems) == 21_578
    assert len(articles) == 19_779  # the README's "with non-empty body"
    assert problems["reason"].value_counts().to_dict() == {"title only, no body": 1798,
                                                           "missing text": 1}
    assert articles["published"].min() == pd.Timestamp("1987-02-26 15:01:01")
    assert articles["published"].max() == pd.Timestamp("1987-10-20 22:53:18")
    # one story has a malformed date in the original SGML ("31-MAR-1987 605:12:19.12")
    assert articles["published"].isna().sum() == 1
    assert {"dateline", "topics", "date_raw"} <= set(articles.columns)
    assert articles["source"].eq("Reuters").all()


@pytest.mark.shared
def test_bbc_duplicates_flagged(shared_data) -> None:
    path = shared_data("bbc_news") / "bbc_news.jsonl"
    articles, problems = load_articles(path)
    assert (len(articles), len(problems)) == (2225, 0)
    assert articles["duplicate_of"].notna().sum() == 133  # the README's duplicate bodies
    assert articles["content_hash"].duplicated().sum() == 98  # same title too
    assert articles["published"].isna().all()  # the release has no dates
    assert articles["category"].value_counts().to_dict() == {
        "sport": 511, "business": 510, "politics": 417, "tech": 401, "entertainment": 386}


def test_counts_agree_with_text_paragraphs() -> None:
    from analysis.text import paragraphs

    articles = pd.concat([load_articles(source).articles.iloc[:, :13]
                          for source in ("seeds", TXT, TABLES / "articles.csv")])
    kinds = paragraphs(articles).groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
    expected = articles.set_index("doc_id")[["n_paragraphs", "n_subheads"]]
    assert kinds.reindex(expected.index)["body"].tolist() == expected["n_paragraphs"].tolist()
    assert kinds.reindex(expected.index).get("subhead").tolist() == expected["n_subheads"].tolist()
