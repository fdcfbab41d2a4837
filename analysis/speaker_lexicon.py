"""Word lists for speaker phrases: reporting verbs, pronouns, honorifics, role nouns,
organisation heads, determiners and function words (general English news usage).

Used by :mod:`analysis.speakers` (normalisation) and the attribution modules.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """Whitespace-separated words of a lexicon literal."""
    return frozenset(text.split())


# ---------------------------------------------------------------- reporting verbs
_VERB_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing"),
    "sum up": ("sum up", "sums up", "summed up", "summing up"),
    "go on": ("went on", "goes on"),
    "point out": ("point out", "points out", "pointed out", "pointing out"),
    "read": ("read", "reads"),  # '"...," the statement read.'
}
_REGULAR = word_set(
    "add warn caution reiterate insist stress note argue ask explain declare tweet claim admit "
    "concede continue reply respond comment remark announce confirm acknowledge suggest urge "
    "predict recall complain maintain observe joke quip vow pledge promise estimate agree "
    "counter emphasise emphasize underline conclude state assert allege report repeat "
    "contend exclaim shout scream whisper murmur mutter write answer testify protest recount "
    "caution lament boast grumble concur affirm sigh snap retort plead tell advise describe call "
    "laugh smile grin chuckle shrug accuse brand hail dismiss label condemn criticise criticize "
    "praise reveal gush enthuse rave beam fume rage blast slam post"
)


def _inflect(verb: str) -> tuple[str, ...]:
    """Regular English forms (base, -s, -ed, -ing) of ``verb``."""
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith(("y",)) and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][pgtbm]", verb):  # snap, quip, admit-like monosyllables
        dbl = verb + verb[-1]
        return verb, verb + "s", dbl + "ed", dbl + "ing"
    ss = "es" if verb.endswith(("s", "sh", "ch", "x")) else "s"
    return verb, verb + ss, stem + "ed", stem + "ing"


def _build_verbs() -> dict[str, str]:
    out = {form: lemma for lemma, forms in _VERB_FORMS.items() for form in forms}
    for verb in sorted(_REGULAR):
        for form in _inflect(verb):
            out.setdefault(form, verb)
    out.update({"admitted": "admit", "admitting": "admit", "regretted": "regret"})
    out.update({"emphasised": "emphasise", "emphasized": "emphasize"})
    return out


VERB_LEMMAS: dict[str, str] = _build_verbs()
"""Reporting verb form -> lemma-ish ("summed up" -> "sum up")."""

# ---------------------------------------------------------------- lexicons
PRONOUNS = {"he": "m", "she": "f", "they": "x", "it": "o", "we": "x"}

HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f", "king": "m",
              "queen": "f", "prince": "m", "princess": "f", "dr": "", "dr.": "", "prof": "",
              "prof.": "", "professor": "", "mx": "", "mx.": "", "rev": "", "rev.": "",
              "reverend": "", "father": "m", "sister": "f", "brother": "m", "pope": "m",
              "sheikh": "m", "emir": "m", "archbishop": "", "bishop": "", "cardinal": "m",
              "sgt": "", "sgt.": "", "cpl": "", "pc": "", "det": "", "det.": "", "supt": "",
              "insp": "", "capt": "", "capt.": "", "lt": "", "lt.": "", "col": "", "col.": "",
              "maj": "", "gen": "", "gen.": "", "cllr": "", "con": "", "constable": "",
              "dci": "", "dc": "", "ds": "", "di": "", "ch": "", "sen": "", "sen.": "",
              "rep.": "", "gov": "", "gov.": "", "atty": "", "atty.": "", "supt.": "",
              "insp.": "", "maj.": "", "cmdr": "", "cmdr.": "", "adm": "", "adm.": "",
              "marshal": "", "sergeant": "", "corporal": "", "lieutenant": "", "colonel": "",
              "brigadier": ""}
"""Titles that precede a personal name, with the gender they imply ("" = unknown)."""

ROLE_NOUNS = word_set("""
chief head minister secretary ambassador diplomat official spokesman spokeswoman spokesperson
president chairman chairwoman chair director executive manager coach leader chancellor premier
governor senator mayor general commander analyst economist expert adviser advisor aide source
officer lawyer attorney prosecutor judge envoy negotiator representative mp mep member
researcher professor scientist doctor boss founder owner captain player striker midfielder
defender goalkeeper star singer actor actress author writer strategist trader dealer banker
investor spokespeople secretary-general general-secretary commissioner chairperson ceo cfo
coo cto president-elect vice-president deputy lawmaker legislator congressman congresswoman
councillor councilor delegate campaigner activist witness resident worker nurse teacher
student officer soldier policeman policewoman detective inspector superintendent sheriff
partner producer director-general editor reporter correspondent columnist presenter host
consultant administrator organiser organizer referee umpire manager-general candidate
drummer vocalist composer conductor chef comedian dj team-mate teammate mate
undersecretary under-secretary comptroller treasurer auditor registrar provost dean rector
athlete runner sprinter cyclist golfer boxer driver rider swimmer skipper batsman bowler winger
forward musician rapper band artist director designer developer engineer entrepreneur farmer
film-maker filmmaker fly-half scrum-half full-back fullback flanker centre-back wing-back
playmaker pal blogger vlogger commenter user influencer shareholder stakeholder bondholder
campaigner critic historian observer pundit insider dealer broker chemist physician surgeon
psychologist academic lecturer head-teacher headteacher principal regulator watchdog pilot
survivor victim mother father parent son daughter wife husband friend colleague neighbour
family relative person backbencher frontbencher challenger
controller commentator curator promoter agent publisher trustee vicar priest
imam rabbi landlord tenant shopkeeper shopper customer passenger motorist patient pupil fan
supporter voter protester demonstrator planner inventor investigator clerk chancellor
commuter traveller holidaymaker homeowner grandparent midwife paramedic firefighter
plumber cleaner carer volunteer villager publican
teenager youngster veteran pensioner sister brother grandmother grandfather widow widower
counterpart employee staffer substitute retiree debutant newcomer
supervisor foreman caretaker cashier warden technician mechanic accountant coroner magistrate
barrister solicitor juror trooper fisherman electrician waiter bartender headmaster
headmistress architect photographer poet dancer
""")
"""Role nouns (singular); plurals are recognised by a trailing s."""

FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "actress", "congresswoman",
                          "policewoman", "businesswoman", "queen", "princess", "mother",
                          "daughter", "wife", "sister", "grandmother", "widow"})
MALE_ROLES = frozenset({"spokesman", "chairman", "congressman", "policeman", "businessman",
                        "father", "son", "husband", "brother", "grandfather", "widower"})
PLACE_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "D.C."})
"""Initials of places and bodies, never of a person (``U.S. Steel``)."""
SIGN_NOUNS = frozenset({"banner", "sign", "placard", "poster", "slogan", "headline",
                        "plaque", "inscription", "billboard", "graffiti"})
"""``"...," read a banner``: written words on display, not speech."""
FAMILY_NOUNS = frozenset({"family", "relatives", "parents", "friends"})
"""``The family of Jo Roe said``: the family speaks, not the person it is named after."""
FIRST_NAME_ROLES = frozenset({"dean"})
"""Role nouns that are also given names: ``Dean Roe`` opening a sentence is a name."""
ROLE_COMPLEMENTS = frozenset({"involved", "familiar", "briefed", "knowledgeable", "present",
                              "aware", "close"})
"""Words after a role noun that start what the person knows or took part in, not who they are
(``a person involved in the talks``, ``a source briefed on the plan``: a person, a source)."""
KIN_GENDER = {"wife": "f", "mother": "f", "daughter": "f", "sister": "f", "granddaughter": "f",
              "niece": "f", "grandmother": "f", "husband": "m", "father": "m", "son": "m",
              "brother": "m", "grandson": "m", "nephew": "m", "grandfather": "m", "mum": "f",
              "mom": "f", "dad": "m"}
"""Kin nouns with a gender (``His wife, Jo``: Jo is a woman); ``partner`` has none."""
KIN_PLURALS = ("children", "sons", "daughters", "grandchildren", "kids")
"""Plural kin nouns that introduce first names (``Their children, Ivo, 9, and Mira, 13,``)."""
SPOKESPERSONS = ("spokesman", "spokeswoman", "spokesperson")
"""Role nouns of people who speak for someone else (a tuple, for ``str.endswith``)."""
ANONYMOUS_SOURCES = frozenset({"source", "insider", "person"})
"""Unnamed people news quotes on background (``a source close to ...``, ``the insider``)."""
PLACE_HEADS = word_set("""
heights street road avenue boulevard valley springs square estate gardens terrace county
district province region island islands harbour harbor creek mountains plaza crescent
""")
"""Last words of place names, never of a person's name (``Vaimoa Heights``)."""
PLACE_NOUNS = word_set("town city village district province region suburb county state island")
"""``the town of Dar Selim``: the capitalised run after ``<place noun> of`` is a place."""
TIME_NOUNS = word_set("""
second seconds minute minutes hour hours day days week weeks month months year years decade
decades century centuries night nights morning mornings evening evenings weekend weekends
""")
"""Heads of time phrases, never a speaker (``For the first six months, ...``)."""
ORG_STAND_INS = frozenset({"regulator", "watchdog"})
"""Role nouns that stand for an organisation: ``the regulator said`` after ``The Acme
Conduct Authority declined to comment.``"""
DESCRIBED_PEOPLE = frozenset({
    "man", "woman", "boy", "girl", "resident", "passenger", "villager", "witness", "neighbour",
    "neighbor", "bystander", "shopper", "onlooker", "survivor", "farmer", "fisherman"})
