"""Speaking cues: the silent stand-in, and espeak-ng when the machine has it."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from formcoach.live.voice import EspeakVoice, SilentVoice, make_voice

ESPEAK = shutil.which("espeak-ng")


def test_no_voice_is_silent_and_remembers() -> None:
    voice = make_voice(enabled=False)
    assert isinstance(voice, SilentVoice)
    voice.say("Front knee over the ankle")
    voice.close()
    assert voice.said == ["Front knee over the ankle"]


def test_missing_program_falls_back_to_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert isinstance(make_voice(enabled=True), SilentVoice)


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_espeak_speaks_a_cue_into_a_file(tmp_path: Path) -> None:
    out = tmp_path / "cue.wav"
    voice = EspeakVoice(ESPEAK, extra_args=("-w", str(out)))
    voice.say("Don't arch your lower back")
    voice.close()
    with wave.open(str(out)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 0.8 < seconds < 5.0


def test_a_newer_cue_replaces_one_still_waiting(tmp_path: Path) -> None:
    # A stand-in speaker that takes a fixed half second, so the test does not
    # depend on how fast espeak-ng happens to be on a loaded machine.
    slow = tmp_path / "slow-speaker"
    slow.write_text("#!/bin/sh\nsleep 0.5\n")
    slow.chmod(0o755)
    voice = EspeakVoice(str(slow))
    voice.say("first cue")
    voice.say("second cue")  # waits: the first is still being spoken
    voice.say("third cue")  # replaces the second
    voice.close()
    voice.poll()
    voice.close()
    assert voice.said == ["first cue", "third cue"]
