"""Word lists the grader reads answers with. Data, not logic: each list says why it exists.

All entries are lower-case surface words; the grader compares them after its own
normalisation (spelling, contractions) but before stemming, unless a name says "stems".
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be been before being
    below between both but by can cannot could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom whose why will with would you your
    yours yourself yourselves also would could might may must shall let lets get got
    s t d ll re ve m o y e g ie eg etc vs via per
    """.split()
)
"""Function words: real sentences are full of them, bare keyword lists are not."""

GENERIC_WORDS = frozenset(
    """
    product products feature features user users customer customers people person thing
    things way ways something anything everything lot lots really very quite good great
    better best important key make makes making made help helps helped think want wants
    need needs solution solutions problem problems value values experience experiences
    approach approaches strategy strategies team teams stakeholder stakeholders process
    processes framework frameworks data insight insights impact impactful outcome outcomes
    result results goal goals metric metrics kpi kpis success successful successfully build
    building built design designing designed ship shipping launch launching test testing
    iterate iterating iteration improve improving improvement focus focusing understand
    understanding ensure ensuring drive driving drove deliver delivering delivered leverage
    leveraging work worked working collaborate collaborated collaborating collaboration
    communicate communicated communicating communication align aligned aligning alignment
    manage managed managing management handle handled support supported supporting
    facilitate facilitated partner partnered partners own owned ownership project projects
    initiative initiatives opportunity opportunities plan plans planning roadmap market
    business company organisation organization create created use using used time step
    steps level high low right new like go going start started look also first then next
    different many much well sure able overall aspect aspects situation task action
    positive negative ambiguous ambiguity execution engagement growth engineering
    marketing sales legal finance operations ops leadership executives exec execs everyone
    everybody all concerns expectations exceeded exceed achieved achieve achieving
    priorities priority prioritise prioritize prioritisation prioritization challenge
    challenges challenging complex difficult hard big huge significant critical strategic
    effective effectively efficient efficiently closely proactively proactive proactivity
    empathy culture trust transparency transparent accountability accountable excellence
    quality fast paced pace vision mission values feedback needs wants requirements scope
    tradeoffs priorities learnings lessons learned learn learning always never constantly
    continuously continuous everything anything nothing someone anyone everyone able
    possible ideally clear clearly simple simply deeply deep truly real really actually
    great amazing awesome excellent outstanding incredible strong stronger robust solid
    best-in-class world-class valuable meaningful relevant right set up end done jobs
    happy satisfied satisfaction delighted delight delighting excited passionate proud
    lead led leading ensure enable enabled enabling empower unlock unlocked unlocking
    maximize maximise optimize optimise optimized optimised enhance enhanced streamline
    streamlined scale scaled scaling grow grew growing initiative holistic holistically
    empathise empathize empathised empathized define defined defining ideate ideation
    prototype prototyping research researched segment segments market markets pick picked
    run running gather gathered gathering measure measured follow following puts put
    phases phase influence influenced influencing execute executed executing urgency
    stakes high-stakes leader leaders leadership spearheaded orchestrated navigated
    fostered cultivated transformed tackled addressed resolved overcame coordinated
    decisions decision decide decided understand understood listen listened listening
    shared share sharing goals objectives results-driven data informed informed
    customers-first first principles methodology methodologies mindset
    platform platforms region regions cohort cohorts channel channels internal external
    tracking broken query queries hypothesis hypotheses experiment experiments returning
    dimension dimensions breakdown instrumentation cause causes defined precisely ladder
    """.split()
)
"""Words any PM answer uses whatever the question: they say nothing specific."""

