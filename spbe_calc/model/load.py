"""Finding and loading models: bundled names or paths, read -> check -> build, once per process.

The bundled models live in ``bundled/`` beside this file (``spbe-2020`` is the default, and the
same text as the repository's ``indicators.yaml``). A model is read strictly: structural
problems come from :data:`spbe_calc.model.format.MODEL_SPEC`, semantic ones from
:func:`spbe_calc.model.checks.build`; every problem carries file, line and column.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from spbe_calc.errors import Problem, SpbeError, errors_in, fail
from spbe_calc.kinds import kind_of, wrong_kind
from spbe_calc.model.checks import build, check_parts
from spbe_calc.model.format import MODEL_SPEC
from spbe_calc.model.records import Model
from spbe_calc.paths import exists, inside
from spbe_calc.spec import run_partial
from spbe_calc.yamlsafe import Document, load

BUNDLED_DIR = Path(__file__).parent / "bundled"
DEFAULT_MODEL = "spbe-2020"
#: Folders (separated like PATH) from which an answers file may name its model by path.
MODEL_PATH_VAR = "SPBE_CALC_MODEL_PATH"


@functools.cache
def bundled_models() -> dict[str, Path]:
    """Each bundled model's name and file, in name order (the folder is read once)."""
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.yaml"))}


def resolve_model_path(ref: str | None, relative_to: Path | None = None) -> tuple[Path, str]:
    """Turn a model reference (bundled name or path) into a file path and a display name.

    A relative path named inside a file (``relative_to``: that file's folder) is relative to that
    file, never to the current folder: the same answers file must mean the same model wherever
    it is scored from. Such a path must stay in that folder (or below it), or in a folder of
    ``SPBE_CALC_MODEL_PATH``: a file from elsewhere cannot make the tool read ``/etc/shadow`` or
    ``../../secret.yaml``. A path given by the user (``--model``) is read wherever it is.
    """
    ref = DEFAULT_MODEL if ref is None else ref
    if not ref.strip():  # ``--model "$M"`` with M unset is a mistake, not the default model
        raise fail(repr(ref), "empty-argument")
    bundled = bundled_models()
    if ref in bundled:
        return bundled[ref], ref
    path = Path(ref)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if relative_to is not None and not any(inside(path, folder) for folder in [relative_to, *model_path()]):
        # Named inside a file that may come from anyone: never a file elsewhere on the disk.
        raise fail(ref, "model-outside", name=ref, variable=MODEL_PATH_VAR)
    if path.suffix in (".yaml", ".yml") or exists(path):
        return path, str(path)
    raise fail(ref, "unknown-model", name=ref, known=", ".join(bundled))


def model_path() -> list[Path]:
    """The folders named in ``SPBE_CALC_MODEL_PATH``, from which a file may name its model."""
    return [Path(part) for part in os.environ.get(MODEL_PATH_VAR, "").split(os.pathsep) if part.strip()]


def check_model(doc: Document) -> tuple[Model | None, list[Problem]]:
    """Check a parsed document as a model; return the model (if valid) and every problem."""
    if doc.root is None:
        return None, list(doc.problems)
    mistaken = wrong_kind(doc.path, doc.root, "model")
    if mistaken is not None:
        return None, [mistaken]
    if doc.root.kind == "map" and kind_of(doc.root) is None:
        # Not a spbe-calc file at all (``--model /etc/shadow``): said without quoting its keys.
        return None, [Problem(path=doc.path, line=0, col=0, code="not-a-model", args={})]
    data, ctx = run_partial(MODEL_SPEC, doc.root, doc.path)
    if ctx.problems or errors_in(doc.problems):
        # "All problems" means all: a misspelt key does not hide a wrong weight sum.
        check_parts(data if isinstance(data, dict) else {}, ctx)
        return None, list(doc.problems) + ctx.problems
    model = build(data, ctx)
    return model, list(doc.problems) + ctx.problems


#: Models already loaded in this process, by resolved file: a batch loads each once.
_loaded: dict[Path, Model] = {}


def loaded_models() -> dict[Path, Model]:
    """The models this process has loaded, by resolved file (a batch's workers inherit them)."""
    return _loaded


def load_model(ref: str | None = None, relative_to: Path | None = None) -> Model:
    """Load a model by bundled name or path; raise :class:`SpbeError` listing every problem."""
    # The search path is part of the key: what it allows or refuses is decided again when it changes.
    return _load_by_reference(ref, relative_to, os.environ.get(MODEL_PATH_VAR) if relative_to is not None else None)


@functools.cache  # a batch names the same model in every file; resolving its path takes ~40 µs
def _load_by_reference(ref: str | None, relative_to: Path | None, _search_path: str | None) -> Model:
    """The model a reference names (remembered by reference)."""
    return _load_file(ref, relative_to)


def _load_file(ref: str | None, relative_to: Path | None) -> Model:
    """The model a reference names, read once per resolved file (:data:`_loaded`)."""
    # Not in the decorated function above: mutation testing leaves decorated functions out.
    path, shown = resolve_model_path(ref, relative_to)
    key = path.resolve()
    model = _loaded.get(key)
    if model is None:
        doc = load(path, shown)  # a bundled model is named by its name, a file by its path
        found, problems = check_model(doc)
        if found is None:
            raise SpbeError(errors_in(problems))
        model = _loaded[key] = found
    return model
