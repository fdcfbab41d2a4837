"""Word lists of the rule-based stance (general English news usage; no topic, person or place).

Cue verbs, nouns and adjectives with their polarity, negators, hedges, verb-group words, speech
verbs, reversing verbs, past / changed-position markers and the evaluation words read in
``called X "..."`` and ``X is/was ...`` frames. Used by :mod:`analysis.stance_rules`,
:mod:`analysis.stance_holders` and :mod:`analysis.stance_frames`.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """Whitespace-separated words of a lexicon literal."""
    return frozenset(text.split())


_IRREGULAR = {"seek": "sought", "keep": "kept", "lead": "led", "plead": "pled", "fight": "fought",
              "hold": "held", "stand": "stood", "withdraw": "withdrew withdrawn",
              "win": "won", "cut": "cut", "set": "set", "put": "put", "say": "said",
              "tell": "told", "think": "thought", "write": "wrote written", "speak": "spoke spoken",
              "come": "came", "brand": "branded", "describe": "described"}


def inflect(lemma: str) -> frozenset[str]:
    """Regular (and a few irregular) verb forms of ``lemma``: back -> backs, backed, backing."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(_IRREGULAR.get(lemma, "").split())
    return frozenset(forms)


def inflected(text: str) -> frozenset[str]:
    """All forms of the verbs of a lexicon literal."""
    return frozenset().union(*(inflect(v) for v in words(text)))


# verb cues: lemma (optionally with particle) -> polarity
VERB_CUES: dict[str, int] = {
    "support": 1, "back": 1, "endorse": 1, "favour": 1, "favor": 1, "want": 1, "welcome": 1,
    "call for": 1, "push for": 1, "press for": 1, "plead for": 1, "appeal for": 1, "ask for": 1,
    "argue for": 1, "lobby for": 1, "campaign for": 1, "vote for": 1, "hope for": 1,
    "urge": 1, "seek": 1, "demand": 1, "advocate": 1, "champion": 1, "embrace": 1, "approve": 1,
    "accept": 1, "defend": 1, "keep": 1, "maintain": 1, "propose": 1, "pledge": 1,
    "promise": 1, "insist on": 1, "commit to": 1, "justify": 1, "need": 1, "expand": 1,
    "increase": 1, "step up": 1, "boost": 1, "pursue": 1, "favour of": 1,
    "agree to": 1, "believe in": 1, "praise": 1, "hail": 1, "applaud": 1, "fight for": 1,
    "stand by": 1, "circulate": 1, "table": 1, "sponsor": 1, "co-sponsor": 1, "put forward": 1,
    "come out for": 1, "come out in favour of": 1, "come out in favor of": 1,
    "oppose": -1, "reject": -1, "resist": -1, "refuse": -1, "block": -1, "veto": -1,
    "warn against": -1, "caution against": -1, "argue against": -1, "vote against": -1,
    "campaign against": -1, "lobby against": -1, "speak against": -1, "rule out": -1,
    "dismiss": -1, "condemn": -1, "criticise": -1, "criticize": -1, "denounce": -1,
    "object to": -1, "balk at": -1, "baulk at": -1, "spurn": -1, "shun": -1, "decry": -1,
    "obstruct": -1, "scupper": -1, "torpedo": -1, "stall": -1,
    "fight": -1, "fight against": -1, "challenge": -1, "repeal": -1, "abolish": -1,
    "slam": -1, "push back on": -1, "push back against": -1, "protest against": -1,
    "come out against": -1, "turn against": -1, "vote down": -1, "fear": -1,
}
# noun cues: head noun + preposition -> polarity (the noun reading, e.g. "support for")
NOUN_CUES: dict[str, int] = {
    "support for": 1, "support of": 1, "backing for": 1, "backing of": 1, "plea for": 1,
    "pleas for": 1, "call for": 1, "calls for": 1, "push for": 1, "demand for": 1,
    "demands for": 1, "appeal for": 1, "bid for": 1, "endorsement of": 1, "commitment to": 1,
    "in favour of": 1, "in favor of": 1, "case for": 1, "enthusiasm for": 1,
    "campaign for": 1, "weight behind": 1, "supporters of": 1, "backers of": 1,
    "champion of": 1, "petition for": 1,
    "opposition to": -1, "objection to": -1, "objections to": -1, "resistance to": -1,
    "rejection of": -1, "veto of": -1, "criticism of": -1, "scepticism about": -1,
    "skepticism about": -1, "case against": -1, "opposed to": -1, "hostility to": -1,
    "petition against": -1, "campaign against": -1, "fight against": -1, "critics of": -1,
    "opponents of": -1, "challenge to": -1,
}
# predicate adjectives (after a be-form or a subject): "I am confident that ..."
ADJ_CUES: dict[str, int] = {
    "confident": 1, "sure": 1, "certain": 1, "hopeful": 1, "optimistic": 1, "convinced": 1,
    "committed": 1, "determined": 1, "keen": 1, "eager": 1, "supportive": 1, "open to": 1,
    "ready for": 1,
    "sceptical": -1, "skeptical": -1, "wary": -1, "reluctant": -1, "unwilling": -1,
    "against": -1, "hostile": -1, "pessimistic": -1, "doubtful": -1, "worried about": -1,
    "worried by": -1, "concerned about": -1, "concerned by": -1, "alarmed by": -1,
    "alarmed at": -1, "troubled by": -1,
}
REVERSERS = inflected(
    "lift remove end ease scrap drop abandon cut halt stop suspend withdraw reduce lower loosen "
    "relax freeze cancel curb limit slash axe overturn undo reverse replace")
