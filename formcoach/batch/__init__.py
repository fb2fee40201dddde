"""`formcoach analyze` over many videos at once, in parallel processes.

inputs.py   files and folders in, the videos and one output folder each (pure but for listing)
summary.py  one row per video, summary.csv and summary.html from those rows (pure)
progress.py per-video and overall progress on stderr
jobs.py     the worker processes: one video per task, failures and Ctrl-C kept to their video
command.py  the whole command: plan, run, write the summary, exit status
"""
