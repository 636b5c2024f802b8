"""Relevance, judged apart from cue evidence: a strong answer to another question
answers nothing that was asked."""

import pytest

from interviewcoach.grading import grade_answer
from interviewcoach.grading.grader import OFF_QUESTION_CAP

PLUMBER_CRM = (
    "One-person trade businesses lose work because enquiries arrive by text, voicemail and "
    "Facebook while the plumber is under a sink, and nobody writes them down. I spoke to six "
    "plumbers and two electricians in Bristol: each said they miss two or three jobs a week "
    "because they forget to call back, and chasing unpaid invoices eats their Sunday. I'd build "
    "for sole traders in their first three years, who have no office help. The first version "
    "turns every missed call into a job card with the caller's number and a one-tap quote, and "
    "sends a payment link when the job is marked done. I'd pilot it with twenty tradespeople "
    "through a merchants' counter in one city, then expand through the merchant chain. Success "
    "is fewer missed enquiries, quotes sent within an hour, and days to get paid dropping from "
    "thirty to under ten, with weekly active use as the guardrail against a tool nobody opens."
)


def test_a_strong_answer_to_another_question_is_off_question(library):
    rubric = library.rubrics["product-design"]
    own = grade_answer(PLUMBER_CRM, rubric, library.questions["pd-b2b-crm-for-plumbers"])
    other = grade_answer(PLUMBER_CRM, rubric, library.questions["pd-hospital-discharge"])
    assert own.verdict in ("strong", "solid") and own.relevance.on_question
    assert other.verdict == "off-question"
    assert other.score <= OFF_QUESTION_CAP
    assert not any(c.hit for c in other.cues)


def test_off_question_feedback_comes_first_and_names_what_never_came_up(library):
    result = grade_answer(PLUMBER_CRM, library.rubrics["product-design"], library.questions["pd-hospital-discharge"])
    first = result.notes[0]
    assert first.startswith("This answer doesn't address the question")
    assert result.relevance.missing
    for word in result.relevance.missing:
        assert word in first
    assert {"hospital", "patients"} & set(result.relevance.missing)


def test_without_a_question_relevance_is_not_judged(library):
    result = grade_answer(PLUMBER_CRM, library.rubrics["product-design"])
    assert result.relevance is None
    assert result.verdict != "off-question"


def test_probe_replies_are_not_judged_for_relevance(library):
    # A reply to "how would you know it worked?" need not restate the question.
    reply = "I'd look at days to get paid, and whether quotes go out within the hour."
    result = grade_answer(
        reply,
        library.rubrics["product-design"],
        library.questions["pd-hospital-discharge"],
        follow_up=True,
    )
    assert result.relevance is None


def test_a_paraphrase_of_the_question_stays_on_it(library):
    answer = (
        "When people leave hospital they are handed a sheet of medication instructions while "
        "exhausted, and their relatives end up guessing which pills to give at home. I'd design "
        "for the daughters and sons who look after a parent after a hip or heart operation: a "
        "day-by-day medication schedule on their phone and a number to text the ward. We'd start "
        "on one ward with the ward sister, then widen it after a privacy review, and count calls "
        "back to the ward and readmissions within thirty days."
    )
    result = grade_answer(answer, library.rubrics["product-design"], library.questions["pd-hospital-discharge"])
    assert result.relevance.on_question
    assert result.verdict != "off-question"


WIN_STORY = (
    "In 2023 I was the PM for checkout at a furniture retailer, and I had to lift conversion "
    "before peak season. I watched ten customers try to buy a sofa online and saw them stall at "
    "delivery slots, so I ran a two-week test that showed slots on the product page. Conversion "
    "rose 8% and delivery complaints halved; the change shipped to every market by October, and "
    "the team still uses the test plan I wrote."
)


def test_a_story_on_another_theme_is_off_question(library):
    rubric = library.rubrics["behavioural"]
    conflict = grade_answer(WIN_STORY, rubric, library.questions["bh-conflict-engineering"])
    assert conflict.verdict == "off-question"
    assert "conflict" in conflict.notes[0]
    assert conflict.score <= OFF_QUESTION_CAP


@pytest.mark.parametrize("question_id", ["bh-data-driven-decision", "bh-customer-feedback-changed-roadmap"])
def test_a_story_on_the_theme_asked_is_on_question(library, question_id):
    result = grade_answer(WIN_STORY, library.rubrics["behavioural"], library.questions[question_id])
    assert result.relevance.on_question
    assert result.verdict != "off-question"


