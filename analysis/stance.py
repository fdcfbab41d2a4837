"""Who stands for or against what: rule-based holder x target stance with evidence sentences.

``stance_evidence(articles, targets)`` finds, sentence by sentence, each mention of a target
(``analysis.stance_targets``) and the stance cue that governs it (``analysis.stance_rules``):
a support/oppose verb, a cue noun (``opposition to``), a predicate adjective (``confident
that``) or a target-specific cue phrase, corrected for negation, reversing verbs (``lift
restrictions``) and modality (``could``, ``potentially``: weaker). The holder is the cue's
subject (names, roles, ``X and Y`` split, ``X's plan`` -> X, ``which`` -> its antecedent,
pronouns -> the latest person), else the speaker of the quote around it (``analysis.quotes``),
else the sentence's speech frame (``X said ...``, ``For X, ...``, ``According to X, ...``).
Quoted speech that mentions a target without a cue counts as reported speech: a negation gives
a weak ``against``; otherwise VADER's compound is a weak signal; otherwise the row is neutral.

``stance(...)`` aggregates to one row per (doc_id, holder, target) with the evidence sentences,
their ids and offsets, so every label links to its text.

>>> import pandas as pd
>>> arts = pd.DataFrame({"doc_id": ["d"], "body": ["Germany opposes the tax."]})
>>> out = stance(arts, {"tax": ["tax"]}, quotes=False)
>>> out[["holder", "target", "stance", "score"]].values.tolist()
[['Germany', 'tax', 'against', -1.0]]
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis import stance_frames as F
from analysis import stance_holders as H
from analysis import stance_rules as R
from analysis.stance_lexicon import WEAK_CUES
from analysis.stance_targets import (
    Target,
    find_aliases,
    find_cue_phrases,
    find_generic_references,
    find_references,
    parse_targets,
    shared_alias_owners,
)
from analysis.text import sentences as split_sentences_frame

EVIDENCE_COLUMNS = [
    "doc_id", "holder", "holder_source", "target", "polarity", "weight", "signed", "rule", "cue",
    "alias", "qualifier", "sent_id", "start", "end", "sentence",
]
COLUMNS = [
    "doc_id", "holder", "target", "stance", "score", "n_evidence", "n_favor", "n_against",
    "qualifier", "cues", "evidence", "sent_ids", "spans", "holder_source",
]
MAX_GAP = 12  # tokens between a cue and the target mention it governs
SENTIMENT_WEIGHT = 0.1  # VADER alone (|compound| < 1) stays under the 0.1 label threshold
REPORTED_WINDOW = 20  # tokens back from a quoted mention searched for a negation
QUALIFIERS = [
    ("immediate", re.compile(r"\bimmediate(?:ly)?\b|\bright away\b|\bat once\b|\bwithout delay\b",
                             re.I)),
    ("short term", re.compile(r"\bshort[- ]term\b|\bright now\b|\bfor now\b|\bsoon\b|"
                              r"\bat this (?:stage|point|time)\b|\bnear[- ]term\b", re.I)),
    ("future", re.compile(r"\bin the future\b|\bone day\b|\beventually\b|\blong[- ]term\b|"
                          r"\bin (?:the )?years to come\b|\bsomeday\b", re.I)),
]


def _qualifier(text: str, a: int, b: int) -> str:
    """Time qualifier nearest to the mention ``text[a:b]`` (immediate / short term / future)."""
    lo, hi = max(0, a - 80), min(len(text), b + 50)
    best: tuple[int, str] | None = None
    for name, rx in QUALIFIERS:
        for m in rx.finditer(text, lo, hi):
            dist = a - m.end() if m.end() <= a else m.start() - b
            if best is None or dist < best[0]:
                best = (max(dist, 0), name)
    return best[1] if best else ""


def _governing(toks: list[R.Tok], cues: list[R.Cue], cue_ends: list[int], clauses: list[int],
               first: int) -> R.Cue | None:
    """Nearest cue before token ``first`` in the same clause, at most :data:`MAX_GAP` away."""
    k = bisect.bisect_right(cue_ends, first) - 1
    if k < 0:
        return None
    cue = cues[k]
    if first - cue.last > MAX_GAP or clauses[cue.first] != clauses[first]:
        return None
    if R.reported_object(toks, cue.last, first) or R.topic_object(toks, cue.last, first) or \
            R.described_as(toks, cue.last, first):
        return None
    return cue


def _cue_evidence(toks: list[R.Tok], cue: R.Cue, first: int,
                  last: int, text: str = "") -> tuple[int, float, str]:
    """Polarity, weight and rule name of a cue governing the mention ``toks[first:last]``
    (``text``: the sentence, for positions over time)."""
    polarity, rules = cue.polarity, [cue.kind]
    if R.negated(toks, cue.first) or R.asked_not_to(toks, cue, first):
        polarity, rules = -polarity, [*rules, "negation"]
    if R.reversed_before(toks, first, cue.last) or R.reversed_after(toks, last) or \
            R.reversed_between(toks, cue.last, first):
        polarity, rules = -polarity, [*rules, "reversal"]
    if cue.kind == "noun" and R.withdrawn(toks, cue.first):
        polarity, rules = -polarity, [*rules, "withdrawn"]
    if cue.kind == "noun" and R.negated_after(toks, last):
        polarity, rules = -polarity, [*rules, "negation"]
    hedges = R.modality(toks, cue.first - 5, first)
    weight = 0.5 ** min(len(hedges), 2)
    if cue.text.lower() in WEAK_CUES:
        weight, rules = weight * 0.5, [*rules, "weak"]
    if hedges:
        rules.append("modality")
    if R.past_position(toks, cue.first) or R.past_after(toks, last, text):
        weight, rules = weight * 0.25, [*rules, "past"]
        if text and R.changed_since(text):  # "who welcomed X at first, struck a different note"
            polarity, weight, rules = -polarity, weight * 2, [*rules, "changed"]
    return polarity, weight, "+".join(rules)


def _reported(toks: list[R.Tok], clauses: list[int], first: int,
              text: str) -> tuple[int, float, str]:
    """Reported speech without a cue: a negation before the mention, else VADER, else neutral."""
    lo = max(0, first - REPORTED_WINDOW)
    negs = [k for k in range(lo, first)
            if toks[k].low in R.NEGATORS and clauses[k] == clauses[first]]
    if negs and R.fronted_without(toks, negs[-1], first):
        return 1, 0.5, "reported+without"  # "without X, this will ...": X is needed
    if negs and not R.negation_elsewhere(toks, negs[-1], first):
        if R.negated_reverser(toks, negs[-1], first):  # "will not stop filling X": for X
            return 1, 0.5, "reported+negation+reversal"
        return -1, 0.5, "reported+negation"
    from analysis.sentiment import score_texts

    lo_char = toks[lo].start
    hi_char = toks[min(len(toks) - 1, first + REPORTED_WINDOW)].end
    window = text[lo_char:hi_char].translate(F.NO_QUOTES)  # VADER misreads 'word."'
    compound = float(score_texts([window])["compound"].iloc[0])
    if abs(compound) >= 0.05:
        return (1 if compound > 0 else -1), round(SENTIMENT_WEIGHT * abs(compound), 4), \
            "reported+sentiment"
    return 0, 0.0, "reported"


def _row(doc: H.Doc, holder: str, source: str, target: Target, polarity: int, weight: float,
         rule: str, cue: str, alias: str, qual: str, sent: tuple[int, int, int, str]) -> dict:
    sent_id, start, end, text = sent
    return {"doc_id": doc.doc_id, "holder": holder, "holder_source": source,
            "target": target.name, "polarity": polarity, "weight": weight,
            "signed": polarity * weight, "rule": rule, "cue": cue, "alias": alias,
            "qualifier": qual, "sent_id": sent_id, "start": start, "end": end, "sentence": text}


LONG_SENTENCE = 3000  # characters; longer "sentences" are analysed in windows around each mention
WINDOW_BEFORE, WINDOW_AFTER = 400, 200


Hit = tuple[Target, int, int, str, "int | None"]  # target, start, end, text, cue-phrase polarity


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap one of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_left(spans, (b, b)) - 1
    return k >= 0 and spans[k][1] > a


def _hits(text: str, targets: list[Target]) -> list[Hit]:
    """Target mentions (alias or cue phrase) of a text, in reading order."""
    hits = [(t, a, b, m, None) for t in targets for a, b, m in find_aliases(text, t)]
    keep = shared_alias_owners([(t.name, a, b) for t, a, b, *_ in hits])
    hits = [h for h in hits if (h[0].name, h[1], h[2]) in keep]
    first: dict[str, int] = {}
    for t, a, *_ in hits:
        first[t.name] = min(a, first.get(t.name, a))
    taken = sorted((a, b) for _, a, b, *_ in hits)
    hits += [(t, a, b, m, None) for t, a, b, m in find_references(text, targets, first)
             if not _overlaps(taken, a, b)]
    by_name = {t.name: t for t in targets}
    taken = sorted((a, b) for _, a, b, *_ in hits)
    mentions = sorted((a, t.name) for t, a, *_ in hits)
    hits += [(by_name[n], a, b, m, None) for n, a, b, m in find_generic_references(text, mentions)
             if not _overlaps(taken, a, b)]
    hits += [(t, a, b, m, pol) for t in targets for a, b, pol, m in find_cue_phrases(text, t)]
    return sorted(hits, key=lambda h: (h[1], h[0].name, h[2]))


def _sentence_rows(doc: H.Doc, sent: tuple[int, int, int, str], hits: list[Hit]) -> list[dict]:
    """Evidence rows of one sentence for its mentions (offsets relative to the sentence).

    Very long sentences (unsplittable text) are read in bounded windows around each mention,
    so the work stays linear in the text length.
    """
    sent_id, start, end, text = sent
    if len(text) <= LONG_SENTENCE:
        return _rows_in(doc, sent, hits)
    rows = []
    for target, a, b, alias, pol in hits:
        lo, hi = max(0, a - WINDOW_BEFORE), min(len(text), b + WINDOW_AFTER)
        window = (sent_id, start + lo, start + hi, text[lo:hi])
        rows += _rows_in(doc, window, [(target, a - lo, b - lo, alias, pol)])
    return rows


def _by_sentence(hits: list[Hit], sents: pd.DataFrame) -> list[tuple[tuple, list[Hit]]]:
    """Group body-level mentions by the sentence that contains them (offsets made relative)."""
    ids, starts = sents["sent_id"].tolist(), sents["start"].tolist()
    ends, texts = sents["end"].tolist(), sents["text"].tolist()
    groups: dict[int, list[Hit]] = {}
    for target, a, b, alias, pol in hits:
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and b <= ends[k]:
            groups.setdefault(k, []).append((target, a - starts[k], b - starts[k], alias, pol))
    return [((ids[k], starts[k], ends[k], texts[k]), g) for k, g in sorted(groups.items())]


Found = tuple[int, float, str, str, "tuple[list[str], str] | None"]  # pol, weight, rule, cue, who


def _contrasted(toks: list[R.Tok], clauses: list[int], last: int, text: str, said: str, *,
                vader: bool) -> int:
    """The evaluation of ``said``; a clause after ``but`` that evaluates wins (``X is painful,
    but it is the only responsible choice``: favor). VADER inside quotes only."""
    after = F.contrast_text(toks, clauses, last, text)
    turned = F.evaluation(after, vader=vader) if after else 0
    return turned or (F.evaluation(said, vader=vader) if said else 0)


def _evaluative(toks: list[R.Tok], clauses: list[int], span: tuple[int, int], sent: tuple,
                doc: H.Doc, prev: list[str] | None, quoted: str | None) -> Found | None:
    """``Y called X "..."`` (for Y), or X evaluated as the subject of its clause inside a quote
    or a speech frame (for the speaker); None when neither applies or the words are neutral."""
    (first, last), start, text = span, sent[1], sent[3]
    if last >= len(toks):
        return None
    said = F.evaluated_text(toks, clauses, last, text)
    k = F.calling_verb(toks, first)
    if k is not None:
        polarity = F.evaluation(said) if said else 0
        who = H.subject(toks, k, start, doc, prev) or (([quoted], "quote") if quoted else None)
        return (polarity, 1.0, "called", toks[k].text, who) if polarity and who else None
    if not F.is_clause_subject(toks, clauses, first, last, loose=bool(quoted)):
        return None
    w = F.warning_verb(toks, first)
    if w is not None and not quoted:  # "Y warned that X would ...": against X
        who = H.frame_subject(toks, w, start, doc)
        return (-1, 0.5, "warning", toks[w].text, (who, "speech frame")) if who else None
    polarity = _contrasted(toks, clauses, last, text, said, vader=bool(quoted))
    who = ([quoted], "quote") if quoted else H.frame(toks, first, start, doc)
    return (polarity, 0.5, "evaluation", "", who) if polarity and who else None


def _mention(toks: list[R.Tok], found: tuple[list[R.Cue], list[int], list[int]],
             hit: tuple, span: tuple[int, int], sent: tuple, doc: H.Doc,
             prev: list[str] | None) -> Found | None:
    """Evidence for one mention: its governing cue, else an evaluative frame, else reported
    speech (inside a quote), else None."""
    cues, cue_ends, clauses = found
    (first, last), start, text = span, sent[1], sent[3]
    alias, phrase_pol = hit[3], hit[4]
    cue = _governing(toks, cues, cue_ends, clauses, first) if phrase_pol is None else \
        R.Cue(first, last, phrase_pol, "phrase", alias)
    quoted = doc.quote_at(start + hit[1])
    if cue is not None:
        polarity, weight, rule = _cue_evidence(toks, cue, first, last, text)
        if cue.kind == "phrase":
            polarity, weight, rule = phrase_pol, 1.0, "phrase"
        return polarity, weight, rule, cue.text, H.holder(toks, cue, start, doc, prev, quoted)
    after = F.passive_agent(toks, last)
    if after:  # "X was welcomed by Y", "X, which Y opposes"
        polarity, weight, rule = _cue_evidence(toks, after[0], first, last)
        who = H.np_holder_at(toks, after[1], start, doc)
        if who:
            return polarity, weight, rule + "+after", after[0].text, (who, "agent")
    evaluated = _evaluative(toks, clauses, span, sent, doc, prev, quoted)
    if evaluated:
        return evaluated
    if quoted:
        return (*_reported(toks, clauses, first, text), "", ([quoted], "quote"))
    return None


def _rows_in(doc: H.Doc, sent: tuple[int, int, int, str], hits: list) -> list[dict]:
    """Evidence rows for the given mentions of one (short) sentence."""
    text = sent[3]
    toks = R.tokenize(text)
    starts = [t.start for t in toks]
    clauses, cues = R.clause_ids(toks), R.find_cues(toks)
    found = (cues, [c.last for c in cues], clauses)
    rows: list[dict] = []
    prev: list[str] | None = None
    for hit in hits:
        target, a, b, alias = hit[:4]
        first = bisect.bisect_left(starts, a)
        last = max(bisect.bisect_left(starts, b), first + 1)
        if first >= len(toks) or R.quantity(toks, first):
            continue
        got = _mention(toks, found, hit, (first, last), sent, doc, prev)
        if got is None or got[4] is None:
            continue
        polarity, weight, rule, cue_text, who = got
        prev = who[0]
        qual = _qualifier(text, a, b)
        rows += [_row(doc, h, who[1], target, polarity, weight, rule, cue_text, alias, qual, sent)
                 for h in who[0]]
    return rows


def _quotes_for(articles: pd.DataFrame, quotes: pd.DataFrame | None | bool) -> pd.DataFrame | None:
    if quotes is False:
        return None
    if quotes is None or quotes is True:
        from analysis.quotes import extract_quotes

        return extract_quotes(articles)
    return quotes


def stance_evidence(articles: pd.DataFrame, targets: Any = None, *,
                    quotes: pd.DataFrame | None | bool = None) -> pd.DataFrame:
    """One row per piece of stance evidence (holder, target, sentence, rule, signed weight).

    Args:
        articles: frame with ``doc_id`` and ``body`` (``load_articles`` output).
        targets: anything :func:`analysis.stance_targets.parse_targets` accepts
            (None: config/stance_targets.yaml).
        quotes: ``extract_quotes(articles)`` output; None computes it; False ignores quotes.

    Returns:
        Columns :data:`EVIDENCE_COLUMNS`; ``signed`` = polarity x weight (-1..1).
    """
    targets = parse_targets(targets)
    quotes = _quotes_for(articles, quotes)
    by_doc = {}
    if quotes is not None and len(quotes):
        by_doc = dict(tuple(quotes.groupby("doc_id", sort=False)))
    rows: list[dict] = []
    for doc_id, body in zip(articles["doc_id"].astype(str), articles["body"], strict=True):
        body = body if isinstance(body, str) else ""
        hits = _hits(body, targets)
        if not hits:
            continue  # no target mentioned: no sentence splitting needed
        doc = H.doc_context(doc_id, body, by_doc.get(doc_id))
        sents = split_sentences_frame(pd.DataFrame({"doc_id": [doc_id], "body": [body]}))
        for sent, sent_hits in _by_sentence(hits, sents):
            rows += _sentence_rows(doc, sent, sent_hits)
    frame = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return frame.astype({"polarity": "int64", "weight": "float64", "signed": "float64",
                         "sent_id": "int64", "start": "int64", "end": "int64"})


def label(score: float, *, threshold: float = 0.1) -> str:
    """favor / against / neutral for a signed score."""
    return "favor" if score >= threshold else "against" if score <= -threshold else "neutral"


def aggregate(evidence: pd.DataFrame, *, threshold: float = 0.1) -> pd.DataFrame:
    """One row per (doc_id, holder, target): mean signed evidence per sentence, label, lists."""
    if evidence.empty:
        return pd.DataFrame(columns=COLUMNS)
    ev = evidence.assign(strength=evidence["signed"].abs())
    ev = ev.sort_values(["doc_id", "holder", "target", "sent_id", "strength"],
                        ascending=[True, True, True, True, False], kind="mergesort")
    ev = ev.drop_duplicates(["doc_id", "holder", "target", "sent_id"])
    rows = []
    for (doc_id, holder, target), g in ev.groupby(["doc_id", "holder", "target"], sort=True):
        score = max(-1.0, min(1.0, round(float(g["signed"].mean()), 4)))
        quals = [q for q in dict.fromkeys(g["qualifier"]) if q]
        rows.append({
            "doc_id": doc_id, "holder": holder, "target": target,
            "stance": label(score, threshold=threshold), "score": score,
            "n_evidence": len(g), "n_favor": int((g["signed"] > 0).sum()),
            "n_against": int((g["signed"] < 0).sum()), "qualifier": "; ".join(quals),
            "cues": [c for c in g["cue"] if c], "evidence": list(g["sentence"]),
            "sent_ids": [int(i) for i in g["sent_id"]],
            "spans": [[int(a), int(b)] for a, b in zip(g["start"], g["end"], strict=True)],
            "holder_source": "; ".join(dict.fromkeys(g["holder_source"])),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def stance(articles: pd.DataFrame, targets: Any = None, *,
           quotes: pd.DataFrame | None | bool = None, threshold: float = 0.1) -> pd.DataFrame:
    """Holder x target stance, one row per (doc_id, holder, target), with its evidence.

    Args:
        articles: frame with ``doc_id`` and ``body``.
        targets: targets file path, ``{target: [aliases]}``, or None for config/stance_targets.yaml.
        quotes: ``extract_quotes`` output (None: computed here; False: no quoted-speaker holders).
        threshold: |score| from which a row is favor/against rather than neutral.

    Returns:
        Columns :data:`COLUMNS`; ``evidence`` lists the sentences, ``sent_ids``/``spans`` locate
        them in ``body``.
    """
    return aggregate(stance_evidence(articles, targets, quotes=quotes), threshold=threshold)


def to_records(frame: pd.DataFrame) -> Iterable[dict]:
    """JSON-ready dicts of a :func:`stance` frame."""
    for rec in frame.to_dict("records"):
        yield {k: (v if not isinstance(v, float) else round(v, 4)) for k, v in rec.items()}


def cli(argv: list[str]) -> int:
    """``python -m analysis stance SOURCE [--targets FILE] [--format jsonl|table]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis stance",
                                     description="Holder x target stance with evidence sentences.")
    parser.add_argument("source", help="folder/glob of .txt, or a .csv/.jsonl/.parquet file")
    parser.add_argument("--targets", default=None,
                        help="documented YAML/JSON targets file, or a JSON object "
                             "{target: [aliases]} (as a .json file or inline)")
    parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    parser.add_argument("--text-column", default=None, help="column holding the article text")
    args = parser.parse_args(argv)
    from analysis.corpus import load_articles

    columns = {"text": args.text_column} if args.text_column else None
    articles, problems = load_articles(args.source, columns=columns)
    for row in problems.itertuples():
        print(f"skipped {row.input}: {row.reason}", file=sys.stderr)
    frame = stance(articles, args.targets)
    if args.format == "table":
        shown = ["doc_id", "holder", "target", "stance", "score", "n_evidence"]
        print(frame[shown].to_string(index=False))
        return 0
    for rec in to_records(frame):
        print(json.dumps(rec, ensure_ascii=False))
    return 0


