"""The grader's known traps, one test each: negation, typos, short words, stuffing,
offsets, odd input. Graded against the bundled rubrics, with no question unless a test
needs one."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from interviewcoach.grading import grade_answer

STRONG_DESIGN = """Blind shoppers today depend on a friend or store staff to read labels and
prices, and they told us in interviews that they hate losing their independence. That is
the problem worth solving. I'd focus on fully blind people who shop alone in big stores,
because their pain is sharpest. I'd build a camera mode that reads labels aloud and
voice search with aisle numbers. We'd run a pilot with 200 users in Leeds, with the
national blind charity and store staff trained before a wider launch. Success is the share
of trips completed without sighted help, and weekly active shoppers, with misread labels
as a guardrail."""


@pytest.fixture
def design(library):
    return library.rubrics["product-design"]


@pytest.fixture
def story(library):
    return library.rubrics["behavioural"]


def cue(result, cue_id):
    found = result.cue(cue_id)
    assert found is not None, cue_id
    return found


def padded(sentence: str) -> str:
    """A sentence inside enough real, cue-free text to be gradable."""
    return (
        "I work on a grocery delivery app in Manchester with four engineers and a designer. "
        f"{sentence} "
        "The warehouse in Salford packs the orders by hand every Tuesday morning."
    )


def test_a_strong_answer_hits_every_required_cue(design):
    result = grade_answer(STRONG_DESIGN, design)
    for cue_id in ("customer_focus", "why", "for_whom", "rollout", "metrics"):
        assert cue(result, cue_id).hit, cue_id
    # One clause a cue, 107 words: every cue shown, none in depth. Solid, not strong.
    assert result.verdict == "solid"


def test_depth_behind_a_cue_raises_its_strength(design):
    named = grade_answer(padded("I'd build it for fully blind people who shop alone in big stores."), design)
    deeper = grade_answer(
        padded(
            "I'd build it for fully blind people who shop alone in big stores. They are the ones who "
            "today wait for a member of staff at the door, often for twenty minutes, and they told us "
            "that waiting is what keeps them from shopping at all."
        ),
        design,
    )
    assert cue(deeper, "for_whom").strength > cue(named, "for_whom").strength
    thin = grade_answer(padded("Success is the share of trips completed without sighted help."), design)
    full = grade_answer(
        padded(
            "Success is the share of trips completed without sighted help, up from 10% to 40% within "
            "a year. As a guardrail we'd watch misread labels, which must not rise."
        ),
        design,
    )
    assert cue(full, "metrics").strength > cue(thin, "metrics").strength


# --- negation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, cue_id",
    [
        ("I never spoke to customers about it.", "customer_focus"),
        ("We didn't measure anything after the release.", "metrics"),
        ("Honestly, we did not run any beta.", "rollout"),
        ("We skipped the pilot entirely.", "rollout"),
        ("The success metrics were never defined.", "metrics"),
    ],
)
def test_a_negated_mention_earns_nothing_and_is_reported(design, sentence, cue_id):
    result = grade_answer(padded(sentence), design)
    found = cue(result, cue_id)
    assert not found.hit
    assert found.evidence == [] or all(e.weight < 0.45 for e in found.evidence)
    assert found.negated
    assert found.negated_evidence


def test_negation_scope_ends_at_but(design):
    result = grade_answer(
        padded("We didn't build anything at first, but we interviewed twelve customers about their weekly shop."),
        design,
    )
    assert cue(result, "customer_focus").hit
    assert not cue(result, "customer_focus").negated


def test_not_only_is_not_a_negation(story):
    answer = (
        "At a logistics startup in 2021 I was responsible for the driver app. Not only did I "
        "interview drivers, but I also rode along on three delivery routes in Bristol."
    )
    assert cue(grade_answer(answer, story), "customer_focus").hit


# --- typos and look-alike words --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, cue_id, word",
    [
        ("Our custmer research showed nurses struggle to get home safely after midnight.", "customer_focus", "custmer"),
        ("The rolout would go to one hospital in Leeds first.", "rollout", "rolout"),
        ("The metircs I'd watch are weekly rides per nurse and incidents.", "metrics", "metircs"),
    ],
)
def test_typos_in_rubric_words_are_repaired_and_reported(design, sentence, cue_id, word):
    result = grade_answer(padded(sentence), design)
    typos = [e for e in cue(result, cue_id).evidence if e.how == "typo"]
    assert typos, cue(result, cue_id)
    assert any(word in e.text for e in typos)


def test_a_phrase_with_negation_inside_it_is_negated(design):
    result = grade_answer(padded("We launched it to everyone without a pilot."), design)
    rollout = cue(result, "rollout")
    assert not [e for e in rollout.evidence if "pilot" in e.text]
    assert [e for e in rollout.negated_evidence if "pilot" in e.text]


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("After lunch the team ordered sandwiches for the church fundraiser.", "lunch"),
        ("After lunch the team ordered sandwiches for the church fundraiser.", "church"),
        ("The car drives on autopilot along the motorway.", "autopilot"),
        ("We tried the new trail near the office on Sunday.", "trail"),
    ],
)
def test_real_words_are_never_turned_into_rubric_words(design, sentence, word):
    result = grade_answer(padded(sentence), design)
    assert not [e for c in result.cues for e in c.evidence if word in e.text.lower()]


def test_short_words_match_whole_tokens_only(design):
    heroic = grade_answer(padded("The heroic snps team worked through the night."), design)
    assert not [e for e in cue(heroic, "metrics").evidence if e.phrase in ("nps",)]
    named = grade_answer(padded("We would track NPS every week for the pilot stores."), design)
    assert [e.text for e in cue(named, "metrics").evidence] == ["track NPS"]
    mention = grade_answer(padded("Two KPIs matter for the pilot stores."), design)
    assert [e.text for e in cue(mention, "metrics").evidence] == ["KPIs"]


def test_british_and_american_spellings_match_alike(design):
    british = grade_answer(
        padded("We prioritised blind shoppers because their behaviour showed real frustration."), design
    )
    american = grade_answer(
        padded("We prioritized blind shoppers because their behavior showed real frustration."), design
    )
    assert british.score == american.score
    assert [c.hit for c in british.cues] == [c.hit for c in american.cues]


# --- gaming ------------------------------------------------------------------------------


def test_a_bare_keyword_list_scores_low(design):
    answer = (
        "Customer focus, customer needs, pain points, user research, problem, goal, target "
        "segment, persona, rollout, pilot, beta, phased launch, A/B test, stakeholders, "
        "metrics, KPIs, retention, conversion, NPS, north star."
    )
    assert grade_answer(answer, design).score < 40


def test_fluent_buzzword_prose_scores_low(design):
    answer = (
        "My approach is user-centric and data-driven: deeply understand the persona's "
        "jobs-to-be-done, ship an MVP behind feature flags, then iterate on the north-star "
        "metric and guardrails. I'd align stakeholders early, run A/B tests, and drive customer "
        "value at scale with a phased rollout. Success is measured by KPIs like retention, "
        "engagement and NPS."
    )
    result = grade_answer(answer, design)
    assert result.score < 40
    assert any("general PM vocabulary" in note for note in result.notes)


def test_a_word_of_the_questions_subject_is_not_buzzword(design, library):
    # "driver" shares its stem with "driven" (a buzzword); in an answer to a ride-share
    # question it is the subject, and the metrics sentence stands.
    answer = (
        "Travellers landing late at night with kids struggle to find their driver, because "
        "pickup zones are confusing. I would focus on families first, since they churn after a "
        "bad trip. Build a guided pickup pin with live walking directions. Roll out to 5% of "
        "airports, with airport ops and support trained first. Success is pickup wait time down "
        "20% and fewer cancelled rides; guardrail is driver idle time."
    )
    question = library.questions["pd-ride-share-airport"]
    assert cue(grade_answer(answer, design, question), "metrics").hit


def test_repeated_sentences_count_once(design):
    sentence = "We will interview nurses in Leeds about their night shifts and measure weekly retention. "
    once = grade_answer(padded(sentence), design)
    many = grade_answer(padded(sentence * 6), design)
    assert many.score <= once.score
    assert any("repeat" in note for note in many.notes)


def test_a_long_paste_of_repeats_is_called_short_by_the_words_that_counted(design):
    paragraph = (
        "Nurses on night shifts in Leeds struggle to get home after 3am, because buses stop at "
        "midnight. I would start with them, pilot a shared ride in one hospital, and measure "
        "weekly rides home."
    )
    result = grade_answer((paragraph + " ") * 200, design)
    note = next(n for n in result.notes if "strong answers usually run" in n)
    assert note.startswith(f"{len(paragraph.split())} words once repeats are set aside")


def test_one_sentence_claiming_every_cue_is_discounted(design):
    answer = padded(
        "To solve the problem for our target segment of customers, I'd do user research on "
        "their pain points, launch a pilot with stakeholders, and measure success with retention."
    )
    assert grade_answer(answer, design).score < 40


def test_star_labels_without_a_story_score_low(story):
    answer = "S: an ambiguous project. T: deliver value. A: I communicated and collaborated. R: great outcomes."
    result = grade_answer(answer, story)
    assert result.score < 40 and not any(c.hit for c in result.cues)


@pytest.mark.parametrize(
    "answer, reason",
    [
        ("", "No answer"),
        ("   \n\t  ", "No answer"),
        ("I'd talk to users, build an MVP, launch it and track metrics.", "Too short"),
        (
            "asdf qwerty zxcv blorf wibble snorp flurb glarb zzzz hjkl vbnm ploof qwop frobnicate "
            "zorbulate grmbl sploink wazoo fnord jfkdl sjdhf wuern",
            "English",
        ),
        (
            "我们和客户交谈了很多次，然后在一个城市试点，并跟踪每周的留存率。这是一个很好的产品。"
            "我们和客户交谈了很多次，然后在一个城市试点，并跟踪每周的留存率。",
            "English",
        ),
    ],
)
def test_unusable_answers_are_insufficient_not_flattered(design, answer, reason):
    result = grade_answer(answer, design)
    assert result.verdict == "insufficient"
    assert result.score <= 10
    assert not any(c.hit for c in result.cues)
    assert reason in result.notes[0]
    assert all(c.tip and c.probe for c in result.cues)


def test_off_topic_answer_to_a_question_is_off_question(library):
    question = library.questions["pd-grocery-blind-shoppers"]
    answer = (
        "I really enjoyed my trip to Lisbon last summer. The food was amazing, especially the "
        "custard tarts, and the trams were charming though crowded. We stayed in Alfama."
    )
    result = grade_answer(answer, library.rubrics[question.rubric], question)
    assert result.verdict in ("insufficient", "off-question")
    assert "address the question" in result.notes[0]


def test_hedging_and_story_hypotheticals_count_less(design, story):
    firm = grade_answer(padded("We will interview twenty blind shoppers in Leeds about their weekly shop."), design)
    hedged = grade_answer(padded("We could maybe interview some blind shoppers in Leeds at some point."), design)
    assert cue(hedged, "customer_focus").strength < cue(firm, "customer_focus").strength
    did = grade_answer(
        "At a bank in 2022 I owned the mobile app. I pulled the complaint data, I interviewed "
        "eight customers and I rewrote the login flow, which cut failed logins by 30%.",
        story,
    )
    would = grade_answer(
        "At a bank in 2022 I owned the mobile app. I would pull the complaint data, I would "
        "interview customers and I would rewrite the login flow to cut failed logins.",
        story,
    )
    assert cue(would, "action").strength < cue(did, "action").strength


# --- evidence and offsets ----------------------------------------------------------------


def test_evidence_offsets_point_at_exactly_the_quoted_text(design):
    answer = "🚀 Ünïcode première: " + STRONG_DESIGN.replace("Blind", "👩‍🦯 Blind")
    result = grade_answer(answer, design)
    evidence = [e for c in result.cues for e in [*c.evidence, *c.negated_evidence]]
    assert evidence
    for item in evidence:
        assert answer[item.start : item.end] == item.text
        assert item.text in item.sentence
        assert item.sentence in answer
        assert item.how in ("exact", "stem", "typo", "fuzzy")
        assert item.phrase


def test_missed_cues_carry_a_tip_and_a_probe(design):
    result = grade_answer(padded("We'd interview blind shoppers who shop alone about their weekly trip."), design)
    missed = [c for c in result.cues if not c.hit]
    assert missed
    for found in missed:
        assert found.tip and found.probe
    for found in result.cues:
        if found.hit:
            assert found.tip is None and found.evidence


def test_every_point_has_evidence(design):
    result = grade_answer(STRONG_DESIGN, design)
    for found in result.cues:
        assert (found.strength > 0) == bool(found.evidence)


# --- input of any size and shape -----------------------------------------------------------


def test_a_50000_character_paste_grades(design):
    answer = (STRONG_DESIGN + "\n") * (50_000 // len(STRONG_DESIGN) + 1)
    answer = answer[:50_000]
    result = grade_answer(answer, design)
    assert 0 <= result.score <= 100
    for found in result.cues:
        for item in found.evidence:
            assert 0 <= item.start < item.end <= len(answer)


def test_question_level_weights_cues(library):
    rubric = library.rubrics["product-design"]
    from interviewcoach.models import Level

    assert grade_answer(STRONG_DESIGN, rubric, level=Level.DIRECTOR).cues
    # Weights without level adjustments are the rubric's own.
    result = grade_answer(STRONG_DESIGN, rubric)
    assert [c.weight for c in result.cues] == [c.weight for c in rubric.cues]


def test_grading_is_deterministic_and_thread_safe(design, story):
    answers = [STRONG_DESIGN, padded("We didn't measure anything."), "too short", STRONG_DESIGN.upper()]
    expected = [grade_answer(a, design) for a in answers]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(lambda a: grade_answer(a, design), answers)) == expected


def test_results_round_trip_through_json(design):
    result = grade_answer(STRONG_DESIGN, design)
    import json

    from interviewcoach.grading import GradeResult
    from interviewcoach.models import question_for_prompt

    again = GradeResult.from_dict(json.loads(result.to_json()))
    assert again == result
    contract = result.contract()
    assert set(contract) == {"rubric", "score", "verdict", "cues", "relevance"}
    assert set(contract["cues"]["metrics"]) == {"hit", "strength", "negated", "evidence"}
    judged = grade_answer(
        STRONG_DESIGN, design, question_for_prompt("Design a grocery app for blind shoppers.", design)
    )
    assert GradeResult.from_dict(json.loads(judged.to_json())) == judged
    assert judged.contract()["relevance"] == {"on_question": True, "missing": list(judged.relevance.missing)}


def test_a_short_reply_to_a_probe_is_graded_not_dismissed(design):
    reply = "I'd track weekly rides per nurse and safety incidents as the guardrail."
    assert grade_answer(reply, design).verdict == "insufficient"
    as_reply = grade_answer(reply, design, follow_up=True)
    assert as_reply.verdict != "insufficient"
    assert as_reply.cue("metrics").hit


@pytest.mark.parametrize(
    "score, verdict",
    [
        (100, "strong"),
        (75, "strong"),
        (74, "solid"),
        (55, "solid"),
        (54, "partial"),
        (35, "partial"),
        (34, "weak"),
        (0, "weak"),
    ],
)
def test_verdict_bands_are_public(score, verdict):
    from interviewcoach.grading import verdict_for

    assert verdict_for(score) == verdict