JARGON_WORDS = frozenset(
    """
    centric driven holistic seamless seamlessly delightful delight delighting frictionless
    robust scalable synergy synergies paradigm ecosystem empower empowering empowered
    innovative innovation cutting edge game changer disrupt disruptive disruption north
    star jtbd mvp okr okrs agile lean deeply actionable alignment cross functional
    functionally stakeholders leverage leveraging impactful needle mindset obsession
    obsessed guardrails guardrail flags flywheel moat 10x iterate iterative hypothesis
    persona personas journey journeys rice ruthlessly ruthless unlock double down
    proactively ownership empathy paced ambiguous ambiguity outcomes value-add best-in-class
    world-class data-driven user-centric customer-centric principles icp matrix counter
    loop loops gtm validate validated validation tight champion championed championing
    synergize end-to-end e2e best practice practices latent compelling articulate craft
    crafted differentiated differentiation differentiate proposition orchestrate
    orchestrated de-risk derisk rapid rapidly experimentation instrument instrumented
    instrumentation scorecard balanced leading lagging indicators monetisation
    monetization monetise monetize cadence operationalise operationalize bandwidth granular
    learnings visibility buy-in thought omnichannel hyper personalised personalized
    insights-driven human-centred human-centered thinking iterating pivot growth-hacking
    funnel aarrr heart rice moscow kano swot tam sam som roi value-add win-win
    low-hanging boil ocean competencies competency transformative transformational
    empathy-driven empathetic customer-centricity centricity uncover uncovering nuanced
    strategic strategically tactical tactically key levers lever drivers
    acquisition funnel funnels qualitative quantitative sql insights highest-impact
    long-term data-informed full-funnel benchmark benchmarks best-practice tree input inputs
    exchange consequences unintended picture anchoring anchored outcome-focused
    output-focused goal-first north-star metric-tree ladder laddering
    """.split()
)
"""Buzzwords. A sentence made mostly of these claims a cue without showing it."""

NEGATION_TRIGGERS = (
    ("not",),
    ("no",),
    ("never",),
    ("without",),
    ("none",),
    ("nobody",),
    ("neither",),
    ("nor",),
    ("nothing",),
    ("lack", "of"),
    ("lacked",),
    ("lacking",),
    ("failed", "to"),
    ("fail", "to"),
    ("forgot", "to"),
    ("forgot",),
    ("forget", "to"),
    ("skipped",),
    ("skip",),
    ("ignored",),
    ("ignore",),
    ("neglected",),
    ("instead", "of"),
    ("zero",),
    ("rather", "than"),
    ("absence", "of"),
    ("refused", "to"),
    ("avoided",),
)
"""Words that cancel a cue phrase that follows them in the same clause (NegEx)."""

POST_NEGATION_TRIGGERS = (
    ("never",),
    ("not",),
    ("ignored",),
    ("skipped",),
    ("forgotten",),
    ("overlooked",),
    ("neglected",),
    ("missing",),
)
"""Words that cancel a cue phrase just before them: "metrics were never defined"."""

PSEUDO_NEGATIONS = (
    ("not", "only"),
    ("not", "just"),
    ("not", "merely"),
    ("no", "doubt"),
    ("without", "doubt"),
    ("no", "matter"),
    ("not", "least"),
    ("never", "mind"),
    ("no", "longer", "just"),
)
"""Look like negations but are not: "not only customers but partners"."""

SCOPE_CLOSERS = frozenset(
    "but however although though yet except whereas instead so because which then while until after before".split()
)
"""A negation's scope ends at these words (and at punctuation between clauses)."""

HEDGES = frozenset(
    "could might maybe perhaps possibly potentially hopefully ideally suppose guess sort sorta kinda probably".split()
)
"""Soften a claim in any answer: "we could maybe add metrics"."""

HYPOTHETICALS = frozenset("would will could might if plan planned planning hope going".split())
"""In a story about the past, "I would talk to customers" is not something that happened."""