"""Unnamed people a reporter describes and may name next (``"...," said a woman. The woman,
Jo Roe, 61, ...``)."""
EPITHETS = frozenset({"teenager", "youngster", "veteran", "pensioner"})
"""Descriptions that refer back to a person already named (``the teenager told ...``)."""
PERSONAL_ROLES = word_set("""
forward striker midfielder defender goalkeeper keeper winger player captain skipper manager
boss coach batsman bowler rider driver boxer golfer sprinter runner swimmer cyclist champion
star singer actor actress director author novelist rapper mp mep msp lawmaker congressman
congresswoman international
""")
"""Roles a named person holds, so ``the <Capitalised> <role>`` refers back to that person."""
PERFORMERS = word_set("""
singer actor actress rapper star striker midfielder forward winger goalkeeper defender golfer
boxer sprinter swimmer cyclist novelist comedian guitarist drummer champion challenger
fly-half scrum-half full-back fullback flanker playmaker
""")
EPITHET_ADJ = word_set("pop rock film movie hollywood veteran former young teenage star "
                      "record-breaking award-winning oscar-winning")
DOCUMENT_NOUNS = frozenset({"statement", "report", "letter", "filing", "release", "complaint",
                            "indictment", "lawsuit", "ruling", "memo", "notice", "documents"})
