"""The history's tables (SQLite). `PRAGMA user_version` holds SCHEMA_VERSION.

One row per session in `sessions`; its holds, reps, cues and readings in
their own tables, keyed by (session_id, seq) and deleted with it. A live
session's row is rewritten (upserted by `uid`) at every checkpoint and every
completed hold or rep, each time in one transaction, so the file always
holds the session as of its last completed step. `finished` stays 0 until
the session ends; a session that was killed keeps `finished = 0`.

A side is the working side ("both" for a bilateral exercise such as a
glute bridge; NULL when it was never settled). `readings` are named
measurements per side (e.g. a Thomas-test thigh angle), one value per
session, side and name; any exercise may record them. Fault lists are
comma-separated codes, sorted ("" for none).
"""

SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    started_at TEXT NOT NULL,          -- local time with its UTC offset, ISO 8601
    updated_at TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('analysis', 'live')),
    exercise TEXT NOT NULL,
    counting TEXT NOT NULL CHECK (counting IN ('hold', 'reps')),
    hold_target_s REAL,
    per_side INTEGER,
    source TEXT NOT NULL,              -- the video's path or "camera 0"
    out_dir TEXT,                      -- where report.html and report.json are
    duration_s REAL NOT NULL,
    view TEXT NOT NULL,
    pose_coverage REAL NOT NULL,
    interrupted INTEGER NOT NULL,      -- stopped by Ctrl-C
    finished INTEGER NOT NULL          -- 0 while running, and forever if killed
);
CREATE INDEX sessions_by_start ON sessions (started_at);
CREATE INDEX sessions_by_exercise ON sessions (exercise, started_at);

CREATE TABLE holds (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    side TEXT CHECK (side IN ('left', 'right', 'both')),
    start_s REAL NOT NULL,
    end_s REAL,                        -- NULL: still held at the last save
    good_form_s REAL NOT NULL,
    target_s REAL,
    completed INTEGER NOT NULL,        -- good_form_s reached target_s
    faults TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE reps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    side TEXT CHECK (side IN ('left', 'right', 'both')),
    start_s REAL NOT NULL,
    end_s REAL,
    depth_deg REAL,
    faults TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE cues (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    code TEXT NOT NULL,
    side TEXT CHECK (side IN ('left', 'right', 'both')),
    start_s REAL NOT NULL,
    end_s REAL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE readings (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('left', 'right')),
    name TEXT NOT NULL,                -- unit-suffixed, e.g. "hip_flexion_deg"
    value REAL NOT NULL,
    PRIMARY KEY (session_id, side, name)
) WITHOUT ROWID;
"""

CHILD_TABLES = ("holds", "reps", "cues", "readings")
