"""The reminder as a desktop notice (`notify-send`, libnotify) or, without one, a terminal line.

The terminal always gets the line too: a notice can be missed, a log cannot.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from typing import Protocol

log = logging.getLogger(__name__)


class Notifier(Protocol):
    def notify(self, title: str, text: str) -> None: ...


class TerminalNotice:
    """Prints the notice (with a bell, which most terminals show or sound)."""

    def __init__(self, bell: bool = True) -> None:
        self.bell = bell
        self.shown: list[str] = []

    def notify(self, title: str, text: str) -> None:
        self.shown.append(f"{title}: {text}")
        print(f"{chr(7) if self.bell else ''}*** {title}: {text}", flush=True)


class DesktopNotice:
    """`notify-send`, if a desktop session can show it; the terminal line either way."""

    def __init__(self, program: str, terminal: TerminalNotice) -> None:
        self.program = program
        self.terminal = terminal

    def notify(self, title: str, text: str) -> None:
        self.terminal.notify(title, text)
        try:
            subprocess.run(
                [self.program, "--app-name=formcoach", "--urgency=normal", title, text],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.debug("notify-send failed: %s", exc)


def make_notifier(desktop: bool = True) -> Notifier:
    terminal = TerminalNotice()
    program = shutil.which("notify-send") if desktop else None
    return DesktopNotice(program, terminal) if program else terminal