PAST_TENSE_IRREGULAR = frozenset(
    """
    was were had did made took gave went got found led ran met wrote spoke told brought
    built bought caught chose drew drove felt fought held kept knew left lost meant paid
    put read said sat saw sent set shut sold stood struck taught thought threw understood
    woke won began became came cut dug fed flew forgot forgave froze hung heard hid hit hurt
    laid lent let lit rode rang rose sang shook shot showed slept spent split spread stole
    stuck swore swept swam took tore wore wove withdrew overcame undertook rebuilt rewrote
    fell grew blew bore bent bet bit bled bred broke burnt dealt dreamt fled flung forbade
    foresaw forecast ground knelt leapt learnt meant misled mistook outgrew overheard
    overtook oversaw quit rang rewound sought shrank sank slid slung spun sprang stank
    stung strode strove swung upheld upset wept wound wrung
    """.split()
)
"""Past-tense verbs that do not end in -ed, for the {past} pattern ("I wrote", "I ran")."""

NOT_ACTIONS = frozenset(
    "was were had did felt thought knew understood meant seemed wanted needed liked loved "
    "hoped believed wished guessed assumed supposed used enjoyed hated preferred owned "
    "expected imagined realised realized noticed learned learnt saw heard said joined kept".split()
)
"""Past-tense verbs that say what was, not what the speaker did: no use as {past}."""

PRESENT_DEEDS = frozenset(
    "pull ask talk call ring phone email write draft build run set sit meet book offer "
    "tell say show send spend pick cut move propose push bring put take escalate schedule "
    "invite share go decide open find sketch check look map interview test ship rewrite "
    "split drop agree negotiate pitch present".split()
)
"""Deeds said in the present tense after "I" ("so I pull the usage data"): in a story
told in the present they tell events (text._mark_historic_present)."""

HABITUAL = frozenset("typically usually generally normally always tend tends whenever".split())
"""Words that make a sentence say what the speaker does as a rule ("Typically I set up
weekly 1:1s"), not what happened once: in a story, no event, whatever its tense."""

PLATITUDE_WORDS = frozenset(
    "lot lots much adaptable adaptability flexible flexibility resilient resilience patient "
    "patience humble humility important importance valuable value communication communicate "
    "communicating teamwork grow growth growing experience experiences lesson lessons things "
    "stuff everything differently better more ideas idea projects project job learn learned learnt "
    "realise realised realize realized taught hindsight looking back next time took away".split()
)
"""What a lesson says when it says nothing in particular ("I learned a lot", "I learned
to be adaptable", "the importance of communication"): an interviewer hears no reflection."""

NOT_PAST_TENSE_ED = frozenset(
    "need seed feed speed bed red shed weed breed bleed greed hundred sacred naked wicked "
    "rugged ragged kindred creed indeed deed embed proceed exceed succeed".split()
)
"""Words ending in -ed that are not past-tense verbs."""

AMERICAN_SPELLING = {
    "colour": "color",
    "behaviour": "behavior",
    "behavioural": "behavioral",
    "behaviours": "behaviors",
    "favour": "favor",
    "favourite": "favorite",
    "honour": "honor",
    "labour": "labor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbourhood": "neighborhood",
    "neighbourhoods": "neighborhoods",
    "humour": "humor",
    "rumour": "rumor",
    "flavour": "flavor",
    "endeavour": "endeavor",
    "harbour": "harbor",
    "savour": "savor",
    "vigour": "vigor",
    "candour": "candor",
    "saviour": "savior",
    "centre": "center",
    "centres": "centers",
    "metre": "meter",
    "metres": "meters",
    "theatre": "theater",
    "fibre": "fiber",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "programme": "program",
    "programmes": "programs",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "judgement": "judgment",
    "cheque": "check",
    "grey": "gray",
    "learnt": "learned",
    "spelt": "spelled",
    "whilst": "while",
    "amongst": "among",
    "travelled": "traveled",
    "travelling": "traveling",
    "traveller": "traveler",
    "travellers": "travelers",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "modelling": "modeling",
    "modelled": "modeled",
    "labelled": "labeled",
    "labelling": "labeling",
    "levelled": "leveled",
    "fuelled": "fueled",
    "signalled": "signaled",
    "counselling": "counseling",
    "channelled": "channeled",
    "funnelled": "funneled",
    "tonne": "ton",
    "tyre": "tire",
    "kerb": "curb",
    "aluminium": "aluminum",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analyses": "analyzes",
    "analysing": "analyzing",
    "paralyse": "paralyze",
    "catalyse": "catalyze",
    "mum": "mom",
    "mums": "moms",
    "organisation": "organization",
    "organisations": "organizations",
    "cosy": "cozy",
    "sceptical": "skeptical",
    "ageing": "aging",
    "storey": "story",
    "jewellery": "jewelry",
    "pyjamas": "pajamas",
    "plough": "plow",
    "draught": "draft",
    "manoeuvre": "maneuver",
    "oestrogen": "estrogen",
}
"""British spellings the -ise rule does not cover; both sides are mapped before stemming."""

