"""Speaking cues aloud, offline, behind a small interface with a silent stand-in.

`EspeakVoice` runs the espeak-ng program (Debian package `espeak-ng`). It
never blocks the video loop: a new cue waits only for the one being spoken,
and a cue still waiting when a newer one arrives is dropped (stale advice is
worse than none).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from typing import Protocol

log = logging.getLogger(__name__)


class Voice(Protocol):
    def say(self, text: str) -> None: ...

    def close(self) -> None: ...


class SilentVoice:
    """Says nothing; remembers what it was asked to say (for tests and --no-voice)."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def close(self) -> None:
        pass


class EspeakVoice:
    def __init__(
        self, program: str, words_per_minute: int = 165, extra_args: tuple[str, ...] = ()
    ) -> None:
        self.program = program
        self.words_per_minute = words_per_minute
        self.extra_args = extra_args  # e.g. ("-w", "out.wav") to speak into a file
        self._speaking: subprocess.Popen[bytes] | None = None
        self._waiting: str | None = None
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self._waiting = text
        self.poll()

    def poll(self) -> None:
        """Start the waiting utterance if nothing is being spoken; call once a frame."""
        if self._speaking is not None and self._speaking.poll() is None:
            return
        if self._waiting is None:
            return
        text, self._waiting = self._waiting, None
        try:
            self._speaking = subprocess.Popen(
                [self.program, "-s", str(self.words_per_minute), *self.extra_args, text],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self.said.append(text)
        except OSError as exc:
            log.warning("voice failed (%s); cues stay on screen only", exc)
            self._speaking = None

    def close(self) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            try:
                self._speaking.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self._speaking.kill()


def make_voice(enabled: bool) -> Voice:
    """espeak-ng if asked for and installed, else the silent stand-in (with a notice)."""
    if not enabled:
        return SilentVoice()
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    if program is None:
        log.warning("no offline voice found (install espeak-ng); cues are shown on screen only")
        return SilentVoice()
    return EspeakVoice(program)