REVERSING_NOUNS_OF = words("halt end suspension pause moratorium")
REVERSING_NOUNS = words("cut cuts reduction reductions relief break breaks rebate rebates "
                        "exemption exemptions freeze repeal abolition holiday removal rollback "
                        "waiver")
"""After the mention: ``backs tax cuts`` is against the tax, as ``backs cutting taxes`` is."""
WITHDRAWING = inflected("withdraw drop abandon lose end pull")
"""Verbs that take a supporting noun back: ``withdrew its support for X`` is against X."""
NEGATORS = words("not n't 't never no nor neither hardly without cannot")
CONDITIONS = words("if unless")
"""A negation in a condition states no position: ``If we cannot agree on X, ...``."""
RELATIVES = words("that which who whose")
"""``not going to sell the stores that make X work``: the negation is not about X."""
NEGATIVE_SUBJECTS = words("nobody noone no-one none")
"""Subjects that negate their verb: ``No one wants X`` is against X."""
WEAK_CUES = frozenset({"open to"})
"""Cues that state a weak position (half weight): ``open to a dock fee``."""
NEGATING_VERBS = inflected("refuse decline fail")
MODAL = words("could may might would consider considers considered considering potentially "
              "possibly perhaps maybe explore explores explored exploring eventually "
              "conditionally reportedly")
VERB_GROUP = words(
    "am has have had having is are was were be been being do does did will shall can must should "
    "also still already again now today further firmly strongly openly publicly repeatedly "
    "reportedly even then once more long always clearly previously earlier formally officially "
    "effectively largely broadly generally jointly too first foremost and so far just yet "
    "led lead leads leading voiced voice voices expressed express expresses signalled signaled "
    "signal signals reiterated reiterate reiterates renewed renew renews repeated made make "
    "makes gave give gives lent lend lends threw throw throws declared declare declares "
    "stated state states announced announce announces registered register signalled put puts "
    "monday tuesday wednesday thursday friday saturday sunday yesterday since longer"
) | MODAL | NEGATORS | NEGATING_VERBS | {"to"}
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
"""``X on Monday backed Y``: ``on`` + a weekday sits inside the verb group."""
SPEECH_VERBS = inflected(
    "say tell argue insist stress believe think declare add note write warn caution claim "
    "reiterate explain suggest state announce acknowledge admit emphasise emphasize tweet "
    "maintain contend assert call describe speak")
BE_FORMS = words("is are was were be been being am")
PAST_MARKERS = words("previously formerly once initially originally")
"""In a cue's verb group or clause: a position held before (``which had opposed``)."""
PAST_PHRASES = re.compile(r"\b(?:last|previous) (?:year|month|week|decade)|\b(?:years|months) "
                          r"ago\b|\bin the past\b|\bat first\b", re.I)
PAST_AFTER = re.compile(r"^\W*(?:when (?:it|they|this|that|the \w+) (?:was|were) first|at first|"
                        r"initially|originally|in its early days)\b", re.I)
"""Right after the mention: ``who welcomed the project when it was first announced``."""
CHANGED_NOTE = re.compile(r"\b(?:(?:a )?(?:very |quite |rather )?different (?:note|tone|line)|"
                          r"changed (?:his|her|its|their) (?:mind|tune)|u-turn|cooled on|"
                          r"turned against|has since)\b", re.I)
"""With a past position in the sentence: the position held now is the opposite one."""
ASKING_VERBS = inflected("ask urge press push tell persuade encourage invite lobby pressure")
"""``Y asked councillors to approve X``: the one who asks holds the stance, not the asked;
``urged workers not to join X`` is against X."""
TOPIC_PREPOSITIONS = words("on about over regarding concerning")
"""``rejects proposals on immigration``: the cue's object is the proposals, not immigration."""
OPEN_QUESTION = words("whether if")
"""``asked whether X backs Y``: a cue in an open question states no position."""
HEDGED_ONLY = {"consider": 1}
"""Verbs that are a (weak) cue only after a modal: ``could consider a truce``."""
MODAL_VERBS = words("could would might may")
EVALUATING_VERBS = inflected("call describe brand label dub")
"""``called X "..."``, ``described X as ...``: the words after X evaluate X."""