ISE_EXCEPTIONS = frozenset(
    """
    rise arise wise otherwise likewise clockwise precise concise exercise advertise
    advertised advertising advertiser promise promised promising enterprise compromise
    surprise surprised surprising expertise premise noise raise raised raising praise
    franchise merchandise supervise supervised supervisor revise revised devise devised
    advise advised adviser comprise comprised disguise despise televise improvise
    improvised excise incise chastise arise cruise bruise poise turquoise paradise treatise
    anise porpoise tortoise mortise demise reprise appraise appraisal guise sunrise
    """.split()
)
"""Words ending in -ise that are spelled so in American English too."""

CONTRACTIONS = {
    "n't": "not",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "'m": "am",
}
"""Contraction endings and the word each stands for; "'s" is left alone (is / has / possessive)."""

IRREGULAR_NOT = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("am", "not"),
    "cannot": ("can", "not"),
}

STEM_OVERRIDES = {
    # Snowball merges these with unrelated words ("customer" -> "custom").
    "customer": "customer",
    "customers": "customer",
    "experiment": "experiment",
    "experiments": "experiment",
    "experimented": "experiment",
    "experimenting": "experiment",
    "experimentation": "experiment",
    "conversion": "conversion",
    "conversions": "conversion",
    "analysis": "analyz",
    "analyses": "analyz",
    "universe": "universe",
    "university": "university",
    "universities": "university",
    "news": "news",
    "general": "general",
    "generally": "general",
    # "training" staff is a rollout step; "trains" carry commuters.
    "training": "training",
    "trainings": "training",
    # Different parts of speech that share a stem: "hardly" is not "hard", "listeners"
    # are people, not listening; "marketing" is a team, not a market.
    "hardly": "hardly",
    "listener": "listener",
    "listeners": "listener",
    "marketing": "marketing",
    # "interviewers" judge candidates; customer "interviews" are research.
    "interviewer": "interviewer",
    "interviewers": "interviewer",
}
"""Stems chosen by hand where Snowball would merge words that mean different things."""

NOT_A_TOPIC = frozenset(
    """
    app apps platform platforms tool tools service services system systems website site
    someone something somebody often usually fix fixing fixed within way ways
    day days week weeks month months year years today tomorrow kind kinds sort type types
    part parts whole main own other others every each many few more less most least
    number numbers amount share rate rates percent percentage total average
    describe design redesign improve imagine pick choose tell walk example examples
    time times thing things people person user users customer customers company companies
    clarify propose compare name current real focused improvement
    """.split()
)

PM_METHOD_WORDS = frozenset(
    """
    pilot pilots beta rollout roll rollouts experiment experiments retention adoption
    segment segments persona personas metric metrics kpi kpis guardrail guardrails
    signup signups sign-off training option options solution solutions pains pain
    measure measures stakeholder stakeholders buyer buyers rescheduled kept risk risks
    cost costs
    """.split()
)
"""Words of the method an outline describes (pilot, guardrail, segment): every answer
may use them, so they say what a question is about only when its prompt uses them
("Retention fell: why?")."""
"""Words a question uses that say nothing about its subject: an answer to any question
may use them, so sharing them proves nothing (beside GENERIC_WORDS)."""

