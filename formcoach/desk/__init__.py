"""The sitting-break coach: notice long sitting, remind to get up and move.

    posture.py    sitting, standing or away, from one pose (pure)
    sit_timer.py  how long someone has sat, breaks, when to remind (pure, frame time only)
    notify.py     the reminder on the desktop (notify-send) or in the terminal
    record.py     desk.json and the closing summary: counts and times (pure)
    runner.py     `formcoach desk`: the camera sampled at a low rate, the record (the edge)

Only counts and times are kept (desk.json): never a frame, a landmark or an image.
"""