"""``the statement said``: the speaker is the organisation that issued it."""

ROLE_MODIFIERS = word_set("""
local government foreign defence defense finance senior junior deputy former vice executive
general national regional state federal party opposition shadow health education trade security
press communications company club team union industry bank police military army navy ministry
economic policy public interim acting assistant associate managing technical sales marketing
financial operating legal campaign group fund market oil energy central top new outgoing
incoming chief principal lead international european western eastern northern southern
research investment business chief-executive fellow environment transport home interior
justice culture sports labour labor treasury prime sport football cricket rugby tennis
non-executive first second third fourth fifth another one two three other some many
a an the its his her their our
""")
"""Lower-case words allowed inside a role phrase ("local government spokeswoman")."""

CONNECTORS = frozenset({"of", "for", "at", "to", "and", "&"})
DETERMINERS = frozenset({"a", "an", "the", "one", "another", "its", "his", "her", "their",
                         "our", "some", "two", "three", "four", "several", "many", "other"})
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                      "eighth", "ninth", "tenth", "further", "different", "same"})
ORG_HEADS = word_set("""
committee commission party ministry council bank association union inc corp corporation group
agency department office court board institute university company government alliance
organisation organization federation foundation trust service services authority news times
post journal club fund league assembly parliament congress senate police army navy force
charity firm hospital school embassy airline carmaker retailer lender insurer manufacturer
operator coalition consortium college society academy museum church
magazine newspaper paper daily agency channel station website broadcaster tabloid radio
television tv programme program show
forces network exchange administration bureau centre center co ltd plc llc network
order republic lodge
""")
"""Words that end an organisation name ("Audit Committee")."""

FUNCTION_WORDS = word_set("""
but and or the a an in on at for while when as if however according meanwhile yesterday last
this that these those then so yet after before since during from with by to of earlier later
there here it its he she they we i you his her their our his also only even still now today
tonight tomorrow monday tuesday wednesday thursday friday saturday sunday january february
march april july september october november december speaking asked pressed
instead although though because despite unlike like under over about all both every each
no not none any within without across among amid against through throughout toward towards
upon beyond behind below above inside outside near following including except per via whereas
unless once what who why how where which whose whom between afterwards afterward separately
elsewhere previously initially ultimately nevertheless nonetheless indeed finally eventually
currently similarly likewise privately publicly
""")
"""Capitalised at a sentence start but never part of a speaker's name."""

NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al",
                            "bin", "ben", "el", "del", "dos", "das", "ter", "ten", "zu", "y"})
GENERIC_ADJ = frozenset({"senior", "top", "junior", "high-ranking", "leading", "anonymous",
                         "unnamed", "unidentified", "another", "other", "certain"})
DEMONYM_NOUNS = frozenset({
    "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman", "irishwoman",
    "welshman", "welshwoman", "scotsman", "scotswoman", "dutchman", "dutchwoman",
    "cornishman", "manxman", "countryman", "countrywoman", "compatriot"})
"""Nationality nouns written before a name as an epithet (``Frenchman Jo Roe``)."""
POSTNOMINALS = frozenset({"mp", "mep", "qc", "kc", "jr", "jr.", "sr", "sr.", "obe", "mbe",
                          "cbe", "msp", "am", "phd"})

