"""Which videos a batch analyses and where each one's outputs go."""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.batch.inputs import expand_inputs, plan_tasks
from formcoach.errors import FormcoachError


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_a_folder_is_its_videos_sorted_without_subfolders_or_other_files(tmp_path: Path) -> None:
    for name in ["b.MOV", "a.mp4", "c.webm", "notes.txt", ".hidden.mp4", "sub/d.mp4", "e.m4v"]:
        touch(tmp_path / name)
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.mp4", "b.MOV", "c.webm", "e.m4v"]


def test_files_keep_their_order_and_a_file_named_twice_is_analysed_once(tmp_path: Path) -> None:
    folder = tmp_path / "clips"
    a, b = touch(folder / "a.mp4"), touch(tmp_path / "z.mov")
    assert expand_inputs([b, folder, a]) == [b, a]


def test_a_missing_file_is_kept_to_fail_on_its_own(tmp_path: Path) -> None:
    missing = tmp_path / "gone.mp4"
    assert expand_inputs([missing]) == [missing]


def test_nothing_to_analyse_is_an_error_naming_the_suffixes(tmp_path: Path) -> None:
    touch(tmp_path / "notes.txt")
    with pytest.raises(FormcoachError, match=r"no video files in .*\.mp4 \.mov"):
        expand_inputs([tmp_path])


@pytest.mark.parametrize(
    ("videos", "folders"),
    [
        pytest.param(["a/clip.mp4", "b/clip.mp4"], ["clip", "clip-2"], id="same name, two folders"),
        pytest.param(["clip.mp4", "clip.mov", "Clip.avi"], ["clip", "clip-2", "Clip-3"],
                     id="same stem, other suffixes and case"),
        pytest.param(["clip-2.mp4", "x/clip.mp4", "y/clip.mp4"], ["clip-2", "clip", "clip-3"],
                     id="a numbered name already taken"),
        pytest.param(["summary.csv.mp4"], ["summary.csv-2"], id="the summary's own name"),
    ],
)  # fmt: skip
def test_each_video_gets_its_own_folder(
    tmp_path: Path, videos: list[str], folders: list[str]
) -> None:
    tasks = plan_tasks([Path(v) for v in videos], tmp_path)
    assert [t.out_dir for t in tasks] == [tmp_path / f for f in folders]
    assert [t.index for t in tasks] == list(range(len(videos)))


def test_progress_labels_are_names_unless_names_repeat() -> None:
    tasks = plan_tasks([Path("a/clip.mp4"), Path("b/clip.mp4"), Path("b/other.mp4")], Path("out"))
    assert [t.label for t in tasks] == ["a/clip.mp4", "b/clip.mp4", "other.mp4"]