@pytest.mark.parametrize(
    "question_id, story",
    [
        # a disagreement settled without the word: two people wanting different things, met halfway
        (
            "bh-conflict-design",
            "At a console studio the designer wanted to replace our tutorial with a skippable video. "
            "I thought new players would get lost, so rather than trade opinions I booked ten play "
            "sessions and we watched them together. Four of ten got stuck, so we met in the middle: "
            "the video, plus prompts for anyone who failed a jump twice. Drop-off in the first hour fell.",
        ),
        # "did not agree" is a disagreement, though "agreed" alone is no conflict
        (
            "bh-conflict-design",
            "I was PM for the claim form at an insurer in Madrid. Our designer wanted one long page; "
            "I thought step by step was better on mobile. We discussed it for two weeks and did not "
            "agree, so I proposed testing both with eight customers. We shipped a mix, and completion "
            "went from 61% to 70% in two months.",
        ),
        # a brief nobody could explain, made concrete
        (
            "bh-ambiguous-project",
            "At a city council I was asked to digitise taxi licensing, and nobody could tell me what "
            "that meant. I ran workshops with licensing, IT and legal to define the scope, and we "
            "agreed a roadmap in three phases, starting with the online application form in March.",
        ),
        # one thing picked from three that landed at once, without the word "prioritise"
        (
            "bh-prioritise-under-pressure",
            "At a payroll company three things landed on Monday: the CEO wanted a demo screen by "
            "Thursday, a pen-test finding came in, and a bank rejected our export for 40 customers "
            "paid on Friday. Only one team could touch any of it. I picked the bank export and told "
            "the CEO the demo would use the old screens. Every Friday payroll went through.",
        ),
        # technical debt against a feature, told in the words of the work
        (
            "bh-tech-debt-tradeoff",
            "Every season our event config was edited by hand, so each launch needed a week of "
            "hotfixes. I pulled the hotfix history and proposed 30% of two sprints for a proper "
            "configuration tool, and to slip the new shop by three weeks. The next event needed one "
            "hotfix instead of nine, and the shop still shipped inside the quarter.",
        ),
    ],
)
def test_a_story_on_the_theme_told_in_its_own_words_is_on_question(library, question_id, story):
    result = grade_answer(story, library.rubrics["behavioural"], library.questions[question_id])
    assert result.verdict != "off-question", result.notes


SCOPE_STORY = (
    "I was the PM for the mobile app at an online grocer, and we had committed to a slot "
    "booking feature before Christmas. In October the tech lead told me we would land in "
    "January at the current scope. My job was to get something live by 1 December without "
    "burning the team out. I broke the feature into parts with the team, went to the "
    "marketing director with a smaller scope and she agreed. We launched on 28 November and "
    "complaints about slots fell by 60%."
)


def test_words_every_story_has_do_not_put_it_on_a_people_theme(library):
    # "team" and "burning out" are in nearly every story: a hire that didn't work out needs
    # words of its own (a hire, a candidate, morale, quitting).
    result = grade_answer(SCOPE_STORY, library.rubrics["behavioural"], library.questions["bh-hiring-mistake"])
    assert result.verdict == "off-question", result.relevance
    on_theme = SCOPE_STORY.replace("complaints", "the engineer I had hired quit, and complaints")
    assert grade_answer(
        on_theme, library.rubrics["behavioural"], library.questions["bh-hiring-mistake"]
    ).relevance.on_question


def test_customer_interviews_do_not_make_a_story_about_hiring(library):
    launch = (
        "At a payroll software company in Lisbon I led our launch into Brazil in 2022. My goal "
        "was 50 paying companies in six months. I spent the first month in Sao Paulo "
        "interviewing about thirty finance managers, rewrote the onboarding for local labour "
        "rules and signed a reseller. We reached 62 paying companies by month six."
    )
    result = grade_answer(launch, library.rubrics["behavioural"], library.questions["bh-hiring-mistake"])
    assert result.verdict == "off-question", result.relevance


TECH_DEBT_STORY = (
    "At a document-collaboration SaaS I owned the editor in 2023. Sales wanted comments on "
    "tables, while engineering said the sync layer was fragile and I disagreed with the "
    "engineers about how much to invest. My job was to set the plan for two quarters. I "
    "pulled the sync error logs and proposed a split: one quarter rebuilding sync, then the "
    "features. Sync errors fell from 1 in 300 sessions to 1 in 20,000 and churn dropped."
)


def test_a_story_without_the_person_the_question_names_is_another_story(library):
    rubric = library.rubrics["behavioural"]
    designer = grade_answer(TECH_DEBT_STORY, rubric, library.questions["bh-conflict-design"])
    assert designer.verdict == "off-question", designer.relevance
    assert "asks about a designer" in designer.notes[0]
    executive = grade_answer(TECH_DEBT_STORY, rubric, library.questions["bh-executive-buy-in"])
    assert executive.relevance.missing == ("executive",), executive.relevance
    assert "asks about an executive" in executive.notes[0]
    # The same story is on the question that names engineers.
    assert grade_answer(TECH_DEBT_STORY, rubric, library.questions["bh-conflict-engineering"]).relevance.on_question


def test_the_candidates_own_title_is_not_a_person_in_the_story(library):
    from interviewcoach.grading.compile import compiled_rubric

    question = library.questions["bh-biggest-mistake"]
    topic = compiled_rubric(library.rubrics["behavioural"], question, None).topic
    assert topic.counterpart is None


def test_a_morale_story_in_plain_words_is_on_the_theme(library):
    story = (
        "Our team had a bad few months at a gym-booking app. We'd worked late for weeks on a "
        "rebuild, and the boss put it on hold the week before launch. People were fed up and two "
        "developers stopped talking in meetings. I asked the boss for the real reason, told the "
        "team the truth, stopped the late nights and shipped two small pieces of the rebuild. "
        "After a month the mood was lighter and people spoke up in meetings again."
    )
    result = grade_answer(story, library.rubrics["behavioural"], library.questions["bh-team-morale"])
    assert result.relevance.on_question, result.relevance
