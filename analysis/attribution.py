"""Attribution frames around a quoted span: who said it, with which verb, by which rule.

Works on bounded windows of the body next to each quote (so the cost per quote is constant):
the text of the same sentence before the opening mark and after the closing mark.

Rules (``pattern`` values):
``after_inverted``  ``"...," said X.``          ``after``     ``"...," X said.`` / ``X told ...``
``after_according`` ``"...", according to X.``  ``intro``     ``X said: "..."`` / ``X said "..."``
``intro_saying``    ``X, ..., saying: "..."``   ``intro_according`` ``According to X, "..."``
``partial``         ``X said the aim was "..."`` (quote embedded in reported speech)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.speaker_lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    ROLE_COMPLEMENTS,
    VERB_LEMMAS,
    word_set,
)
from analysis.speakers import (
    is_name_token,
    is_role,
    np_backward,
    np_forward,
    np_inverted,
    speaker_of,
    tokenize_spans,
)

WINDOW = 400
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Jr|Sr|No|vs|etc|Inc|"
                     r"Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|"
                     r"(?:\w\.){1,}\w)$")
_BOUNDARY = re.compile(r"[.!?…]['\"”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_AUX = word_set("""
has have had was were is are would will also later then further previously recently again once
reportedly simply flatly repeatedly subsequently initially quickly immediately firmly angrily
bluntly calmly proudly openly publicly privately separately earlier yesterday today tonight
himself herself themselves itself 's 've just already has long even always consistently strongly
vehemently frequently often
""")
_ING = re.compile(r"ing$")
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_NOUN_DETS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that",
                        "these", "those", "my", "your"})
_APPOS = frozenset({",", "-", "--", "—", "–", "("})


@dataclass(frozen=True)
class Frame:
    """An attribution: verb lemma, speaker span in the body, rule name and where it ends."""

    verb: str
    speaker_start: int
    speaker_end: int
    pattern: str
    end: int  # body offset just after the attribution clause


def sentence_start(body: str, lo: int, hi: int) -> int:
    """Offset of the start of the sentence containing ``hi`` (not before ``lo``)."""
    lo = max(lo, hi - WINDOW)
    start = lo
    for m in _BOUNDARY.finditer(body, lo, hi):
        if not _ABBREV.search(body, max(lo, m.start() - 12), m.start()):
            start = m.end()
    return start


def sentence_end(body: str, lo: int, hi: int) -> int:
    """Offset of the end of the sentence starting at ``lo`` (not after ``hi``)."""
    hi = min(hi, lo + WINDOW)
    for m in _BOUNDARY.finditer(body, lo, hi):
        if not _ABBREV.search(body, max(lo, m.start() - 12), m.start()):
            return m.start() + 1
    return hi


def verb_at(toks: list[tuple[str, int, int]], i: int) -> tuple[str, int] | None:
    """Reporting-verb lemma starting at token ``i`` and its token length (1 or 2)."""
    if i >= len(toks):
        return None
    one = toks[i][0].lower()
    two = f"{one} {toks[i + 1][0].lower()}" if i + 1 < len(toks) else ""
    if two in VERB_LEMMAS:
        return VERB_LEMMAS[two], 2
    if two == "according to":
        return "according to", 2
    if one in VERB_LEMMAS and (toks[i][0].islower() or (i == 0 and not one.endswith("ing"))):
        return VERB_LEMMAS[one], 1
    return None


def _skip_aux(toks: list[tuple[str, int, int]], i: int) -> int:
    """Index after auxiliaries/adverbs such as ``has also``, ``on Tuesday``."""
    while i < len(toks):
        low = toks[i][0].lower()
        if low in _AUX:
            i += 1
        elif low == "on" and i + 1 < len(toks) and toks[i + 1][0].lower() in FUNCTION_WORDS:
            i += 2
        else:
            break
    return i


def _span(toks: list[tuple[str, int, int]], lo: int, hi: int) -> tuple[int, int]:
    return toks[lo][1], toks[hi - 1][2]


def _clause_end(toks: list[tuple[str, int, int]], i: int) -> int:
    """Body offset after the attribution clause (up to , . ; : or the end of the window)."""
    j = i
    while j < len(toks) and toks[j][0] not in {",", ".", ";", ":", "!", "?"}:
        j += 1
    return toks[j - 1][2] if j > i else (toks[i - 1][2] if i else 0)


def after_frame(body: str, lo: int, hi: int) -> Frame | None:
    """Attribution right after a quote: ``, said X`` / ``X said`` / ``according to X``."""
    toks = tokenize_spans(body[lo:hi], lo)
    words = [t for t, _, _ in toks]
    i = 0
    while i < len(toks) and words[i] in {",", "--", "-", "–", "—"}:
        i += 1
    verb = verb_at(toks, _skip_aux(toks, i))
    if verb:  # inverted: said X
        j = _skip_aux(toks, i) + verb[1]
        np = np_inverted(words, j)
        if np and np[1] + 1 < len(words) and words[np[1]] == "," and (
                speaker_of(" ".join(words[np[0]:np[1]])).kind == "role"):
            name = np_forward(words, np[1] + 1)  # "said its chief executive, Jo Roe."
            if name and (name[1] == len(words) or words[name[1]] in {".", ",", ";", "!", "?"}) and (
                    speaker_of(" ".join(words[name[0]:name[1]])).kind == "person"):
                np = np[0], name[1]
        if np:
            pat = "after_according" if verb[0] == "according to" else "after_inverted"
            return Frame(verb[0], *_span(toks, *np), pat, _clause_end(toks, np[1]))
        return None
    i += 2 if _mood_before_name(words, i) else 0  # '"...," an emotional Jo Roe said'
    np = _described(toks, i) or np_forward(words, i)
    if not np:
        return None
    quoted = _quoted_as_saying(toks, words, np[1])
    if quoted:
        return quoted
    j, hi = _past_appositions(toks, np[1])
    j = _participle_end(toks, j)  # "a diplomat following the talks told AFP"
    verb = verb_at(toks, _skip_aux(toks, j))
    if not verb or verb[0] == "according to" or _ING.search(words[_skip_aux(toks, j)]):
        return None
    end = _skip_aux(toks, j) + verb[1]
    return Frame(verb[0], *_span(toks, np[0], hi), "after", _clause_end(toks, end))


_MOOD = re.compile(r"[a-z]+(?:al|ful|ous|ive|ant|ent|ed|ic|less)\Z")


def _mood_before_name(words: list[str], i: int) -> bool:
    """``an emotional Jo Roe``, ``a tearful Jo Roe``: an article and an adjective describing
    the state of the person named right after them."""
    return i + 3 < len(words) and words[i].lower() in {"a", "an"} and bool(
        _MOOD.fullmatch(words[i + 1])) and not is_role(words[i + 1]) and all(
        is_name_token(w) for w in words[i + 2:i + 4])


def _past_appositions(toks: list[tuple[str, int, int]], j: int) -> tuple[int, int]:
    """Index after the appositions that follow a speaker ending at ``j`` (``X, chief of Y,
    said`` / ``X - ... -`` / ``Roe, 54, from Leeds, told``) and the speaker's new end."""
    words = [t for t, _, _ in toks]
    hi = j
    if j >= len(words) or words[j] not in _APPOS:
        return j, hi
    close = {words[j]} if words[j] != "(" else {")"}
    k = next((k for k in range(j + 1, min(len(words), j + 16)) if words[k] in close), None)
    if k is None and words[j] == ",":  # "X, from Acme told ...": an unclosed apposition
        j = hi = next((k for k in range(j + 2, min(len(words), j + 12))
                       if words[k].islower() and verb_at(toks, k)), j)
    elif k is not None:
        j, hi = k + 1, k
    for _ in range(2):  # appositions in a row
        if verb_at(toks, _skip_aux(toks, j)) or words[hi] != ",":
            break
        k = next((k for k in range(j, min(len(words), j + 12)) if words[k] == ","), None)
        if k is None:
            break
        j, hi = k + 1, k
    return j, hi