THEMES = {
    "failure": """fail failed failing failure failures mistake mistakes wrong error errors
        missed miss flop flopped regret regretted blame blamed backfired underestimated
        overestimated misjudged lost losing setback dud slid slipped worse broke broken
        disaster rollback""",
    "conflict": """disagree disagreed disagreement disagreements conflict conflicts
        conflicting argued argue argument arguments pushed pushback tension tensions clash
        clashed friction objected objection objections opposed opposite debate debated
        frustrated challenged split divided odds standoff deadlock stalemate resisted
        resistance compromise compromised opinion opinions middle""",
    "influence": """convince convinced convincing persuade persuaded persuading buy-in
        influence influenced authority sponsor sponsors champion backing pitched pitch
        proposal proposed lobbied alignment aligned""",
    "customers": """customer customers client clients user users buyer buyers account
        accounts shopper shoppers patient patients member members subscriber subscribers
        complaint complaints feedback interview interviews interviewed churn churned
        complained unhappy angry upset escalated escalation refund refunds""",
    "customer-feedback": """customer customers client clients user users feedback complaint
        complaints interview interviews interviewed survey surveys reviews tickets told
        asked research hear heard hearing calls call requests request requested""",
    "prioritisation": """prioritise prioritised prioritize prioritized priority priorities
        trade-off tradeoff trade-offs tradeoffs cut cuts dropped deprioritised deprioritized
        postpone postponed delay delayed defer deferred backlog roadmap instead chose
        choose choice focus pick picked picking triage triaged urgent""",
    "ambiguity": """ambiguous ambiguity unclear uncertain uncertainty unknown unknowns vague
        undefined figure figured assumptions assumption hypothesis hypotheses explored data
        little sparse guess gut instinct decide decided decision define defined clarity
        clarify clarified""",
    "speed": """quickly quick fast faster hours days deadline urgent rushed time decide
        decided decision""",
    "data": """data metric metrics numbers analysis analysed analyzed dashboard query queries
        experiment experiments test tested a/b cohort funnel conversion retention measured
        measure trend""",
    "experiment": """experiment experiments test tested a/b variant variants control
        hypothesis significance rollout holdout""",
    "mentoring": """mentor mentored mentoring coach coached coaching grew grow growth junior
        report reports promoted promotion career develop developed she her he him""",
    "feedback": """feedback told tell conversation difficult honest criticism critique
        performance review reviews improve improved she her he him""",
    "hiring": """hire hired hiring recruit recruited recruiting recruiter candidate
        candidates interviewer interviewers offer probation""",
    "tradeoffs": """debt refactor refactoring rewrite rewrote legacy technical tech trade-off
        tradeoff trade-offs tradeoffs balance balanced maintenance stability reliability
        bugs bug crashes outages platform infrastructure migration hotfix hotfixes slip
        tooling workaround workarounds fragile""",
    "org": """reorg reorganisation reorganization reorganised reorganized restructure
        restructured restructuring layoffs layoff redundancies reporting structure""",
    "change": """change changed changes changing transition new reorg restructure""",
    "alignment": """align aligned alignment buy-in stakeholders dependencies dependency
        coordinate coordinated consensus""",
    "launch": """launch launched launching release released shipped ship go-live rollout
        rolled""",
    "board": """board investors investor ceo founders executives exec leadership""",
    "executives": """board ceo cto cfo coo exec execs executive executives vp leadership
        founders""",
    "ethics": """ethical ethics privacy consent data personal right wrong concern concerns
        raised risk legal compliance harm users' misuse""",
    "privacy": """privacy consent personal data gdpr tracking legal compliance""",
    "scope": """scope descoped descope cut cuts trimmed dropped mvp features date deadline
        negotiated""",
    "pivot": """pivot pivoted direction changed switched stopped dropped abandoned rethink""",
    "sales": """sales salesperson deal deals promised promise contract contracts customer
        client account""",
    "execution": """deadline deadlines date dates late slip slipped slipping behind
        schedule delay delayed timeline plan weeks days months cut before""",
    "onboarding": """joined joining new ramp onboarding learned learning caught up
        speed""",
    "zero-to-one": """built build building scratch nothing first founding founded
        launched idea prototype mvp early""",
    "people": """morale burnout exhausted tired motivation motivated demotivated
        quit resigned hired mentor coached one-on-one feedback underperforming mood fed
        stressed upset unhappy disengaged deflated demoralised demoralized spirits
        atmosphere""",
    "international": """country countries market markets local language languages abroad
        international regulations currency""",
}
"""Behavioural question tags and the words a story on that theme cannot avoid: a
"time you failed" story with no failure, mistake or loss in it answers another
question. One word each: a phrase such as "push back" would put "back" in every story.
Tags not listed here are not judged (a theme like "execution" has no vocabulary of its
own)."""