def holder_target_table(frame: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """Holder x target across documents: evidence-weighted mean score, evidence count, label.

    Keeps the ``top`` holders by evidence (ties: holder name). Long form, ready for
    :func:`analysis.plots.stance.plot_stance_matrix` and for saving as CSV.
    """
    cols = ["holder", "target", "score", "n_evidence", "stance"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    weighted = frame.assign(w=frame["score"] * frame["n_evidence"])
    table = weighted.groupby(["holder", "target"], as_index=False).agg(
        w=("w", "sum"), n_evidence=("n_evidence", "sum"))
    table["score"] = (table["w"] / table["n_evidence"]).round(4)
    table["stance"] = [label(s) for s in table["score"]]
    totals = table.groupby("holder")["n_evidence"].sum().reset_index()
    keep = totals.sort_values(["n_evidence", "holder"], ascending=[False, True]).head(top)
    table = table[table["holder"].isin(set(keep["holder"]))]
    return table.sort_values(["holder", "target"]).reset_index(drop=True)[cols]


def target_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per target: number of (document, holder) rows in favour, against and neutral."""
    cols = ["target", "favor", "against", "neutral"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    counts = pd.crosstab(frame["target"], frame["stance"])
    counts = counts.reindex(columns=["favor", "against", "neutral"], fill_value=0)
    out = counts.reset_index().rename_axis(None, axis=1)
    out = out.assign(total=out["favor"] + out["against"] + out["neutral"])
    out = out.sort_values(["total", "target"], ascending=[False, True])
    return out[cols].reset_index(drop=True).astype({c: "int64" for c in cols[1:]})


def who_is_quoted(quotes: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """Speakers by number of quotes (ties: words quoted, then name); unknown speakers dropped."""
    cols = ["speaker", "n_quotes", "n_words", "n_articles"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    known = quotes[quotes["speaker"].notna() & (quotes["speaker"].astype(str) != "")]
    words = known["quote"].astype(str).str.split().str.len()
    out = known.assign(w=words).groupby("speaker", as_index=False).agg(
        n_quotes=("quote", "size"), n_words=("w", "sum"), n_articles=("doc_id", "nunique"))
    out = out.sort_values(["n_quotes", "n_words", "speaker"], ascending=[False, False, True])
    return out.head(top).reset_index(drop=True)[cols]


def evidence_table(evidence: pd.DataFrame) -> pd.DataFrame:
    """Readable evidence: holder, target, stance of the piece, cue, rule, sentence id and text."""
    out = evidence.assign(stance=[label(s) for s in evidence["signed"]])
    cols = ["doc_id", "holder", "target", "stance", "signed", "cue", "rule", "qualifier",
            "sent_id", "sentence"]
    return out.sort_values(["doc_id", "sent_id", "holder", "target"])[cols].reset_index(drop=True)
