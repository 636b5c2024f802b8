"""The history schema, as forward migrations. `PRAGMA user_version` says how many have
run; opening a database runs the rest, each in one transaction. Never edit a migration
that has shipped: add a new one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: sessions, attempts (cue results kept as the grade's JSON), drafts.
    """
    CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY,
        uid         TEXT NOT NULL UNIQUE,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        mode        TEXT NOT NULL CHECK (mode IN ('solo', 'peer')),
        candidate   TEXT,
        interviewer TEXT,
        setup       TEXT NOT NULL DEFAULT '{}',
        score       REAL
    );
    CREATE TABLE attempts (
        id             INTEGER PRIMARY KEY,
        uid            TEXT NOT NULL UNIQUE,
        session_id     INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
        created_at     TEXT NOT NULL,
        question_id    TEXT,
        question_text  TEXT NOT NULL DEFAULT '',
        category       TEXT,
        level          TEXT,
        rubric_id      TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        answer         TEXT NOT NULL,
        probes         TEXT NOT NULL DEFAULT '[]',
        result         TEXT NOT NULL,
        score          INTEGER NOT NULL,
        verdict        TEXT NOT NULL,
        time_taken_s   REAL,
        time_limit_s   INTEGER,
        notes          TEXT,
        overrides      TEXT NOT NULL DEFAULT '{}',
        ratings        TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX attempts_by_date ON attempts (created_at);
    CREATE TABLE drafts (
        key         TEXT PRIMARY KEY,
        question_id TEXT,
        text        TEXT NOT NULL,
        context     TEXT NOT NULL DEFAULT '{}',
        updated_at  TEXT NOT NULL
    );
    """,
    # 2: per-cue outcomes as rows, running totals per cue kept by triggers, and the
    # columns the history table shows, so history and stats stay fast at 100k attempts.
    """
    ALTER TABLE attempts ADD COLUMN hits TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN misses TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN recovered TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN final_score INTEGER;
    CREATE INDEX attempts_by_question ON attempts (question_id, created_at);
    CREATE INDEX attempts_by_category ON attempts (category, created_at);
    CREATE INDEX attempts_by_session ON attempts (session_id);
    -- COUNT and AVG over a small index, not over every stored answer and grade.
    CREATE INDEX attempts_by_score ON attempts (score);
    CREATE TABLE attempt_cues (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        rubric_id  TEXT NOT NULL,
        cue_id     TEXT NOT NULL,
        hit        INTEGER NOT NULL,
        strength   REAL NOT NULL,
        PRIMARY KEY (attempt_id, cue_id)
    ) WITHOUT ROWID;
    CREATE TABLE cue_totals (
        rubric_id TEXT NOT NULL,
        cue_id    TEXT NOT NULL,
        attempts  INTEGER NOT NULL,
        hits      INTEGER NOT NULL,
        PRIMARY KEY (rubric_id, cue_id)
    ) WITHOUT ROWID;
    CREATE TRIGGER cue_totals_add AFTER INSERT ON attempt_cues BEGIN
        INSERT INTO cue_totals (rubric_id, cue_id, attempts, hits)
        VALUES (NEW.rubric_id, NEW.cue_id, 1, NEW.hit)
        ON CONFLICT (rubric_id, cue_id)
        DO UPDATE SET attempts = attempts + 1, hits = hits + NEW.hit;
    END;
    CREATE TRIGGER cue_totals_remove AFTER DELETE ON attempt_cues BEGIN
        UPDATE cue_totals SET attempts = attempts - 1, hits = hits - OLD.hit
        WHERE rubric_id = OLD.rubric_id AND cue_id = OLD.cue_id;
    END;
    """,
    # 3: every column shows the attempt's final grade (probe replies merged, the
    # interviewer's calls applied); the Python step rebuilds it for the attempts it
    # changes. final_score now always holds the final score, probes or not.
    """
    UPDATE attempts SET final_score = score WHERE final_score IS NULL;
    """,
    # 4: the review screens (history, progress, what's due) at 100k attempts: filters by
    # level and missed cue, the question texts the fuzzy filter searches, each question's
    # latest attempt, and the score by day read from an index alone.
    """
    CREATE INDEX attempts_by_level ON attempts (level, created_at);
    CREATE INDEX attempts_by_text ON attempts (question_text);
    CREATE INDEX attempts_by_day ON attempts (created_at, score, category, level);
    CREATE INDEX attempts_by_question_score ON attempts (question_id, created_at, score);
    CREATE INDEX attempt_cues_by_cue ON attempt_cues (cue_id, rubric_id, hit, attempt_id);
    CREATE INDEX sessions_by_mode ON sessions (mode);
    """,
    # 5: mock interviews with a peer. What a peer attempt adds (names, round, comments,
    # recommendation, focus, keep/stop/start, timing) is one JSON column; the
    # recommendation is also a column of its own. Solo attempts leave both NULL.
    """
    ALTER TABLE attempts ADD COLUMN peer TEXT;
    ALTER TABLE attempts ADD COLUMN recommendation INTEGER;
    -- The mock attempts alone, for `history --mode peer` and the calibration in `stats`
    -- without reading every stored answer.
    CREATE INDEX attempts_peer ON attempts (created_at) WHERE peer IS NOT NULL;
    """,
    # 6: the story bank. The story a behavioural answer told (its file's name in the
    # data folder's stories/), picked in practice; NULL when none was picked.
    """
    ALTER TABLE attempts ADD COLUMN story_id TEXT;
    -- The stories' use counts and latest picks, without reading every attempt.
    CREATE INDEX attempts_story ON attempts (story_id, created_at) WHERE story_id IS NOT NULL;
    CREATE INDEX attempts_story_picks ON attempts (created_at) WHERE story_id IS NOT NULL;
    """,
]
"""Each entry moves the schema up one version; the Python step of the same number
(DATA_STEPS in database.py) then fills new tables and columns from the old data."""

SCHEMA_VERSION = len(MIGRATIONS)
