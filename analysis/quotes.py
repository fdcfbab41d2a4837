"""Who said what: direct quotations in news bodies with their speakers, verbs and evidence.

``extract_quotes(articles)`` returns one row per quotation (see :data:`COLUMNS`); the rules
are general news conventions, documented in docs/quotes.md:

* quote marks: straight/curly double quotes, multi-sentence and multi-paragraph quotes,
  split quotes (``"...," he said. "..."`` -> one row); single quotes only when framed as speech;
* speakers: ``X said``, ``said X``, ``X told ...``, ``X, ..., saying: "..."``, ``according to X``,
  ``X said: "..."``; pronouns resolved to the latest compatible speaker; titles and roles
  stripped; one-word surnames mapped to the full name used earlier in the same article;
* not speech: scare quotes and terms (a few words, no speech frame, or after a determiner).

This module finds the quotes and builds the rows; speakers in context (mentions, pronouns,
history) are resolved by :mod:`analysis.speaker_context`, role and organisation
back-references (``the official``, ``the company said``) by :mod:`analysis.role_references`.

>>> import pandas as pd
>>> arts = pd.DataFrame({"doc_id": ["d"], "body": ['"We will win," said Mr Smith.']})
>>> extract_quotes(arts)[["quote", "speaker", "verb", "pattern"]].values.tolist()
[['We will win', 'Smith', 'say', 'after_inverted']]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Iterable

import pandas as pd

from analysis.attribution import (
    WINDOW,
    Frame,
    after_frame,
    before_frame,
    sentence_end,
    sentence_start,
    subject_np,
)
from analysis.quote_marks import RawQuote, scan_double, scan_single
from analysis.quote_records import Doc, Quote
from analysis.speaker_context import resolve_speakers
from analysis.speaker_lexicon import DETERMINERS, SIGN_NOUNS
from analysis.speakers import speaker_of, tokenize_spans

COLUMNS = [
    "doc_id", "quote_id", "quote", "speaker", "speaker_as_written", "speaker_kind", "verb",
    "start", "end", "speaker_start", "speaker_end", "para_ids", "sent_ids", "sent_start_id",
    "sent_end_id", "n_words", "partial", "confidence", "pattern",
]
CONFIDENCE = {
    "after_inverted": 0.95, "after": 0.95, "intro": 0.95, "intro_saying": 0.9, "intro_colon": 0.8,
    "after_according": 0.85, "intro_according": 0.85, "partial": 0.75, "context": 0.6,
    "none": 0.4,
}
_DETS = DETERMINERS | {"this", "that", "these", "those", "my", "your", "so-called", "called",
                       "dubbed", "termed", "as", "word", "words", "phrase", "term", "of"}


def _candidates(doc: Doc, *, single: bool) -> list[RawQuote]:
    """Double-quoted spans plus single-quoted ones outside them; subheads dropped."""
    raws = [r for r in scan_double(doc.body) if not doc.is_subhead(r.open)]
    if single:
        starts = [r.open for r in raws]
        for s in scan_single(doc.body):
            k = bisect.bisect_right(starts, s.open)
            inside = k > 0 and raws[k - 1].end > s.open
            if not inside and not doc.is_subhead(s.open):
                raws.append(s)
        raws.sort(key=lambda r: r.open)
    return raws


def _ends_open(body: str, raw: RawQuote, after: str) -> bool:
    """Does the quote end like one followed by its attribution (``,"`` / ``?"`` / ``" said``)?"""
    last = body[raw.segments[-1][1] - 1]
    tail = after.lstrip()
    return last in ",?!…-—–:" or tail.startswith((",", "--", "—", "–")) or tail[:1].islower()


def _classify(doc: Doc, raw: RawQuote, floor: int, ceil: int, *, min_words: int) -> Quote | None:
    """Decide whether ``raw`` is speech and find its frame (None: not speech).

    Single-quoted spans need three words and an explicit frame (``'...,' he said`` or
    ``X said: '...'``).
    """
    q = _classify_any(doc, raw, floor, ceil, min_words=min_words)
    if q and q.frame and q.frame.verb == "read" and _sign(doc.body, q.frame):
        return None  # '"Enough is enough," read a banner': a sign, not speech
    if q is None or not raw.single:
        return q
    words = len(doc.body[raw.segments[0][0]:raw.segments[-1][1]].split())
    colon = doc.body[max(0, raw.open - 3):raw.open].rstrip().endswith(":")
    if words >= 3 and q.frame and (q.pattern.startswith("after") or colon):
        return q
    return None


def _classify_any(doc: Doc, raw: RawQuote, floor: int, ceil: int, *, min_words: int
                  ) -> Quote | None:
    """Speech decision for any quoted span (see :func:`_classify`)."""
    body = doc.body
    s0 = sentence_start(body, floor, raw.open)
    before = body[s0:raw.open]
    if before.rstrip().endswith((".", "!", "?", "…")):  # the quote starts a new sentence
        s0, before = raw.open, ""
    s1 = sentence_end(body, raw.end, ceil)
    after = body[raw.end:s1]
    words = len(" ".join(body[s:e] for s, e in raw.segments).split())
    at_start = not before.strip() or before.rstrip().endswith(":")
    bf = before_frame(body, s0, raw.open) if before.strip() else None
    if not at_start and bf and bf[1]:
        return None if _named_thing(body, raw, bf[0]) else Quote(
            raw, list(raw.segments), bf[0], bf[0].pattern)
    if at_start or (bf and bf[1]):
        af = after_frame(body, raw.end, s1) if _ends_open(body, raw, after) else None
        if af:
            return Quote(raw, list(raw.segments), af, af.pattern)
        if bf:
            return Quote(raw, list(raw.segments), bf[0], bf[0].pattern)
        colon = _colon_frame(body, s0, raw.open) if before.rstrip().endswith(":") else None
        if colon:
            return Quote(raw, list(raw.segments), colon, colon.pattern)
        full = body[raw.segments[-1][1] - 1] in ".?!…" or before.rstrip().endswith(":")
        if (full and not raw.single) or words >= 2 * min_words:
            return Quote(raw, list(raw.segments), None, "context")
        return None
    return _partial(doc, raw, (s0, s1), bf, words, min_words=min_words)


def _sign(body: str, frame: Frame) -> bool:
    """Is the frame's subject a banner, sign or placard (words written, not spoken)?"""
    words = re.findall(r"[a-z]+", body[frame.speaker_start:frame.speaker_end].lower())
    return any(w.rstrip("s") in SIGN_NOUNS for w in words[:4])


def _colon_frame(body: str, lo: int, hi: int) -> Frame | None:
    """``Drummer Jo Roe echoed those sentiments: "..."``: the subject of a sentence that ends
    with a colon introducing the quote speaks, whatever the verb."""
    toks = tokenize_spans(body[lo:hi], lo)
    words = [t for t, _, _ in toks]
    np = subject_np(words, len(words))
    if not np:
        return None
    spk = speaker_of(body[toks[np[0]][1]:toks[np[1] - 1][2]])
    if spk.kind not in {"person", "role", "pronoun"}:
        return None
    return Frame("", toks[np[0]][1], toks[np[1] - 1][2], "intro_colon", toks[-1][2])


def _partial(doc: Doc, raw: RawQuote, sent: tuple[int, int], bf: tuple[Frame, bool] | None,
             words: int, *, min_words: int) -> Quote | None:
    """A quote embedded in a sentence: speech when long enough, not a term, and framed."""
    body = doc.body
    prev = tokenize_spans(body[max(sent[0], raw.open - 40):raw.open])
    prev_word = prev[-1][0].lower() if prev else ""
    possessive = prev_word.endswith(("'s", "’s", "s'", "s’"))  # the bank's "new approach"
    as_det = prev_word == "as" or (prev_word in _DETS and len(prev) > 1 and words >= 3
                                   and prev[-2][0].lower() == "as")  # as a "limited operation"
    accused = bf is not None and ((prev_word == "of" and bf[0].verb == "accuse") or (
        as_det and bf[0].verb in _AS_VERBS))  # described it as "cynical and stupid"
    if prev_word in {"titled", "entitled", "headlined"}:
        return None  # a preprint "titled "Stable cycling of ..."": a title of any length
    if raw.single or ((prev_word in _DETS or possessive) and words <= 5 and not accused):
        return None  # not "the idea of "...""; but "accused X of "ruining the game"" is speech
    if _title_case(body[raw.segments[0][0]:raw.segments[-1][1]]):
        return None
    if bf and words >= min(2, min_words):  # X said he was "deeply ashamed": words of X
        return Quote(raw, list(raw.segments), bf[0], "partial", partial=True)
    if _ends_open(body, raw, body[raw.end:sent[1]]):  # ... is "x y", said X. (any length)
        af = after_frame(body, raw.end, sent[1])
        rest = body[af.end:sent[1]].strip() if af else "x"
        if af and (not rest.strip(".!?") or rest.startswith(",")):
            return Quote(raw, list(raw.segments), af, "partial", partial=True)
    if words < min_words:
        return None
    if bf:
        return Quote(raw, list(raw.segments), bf[0], "partial", partial=True)
    tail = _tail_frame(body, raw.end, sent[1])
    if tail:
        return Quote(raw, list(raw.segments), tail, "partial", partial=True)
    if words >= 2 * min_words:
        return Quote(raw, list(raw.segments), None, "context", partial=True)
    return None


_NAMING = frozenset({"brand", "label", "call", "dub"})
_AS_VERBS = frozenset({"describe", "brand", "label", "dismiss", "condemn", "hail", "criticise",
                       "criticize", "praise"})


def _named_thing(body: str, raw: RawQuote, frame: Frame) -> bool:
    """``the government has branded "Bright Water 2040"``: a Title Case name, not speech."""
    text = body[raw.segments[0][0]:raw.segments[-1][1]]
    return (frame.verb in _NAMING and len(text.split()) >= 2 and _title_case(text)
            and text.rstrip()[-1:] not in ".!?")


def _after_det(body: str, raw: RawQuote) -> bool:
    """Is the quote right after a determiner (``a "victory plan"``)?"""
    prev = body[max(0, raw.open - 20):raw.open].split()
    return bool(prev) and prev[-1].lower() in _DETS


def _title_case(text: str) -> bool:
    """A title, motto or name in Title Case ("Bringing The Gold To Market"), not speech."""
    words = [w for w in text.split() if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    return len(words) <= 12 and caps >= 0.6 * len(words)


def _tail_frame(body: str, lo: int, hi: int) -> Frame | None:
    """``..., MPs have warned.`` at the end of the sentence after an embedded quote."""
    comma = body.rfind(",", lo, hi)
    if comma < 0 or '"' in body[comma:hi]:
        return None
    frame = after_frame(body, comma, hi)
    return frame if frame and not body[frame.end:hi].strip(" .!?") else None


def _merge_splits(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Join ``"A," he said. "B"`` / ``"A," said X, "b"`` into one quote when B has no frame."""
    out: list[Quote] = []
    for q in quotes:
        head = out[-1] if out else None
        gap = doc.body[head.frame.end:q.raw.open] if head and head.frame else "x"
        if (head and head.frame and head.pattern.startswith("after") and q.frame is None
                and not q.partial and (not gap.strip(" ,.;:") or _one_clause(gap))
                and doc.para_bounds(head.raw.open) == doc.para_bounds(q.raw.open)):
            head.segments.extend(q.segments)
            head.merged.append(q.raw)
            continue
        if (head and q.frame and head.frame and q.pattern.startswith("intro")
                and head.frame.speaker_start == q.frame.speaker_start):
            head.segments.extend(q.segments)  # "A," said X, "b" seen as an intro of b
            head.merged.append(q.raw)
            continue
        out.append(q)
    return out


def _inherit(doc: Doc, prev: Quote, q: Quote) -> Quote:
    """A second partial quote in the same sentence shares the first one's frame."""
    gap = doc.body[prev.raw.end:q.raw.open]
    if prev.frame and len(gap) < WINDOW and not re.search(r"[.!?]\s+[A-Z]", gap):
        return Quote(q.raw, q.segments, prev.frame, "partial", partial=True)
    return q


def _one_clause(gap: str) -> bool:
    """``, also known as Jo. `` between an attribution and the next quote: still the same turn."""
    text = gap.strip()
    return len(text) < 120 and text.startswith(",") and text.endswith((".", ":")) and not any(
        mark in text[:-1] for mark in '.!?"“”'
    )


def _doc_quotes(doc_id: str, body: str, *, min_words: int, single: bool) -> list[dict]:
    """All quotes of one body as row dicts (sentence ids filled later)."""
    doc = Doc(body)
    raws = _candidates(doc, single=single)
    quotes = []
    for k, raw in enumerate(raws):
        p0, p1 = doc.para_bounds(raw.open)
        floor = max(p0, raws[k - 1].end) if k else p0
        ceil = min(doc.para_bounds(raw.end - 1)[1],
                   raws[k + 1].open if k + 1 < len(raws) else len(body), raw.end + WINDOW)
        ceil = max(ceil, raw.end)
        q = _classify(doc, raw, floor, ceil, min_words=min_words)
        if q and q.pattern == "context" and not body[p0:raw.open].strip() and floor == p0:
            q = _colon_paragraph(doc, q, p0)
        if q is None and quotes and quotes[-1].partial and not raw.single and len(
                raw.text(body).split()) >= min_words and not _after_det(body, raw):
            q = Quote(raw, list(raw.segments), None, "context", partial=True)  # shares below
            q = _inherit(doc, quotes[-1], q)
            q = q if q.frame else None
        if q and q.frame is None and q.partial and quotes and quotes[-1].partial:
            q = _inherit(doc, quotes[-1], q)
        if q:
            quotes.append(q)
    quotes = _merge_splits(doc, quotes)
    resolve_speakers(doc, quotes)
    return [_row(doc_id, i, q, body) for i, q in enumerate(quotes)]


def _colon_paragraph(doc: Doc, q: Quote, p0: int) -> Quote:
    """``Mr Roe's family said:`` ending the paragraph before introduces a quote that opens the
    next one (BBC style for statements): that frame, else ``q`` unchanged."""
    body = doc.body
    end = len(body[:max(0, p0 - 1)].rstrip())
    if p0 < 2 or body[end - 1:end] != ":":
        return q
    lo = doc.para_bounds(end - 1)[0]
    if any(mark in body[lo:end] for mark in '"“”'):
        return q  # the paragraph before holds a quote of its own
    bf = before_frame(body, sentence_start(body, lo, end - 1), end)
    frame = bf[0] if bf and bf[1] else _colon_frame(body, sentence_start(body, lo, end - 1), end)
    return Quote(q.raw, q.segments, frame, frame.pattern) if frame else q


def _row(doc_id: str, i: int, q: Quote, body: str) -> dict:
    segs = q.segments
    if body[segs[-1][1] - 1] == ",":
        segs = [*segs[:-1], (segs[-1][0], segs[-1][1] - 1)]
    text = " ".join(body[s:e] for s, e in segs)
    spk = q.speaker
    conf = CONFIDENCE.get(q.pattern if q.frame or q.pattern == "context" else "none", 0.5)
    if spk is None:
        conf = min(conf, 0.4)
    if not q.raw.closed:
        conf = round(conf * 0.9, 3)
    return {
        "doc_id": doc_id, "quote_id": i, "quote": text,
        "speaker": spk.canonical if spk else None, "speaker_as_written": q.written or None,
        "speaker_kind": spk.kind if spk else None,
        "verb": (q.frame.verb or None) if q.frame else None,
        "start": segs[0][0], "end": segs[-1][1], "speaker_start": q.spk_pos,
        "speaker_end": q.spk_end, "n_words": len(text.split()), "partial": q.partial,
        "confidence": conf, "pattern": q.pattern + ("+split" if q.merged else ""),
    }


def _add_sentence_ids(quotes: pd.DataFrame, articles: pd.DataFrame,
                      sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Fill para_ids, sent_ids, sent_start_id and sent_end_id from ``analysis.text.sentences``
    (or from ``sents``, the articles' sentences frame when it is already split)."""
    from analysis.text import sentences

    wanted = set(quotes["doc_id"])
    if sents is None:
        docs = articles[articles["doc_id"].isin(wanted)]
        sents = sentences(docs[["doc_id", "body"]] if "title" not in docs else docs)
    sents = sents[sents["doc_id"].isin(wanted)]
    index = {d: (g["start"].tolist(), g["end"].tolist(), g["sent_id"].tolist(),
                 g["para_id"].tolist()) for d, g in sents.groupby("doc_id", sort=False)}
    sent_ids, para_ids = [], []
    for doc_id, start, end in zip(quotes["doc_id"], quotes["start"], quotes["end"], strict=True):
        starts, ends, sids, pids = index.get(doc_id, ([], [], [], []))
        lo = max(bisect.bisect_right(starts, start) - 1, 0)
        hi = max(bisect.bisect_left(starts, end), lo + 1)
        sent_ids.append([int(s) for s in sids[lo:hi]])
        para_ids.append(sorted({int(p) for p in pids[lo:hi]}))
    out = quotes.copy()
    out["sent_ids"], out["para_ids"] = sent_ids, para_ids
    out["sent_start_id"] = [s[0] if s else -1 for s in sent_ids]
    out["sent_end_id"] = [s[-1] if s else -1 for s in sent_ids]
    return out


def extract_quotes(articles: pd.DataFrame, *, min_words: int = 4, single_quotes: bool = True,
                   evidence: bool = True, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotations of ``articles`` (needs ``doc_id`` and ``body``), one row per quote.

    Args:
        articles: frame from :func:`analysis.corpus.load_articles` (or any with doc_id, body).
        min_words: embedded (partial) quotes shorter than this are terms, not speech, unless
            their sentence has a reporting frame (then two words suffice: ``X said he was
            "deeply ashamed"``); quotes introduced or followed by a frame (``"No," he said.``)
            count at any length; unframed embedded quotes need ``2 * min_words``.
        single_quotes: also consider single-quoted speech when clearly framed.
        evidence: compute sentence/paragraph ids (needs :mod:`analysis.text`).
        sentences: the articles' sentences frame (``analysis.text.sentences``) when the caller
            has split them already (the pipeline), so they are not split twice.

    Returns:
        Frame with :data:`COLUMNS`; ``start``/``end`` are body offsets of the quoted text
        (``body[start:end] == quote`` for one-piece quotes; the full span for split ones).
    """
    rows: list[dict] = []
    articles = articles.assign(doc_id=articles["doc_id"].astype(str))
    for doc_id, body in zip(articles["doc_id"], articles["body"], strict=True):
        if isinstance(body, str) and ('"' in body or "“" in body or "'" in body or "‘" in body):
            rows.extend(_doc_quotes(str(doc_id), body, min_words=min_words, single=single_quotes))
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in _EVIDENCE])
    for col in _EVIDENCE:
        out[col] = pd.Series([[] if col.endswith("s") else -1] * len(out), dtype=object)
    if evidence and len(out):
        out = _add_sentence_ids(out, articles, sentences)
    out = out[COLUMNS]
    return out.astype({"quote_id": "int64", "start": "int64", "end": "int64",
                       "speaker_start": "int64", "speaker_end": "int64", "n_words": "int64",
                       "sent_start_id": "int64", "sent_end_id": "int64", "partial": bool,
                       "confidence": "float64"})


_EVIDENCE = ("para_ids", "sent_ids", "sent_start_id", "sent_end_id")


# ---------------------------------------------------------------- command line


def _records(frame: pd.DataFrame) -> Iterable[dict]:
    for rec in frame.to_dict(orient="records"):
        yield {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}


def cli(argv: list[str] | None = None) -> int:
    """``python -m analysis quotes SOURCE [--format jsonl|csv|table] [--min-words N]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis quotes",
                                     description="Print the direct quotes of a corpus.")
    parser.add_argument("source", help="folder/glob of .txt, .csv/.jsonl/.parquet file")
    parser.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    parser.add_argument("--min-words", type=int, default=4)
    parser.add_argument("--text", help="name of the text column (tables)")
    parser.add_argument("--id", help="name of the id column (tables)")
    args = parser.parse_args(argv)
    from analysis.corpus import load_articles

    columns = {k: v for k, v in {"text": args.text, "id": args.id}.items() if v}
    articles, problems = load_articles(args.source, **({"columns": columns} if columns else {}))
    for rec in _records(problems):
        print(f"skipped {rec['input']}: {rec['reason']}", file=sys.stderr)
    quotes = extract_quotes(articles, min_words=args.min_words)
    if args.format == "csv":
        quotes.to_csv(sys.stdout, index=False)
    elif args.format == "table":
        with pd.option_context("display.max_colwidth", 60, "display.width", 200):
            print(quotes[["doc_id", "speaker", "verb", "quote", "confidence"]].to_string())
    else:
        for rec in _records(quotes):
            print(json.dumps(rec, ensure_ascii=False))
    return 0