def _participle_end(toks: list[tuple[str, int, int]], j: int) -> int:
    """``following the talks`` in ``"...," a diplomat following the talks told AFP``: a short
    participle phrase (no punctuation) between the speaker and the reporting verb is skipped."""
    word = toks[j][0] if j < len(toks) else ""
    if not (word.islower() and (_ING.search(word) or word in ROLE_COMPLEMENTS | {"close"})) or (
            verb_at(toks, j)):
        return j  # also "a person familiar with the matter said", "involved in the talks"
    for k in range(j + 1, min(len(toks), j + 7)):
        if not (toks[k][0][:1].isalnum() and toks[k][0].islower()) or is_role(toks[k][0]):
            return j  # "deputy planning director Jo Roe said": a title, not a participle
        if toks[k][0].islower() and verb_at(toks, k) and not _ING.search(toks[k][0]):
            return k
    return j


def _described(toks: list[tuple[str, int, int]], i: int) -> tuple[int, int] | None:
    """``"...," the veteran frontman said``: ``the`` and one to three lower-case words right
    before a reporting verb are a description of the speaker, whatever the nouns."""
    if i >= len(toks) or toks[i][0] not in {"the", "The"}:
        return None
    j = i + 1
    while j < len(toks) and j - i <= 3 and toks[j][0].isalpha() and toks[j][0].islower() and (
            toks[j][0] not in FUNCTION_WORDS | _AUX) and not verb_at(toks, j):
        j += 1
    return (i, j) if j > i + 1 and verb_at(toks, _skip_aux(toks, j)) else None


