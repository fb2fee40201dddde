"""Where the history file is: a flag, then an environment variable, then the user's data dir.

The data dir follows the XDG base-directory rule ($XDG_DATA_HOME, or
~/.local/share when it is unset, empty or not absolute).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "FORMCOACH_HISTORY_DB"
FILE_NAME = "history.sqlite3"


def history_path(override: Path | None = None, env: Mapping[str, str] = os.environ) -> Path:
    """The history file to use: `override`, else $FORMCOACH_HISTORY_DB, else the data dir."""
    if override is not None:
        return override.expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    data_home = env.get("XDG_DATA_HOME", "")
    base = Path(data_home) if os.path.isabs(data_home) else Path.home() / ".local" / "share"
    return base / "formcoach" / FILE_NAME
