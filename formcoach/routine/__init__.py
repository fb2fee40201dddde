"""Guided routines: a sequence of exercises with countdowns, sides, rests and a summary.

    model.py     a routine and its steps (frozen), and the sets a step plans
    loading.py   routines from TOML: the shipped ones by name, or the user's file (validated)
    machine.py   the state machine: intro, position, countdown, work, rest; pause, skip (pure)
    session.py   one CoachSession per step feeding the machine: poses in, routine frames out (pure)
    summary.py   what a routine leaves: per step and set, done against target (pure)
    runner.py    `formcoach routine`: camera or video, window, voice, keys, history (the edge)

The shipped routines are in `routines/*.toml`.
"""
