"""Mechanics shared by every exercise: checks, fault debouncing, cues, holds, reps, sides."""
