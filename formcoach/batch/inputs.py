"""What a batch analyses: the videos named or found in folders, and where each one's outputs go."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from formcoach.errors import FormcoachError
from formcoach.io.video_files import VIDEO_SUFFIXES, list_videos

log = logging.getLogger(__name__)

SUMMARY_CSV = "summary.csv"
SUMMARY_HTML = "summary.html"


@dataclass(frozen=True)
class VideoTask:
    """One video of a batch: its place in the list, its file, its output folder."""

    index: int
    video: Path
    out_dir: Path
    label: str  # how progress lines name it: the file name, or the path if names repeat


def expand_inputs(paths: Sequence[Path]) -> list[Path]:
    """The videos to analyse: files as given, folders as the videos directly in them.

    A file is kept whatever its name and even if it is missing (it then fails
    on its own, and the others go on); the same file named twice is analysed
    once. Raises FormcoachError when nothing is left.
    """
    videos: list[Path] = []
    seen: set[Path] = set()
    empty: list[Path] = []
    for path in paths:
        found = list_videos(path) if path.is_dir() else [path]
        if not found:
            empty.append(path)
        for video in found:
            key = video.resolve()
            if key in seen:
                log.info("%s is named twice; analysing it once", video)
                continue
            seen.add(key)
            videos.append(video)
    if not videos:
        names = ", ".join(str(p) for p in paths)
        raise FormcoachError(f"no video files in {names} (looked for {' '.join(VIDEO_SUFFIXES)})")
    for folder in empty:
        log.warning("no video files in %s", folder)
    return videos


def plan_tasks(videos: Sequence[Path], parent: Path) -> list[VideoTask]:
    """One output folder per video under `parent`, named after the video.

    Two videos with the same name (`a/clip.mp4`, `b/clip.mov`) get `clip`
    and `clip-2`, in the order given; names are compared ignoring case, as
    macOS and Windows file systems do, and never take the summary files' names.
    """
    taken = {SUMMARY_CSV.lower(), SUMMARY_HTML.lower()}
    names = [v.name for v in videos]
    tasks = []
    for index, video in enumerate(videos):
        folder, n = video.stem, 2
        while folder.lower() in taken:
            folder, n = f"{video.stem}-{n}", n + 1
        taken.add(folder.lower())
        label = video.name if names.count(video.name) == 1 else str(video)
        tasks.append(VideoTask(index, video, parent / folder, label))
    return tasks