def _quoted_as_saying(toks: list[tuple[str, int, int]], words: list[str], j: int
                      ) -> Frame | None:
    """``Reuters quoted a bank official as saying``: the official is the speaker."""
    j = _skip_aux(toks, j)
    if j >= len(words) or words[j].lower() not in {"quoted", "quotes", "quoting"}:
        return None
    np = np_inverted(words, j + 1, limit=14)
    if np is None:
        np = np_forward(words, j + 1)
    if np and words[np[1]:np[1] + 2] == ["as", "saying"]:
        return Frame("say", *_span(toks, *np), "after", toks[np[1] + 1][2])
    return None


def _quoted_subject(words: list[str], v: int) -> tuple[int, int] | None:
    """``The paper quoted a customs officer as saying: "..."``: the officer."""
    if words[v].lower() != "saying" or v < 3 or words[v - 1].lower() != "as":
        return None
    q = next((i for i in range(v - 2, max(-1, v - 16), -1)
              if words[i].lower() in {"quoted", "quotes", "quoting"}), None)
    np = np_inverted(words, q + 1, limit=14) if q is not None else None
    return np if np and np[1] == v - 1 else None


def _last_verbs(toks: list[tuple[str, int, int]], *, most: int = 3
                ) -> list[tuple[int, str, int]]:
    """Index, lemma and length of the last ``most`` reporting verbs among ``toks``, last first."""
    out = []
    for i in range(len(toks) - 1, -1, -1):
        verb = verb_at(toks, i)
        prev = toks[i - 1][0].lower() if i else ""
        if verb and not (prev in _NOUN_DETS or prev.endswith(("'", "’", "'s", "’s"))):
            out.append((i, verb[0], verb[1]))
            if len(out) == most:
                break
    return out


def subject_np(words: list[str], hi: int) -> tuple[int, int] | None:
    """Subject of the sentence ``words[:hi]``: first name/role phrase followed by a verb.

    Skips introductory chunks (``Pressed on the question,``); keeps appositives
    (``Washington's envoy, Jane Roe, hammered ...`` -> both pieces).
    """
    i, start, last = 0, None, 0
    while i < hi:
        while i < hi and words[i].lower() in {"but", "and", "so", "yet", "however", ","}:
            i += 1
        np = np_forward(words, i) if i < hi else None
        intro = np is None or (words[i].endswith(("ed", "ing")) and np[1] - np[0] == 1)
        if np and not intro and not words[np[1] - 1].endswith(("'", "’", "'s", "’s")):
            start, last = (i if start is None else start), np[1]
            if np[1] < hi and words[np[1]] == ",":
                i = np[1] + 1
                if i + 1 < hi and words[i].isdigit() and words[i + 1] == ",":
                    i += 2  # "Reece, 31, shared ...": an age apposition
                continue
            if np[1] < hi and words[np[1]][:1].islower():
                return start, np[1]
            return None
        if start is not None:
            return (start, last) if i < hi and words[i][:1].islower() else None
        while i < hi and words[i] != ",":
            i += 1
        i += 1
    return None


_FRAME_ONLY = frozenset({"reveal"})
"""Verbs that report speech only right next to the quote (``she revealed: "..."``)."""


def before_frame(body: str, lo: int, hi: int) -> tuple[Frame, bool] | None:
    """Attribution in the sentence before a quote; the flag says the quote is introduced.

    Introduced (``X said: "``, ``X said "``, ``according to X, "``) means the quote is the
    complement of the verb; otherwise the quote is embedded in reported speech.
    """
    toks = tokenize_spans(body[lo:hi], lo)
    words = [t for t, _, _ in toks]
    for v, lemma, n in _last_verbs(toks):  # "told analysts on a conference call that ...": told
        gap = words[v + n:]
        if lemma == "call" and v and words[v - 1].lower() in _BE:
            continue  # "Crews were called to ...": a passive call is no speech
        if lemma == "according to":
            np = np_forward(words, v + n)
            if not np:
                return None
            intro = words[np[1]:] in ([","], [])
            return Frame(lemma, *_span(toks, *np), "intro_according", toks[np[1] - 1][2]), intro
        np = np_inverted(words, v + n) if v == 0 else (
            _quoted_subject(words, v) or speaker_before(words, v))
        k = _back_aux(words, v) if np is None and v else 0
        if k and words[k - 1].lower() in {"and", "but"}:
            span = _coordinated_subject(body, lo, toks[k - 1][1])
            if span:  # "China accused X of "..." after Y did Z, and vowed to take "...""
                return Frame(lemma, *span, "partial", toks[v + n - 1][2]), False
        if np is None and words[v - 1] == "," and not words[v].endswith("ing"):
            np = np_inverted(words, v + n)  # "The plan, said Jo Roe of Acme, was "...""
            np = np if np and "," in words[np[1]:np[1] + 6] else None
            if np:
                frame = Frame(lemma, *_span(toks, *np), "partial", toks[np[1] - 1][2])
                return frame, False
        if np is None and (not gap or gap[-1] in {":", ","}):
            return None  # the verb right before the quote has no subject we can find
        if np is None or (words[0] == "As" and words[np[0] - 2:np[0]] == [",", "and"]):
            continue  # "As X tweeted, and Y reported, "..."": X wrote the words
        if v == 0:  # Said Mr X: "..."
            gap = words[np[1]:]
        intro = not gap or gap[-1] == ":" or gap == [","] or (len(gap) <= 10 and gap[-1] == ",")
        if not intro and lemma in _FRAME_ONLY:
            continue  # "talks revealed there was "..."": not a speech frame for a partial quote
        pattern = "intro_saying" if words[v].endswith("ing") else "intro"
        frame = Frame(lemma, *_span(toks, *np), pattern if intro else "partial",
                      toks[v + n - 1][2])
        return frame, intro
    return None


def speaker_before(words: list[str], v: int) -> tuple[int, int] | None:
    """Speaker of the reporting verb at ``words[v]``: the phrase before it or the subject."""
    if words[v].endswith("ing"):
        np = np_backward(words, v) if v and words[v - 1] not in _APPOS else None
        if np and v - np[0] <= 8 and np[0] and words[np[0] - 1].lower() in {"with", "as"}:
            return np  # "with one senior MP calling it "..."": the MP
        return subject_np(words, v)
    np = np_backward(words, _back_aux(words, v)) or _familiar_with(words, _back_aux(words, v))
    if np:
        return np
    k = _back_aux(words, v)
    if k > 0 and words[k - 1].lower() in {"who", "which"} and k > 1 and words[k - 2] == ",":
        return np_backward(words, k - 2)
    if k > 0 and words[k - 1] == ",":
        j = next((j for j in range(k - 2, max(-1, k - 26), -1) if words[j] == ","), None)
        if j is not None and words[j + 1].lower() in {"who", "which", "whose"}:
            w = next((w for w in range(j - 1, max(0, j - 12), -1)
                      if words[w] in {"who", "which", ","}), None)  # "A woman who lives nearby,"
            return np_backward(words, j) or (
                np_backward(words, w) if w and words[w] != "," else None)  # "X, who ..., said"
        if j is not None and (words[j + 1].lower() in {"from", "of", "in"} or (
                words[j + 1].isdigit())):  # "Jo Roe, 45, from Leeds, said": the name before
            i = next((i for i in range(j - 1, max(-1, j - 6), -1) if words[i] == ","), None)
            head = np_backward(words, i) if i is not None and words[i + 1].isdigit() else None
            if head:
                return head[0], k - 1
        if j is not None and words[j + 1].lower() in {"in", "on", "at", "during", "after"}:
            head = np_backward(words, j)  # "Acme, in a statement on its website, said"
            if head:
                return head
        if j is not None and (np_forward(words, j + 1) or words[j + 1].isdigit() or (
                words[j + 1].islower() and np_forward(words, j + 2)) or (
                words[j + 1].lower() in DETERMINERS and words[j + 1].lower() != "its")
                or words[j + 1].endswith("ing")):  # "X, reacting to ..., said"
            head = np_backward(words, j)
            if head is None:  # "Acme's head of drama, Jo Roe, said": the apposition itself
                name = np_forward(words, j + 1)
                return name if name and name[1] == k - 1 else None
            if head[0] > 1 and words[head[0] - 1] in {"in", "from", "near"} and (
                    words[head[0] - 2].endswith("ing")):  # "an expert living in Leeds, UK, said"
                return subject_np(words, head[0] - 1) or (head[0], k - 1)
            return head[0], k - 1
    if k > 0 and words[k - 1].lower() in {"and", "but"}:  # "X said ... and warned"
        return subject_np(words, k - 1)
    return _relative_subject(words, k)