# evaluation words read after a target in "X is/was ..." and "called X ..." frames; VADER is
# consulted when none of these occur (news evaluations are often missing from its lexicon)
POSITIVE_EVALUATION = words(
    "right fair sensible necessary essential vital welcome overdue good best better great "
    "important clear justified reasonable realistic workable affordable safe effective needed "
    "solution step progress opportunity win boost lifeline breakthrough responsible protects")
NEGATIVE_EVALUATION = words(
    "unrealistic unworkable unfair unaffordable unjust unacceptable unnecessary unjustified "
    "mistake error wrong bad worse worst reckless misguided flawed dangerous disaster disastrous "
    "fantasy gamble harm self-harm damaging absurd costly expensive threat attack betrayal "
    "scandal nonsense folly waste risky premature impossible useless pointless irresponsible "
    "catastrophic catastrophe failure grab loophole giveaway luxury licence license")
POSITIVE_PHRASES = re.compile(r"\b(?:pays? for itself|only (?:responsible |sensible |real )?(?:way|"
                              r"choice|option)|cheapest (?:way|option|pay rise)|the very least|"
                              r"(?:must|should|has to) (?:stay|remain)|"
                              r"(?:get|gets|strike|strikes) the balance right)\b", re.I)
NEGATIVE_PHRASES = re.compile(r"\b(?:treats? (?:\w+ ){1,2}like (?:children|kids|criminals|fools)|"
                              r"a recipe for|a licence to|a license to|at (?:an )?(?:enormous|"
                              r"huge|great|vast) cost|a fig leaf|a delaying tactic|a smokescreen|"
                              r"a stitch-up|a tax on jobs)\b", re.I)
"""Evaluation phrases read before the single words (``pays for itself``: not VADER's 'sick')."""
CONTRAST = words("but yet though however")
"""``X is painful, but it is the only responsible choice``: the clause after ``but`` wins."""

POLICY_NOUNS = words(
    "ban levy tax fee charge grant subsidy cap limit plan proposal closure merger sale extension "
    "referendum ballot deal agreement treaty bill law reform scheme policy mission ceasefire truce "
    "exchange accession bid deadline phase-out programme program project rule rules regulation "
    "measure strategy initiative package hike rise increase cut tariff toll quota moratorium "
    "takeover acquisition expansion scheme pact accord settlement brigade deployment")
"""Heads of things one can be for or against: ``the ban`` after ``petrol car ban`` refers back
to that target (definite anaphora, see :func:`analysis.stance_targets.find_references`)."""
GENERIC_POLICY_NOUNS = words("plan plans proposal proposals measure measures bill legislation "
                             "reform reforms scheme policy move change changes idea project")
"""``the plan``, ``the bill``: the one target mentioned just before (see
:func:`analysis.stance_targets.find_generic_references`)."""

CAPITALS: dict[str, tuple[str, ...]] = {
    "washington": ("United States", "US", "America"), "moscow": ("Russia",),
    "beijing": ("China",), "london": ("Britain", "United Kingdom", "UK"), "paris": ("France",),
    "berlin": ("Germany",), "kyiv": ("Ukraine",), "kiev": ("Ukraine",), "tokyo": ("Japan",),
    "rome": ("Italy",), "madrid": ("Spain",), "ankara": ("Turkey",), "tehran": ("Iran",),
    "delhi": ("India",), "new delhi": ("India",), "ottawa": ("Canada",), "canberra": ("Australia",),
    "warsaw": ("Poland",), "budapest": ("Hungary",), "seoul": ("South Korea",),
    "pyongyang": ("North Korea",), "brasilia": ("Brazil",), "pretoria": ("South Africa",),
}
"""A capital stands for its country's government (``Ankara rejected X``) when the article
also names the country: the holder is the country as the article writes it."""
MEMBER_NOUNS = words("workers employees staff teachers nurses doctors drivers miners pilots "
                     "farmers journalists dockers firefighters officers")
"""``the union`` with no union named is the organisation named for its members."""
PARENTHETICAL_ADVERBS = words("however though meanwhile too also instead likewise moreover "
                              "nevertheless meanwhile separately")
"""``The Trust, however, has objected to X``: a lone adverb between commas is no apposition."""
NESTING_OPENERS = words("home which who whose where")
"""``Marlow, home to the largest kiln maker, Acme Kilns, has ...``: a name after such an
apposition belongs to it; the subject is the name before it (Marlow)."""