COUNTERPARTS = {
    "designer": "designer designers ux",
    "engineering": """engineer engineers engineering developer developers dev devs tech cto
        architect""",
    "manager": "manager managers boss director vp head ceo cpo chief founder",
    "executive": """executive executives exec execs ceo cto cfo coo cpo cro cmo cdo cio
        chief vp svp evp director founder founders board leadership""",
    "stakeholder": """stakeholder stakeholders vp svp evp director head ceo cfo cto coo cpo
        cro cmo cdo cio chief executive exec founder leadership sales marketing partner""",
}
"""The person a behavioural question names the story around ("a time you disagreed with
a designer"), and the words a story with that person in it can hardly avoid: a story
on the theme asked, but with nobody of the kind asked in it, is another story."""

PERSON_NOUNS = frozenset(
    """
    owner owners worker workers shopper shoppers family families parent parents mum mums
    mom moms dad dads mother mothers father fathers teen teens teenager teenagers kid kids
    child children student students patient patients nurse nurses doctor doctors carer
    carers caregiver caregivers driver drivers rider riders commuter commuters traveler
    travelers traveller travellers passenger passengers tenant tenants landlord landlords
    renter renters buyer buyers seller sellers merchant merchants retailer retailers farmer
    farmers chef chefs cook cooks teacher teachers learner learners developer developers
    engineer engineers designer designers manager managers employee employees staff
    freelancer freelancers contractor contractors trader traders tradespeople plumber
    plumbers electrician electricians volunteer volunteers member members subscriber
    subscribers reader readers listener listeners viewer viewers player players gamer
    gamers fan fans creator creators artist artists musician musicians writer writers
    host hosts guest guests visitor visitors resident residents neighbor neighbors
    retiree retirees pensioner pensioners senior seniors adult adults grandparent
    grandparents couples newcomer newcomers immigrant immigrants refugee refugees
    graduate graduates applicant applicants candidate candidates recruiter recruiters
    accountant accountants lawyer lawyers clinician clinicians pharmacist pharmacists
    therapist therapists coach coaches athlete athletes runner runners cyclist cyclists
    walker walkers homeowner homeowners borrower borrowers saver savers investor investors
    founder founders admin admins administrator administrators agent agents rep reps
    analyst analysts salesperson salespeople prospect prospects groomer groomers picker
    pickers marketer marketers operator operators dispatcher dispatchers courier
    couriers cleaner cleaners caterer caterers vendor vendors supplier suppliers
    stallholder stallholders dentist dentists vet vets attendee attendees organiser
    organizers organizer organisers women men girls boys professionals professional
    newlywed newlyweds expat expats tourist tourists pilgrim pilgrims receptionist
    receptionists nurse carer secretary secretaries pharmacists waiter waiters waitress
    diner diners caller callers claimant claimants tutor tutors planner planners
    clinic clinics practice practices agency agencies restaurant restaurants shop shops
    store stores school schools hospital hospitals pharmacy pharmacies charity charities
    council councils venue venues hotel hotels gym gyms salon salons cafe cafes bakery
    bakeries brand brands publisher publishers
    """.split()
)
"""Nouns that name a kind of person: "nurses who", "parents whose" choose a segment;
"users who", "people that" (GENERIC_PERSONS) don't yet, and "a chatbot that" never.
("couples" are people; "a couple of" weeks is a quantity, so "couple" is not listed.)"""

