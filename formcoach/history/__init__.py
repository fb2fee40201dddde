"""The session history: every analysis and live session, kept in one SQLite file.

    location.py    where the file is (--history-db, $FORMCOACH_HISTORY_DB, the data dir)
    schema.py      its tables
    rows.py        a report (report.json's dict) as rows (pure)
    store.py       the database: open and check, save a session in one transaction, queries
    completion.py  which holds and reps completed since the last look (pure)
    recorder.py    the hook `analyze` and `live` call while a session runs
    progress.py    per week and side: good-form time, reps, fault rate; readings per side (pure)
    listing.py     the table `formcoach history` prints
    page.py        the progress page `formcoach history --plot` writes

Nothing of the video itself is kept: no frames, no landmarks, no thumbnails.
"""