def _relative_subject(words: list[str], k: int) -> tuple[int, int] | None:
    """``A site supervisor who worked there for years, and who asked not to be named, said``: the
    phrase opening the sentence, followed by ``who``, when a comma closes the clauses."""
    if k < 4 or words[k - 1] != ",":
        return None
    who = next((i for i in range(1, min(k, 7)) if words[i].lower() in {"who", "whose"}), None)
    if not who or not all(w.isalpha() or "-" in w for w in words[:who]):
        return None
    return (0, who) if speaker_of(" ".join(words[:who])).kind in {"person", "role"} else None


_DATELINE = re.compile(r"\s*[A-Z][A-Z .,'-]+(?:, [A-Z][\w.]+)*(?: \([\w ]+\))? ?[-—–]+ ")


def _coordinated_subject(body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Subject of the sentence around ``lo`` when the window starts mid-sentence (after an
    earlier quote): ``X accused Y of "..." and vowed``: X."""
    s0 = sentence_start(body, max(0, lo - WINDOW), lo)
    dateline = _DATELINE.match(body, s0, lo)  # "BEIJING (Reuters) - China ..."
    s0 = dateline.end() if dateline else s0
    if s0 >= lo or not any(mark in body[s0:lo] for mark in '"”'):
        return None  # only when an earlier quote of the sentence cut the window
    toks = tokenize_spans(body[s0:hi], s0)
    np = subject_np([t for t, _, _ in toks], len(toks))
    return _span(toks, *np) if np else None


def _familiar_with(words: list[str], v: int) -> tuple[int, int] | None:
    """``A person familiar with Acme's thinking said``: the role before ``familiar with``
    (or ``close to``) is the speaker, whatever the object of the preposition."""
    for c in range(v - 2, max(0, v - 9), -1):
        if words[c] in {",", ".", ";", ":", '"', "“", "”"}:
            return None
        if words[c] in ROLE_COMPLEMENTS | {"close"} and words[c + 1] in {"with", "to", "in", "on"}:
            head = np_backward(words, c)
            return head if head and is_role(words[head[1] - 1]) else None
    return None


def _back_aux(words: list[str], v: int) -> int:
    """Index before auxiliaries/adverbs that precede the verb at ``v``."""
    while v > 0:
        if words[v - 1].lower() in _AUX:
            v -= 1
        elif v > 1 and words[v - 2].lower() == "on" and words[v - 1].lower() in FUNCTION_WORDS:
            v -= 2
        elif v > 2 and words[v - 1] == ")" and words[v - 3] == "(" and (
                words[v - 2].lower() in _ASIDES):
            v -= 3  # "Jo Roe (pictured) said"
        else:
            break
    return v


_ASIDES = frozenset({"pictured", "above", "below", "left", "right", "centre", "center", "inset",
                     "top", "bottom", "file"})

