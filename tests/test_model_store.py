"""Tests for formcoach.pose.model_store.

The core tests use small fake bundles in a temporary models folder and never
touch the network. Tests marked ``slow`` use the real models in the repo's
``models/`` folder and are skipped when those have not been built.
"""

from __future__ import annotations

import hashlib
import json
import logging
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from formcoach.errors import FormcoachError, ModelError, UsageError
from formcoach.pose import model_store
from formcoach.pose.model_store import (
    DETECTOR_MEMBER,
    LANDMARKS_MEMBER,
    VARIANTS,
    build_model,
    installed_models,
    model_path,
    models_dir,
    resolve_model,
    verify_model,
)

# Just enough of a TFLite flatbuffer for the structure check: the identifier
# sits at bytes 4..8.
FAKE_TFLITE = b"\x1c\x00\x00\x00TFL3" + bytes(56)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """Write a stored zip with the given members and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return path


def write_fake_task(path: Path) -> Path:
    """Write a bundle with the right layout but fake models."""
    return write_zip(path, {DETECTOR_MEMBER: FAKE_TFLITE, LANDMARKS_MEMBER: FAKE_TFLITE})


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_with(error: pytest.ExceptionInfo[BaseException], *parts: str) -> None:
    """Check the message is one line that mentions every part (file, fix)."""
    message = str(error.value)
    assert "\n" not in message
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"


@pytest.fixture
def tmp_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty models folder that model_store uses instead of the repo's."""
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv(model_store.MODELS_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything tries to build (and so download) a model."""

    def refuse(variant: str, *, force: bool = False) -> Path:
        raise AssertionError(f"unexpected build of {variant}")

    monkeypatch.setattr(model_store, "build_model", refuse)


# --- locations ----------------------------------------------------------------


def test_models_dir_defaults_to_repo_models_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(model_store.MODELS_DIR_ENV, raising=False)
    repo = Path(model_store.__file__).resolve().parents[2]
    assert models_dir() == repo / "models"


def test_models_dir_follows_env_override(tmp_models: Path) -> None:
    assert models_dir() == tmp_models.resolve()
    assert model_path("lite") == tmp_models.resolve() / "pose_landmarker_lite.task"


def test_model_error_is_a_formcoach_error() -> None:
    assert issubclass(ModelError, FormcoachError)


# --- structure checks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"just some text\n", "not a zip", id="not a zip"),
        pytest.param(b"", "not a zip", id="empty file"),
        pytest.param(
            {DETECTOR_MEMBER: FAKE_TFLITE},
            f"missing {LANDMARKS_MEMBER}",
            id="landmark model missing",
        ),
        pytest.param(
            {"model.tflite": FAKE_TFLITE, "labels.txt": b"person"},
            f"missing {DETECTOR_MEMBER}, {LANDMARKS_MEMBER}",
            id="members of another task",
        ),
        pytest.param(
            {DETECTOR_MEMBER: FAKE_TFLITE, LANDMARKS_MEMBER: b"not a model at all"},
            f"{LANDMARKS_MEMBER} is not a TFLite model",
            id="member is not TFLite",
        ),
    ],
)
def test_verify_rejects_a_badly_built_user_file(
    tmp_path: Path, tmp_models: Path, content: bytes | dict[str, bytes], problem: str
) -> None:
    path = tmp_path / "mine.task"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        write_zip(path, content)
    with pytest.raises(ModelError) as error:
        verify_model(path)
    assert_one_line_with(error, "mine.task", problem, "give a path to a pose_landmarker .task file")


def test_verify_accepts_user_file_by_structure_alone(tmp_path: Path, tmp_models: Path) -> None:
    verify_model(write_fake_task(tmp_path / "official" / "pose_landmarker_full.task"))


def test_verify_reports_missing_file(tmp_path: Path, tmp_models: Path) -> None:
    with pytest.raises(ModelError) as error:
        verify_model(tmp_path / "gone.task")
    assert_one_line_with(error, "gone.task", "not found", "lite, full, heavy")


def test_verify_rejects_our_file_with_wrong_checksum(tmp_models: Path) -> None:
    path = write_fake_task(model_path("full"))
    with pytest.raises(ModelError) as error:
        verify_model(path)
    assert_one_line_with(
        error,
        "pose_landmarker_full.task",
        "corrupt (checksum mismatch)",
        "rebuild it with: formcoach models --build full",
    )


def test_verify_names_rebuild_for_our_broken_file(tmp_models: Path) -> None:
    path = model_path("heavy")
    path.write_bytes(b"truncated download")
    with pytest.raises(ModelError) as error:
        verify_model(path)
    assert_one_line_with(error, "not a zip", "formcoach models --build heavy")


def test_verify_accepts_checksum_recorded_at_build(tmp_models: Path) -> None:
    path = write_fake_task(model_path("lite"))
    (tmp_models / "checksums.json").write_text(
        json.dumps({path.name: sha256_of(path)}), encoding="utf-8"
    )
    verify_model(path)


def test_unreadable_checksums_file_is_ignored(tmp_models: Path) -> None:
    path = write_fake_task(model_path("lite"))
    (tmp_models / "checksums.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="checksum mismatch"):
        verify_model(path)


# --- resolving ----------------------------------------------------------------


def test_resolve_path_spec_returns_the_file(
    tmp_path: Path, tmp_models: Path, no_build: None
) -> None:
    path = write_fake_task(tmp_path / "custom.task")
    assert resolve_model(str(path)) == path.resolve()


def test_resolve_path_spec_checks_structure(
    tmp_path: Path, tmp_models: Path, no_build: None
) -> None:
    path = write_zip(tmp_path / "wrong.task", {"other.tflite": FAKE_TFLITE})
    with pytest.raises(ModelError, match=r"missing pose_detector\.tflite"):
        resolve_model(str(path))


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param("medium", id="unknown variant name"),
        pytest.param("models/nothing_here.task", id="missing path"),
    ],
)
def test_resolve_unknown_spec_lists_choices(spec: str, tmp_models: Path, no_build: None) -> None:
    with pytest.raises(ModelError) as error:
        resolve_model(spec)
    assert_one_line_with(
        error,
        f"model file {spec} not found",
        "give a path to a pose_landmarker .task file or one of: lite, full, heavy",
    )


def test_resolve_variant_without_build_says_how(tmp_models: Path, no_build: None) -> None:
    with pytest.raises(ModelError) as error:
        resolve_model("lite", build_missing=False)
    assert_one_line_with(error, "formcoach models --build lite")


def test_resolve_default_builds_full_on_first_use(
    tmp_models: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    built: list[str] = []

    def fake_build(variant: str, *, force: bool = False) -> Path:
        built.append(variant)
        return write_fake_task(model_path(variant))

    monkeypatch.setattr(model_store, "build_model", fake_build)
    with caplog.at_level(logging.INFO, logger=model_store.__name__):
        path = resolve_model(None)
    assert built == ["full"]
    assert path == model_path("full")
    assert "building pose model full from registry packages (first use" in caplog.text


def test_resolve_variant_name_ignores_case_and_spaces(tmp_models: Path, no_build: None) -> None:
    path = write_fake_task(model_path("full"))
    (tmp_models / "checksums.json").write_text(
        json.dumps({path.name: sha256_of(path)}), encoding="utf-8"
    )
    assert resolve_model(" Full ") == path


def test_build_rejects_unknown_variant(tmp_models: Path) -> None:
    with pytest.raises(UsageError) as error:
        build_model("medium")
    assert_one_line_with(error, "'medium'", "lite, full, heavy")


def test_build_keeps_a_valid_existing_file(tmp_models: Path) -> None:
    path = write_fake_task(model_path("heavy"))
    (tmp_models / "checksums.json").write_text(
        json.dumps({path.name: sha256_of(path)}), encoding="utf-8"
    )
    assert build_model("heavy") == path


# --- listing ------------------------------------------------------------------


def test_installed_models_reports_each_variant(tmp_models: Path) -> None:
    good = write_fake_task(model_path("lite"))
    (tmp_models / "checksums.json").write_text(
        json.dumps({good.name: sha256_of(good)}), encoding="utf-8"
    )
    model_path("heavy").write_bytes(b"half a download")

    infos = {info.variant: info for info in installed_models()}

    assert list(infos) == list(VARIANTS)
    assert infos["lite"].status == "ok"
    assert infos["lite"].sha256 == sha256_of(good)
    assert infos["lite"].size_bytes == good.stat().st_size
    assert infos["full"].status == "missing"
    assert infos["full"].sha256 is None
    assert infos["full"].size_bytes == 0
    assert infos["heavy"].status == "corrupt"


# --- build helpers (no network) ----------------------------------------------------


def test_written_bundle_is_deterministic_and_aligned(tmp_path: Path) -> None:
    members = {DETECTOR_MEMBER: b"a" * 1001, LANDMARKS_MEMBER: b"b" * 333}
    first, second = tmp_path / "one.task", tmp_path / "two.task"
    for path in (first, second):
        with path.open("wb") as handle:
            model_store._write_task(handle, members)

    assert first.read_bytes() == second.read_bytes()
    raw = first.read_bytes()
    with zipfile.ZipFile(first) as bundle:
        assert bundle.namelist() == [DETECTOR_MEMBER, LANDMARKS_MEMBER]
        for info in bundle.infolist():
            assert info.compress_type == zipfile.ZIP_STORED
            name_len, extra_len = struct.unpack_from("<HH", raw, info.header_offset + 26)
            data_start = info.header_offset + 30 + name_len + extra_len
            assert data_start % 16 == 0
            assert raw[data_start : data_start + info.file_size] == members[info.filename]


@pytest.mark.parametrize(
    ("output", "cause"),
    [
        pytest.param(
            "WARNING: Location 'file:///x' is ignored\n"
            "ERROR: Could not find a version that satisfies the requirement m==9\n"
            "ERROR: No matching distribution found for m==9\n",
            "No matching distribution found for m==9",
            id="pip: its last ERROR line",
        ),
        pytest.param(
            "npm error code ETARGET\n"
            "npm error notarget No matching version found for @mediapipe/pose@9.\n"
            "npm error A complete log of this run can be found in: /x.log\n",
            "notarget No matching version found for @mediapipe/pose@9.",
            id="npm: its first detail line",
        ),
        pytest.param("", "", id="no output"),
        pytest.param("something\nbroke badly\n", "broke badly", id="other: last line"),
    ],
)
def test_failure_cause_picks_the_telling_line(output: str, cause: str) -> None:
    assert model_store._failure_cause(output) == cause


# --- real models (built by `formcoach models --build`) ------------------------------


def _built_model(variant: str) -> Path:
    """Path of a real built model in the repo, or skip the test."""
    path = Path(model_store.__file__).resolve().parents[2] / "models"
    path = path / f"pose_landmarker_{variant}.task"
    if not path.is_file():
        pytest.skip(f"{path.name} not built (run: formcoach models --build {variant})")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS)
def test_built_model_matches_pinned_checksum(variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(model_store.MODELS_DIR_ENV, raising=False)
    path = _built_model(variant)
    assert sha256_of(path) == model_store.EXPECTED_SHA256[variant]
    verify_model(path)


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS)
def test_built_model_runs_in_pose_landmarker(variant: str) -> None:
    path = _built_model(variant)
    mp = pytest.importorskip("mediapipe")
    from mediapipe.tasks.python import BaseOptions, vision

    options = vision.PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=str(path)),
        running_mode=vision.RunningMode.VIDEO,
    )
    blank = np.zeros((360, 640, 3), dtype=np.uint8)
    with vision.PoseLandmarker.create_from_options(options) as landmarker:
        for timestamp_ms in (0, 33):
            image = mp.Image(image_format=mp.ImageFormat.SRGB, data=blank)
            result = landmarker.detect_for_video(image, timestamp_ms)
    assert result.pose_landmarks == []
