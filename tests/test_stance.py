"""Exact tests for the rule-based stance (analysis.stance) on hand-written fixture articles."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import paths
from analysis.stance import COLUMNS, EVIDENCE_COLUMNS, cli, stance, stance_evidence
from analysis.stance_targets import find_aliases, parse_targets

FIXTURES = paths.TESTS / "fixtures" / "stance"
TARGETS_YAML = FIXTURES / "targets.yaml"
TARGETS_JSON = FIXTURES / "targets.json"
SEED_ID = "000_ce342c1d8288ce55"


def rows(*bodies: str, targets=TARGETS_YAML, quotes=None) -> list[tuple]:
    """(doc, holder, target, signed, rule, cue) of each evidence row of hand-written bodies."""
    arts = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(bodies))], "body": list(bodies)})
    ev = stance_evidence(arts, targets, quotes=quotes)
    return [(d, h, t, s, r, c) for d, h, t, s, r, c in
            zip(ev["doc_id"], ev["holder"], ev["target"], ev["signed"], ev["rule"], ev["cue"],
                strict=True)]


# ------------------------------------------------------------------ targets config


def test_documented_yaml_targets():
    targets = parse_targets(TARGETS_YAML)
    assert [t.name for t in targets] == ["carbon tax", "fuel subsidy cap"]
    assert targets[0].aliases == (
        "carbon tax", "carbon levy", "tax on carbon", "levy ... emissions")
    assert (targets[0].favor, targets[0].against) == (("make polluters pay",), ("tax grab",))


def test_plain_json_targets_file_and_mapping():
    from_file = parse_targets(TARGETS_JSON)
    assert [(t.name, t.aliases) for t in from_file] == [
        ("carbon tax", ("carbon tax", "carbon levy", "tax on carbon")),
        ("fuel subsidy cap", ("fuel subsidy cap", "subsidy cap", "cap on fuel subsidies")),
    ]
    assert rows("Chile backs a tax on carbon.", targets=TARGETS_JSON) == [
        ("d0", "Chile", "carbon tax", 1.0, "verb", "backs")]
    assert rows("Chile backs a carbon levy.", targets={"levy": ["carbon levy"]}) == [
        ("d0", "Chile", "levy", 1.0, "verb", "backs")]
    assert rows("Chile backs a carbon levy.", targets='{"levy": ["carbon levy"]}') == [
        ("d0", "Chile", "levy", 1.0, "verb", "backs")]


def test_default_targets_file_is_documented_config():
    names = [t.name for t in parse_targets(None)]
    assert names == ["Ukraine NATO membership", "negotiations with Russia",
                     "territorial concessions", "long-range weapons restrictions",
                     "military aid to Ukraine"]


def test_alias_syntax_suffix_hyphen_gap_and_boundaries():
    target = parse_targets({"cap": ["price cap", "long-range ... limits"]})[0]
    text = "Price caps, long range missile limits, a cap and a spaceprice cap."
    assert [m[2] for m in find_aliases(text, target)] == [
        "Price caps", "long range missile limits", "cap"]


def test_bad_targets_raise():
    with pytest.raises(ValueError):
        parse_targets({})
    with pytest.raises(ValueError):
        parse_targets(42)


# ------------------------------------------------------------------ stance rules


def test_support_verbs():
    assert rows(
        "The Green Party backs the carbon tax.",
        "Finance Minister Lena Ortiz urged parliament to adopt a carbon levy.",
        "Chile calls for a carbon tax.",
        "Peru welcomes the carbon tax.",
        "Ecuador is pushing for a tax on carbon.",
    ) == [
        ("d0", "Green Party", "carbon tax", 1.0, "verb", "backs"),
        ("d1", "Lena Ortiz", "carbon tax", 1.0, "verb", "urged"),
        ("d2", "Chile", "carbon tax", 1.0, "verb", "calls for"),
        ("d3", "Peru", "carbon tax", 1.0, "verb", "welcomes"),
        ("d4", "Ecuador", "carbon tax", 1.0, "verb", "pushing for"),
    ]


def test_opposition_verbs():
    assert rows(
        "The Farmers Union rejects the carbon tax.",
        "Senator Paul Ames warned against any carbon levy this year.",
        "Bolivia opposes the carbon tax.",
        "The oil lobby cautioned against a carbon tax.",
        "Uruguay blocked the carbon tax.",
    ) == [
        ("d0", "Farmers Union", "carbon tax", -1.0, "verb", "rejects"),
        ("d1", "Paul Ames", "carbon tax", -1.0, "verb", "warned against"),
        ("d2", "Bolivia", "carbon tax", -1.0, "verb", "opposes"),
        ("d3", "oil lobby", "carbon tax", -1.0, "verb", "cautioned against"),
        ("d4", "Uruguay", "carbon tax", -1.0, "verb", "blocked"),
    ]


def test_cue_nouns_and_coordinated_holders():
    assert rows(
        "Brazil and Argentina have led opposition to the carbon tax.",
        "Canada and Mexico have voiced support for a tax on carbon.",
        "Mexico's plea for a carbon tax was heard.",
    ) == [
        ("d0", "Brazil", "carbon tax", -1.0, "noun", "opposition to"),
        ("d0", "Argentina", "carbon tax", -1.0, "noun", "opposition to"),
        ("d1", "Canada", "carbon tax", 1.0, "noun", "support for"),
        ("d1", "Mexico", "carbon tax", 1.0, "noun", "support for"),
        ("d2", "Mexico", "carbon tax", 1.0, "noun", "plea for"),
    ]


def test_negation_flips():
    assert rows(
        "The Treasury is not endorsing the carbon tax.",
        "Senator Ann Ames does not support a carbon levy.",
        "Germany refused to back the carbon tax.",
        "Norway does not oppose the carbon tax.",
    ) == [
        ("d0", "Treasury", "carbon tax", -1.0, "verb+negation", "endorsing"),
        ("d1", "Ann Ames", "carbon tax", -1.0, "verb+negation", "support"),
        ("d2", "Germany", "carbon tax", -1.0, "verb+negation", "back"),
        ("d3", "Norway", "carbon tax", 1.0, "verb+negation", "oppose"),
    ]


def test_modality_weakens():
    assert rows(
        "Brazil could back a carbon tax.",
        "Chile may consider backing a carbon tax.",
        "Colombia called for exploring a carbon tax.",
    ) == [
        ("d0", "Brazil", "carbon tax", 0.5, "verb+modality", "back"),
        ("d1", "Chile", "carbon tax", 0.25, "verb+modality", "backing"),
        ("d2", "Colombia", "carbon tax", 0.5, "verb+modality", "called for"),
    ]


def test_reversing_verb_flips_toward_target():
    assert rows("The transport union called for lifting the subsidy cap.") == [
        ("d0", "transport union", "fuel subsidy cap", -1.0, "verb+reversal", "called for")]


def test_reported_speech():
    negation = ('Finance Minister Lena Ortiz spoke on Monday. '
                '"We are not ready to discuss a carbon tax this year," she said.')
    confident = '"I am confident that one day the carbon tax will pass," said Lena Ortiz.'
    praise = '"The carbon tax is a wonderful, excellent idea," said Lena Ortiz.'
    assert rows(negation, confident, praise) == [
        ("d0", "Lena Ortiz", "carbon tax", -0.5, "reported+negation", ""),
        ("d1", "Lena Ortiz", "carbon tax", 1.0, "adj", "confident"),
        ("d2", "Lena Ortiz", "carbon tax", 0.5, "evaluation", ""),
    ]


def test_no_evidence_stays_neutral_or_absent():
    quoted = '"The carbon tax is on the agenda for the next meeting," said Lena Ortiz.'
    plain = "The carbon tax was discussed by the Farmers Union on Monday."
    assert rows(quoted, plain) == [("d0", "Lena Ortiz", "carbon tax", 0.0, "reported", "")]
    arts = pd.DataFrame({"doc_id": ["d0"], "body": [quoted]})
    out = stance(arts, TARGETS_YAML)
    assert out[["holder", "stance", "score", "n_evidence"]].values.tolist() == [
        ["Lena Ortiz", "neutral", 0.0, 1]]


def test_holder_resolution_rules():
    assert rows(
        "Lena Ortiz's plan, which calls for a carbon tax, was published on Monday.",
        "The Farmers Union rejects the carbon tax and calls for a subsidy cap.",
        "Senator Ann Ames spoke in the chamber on Monday. She opposes the carbon tax.",
        "For the central bank governor, rising prices justify seeking a carbon tax.",
        "According to Paul Ames, seeking a carbon tax is now urgent.",
        "Paul Ames said the focus was on keeping the carbon tax.",
    ) == [
        ("d0", "Lena Ortiz", "carbon tax", 1.0, "verb", "calls for"),
        ("d1", "Farmers Union", "carbon tax", -1.0, "verb", "rejects"),
        ("d1", "Farmers Union", "fuel subsidy cap", 1.0, "verb", "calls for"),
        ("d2", "Ann Ames", "carbon tax", -1.0, "verb", "opposes"),
        ("d3", "central bank governor", "carbon tax", 1.0, "verb", "seeking"),
        ("d4", "Paul Ames", "carbon tax", 1.0, "verb", "seeking"),
        ("d5", "Paul Ames", "carbon tax", 1.0, "verb", "keeping"),
    ]


def test_passive_cues_take_their_agent_and_bare_fighting_is_no_cue():
    # the passive subject is never the holder; "by Y" names the holder (changed this session:
    # "The carbon levy was rejected by parliament." gave no row before)
    assert rows(
        "Tony Blair should not be criticised over the carbon tax.",
        "The carbon levy was rejected by parliament.",
        "Soldiers were fighting the carbon tax.",
    ) == [("d1", "parliament", "carbon tax", -1.0, "verb+after", "rejected")]


def test_they_is_not_resolved_to_a_single_person():
    assert rows("Senator Ann Ames spoke on Monday. They oppose the carbon tax.") == []


def test_whose_and_known_full_name():
    assert rows(
        "Mr Kennedy, whose party opposes the carbon tax, spoke.",
        "Lena Ortiz spoke on Monday. Sources told the BBC Lena Ortiz backs the carbon tax.",
    ) == [
        ("d0", "Kennedy", "carbon tax", -1.0, "verb", "opposes"),
        ("d1", "Lena Ortiz", "carbon tax", 1.0, "verb", "backs"),
    ]


def test_target_cue_phrases_and_gap_alias():
    assert rows(
        "Lena Ortiz said it was time to make polluters pay. Paul Ames called it a tax grab.",
        "The union wants a levy on industrial emissions.",
    ) == [
        ("d0", "Lena Ortiz", "carbon tax", 1.0, "phrase", "make polluters pay"),
        ("d0", "Paul Ames", "carbon tax", -1.0, "phrase", "tax grab"),
        ("d1", "union", "carbon tax", 1.0, "verb", "wants"),
    ]


def test_aggregate_row_links_evidence_and_qualifiers():
    body = ("Japan opposes an immediate carbon tax.\n\n"
            "Japan supports a carbon tax in the long term.\n\nJapan backs a carbon tax.")
    arts = pd.DataFrame({"doc_id": ["j"], "body": [body]})
    out = stance(arts, TARGETS_YAML)
    assert list(out.columns) == COLUMNS
    row = out.iloc[0]
    assert (row["holder"], row["target"], row["stance"], row["score"]) == (
        "Japan", "carbon tax", "favor", 0.3333)
    assert (row["n_evidence"], row["n_favor"], row["n_against"]) == (3, 2, 1)
    assert row["qualifier"] == "immediate; future"
    assert row["sent_ids"] == [0, 1, 2]
    assert [body[a:b] for a, b in row["spans"]] == row["evidence"]


def test_empty_and_no_mentions():
    arts = pd.DataFrame({"doc_id": ["a", "b"], "body": ["Nothing to see.", ""]})
    assert list(stance_evidence(arts, TARGETS_YAML).columns) == EVIDENCE_COLUMNS
    assert stance(arts, TARGETS_YAML).empty


def test_input_not_mutated():
    arts = pd.DataFrame({"doc_id": ["a"], "body": ["Chile backs a carbon tax."]})
    before = arts.copy()
    stance(arts, TARGETS_YAML)
    pd.testing.assert_frame_equal(arts, before)


# ------------------------------------------------------------------ CLI and scale


def test_cli_jsonl(capsys):
    assert cli([str(FIXTURES / "articles"), "--targets", str(TARGETS_JSON)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["doc_id"], r["holder"], r["stance"]) for r in lines] == [
        ("001_support", "Canada", "favor"), ("001_support", "Green Party", "favor"),
        ("001_support", "Lena Ortiz", "favor"), ("001_support", "Mexico", "favor"),
        ("002_oppose", "Argentina", "against"), ("002_oppose", "Brazil", "against"),
        ("002_oppose", "Farmers Union", "against"), ("002_oppose", "Paul Ames", "against"),
    ]
    assert set(lines[0]) >= {"doc_id", "holder", "target", "stance", "score", "evidence"}
    assert lines[0]["evidence"] == ["Canada and Mexico have voiced support for a tax on carbon."]


def test_20mb_article_runs_in_linear_passes():
    filler = "the committee met again and talked about many other things " * 100
    unit = filler + "while Chile backs the carbon tax and "
    body = unit * (20_000_000 // len(unit) + 1)
    assert len(body) > 20_000_000
    arts = pd.DataFrame({"doc_id": ["big"], "body": [body]})
    ev = stance_evidence(arts, {"carbon tax": []}, quotes=False)
    assert len(ev) == body.count("carbon tax")
    assert set(ev["holder"]) == {"Chile"} and set(ev["signed"]) == {1.0}


# ------------------------------------------------------------------ the seed article


@pytest.fixture(scope="module")
def seed_stance() -> pd.DataFrame:
    from analysis.corpus import load_articles

    articles, _ = load_articles(paths.SEEDS)
    return stance(articles[articles["doc_id"] == SEED_ID])


def test_seed_key_rows(seed_stance):
    got = {(h, t): (s, q) for h, t, s, q in zip(
        seed_stance["holder"], seed_stance["target"], seed_stance["stance"],
        seed_stance["qualifier"], strict=True)}
    m = "Ukraine NATO membership"
    assert got[("Julianne Smith", m)] == ("against", "short term")
    assert got[("United States", m)] == ("against", "immediate")
    assert got[("Germany", m)] == ("against", "immediate")
    assert got[("Mark Rutte", m)] == ("favor", "future")
    assert got[("Olaf Scholz", "negotiations with Russia")] == ("favor", "")
    assert got[("Volodymyr Zelensky", "territorial concessions")] == ("against", "")
    assert got[("Volodymyr Zelensky", "long-range weapons restrictions")] == ("against", "")
    assert got[("Volodymyr Zelensky", m)] == ("favor", "immediate")
    assert got[("Mark Rutte", "military aid to Ukraine")] == ("favor", "")


def test_seed_full_table(seed_stance):
    assert seed_stance[["holder", "target", "stance", "score"]].values.tolist() == [
        ["Germany", "Ukraine NATO membership", "against", -1.0],
        ["Julianne Smith", "Ukraine NATO membership", "against", -0.5],
        ["Mark Rutte", "Ukraine NATO membership", "favor", 1.0],
        ["Mark Rutte", "military aid to Ukraine", "favor", 1.0],
        ["NATO countries", "Ukraine NATO membership", "favor", 1.0],
        ["NATO official", "negotiations with Russia", "favor", 1.0],
        ["Olaf Scholz", "negotiations with Russia", "favor", 0.25],
        ["Ukraine", "military aid to Ukraine", "favor", 1.0],
        ["United States", "Ukraine NATO membership", "against", -1.0],
        ["Volodymyr Zelensky", "Ukraine NATO membership", "favor", 1.0],
        ["Volodymyr Zelensky", "long-range weapons restrictions", "against", -1.0],
        ["Volodymyr Zelensky", "territorial concessions", "against", -1.0],
    ]
    scholz = seed_stance[seed_stance["holder"] == "Olaf Scholz"].iloc[0]
    assert scholz["evidence"] == [
        "On the eve of the NATO meeting, German Chancellor Olaf Scholz called for exploring "
        "ways to end the war -- potentially including talks with Putin."]


# ------------------------------------------------------------------ news conventions (fixtures
# tests/fixtures/stance_news measure them on unseen articles; these pin each rule exactly)


def test_acronyms_are_aliases_of_the_full_name():
    assert rows(
        "The Road Users Union (RUU) met on Monday. RUU rejects the carbon tax.",
        "The Northern Farmers League met on Monday. The NFL backs the carbon tax.",
    ) == [
        ("d0", "Road Users Union", "carbon tax", -1.0, "verb", "rejects"),
        ("d1", "Northern Farmers League", "carbon tax", 1.0, "verb", "backs"),
    ]


def test_appositions_and_relative_clauses_are_skipped():
    assert rows(
        "Senator Ann Ames, who chairs the finance committee, opposes the carbon tax.",
        "The Tarn Cement Company, which employs 4,000 people, said it would fight the carbon tax.",
        "Its chair, Paul Ames, backs the carbon tax.",
    ) == [
        ("d0", "Ann Ames", "carbon tax", -1.0, "verb", "opposes"),
        ("d1", "Tarn Cement Company", "carbon tax", -0.5, "verb+modality", "fight"),
        ("d2", "Paul Ames", "carbon tax", 1.0, "verb", "backs"),
    ]


def test_organisation_references():
    assert rows(
        "Mallory Foods, the country's largest retailer, met on Monday. The company backs the "
        "carbon tax.",
        "Orvik Finance, a regional lender, spoke on Monday. It rejects the carbon tax.",
        "The Lakeside Cyclists' Club met on Monday. The club opposes the carbon tax.",
        "Mayor Ines Calder opened the meeting. The mayor backs the carbon tax.",
    ) == [
        ("d0", "Mallory Foods", "carbon tax", 1.0, "verb", "backs"),
        ("d1", "Orvik Finance", "carbon tax", -1.0, "verb", "rejects"),
        ("d2", "Lakeside Cyclists' Club", "carbon tax", -1.0, "verb", "opposes"),
        ("d3", "Ines Calder", "carbon tax", 1.0, "verb", "backs"),
    ]


def test_coordinated_verb_and_noun_cue_take_the_sentence_subject():
    assert rows(
        "The Farmers Union met in March and now opposes the carbon tax.",
        "The Farmers Union has collected 10,000 signatures for a petition against the carbon tax.",
    ) == [
        ("d0", "Farmers Union", "carbon tax", -1.0, "verb", "opposes"),
        ("d1", "Farmers Union", "carbon tax", -1.0, "noun", "petition against"),
    ]


def test_evaluative_frames():
    assert rows(
        'The Road Users Union called the carbon tax "unworkable".',
        "Lena Ortiz described the carbon levy as a sensible step.",
        'Finance Minister Lena Ortiz told reporters the carbon tax was "the right answer".',
        '"The carbon tax would be a costly mistake," said Paul Ames.',
    ) == [
        ("d0", "Road Users Union", "carbon tax", -1.0, "called", "called"),
        ("d1", "Lena Ortiz", "carbon tax", 1.0, "called", "described"),
        ("d2", "Lena Ortiz", "carbon tax", 0.5, "evaluation", ""),
        ("d3", "Paul Ames", "carbon tax", -0.5, "evaluation", ""),
    ]


def test_more_cue_verbs_and_cannot():
    assert rows(
        "The Farmers Union will fight the carbon tax.",
        "Paul Ames will challenge the carbon tax in court.",
        "Chile has agreed to the carbon tax.",
        "Peru cannot support the carbon tax.",
        "Bolivia has come out against the carbon tax.",
        "Troops were fighting near the carbon tax office.",
    ) == [
        ("d0", "Farmers Union", "carbon tax", -1.0, "verb", "fight"),
        ("d1", "Paul Ames", "carbon tax", -1.0, "verb", "challenge"),
        ("d2", "Chile", "carbon tax", 1.0, "verb", "agreed to"),
        ("d3", "Peru", "carbon tax", -1.0, "verb+negation", "support"),
        ("d4", "Bolivia", "carbon tax", -1.0, "verb", "come out against"),
    ]


def test_changed_and_withdrawn_positions():
    assert rows(
        "The Farmers Union, which previously opposed the carbon tax, now backs a subsidy cap.",
        "Chile withdrew its support for the carbon tax.",
        "The Farmers Union said the case for a carbon tax had still not been made.",
    ) == [
        ("d0", "Farmers Union", "carbon tax", -0.25, "verb+past", "opposed"),
        ("d0", "Farmers Union", "fuel subsidy cap", 1.0, "verb", "backs"),
        ("d1", "Chile", "carbon tax", -1.0, "noun+withdrawn", "support for"),
        ("d2", "Farmers Union", "carbon tax", -1.0, "noun+negation", "case for"),
    ]


def test_cues_after_the_mention_and_warnings():
    assert rows(
        "The carbon tax was welcomed by the Green Party.",
        "The carbon levy, which Senator Ann Ames opposes, was debated on Monday.",
        'The Farmers Union warned that a carbon tax "would cost jobs".',
    ) == [
        ("d0", "Green Party", "carbon tax", 1.0, "verb+after", "welcomed"),
        ("d1", "Ann Ames", "carbon tax", -1.0, "verb+after", "opposes"),
        ("d2", "Farmers Union", "carbon tax", -0.5, "warning", "warned"),
    ]


def test_pronouns_speech_frames_and_quote_speakers():
    assert rows(
        "Orvik, a regional lender, met on Monday. It said it would back the carbon tax.",
        "Senator Ann Ames opened the debate by urging colleagues to adopt a carbon tax.",
        "Paul Ames said the government wanted a carbon tax.",
        'Lena Ortiz was "not yet convinced" a carbon tax would work.',
        "Paul Ames met Lena Ortiz on Monday. Ames said on Tuesday that he opposed the carbon tax.",
    ) == [
        ("d0", "Orvik", "carbon tax", 0.5, "verb+modality", "back"),
        ("d1", "Ann Ames", "carbon tax", 1.0, "verb", "urging"),
        ("d2", "Paul Ames", "carbon tax", 1.0, "verb", "wanted"),
        ("d3", "Lena Ortiz", "carbon tax", -1.0, "adj+negation", "convinced"),
        ("d4", "Paul Ames", "carbon tax", -1.0, "verb", "opposed"),
    ]


def test_generic_quote_speaker_is_the_organisation_named_before():
    body = ('The Green Party, the main opposition party, met on Monday. '
            '"The carbon tax is a costly mistake," the party said.')
    start, end = body.index('"'), body.index(',"') + 2
    quotes = pd.DataFrame({"doc_id": ["d0"], "start": [start], "end": [end],
                           "speaker": ["party"]})
    assert body[start:end] == '"The carbon tax is a costly mistake,"'
    assert rows(body, quotes=quotes) == [
        ("d0", "Green Party", "carbon tax", -0.5, "evaluation", "")]


def test_precision_guards_from_real_copy():
    euro = {"the euro": ["euro"], "tax": ["tax"]}
    assert rows(
        "Peru backs tax cuts.",
        "Acme raised its dividend to 40 euro cents.",
        "Paul Ames said using back taxes was unwise.",
        "Chile rejected claims from critics that the tax had failed.",
        targets=euro,
    ) == [("d0", "Peru", "tax", -1.0, "verb+reversal", "backs")]


def test_open_questions_and_hedged_consider():
    assert rows(
        "Reporters asked whether Chile backs the carbon tax.",
        "Paul Ames declined to say if he supported the carbon tax.",
        "Paul Ames said the government could consider a carbon tax.",
        "The committee will consider the carbon tax on Monday.",
    ) == [("d2", "Paul Ames", "carbon tax", 0.25, "verb+modality", "consider")]


def test_definite_references_to_a_target_and_askers():
    assert rows(
        "Chile plans a carbon tax. Peru opposes the tax. The levy was discussed.",
        "Peru opposes the tax.",
        "Mayor Ines Calder will ask councillors to approve a carbon tax.",
    ) == [
        ("d0", "Peru", "carbon tax", -1.0, "verb", "opposes"),
        ("d2", "Ines Calder", "carbon tax", 1.0, "verb", "approve"),
    ]


def test_object_of_a_preposition_is_no_subject():
    assert rows(
        "Thousands arrived in Chile to seek a carbon tax exemption.",
        "Chief executive of Acme Paul Ames backs the carbon tax.",
    ) == [("d1", "Paul Ames", "carbon tax", 1.0, "verb", "backs")]


def test_quoted_subject_with_a_finite_verb_topic_objects_and_believe_in():
    assert rows(
        '"A carbon tax creates a database waiting to be hacked," said Paul Ames.',
        "Chile rejected proposals on the carbon tax.",
        '"I believe in this carbon tax completely," said Lena Ortiz.',
    ) == [
        ("d0", "Paul Ames", "carbon tax", -0.5, "evaluation", ""),
        ("d2", "Lena Ortiz", "carbon tax", 1.0, "verb", "believe in"),
    ]


def test_shared_aliases_go_to_the_target_named_in_the_article():
    targets = {"harbour vote": ["harbour vote", "vote"], "school vote": ["school vote", "vote"],
               "road tax": ["tax"], "parish tax": ["parish tax"]}
    body = ("The harbour vote is due in May. Ola Brant backs the vote. "
            "Ida Lunde opposes the parish tax.")
    assert rows(body, targets=targets) == [
        ("d0", "Ola Brant", "harbour vote", 1.0, "verb", "backs"),
        ("d0", "Ida Lunde", "parish tax", -1.0, "verb", "opposes")]
    # neither target named on its own: the shared alias stays with both
    assert [r[2] for r in rows("Ola Brant backs the vote.", targets=targets)] == [
        "harbour vote", "school vote"]


def test_a_full_stop_inside_a_quote_ends_the_clause():
    targets = {"kiln duty": ["kiln duty", "duty"]}
    body = ('"Families cannot pay rent here. The duty is about keeping them," said Ola Brant.')
    assert [r[4] for r in rows(body, targets=targets)] == ["reported+sentiment"]
    body = ('"Not in the U.S. Navy: a duty is for ports," said Ola Brant.')
    assert [r[4] for r in rows(body, targets=targets)] == ["reported+negation"]


def test_saying_they_nobody_open_to_and_modified_organisation_nouns():
    targets = {"kiln duty": ["kiln duty", "duty"]}
    body = ("The Harbour Guild, a small party, was more cautious, saying they were open to a "
            "kiln duty.")
    assert rows(body, targets=targets) == [
        ("d0", "Harbour Guild", "kiln duty", 0.5, "adj+weak", "open to")]
    assert rows('"Nobody really wanted a duty," said Ola Brant.', targets=targets) == [
        ("d0", "Ola Brant", "kiln duty", -1.0, "verb+negation", "wanted")]
    body = ("The Westmoor Dental Association met on Monday. Later the dental association "
            "rejected the duty.")
    assert rows(body, targets=targets) == [
        ("d0", "Westmoor Dental Association", "kiln duty", -1.0, "verb", "rejected")]
    body = ("The Westmoor Dental Association met on Monday. Later the medical association "
            "rejected the duty.")
    assert [r[1] for r in rows(body, targets=targets)] == ["association"]


def test_generic_policy_nouns_refer_to_the_one_target_just_mentioned():
    targets = {"kiln duty": ["kiln duty"], "dock fee": ["dock fee"]}
    body = ("Ministers unveiled a kiln duty on Monday. The Harbour Guild said it would fight the "
            "plan. Ola Brant rejected the idea of a dock fee.")
    assert rows(body, targets=targets) == [
        ("d0", "Harbour Guild", "kiln duty", -0.5, "verb+modality", "fight"),
        ("d0", "Ola Brant", "dock fee", -1.0, "verb", "rejected")]
    # two targets just mentioned: "the plan" is ambiguous
    body = "A kiln duty and a dock fee were unveiled. Ola Brant backed the plan."
    assert rows(body, targets=targets) == []
    # a one-word target is a topic, not a proposal "the plan" could refer to
    assert rows("Taxes rose. Ola Brant backed the plan.", targets={"tax": ["taxes"]}) == []


QUAY = {"kiln duty": ["kiln duty", "duty"]}


@pytest.mark.parametrize(("body", "expected"), [
    ("The Federation of Westmoor Industry said it backs the kiln duty.",
     [("Federation of Westmoor Industry", 1.0, "verb", "backs")]),
    ('"Do not fear the kiln duty," said Ola Brant.',
     [("Ola Brant", 1.0, "verb+negation", "fear")]),
    ("WESTPORT, Kestria -- Ardia and Belmar on Monday tabled a kiln duty.",
     [("Ardia", 1.0, "verb", "tabled"), ("Belmar", 1.0, "verb", "tabled")]),
    ("The Westmoor Harbour Council has thrown its weight behind the kiln duty.",
     [("Westmoor Harbour Council", 1.0, "noun", "weight behind")]),
    ("The Harbour Reform Party met. Ola Brant's party has since demanded a kiln duty.",
     [("Harbour Reform Party", 1.0, "verb", "demanded")]),
    ('"The duty would become a loophole," said Ola Brant.',
     [("Ola Brant", -0.5, "evaluation", "")]),
    ('"This duty protects our kilns," said Ola Brant.',
     [("Ola Brant", 0.5, "evaluation", "")]),
    ('"A kiln duty is not a luxury," said Ola Brant.',
     [("Ola Brant", 0.5, "evaluation", "")]),
])
def test_of_names_fear_sponsors_weight_behind_possessed_party_evaluation_words(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


def test_cue_less_quote_sentiment_only_tips_other_evidence():
    arts = pd.DataFrame({"doc_id": ["d0"], "body": [
        '"Wonderful, happy people love talking about the duty," said Ola Brant.']})
    table = stance(arts, QUAY)
    assert table[["holder", "stance"]].values.tolist() == [["Ola Brant", "neutral"]]
    ev = stance_evidence(arts, QUAY)
    assert ev[["rule", "signed"]].values.tolist() == [["reported+sentiment", 0.0912]]


def test_a_capital_stands_for_its_country_when_the_article_names_it():
    body = "Greece and Turkey met. Ankara rejected the kiln duty."
    assert rows(body, targets=QUAY) == [("d0", "Turkey", "kiln duty", -1.0, "verb", "rejected")]
    assert [r[1] for r in rows("Ankara rejected the kiln duty.", targets=QUAY)] == ["Ankara"]


@pytest.mark.parametrize(("body", "expected"), [
    ("Ola Brant dismissed calls for a kiln duty.",
     [("Ola Brant", -1.0, "verb", "dismissed calls for")]),
    ("Ola Brant rejected opposition to a kiln duty.",
     [("Ola Brant", 1.0, "verb", "rejected opposition to")]),
    ("Ola Brant said she was deeply worried by the kiln duty.",
     [("Ola Brant", -1.0, "adj", "worried by")]),
    ("Ola Brant said she could no longer support the kiln duty.",
     [("Ola Brant", -0.5, "verb+negation+modality", "support")]),
])
def test_nested_cues_worried_by_and_no_longer(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


def test_the_union_is_the_organisation_named_for_its_members():
    body = ("The Westmoor Dock Workers' Federation met on Monday. The union also rejected the "
            "kiln duty.")
    assert rows(body, targets=QUAY) == [
        ("d0", "Westmoor Dock Workers' Federation", "kiln duty", -1.0, "verb", "rejected")]
    body = "The Westmoor Harbour Federation met on Monday. The union also rejected the kiln duty."
    assert [r[1] for r in rows(body, targets=QUAY)] == ["union"]


@pytest.mark.parametrize(("body", "expected"), [
    ('"The kiln duty is painful, but it is the only responsible choice," said Tova Reint.',
     [("Tova Reint", 0.5, "evaluation", "")]),
    ('"Done well, a kiln duty pays for itself in cleaner air," said Tova Reint.',
     [("Tova Reint", 0.5, "evaluation", "")]),
    ('"The kiln duty treats potters like children," said Tova Reint.',
     [("Tova Reint", -0.5, "evaluation", "")]),
    ('"A kiln duty would cost jobs at enormous cost to us all," said Tova Reint.',
     [("Tova Reint", -0.5, "evaluation", "")]),
])
def test_evaluations_after_but_and_evaluation_phrases(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The mayor, Tova Reint, who welcomed the kiln duty when it was first announced, struck a "
     "very different note on Monday.",
     [("Tova Reint", -0.5, "verb+past+changed", "welcomed")]),
    ("Tova Reint, who welcomed the kiln duty when it was first announced, spoke on Monday.",
     [("Tova Reint", 0.25, "verb+past", "welcomed")]),
    ("Tova Reint said she was open to replacing the kiln duty with a road toll.",
     [("Tova Reint", -0.5, "adj+reversal+weak", "open to")]),
    ("Tova Reint urged potters not to pay the kiln duty.",
     [("Tova Reint", -1.0, "verb+negation", "urged")]),
])
def test_old_positions_replacing_and_urged_not_to(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"If we cannot agree on a kiln duty now, we should stop talking," said Tova Reint.',
     [("Tova Reint", "reported+sentiment")]),  # VADER's tie-breaker (-0.05), no negation
    ('"We will not close the kilns that make the kiln duty work," said Tova Reint.',
     [("Tova Reint", "reported")]),
    ('"Without a kiln duty, this town will keep choking," said Tova Reint.',
     [("Tova Reint", "reported+without")]),
    ('"We do not want a kiln duty," said Tova Reint.',
     [("Tova Reint", "verb+negation")]),
])
def test_a_negation_about_something_else_is_no_stance(body, expected):
    assert [(h, r) for _, h, _, _, r, _ in rows(body, targets=QUAY)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Ola Brant on Monday called for an immediate halt to the collection of the kiln duty.",
     [("Ola Brant", -1.0, "verb+reversal", "called for")]),
    ('"We will not stop collecting our own kiln duty," said Ola Brant.',
     [("Ola Brant", 0.5, "reported+negation+reversal", "")]),
    ('"A kiln duty is the very least this town owes its potters," said Ola Brant.',
     [("Ola Brant", 0.5, "evaluation", "")]),
    ('"If the council goes ahead, the kiln duty must stay," said Ola Brant.',
     [("Ola Brant", 0.5, "evaluation", "")]),
])
def test_halt_to_x_not_stop_x_the_very_least_and_must_stay(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The Northern Ash Trust, however, has objected to the kiln duty.",
     [("Northern Ash Trust", -1.0, "verb", "objected to")]),
    ("Marlow, home to the largest kiln maker, Acme Kilns, has led resistance to the kiln duty.",
     [("Marlow", -1.0, "noun", "resistance to")]),
    ("Its chair, Jo Roe, opposed the kiln duty.",
     [("Jo Roe", -1.0, "verb", "opposed")]),
])
def test_subjects_behind_however_and_home_to_appositions(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('"A kiln duty would be a delaying tactic, nothing more," said Ola Brant.',
     [("Ola Brant", -0.5, "evaluation", "")]),
    ('"A kiln duty would get the balance right," said Ola Brant.',
     [("Ola Brant", 0.5, "evaluation", "")]),
])
def test_more_evaluation_phrases(body, expected):
    assert [(h, s, r, c) for _, h, _, s, r, c in rows(body, targets=QUAY)] == expected


def test_a_mention_after_as_is_the_description_not_the_object():
    body = 'Ola Brant has so far dismissed the offer as "a kiln duty with a hole in the middle."'
    assert rows(body, targets=QUAY) == []
    assert rows("Ola Brant backed the toll as well as the kiln duty.", targets=QUAY) == [
        ("d0", "Ola Brant", "kiln duty", 1.0, "verb", "backed")]
