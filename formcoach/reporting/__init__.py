"""report.html: one self-contained page per session, for a person to look at.

markup.py      escaping, the page shell (styles, no scripts), tables
svg.py         line charts written as inline SVG
guides.py      which measures each exercise's report plots, with its thresholds
series.py      the measures over time and the fault periods, gathered per frame
thumbnails.py  the frame where each cue started, as a small JPEG
report_page.py report.json + those into HTML (pure)
collector.py   the hook `analyze` and `live` call: add(frame, result), write(folder)
files.py       writing a page atomically
"""
