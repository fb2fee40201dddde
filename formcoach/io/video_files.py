"""Finding the video files in a folder, for commands that take folders of videos."""

from __future__ import annotations

from pathlib import Path

from formcoach.errors import VideoError

# Told by the name only: opening each file to ask OpenCV would be slow for a
# big folder, and a file that is not really a video fails later, on its own.
VIDEO_SUFFIXES = (".mp4", ".mov", ".avi", ".mkv", ".webm", ".m4v")


def list_videos(folder: Path) -> list[Path]:
    """The video files directly in `folder` (not in its subfolders), sorted by name.

    Hidden files are skipped: `._clip.mp4` is macOS metadata, not a video.
    """
    if not folder.is_dir():
        raise VideoError(f"video folder not found: {folder}")
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in VIDEO_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )
