"""Provision and resolve the MediaPipe PoseLandmarker ``.task`` models.

No model hub is reachable from our machines, so the models are built from
registry packages: the raw TFLite files ship inside the PyPI ``mediapipe``
0.10.21 wheel and the npm ``@mediapipe/pose`` package. The Tasks API refuses
them as they are, because they lack TFLite metadata with the input
normalisation; this module adds that metadata and zips the detector and the
landmark model into a ``pose_landmarker_<variant>.task`` bundle.

Notes
-----
The sources are pinned by version and sha256, and the build is
byte-deterministic (fixed zip timestamps and attributes, no compression), so
each variant has one expected checksum, shipped in ``EXPECTED_SHA256``. A
build is also recorded in ``models/checksums.json``: should another
``flatbuffers`` release serialise the same model differently, the build still
works and verification accepts the checksum recorded on this machine.

"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, Literal

import flatbuffers

from formcoach.errors import ModelError, UsageError

logger = logging.getLogger(__name__)

VARIANTS = ("lite", "full", "heavy")
DEFAULT_VARIANT = "full"
_CHOICES = ", ".join(VARIANTS)
MODELS_DIR_ENV = "FORMCOACH_MODELS_DIR"

DETECTOR_MEMBER = "pose_detector.tflite"
LANDMARKS_MEMBER = "pose_landmarks_detector.tflite"
TASK_MEMBERS = (DETECTOR_MEMBER, LANDMARKS_MEMBER)

CHECKSUMS_FILE = "checksums.json"
CACHE_DIR = ".cache"

# sha256 of the .task files this module builds from the pinned sources
# (flatbuffers 25.x); change it whenever the build or its sources change.
EXPECTED_SHA256: dict[str, str] = {
    "lite": "179f3086255160e2951ebf91734bf8dd4a69a2c1b111f682d40e53c8b54f78be",
    "full": "0333deee9a6678085a216214fb7a126634080e847078c979c0afe5025ad4abb0",
    "heavy": "bcf2d748606f2a0c7ad6d3cf0d8f358f8d4446133ee6b2c99e8970b4e8f2bd40",
}

ModelStatus = Literal["ok", "missing", "corrupt"]


@dataclass(frozen=True)
class ModelInfo:
    """One known model variant as found on disk, for ``formcoach models``."""

    variant: str
    path: Path
    size_bytes: int
    sha256: str | None
    status: ModelStatus


@dataclass(frozen=True)
class _Package:
    """A registry package pinned by version and sha256 of its archive."""

    registry: Literal["pypi", "npm"]
    spec: str
    filename: str
    sha256: str
    approx_download_s: float


_PYPI_WHEEL = _Package(
    registry="pypi",
    spec="mediapipe==0.10.21",
    filename="mediapipe-0.10.21-cp311-cp311-manylinux_2_28_x86_64.whl",
    sha256="05dc4a9e593655a79558d05d6227d31018c2537a4bd3362b51e230cf22aecfe3",
    approx_download_s=2.0,
)
_NPM_POSE = _Package(
    registry="npm",
    spec="@mediapipe/pose@0.5.1675469404",
    filename="mediapipe-pose-0.5.1675469404.tgz",
    sha256="8bb349a7b3a3ba699df23be804ddd3b3eab810b50b15406894be257859388a84",
    approx_download_s=2.0,
)

# Where each TFLite model sits inside its package archive.
_DETECTOR_SOURCE = (
    _PYPI_WHEEL,
    "mediapipe/modules/pose_detection/pose_detection.tflite",
)
_LANDMARK_SOURCES: dict[str, tuple[_Package, str]] = {
    "lite": (_NPM_POSE, "package/pose_landmark_lite.tflite"),
    "full": (_PYPI_WHEEL, "mediapipe/modules/pose_landmark/pose_landmark_full.tflite"),
    "heavy": (_NPM_POSE, "package/pose_landmark_heavy.tflite"),
}
_APPROX_BUILD_S = {"lite": 1.0, "full": 1.0, "heavy": 2.0}

# Input normalisation (mean, std) the Tasks API applies to RGB pixels 0..255:
# the detector expects [-1, 1], the landmark model [0, 1].
_DETECTOR_NORMALIZATION = (127.5, 127.5)
_LANDMARK_NORMALIZATION = (0.0, 255.0)

_LANDMARK_OUTPUTS = (
    ("landmarks", "39 keypoints x (x, y, z, visibility, presence), in input pixels"),
    ("pose_flag", "Probability that a pose is present"),
    ("segmentation", "Person segmentation logits"),
    ("heatmap", "Keypoint heatmaps"),
    ("world_landmarks", "39 keypoints x (x, y, z) in metres, hip-centred"),
)
_DETECTOR_OUTPUTS = (
    ("raw_boxes", "Undecoded anchor boxes and keypoints"),
    ("scores", "Undecoded anchor scores"),
)

_TFLITE_IDENTIFIER = b"TFL3"
_METADATA_IDENTIFIER = b"M001"
_METADATA_NAME = b"TFLITE_METADATA"
_TFLITE_BUFFER_ALIGNMENT = 16  # the schema's force_align for buffer data

_ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_ZIP_ALIGN_EXTRA_ID = 0xD935  # the extra field Android's zipalign pads with
_ZIP_LOCAL_HEADER_SIZE = 30
_SUBPROCESS_TIMEOUT_S = 900


# --- locations ---------------------------------------------------------------


def models_dir() -> Path:
    """Return the folder that holds the built models.

    The repository's top-level ``models/`` unless ``FORMCOACH_MODELS_DIR`` is
    set, so an installed package or a test can point somewhere writable.
    """
    override = os.environ.get(MODELS_DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(__file__).resolve().parents[2] / "models"


def model_path(variant: str) -> Path:
    """Return where the ``.task`` file of a known variant lives."""
    return models_dir() / f"pose_landmarker_{variant}.task"


# --- resolving and checking ---------------------------------------------------


def resolve_model(spec: str | None, *, build_missing: bool = True) -> Path:
    """Turn what the user asked for into the path of a checked ``.task`` file.

    ``spec`` is None (the default variant), a variant name (built on first use
    when ``build_missing``), or a path to the user's own ``.task`` file.
    Raises ModelError with a one-line message naming the fix.
    """
    if spec is None:
        spec = DEFAULT_VARIANT
    variant = spec.strip().lower()
    if variant in VARIANTS:
        path = model_path(variant)
        if not path.is_file():
            if not build_missing:
                raise ModelError(
                    f"pose model {variant} is not built; build it with: "
                    f"formcoach models --build {variant}"
                )
            logger.info(
                "building pose model %s from registry packages (first use, ~%d s)",
                variant,
                round(_estimate_build_s(variant)),
            )
            return build_model(variant)
        verify_model(path)
        return path

    path = Path(spec).expanduser()
    if not path.is_file():
        raise ModelError(
            f"model file {_display(path)} not found; give a path to a "
            f"pose_landmarker .task file or one of: {_CHOICES}"
        )
    verify_model(path)
    return path.resolve()


def verify_model(path: Path) -> None:
    """Check that ``path`` is a usable pose landmarker bundle.

    Every file must be a zip holding the detector and the landmark TFLite
    models. A file of ours (a variant's file in ``models_dir()``) must also
    match its checksum; a user's own ``.task`` is not checksummed, because
    Google's official files differ from the ones built here.
    """
    path = Path(path)
    variant = _variant_of(path)
    fix = (
        f"rebuild it with: formcoach models --build {variant}"
        if variant
        else f"give a path to a pose_landmarker .task file or one of: {_CHOICES}"
    )
    if not path.is_file():
        raise ModelError(f"model file {_display(path)} not found; {fix}")

    problem = _structure_problem(path)
    if problem:
        raise ModelError(f"model file {_display(path)} is {problem}; {fix}")
    if variant is None:
        return

    digest = _sha256(path)
    if digest not in _accepted_checksums(variant, path):
        raise ModelError(f"model file {_display(path)} is corrupt (checksum mismatch); {fix}")


def installed_models() -> list[ModelInfo]:
    """Describe every known variant's file: present and valid, missing or corrupt."""
    infos: list[ModelInfo] = []
    for variant in VARIANTS:
        path = model_path(variant)
        if not path.is_file():
            infos.append(ModelInfo(variant, path, 0, None, "missing"))
            continue
        status: ModelStatus = "ok"
        try:
            verify_model(path)
        except ModelError:
            status = "corrupt"
        infos.append(ModelInfo(variant, path, path.stat().st_size, _sha256(path), status))
    return infos


def _structure_problem(path: Path) -> str | None:
    """Say what is wrong with the bundle's layout, or None when it is fine."""
    if not zipfile.is_zipfile(path):
        return "not a .task bundle (not a zip file)"
    try:
        with zipfile.ZipFile(path) as bundle:
            names = set(bundle.namelist())
            missing = [name for name in TASK_MEMBERS if name not in names]
            if missing:
                return f"not a pose landmarker bundle (missing {', '.join(missing)})"
            for name in TASK_MEMBERS:
                with bundle.open(name) as member:
                    head = member.read(8)
                if head[4:8] != _TFLITE_IDENTIFIER:
                    return f"not a pose landmarker bundle ({name} is not a TFLite model)"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return f"not a readable .task bundle ({exc})"
    return None


def _variant_of(path: Path) -> str | None:
    """Return the variant whose managed file ``path`` is, if it is one."""
    try:
        resolved = path.resolve()
    except OSError:
        return None
    for variant in VARIANTS:
        if resolved == model_path(variant).resolve():
            return variant
    return None


def _accepted_checksums(variant: str, path: Path) -> set[str]:
    """Return the pinned checksum plus the one recorded when the file was built."""
    accepted = {EXPECTED_SHA256[variant]}
    recorded = _read_checksums(path.parent).get(path.name)
    if recorded:
        accepted.add(recorded)
    accepted.discard("")
    return accepted


# --- building -----------------------------------------------------------------


def build_model(variant: str, *, force: bool = False) -> Path:
    """Build ``models/pose_landmarker_<variant>.task`` from registry packages.

    Downloads (once, into ``models/.cache/``) the packages holding the raw
    TFLite models, adds the metadata the Tasks API needs, and writes the
    bundle atomically. An existing valid file is kept unless ``force``.
    """
    if variant not in VARIANTS:
        raise UsageError(f"unknown pose model variant {variant!r}; choose one of: {_CHOICES}")
    target = model_path(variant)
    if not force and target.is_file():
        try:
            verify_model(target)
        except ModelError:
            logger.info("existing %s is unusable; rebuilding it", _display(target))
        else:
            return target

    started = time.monotonic()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        detector_package, detector_member = _DETECTOR_SOURCE
        landmark_package, landmark_member = _LANDMARK_SOURCES[variant]
        detector = _read_member(_fetch_package(detector_package), detector_member)
        landmarks = _read_member(_fetch_package(landmark_package), landmark_member)
        bundle = {
            DETECTOR_MEMBER: _with_metadata(
                detector,
                name="Pose detector",
                description="Detects a person and the alignment keypoints of the pose",
                input_size=224,
                normalization=_DETECTOR_NORMALIZATION,
                outputs=_DETECTOR_OUTPUTS,
            ),
            LANDMARKS_MEMBER: _with_metadata(
                landmarks,
                name=f"Pose landmarks detector ({variant})",
                description="Finds 33 body landmarks in a crop around a person",
                input_size=256,
                normalization=_LANDMARK_NORMALIZATION,
                outputs=_LANDMARK_OUTPUTS,
            ),
        }
        _write_atomically(target, lambda handle: _write_task(handle, bundle))
        digest = _sha256(target)
        _record_checksum(target, digest)
    except OSError as exc:
        raise ModelError(f"could not build pose model {variant}: {exc}") from exc

    if EXPECTED_SHA256[variant] and digest != EXPECTED_SHA256[variant]:
        logger.warning(
            "built %s differs from the pinned checksum (another flatbuffers "
            "version?); it was recorded in %s and will be accepted",
            _display(target),
            CHECKSUMS_FILE,
        )
    logger.info(
        "built %s (%.1f MB) in %.1f s",
        _display(target),
        target.stat().st_size / 1e6,
        time.monotonic() - started,
    )
    return target


def _estimate_build_s(variant: str) -> float:
    """Rough seconds a build takes: downloads still needed plus the build itself."""
    packages = {_DETECTOR_SOURCE[0], _LANDMARK_SOURCES[variant][0]}
    cache = models_dir() / CACHE_DIR
    downloads = sum(p.approx_download_s for p in packages if not (cache / p.filename).is_file())
    return downloads + _APPROX_BUILD_S[variant]


def _fetch_package(package: _Package) -> Path:
    """Return the cached archive of ``package``, downloading it if needed."""
    cache = models_dir() / CACHE_DIR
    cached = cache / package.filename
    if cached.is_file():
        if _sha256(cached) == package.sha256:
            return cached
        logger.warning("cached %s is damaged; downloading it again", package.filename)
        cached.unlink()

    cache.mkdir(parents=True, exist_ok=True)
    logger.info("downloading %s from %s", package.spec, package.registry)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".download-") as tmp:
        if package.registry == "pypi":
            command = [
                sys.executable, "-m", "pip", "download", package.spec,
                "--no-deps", "--only-binary=:all:", "--python-version", "3.11",
                "--implementation", "cp", "--abi", "cp311",
                "--platform", "manylinux_2_28_x86_64",
                "--disable-pip-version-check", "--no-input", "--progress-bar", "off",
                "--dest", tmp,
            ]  # fmt: skip
        else:
            npm = shutil.which("npm")
            if npm is None:
                raise ModelError(
                    f"npm not found; it is needed to fetch {package.spec} for the "
                    "lite and heavy models (install Node.js, or use the full model)"
                )
            command = [
                npm,
                "pack",
                package.spec,
                "--ignore-scripts",
                "--loglevel=error",
            ]
        _run(command, cwd=tmp, what=f"download {package.spec} from {package.registry}")
        downloaded = Path(tmp) / package.filename
        if not downloaded.is_file():
            raise ModelError(
                f"could not download {package.spec}: {package.filename} did not appear"
            )
        if _sha256(downloaded) != package.sha256:
            raise ModelError(
                f"downloaded {package.filename} does not match its pinned sha256; "
                "the registry served different bytes, so no model was built"
            )
        os.replace(downloaded, cached)
    return cached


def _run(command: list[str], *, cwd: str, what: str) -> None:
    """Run a download command; failures become a one-line ModelError."""
    try:
        result = subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=_SUBPROCESS_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError as exc:
        raise ModelError(f"could not {what}: {exc}") from exc
    except subprocess.TimeoutExpired as exc:
        raise ModelError(f"could not {what}: no answer after {exc.timeout:.0f} s") from exc
    if result.returncode != 0:
        cause = _failure_cause(result.stderr + "\n" + result.stdout)
        raise ModelError(f"could not {what}: {cause or f'exit code {result.returncode}'}")


def _failure_cause(output: str) -> str:
    """Pick the one line of pip's or npm's output that says what went wrong.

    pip ends with its most specific ``ERROR:`` line; npm starts with a code
    line and ends with a pointer to its log, so its first detail line is the
    useful one. Otherwise the last line.
    """
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    npm_details = [
        line.removeprefix("npm error").removeprefix("npm ERR!").strip()
        for line in lines
        if line.startswith(("npm error", "npm ERR!"))
    ]
    npm_details = [d for d in npm_details if d and d.split()[0] not in {"code", "syscall", "errno"}]
    pip_errors = [
        line.removeprefix("ERROR:").strip() for line in lines if line.startswith("ERROR:")
    ]
    cause = (npm_details[:1] or pip_errors[-1:] or lines[-1:] or [""])[0]
    return cause[:300]


def _read_member(archive: Path, member: str) -> bytes:
    """Read one file out of a wheel (zip) or an npm tarball (tgz)."""
    try:
        if archive.suffix == ".whl":
            with zipfile.ZipFile(archive) as wheel:
                return wheel.read(member)
        with tarfile.open(archive, "r:gz") as tarball:
            handle = tarball.extractfile(member)
            if handle is None:
                raise KeyError(member)
            with handle:
                return handle.read()
    except (KeyError, zipfile.BadZipFile, tarfile.TarError) as exc:
        raise ModelError(
            f"{archive.name} has no readable {member} ({exc}); delete "
            f"{_display(archive.parent)} and build again"
        ) from exc


def _load_schemas() -> tuple[ModuleType, ModuleType]:
    """Import mediapipe's generated flatbuffer classes: (metadata, TFLite model).

    Imported on demand because loading mediapipe takes about a second and
    only a build needs them (its own metadata writer does not import).
    """
    from mediapipe.tasks.metadata import metadata_schema_py_generated as meta
    from mediapipe.tasks.metadata import schema_py_generated as schema

    return meta, schema


def _with_metadata(
    model: bytes,
    *,
    name: str,
    description: str,
    input_size: int,
    normalization: tuple[float, float],
    outputs: tuple[tuple[str, str], ...],
) -> bytes:
    """Return ``model`` with a TFLITE_METADATA entry describing its image input.

    The Tasks API reads the input normalisation from this metadata and refuses
    float models without it. Metadata already there is replaced: the wheel's
    detector carries some, copied from a face detector.
    """
    meta, schema = _load_schemas()
    tflite = schema.ModelT.InitFromObj(schema.Model.GetRootAs(model, 0))
    graph = tflite.subgraphs[0]
    if len(graph.inputs) != 1 or len(graph.outputs) != len(outputs):
        raise ModelError(
            f"{name} has {len(graph.inputs)} inputs and {len(graph.outputs)} "
            f"outputs, expected 1 and {len(outputs)}; the pinned sources changed"
        )
    metadata = _metadata_bytes(
        meta,
        name=name,
        description=description,
        input_size=input_size,
        normalization=normalization,
        outputs=outputs,
    )

    entries = [m for m in tflite.metadata or [] if m.name == _METADATA_NAME]
    if entries:
        tflite.buffers[entries[0].buffer].data = metadata
    else:
        buffer = schema.BufferT()
        buffer.data = metadata
        tflite.buffers.append(buffer)
        entry = schema.MetadataT()
        entry.name = _METADATA_NAME
        entry.buffer = len(tflite.buffers) - 1
        tflite.metadata = [*(tflite.metadata or []), entry]

    tflite.buffers = [_AlignedBuffer.from_buffer(b, schema) for b in tflite.buffers]
    builder = flatbuffers.Builder(len(model) + len(metadata) + 65536)
    builder.Finish(tflite.Pack(builder), file_identifier=_TFLITE_IDENTIFIER)
    return bytes(builder.Output())


def _metadata_bytes(
    meta: ModuleType,
    *,
    name: str,
    description: str,
    input_size: int,
    normalization: tuple[float, float],
    outputs: tuple[tuple[str, str], ...],
) -> bytes:
    """Serialise minimal ModelMetadata: an RGB image input and named outputs."""
    mean, std = normalization
    norm = meta.NormalizationOptionsT()
    norm.mean, norm.std = [mean], [std]
    unit = meta.ProcessUnitT()
    unit.optionsType = meta.ProcessUnitOptions.NormalizationOptions
    unit.options = norm

    size = meta.ImageSizeT()
    size.width = size.height = input_size
    image = meta.ImagePropertiesT()
    image.colorSpace = meta.ColorSpaceType.RGB
    image.defaultSize = size
    content = meta.ContentT()
    content.contentPropertiesType = meta.ContentProperties.ImageProperties
    content.contentProperties = image
    stats = meta.StatsT()  # the range of the normalised input
    stats.min, stats.max = [(0 - mean) / std], [(255 - mean) / std]

    image_input = _tensor_metadata(meta, "image", "RGB image, resized to fit")
    image_input.content = content
    image_input.processUnits = [unit]
    image_input.stats = stats
    subgraph = meta.SubGraphMetadataT()
    subgraph.inputTensorMetadata = [image_input]
    subgraph.outputTensorMetadata = [_tensor_metadata(meta, *o) for o in outputs]

    metadata = meta.ModelMetadataT()
    metadata.name = name
    metadata.description = description
    metadata.subgraphMetadata = [subgraph]
    metadata.minParserVersion = "1.0.0"
    builder = flatbuffers.Builder(1024)
    builder.Finish(metadata.Pack(builder), file_identifier=_METADATA_IDENTIFIER)
    return bytes(builder.Output())


def _tensor_metadata(meta: ModuleType, name: str, description: str) -> Any:
    """Make a TensorMetadataT that carries only a name and a description."""
    tensor = meta.TensorMetadataT()
    tensor.name = name
    tensor.description = description
    return tensor


class _AlignedBuffer:
    """A TFLite model buffer that packs its bytes 16-byte aligned.

    The schema asks for this alignment (``force_align: 16``) but the
    generated ``BufferT.Pack`` ignores it; kernels that read weights in place
    want it.
    """

    def __init__(self, data: bytes | None, offset: int, size: int, schema: ModuleType) -> None:
        self.data = data
        self.offset = offset
        self.size = size
        self._schema = schema

    @classmethod
    def from_buffer(cls, buffer: Any, schema: ModuleType) -> _AlignedBuffer:
        """Copy a generated ``BufferT`` (its data a numpy view or bytes)."""
        data = None if buffer.data is None else bytes(buffer.data)
        return cls(data, buffer.offset or 0, buffer.size or 0, schema)

    def pack(self, builder: flatbuffers.Builder) -> int:
        """Write this buffer into ``builder`` and return its table offset."""
        vector = None
        if self.data is not None:
            builder.Prep(_TFLITE_BUFFER_ALIGNMENT, len(self.data))
            vector = builder.CreateByteVector(self.data)
        self._schema.BufferStart(builder)
        if vector is not None:
            self._schema.BufferAddData(builder, vector)
        self._schema.BufferAddOffset(builder, self.offset)
        self._schema.BufferAddSize(builder, self.size)
        return self._schema.BufferEnd(builder)

    Pack = pack  # the name the generated ModelT.Pack calls


def _write_task(handle: BinaryIO, members: dict[str, bytes]) -> None:
    """Write a stored (uncompressed) zip whose member data is 16-byte aligned.

    Timestamps and attributes are fixed so the same inputs always give the
    same bytes. Alignment lets the runtime use the TFLite models in place.
    """
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as bundle:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            # Data starts after the local header, the name and our extra field
            # (4 bytes of field header, 2 of alignment value, then padding).
            header_end = handle.tell() + _ZIP_LOCAL_HEADER_SIZE + len(name.encode()) + 6
            padding = -header_end % _TFLITE_BUFFER_ALIGNMENT
            info.extra = struct.pack(
                "<HHH", _ZIP_ALIGN_EXTRA_ID, 2 + padding, _TFLITE_BUFFER_ALIGNMENT
            ) + bytes(padding)
            bundle.writestr(info, data)


# --- files --------------------------------------------------------------------


def _write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``target`` through a temporary file in its folder, then os.replace.

    Readers never see a half-written model, even if the build is interrupted.
    """
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read_checksums(folder: Path) -> dict[str, str]:
    """Read ``checksums.json`` (file name -> sha256); empty if absent or bad."""
    path = folder / CHECKSUMS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("ignoring unreadable %s: %s", _display(path), exc)
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _record_checksum(target: Path, digest: str) -> None:
    """Record a freshly built file's sha256 in ``checksums.json``."""
    checksums = _read_checksums(target.parent)
    checksums[target.name] = digest
    text = json.dumps(dict(sorted(checksums.items())), indent=2) + "\n"
    _write_atomically(
        target.parent / CHECKSUMS_FILE,
        lambda handle: handle.write(text.encode("utf-8")),
    )


def _sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _display(path: Path) -> str:
    """Show ``path`` relative to the working folder when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)