COLLEAGUE_NOUNS = frozenset(
    """
    engineer engineers developer developers designer designers manager managers staff
    employee employees analyst analysts admin admins administrator administrators
    recruiter recruiters marketer marketers operator operators founder founders lawyer
    lawyers accountant accountants rep reps agent agents coach coaches
    """.split()
)
"""Kinds of person who, in a story about work, are usually colleagues: "I sat with the
engineers" is not customer research. {customer} is a {person} who is not one of these."""

GENERIC_PERSONS = frozenset("user users people person customer customers those ones everyone everybody someone".split())

SHORTHAND = {
    "cust": "customers",
    "custs": "customers",
    "cx": "customers",
    "usr": "users",
    "usrs": "users",
    "ppl": "people",
    "seg": "segment",
    "segs": "segments",
    "intvw": "interviews",
    "intvws": "interviews",
    "intv": "interviews",
    "intvs": "interviews",
    "eng": "engineers",
    "engs": "engineers",
    "mgr": "manager",
    "mgrs": "managers",
    "wk": "week",
    "wks": "weeks",
    "mo": "month",
    "mos": "months",
    "yr": "year",
    "yrs": "years",
    "qtr": "quarter",
    "qtrs": "quarters",
    "m": "measure",
    "w": "with",
    "prob": "problem",
    "probs": "problems",
    "req": "requirements",
    "reqs": "requirements",
    "exp": "experiment",
    "expt": "experiment",
    "expts": "experiments",
    "feat": "feature",
    "feats": "features",
    "prio": "priority",
    "prios": "priorities",
    "hyp": "hypothesis",
    "hyps": "hypotheses",
    "conv": "conversion",
    "ret": "retention",
    "acq": "acquisition",
    "rev": "revenue",
    "tix": "tickets",
    "dev": "developers",
    "devs": "developers",
    "govt": "government",
    "dept": "department",
    "approx": "approximately",
    "bc": "because",
    "cos": "because",
    "cuz": "because",
    "stakeh": "stakeholders",
    "stkh": "stakeholders",
    "impl": "implemented",
    "mvp": "mvp",
    "sol": "solution",
    "soln": "solution",
    "diff": "different",
    "info": "information",
    "rec": "recommendation",
    "recs": "recommendations",
    "co": "company",
    "hers": "mine",
    # notes speak of the candidate in the third person: read them as the candidate's "I"
    "she": "i",
    "he": "i",
    "cand": "i",
    "candidate": "i",
    "her": "my",
    "his": "my",
    "herself": "myself",
    "himself": "myself",
}
"""Interviewers' shorthand in notes typed while listening, and the word each stands for.
Read only in notes (grade_answer(..., notes=True)): in an answer "m" or "rev" are not
shorthand."""

NOTE_JUDGEMENTS = frozenset(
    """
    no not none never didnt vague weak missing unclear thin lacked lacking lacks forgot
    skipped generic handwavy hand-wavy fuzzy
    """.split()
)
"""An interviewer's verdict words in notes: "no metrics", "result vague", "seg: unclear"
say the candidate did not show the cue, whichever side of it they stand."""

ANYONE = frozenset("anyone anybody someone somebody everyone everybody whoever".split())
"""Pronouns that name no one in particular: "anyone who..." chooses no segment."""

FRAMING_WORDS = frozenset(
    """
    focus focusing focused concentrate concentrating build building design designing make
    making aim aimed aiming target targeting pick choose start starting serve serving
    """.split()
)
"""Words that frame a segment ("focus on", "build for") rather than name it: whether a
segment goes beyond the question is judged on the rest."""
