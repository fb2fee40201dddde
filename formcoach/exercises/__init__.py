"""One checker per exercise, each with its thresholds and cue texts in one place."""
