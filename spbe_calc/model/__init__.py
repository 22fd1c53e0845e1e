"""The assessment model: its file format, its typed records, its checks, and loading.

- :mod:`spbe_calc.model.format`: what a model file may contain (one source for the loader and
  the JSON Schema);
- :mod:`spbe_calc.model.records`: the frozen, typed model the rest of the program uses;
- :mod:`spbe_calc.model.checks`: the semantic checks, and building the records;
- :mod:`spbe_calc.model.load`: bundled models, paths, and loading once per process.
"""

from spbe_calc.model.checks import build
from spbe_calc.model.format import MODEL_SPEC
from spbe_calc.model.load import (
    DEFAULT_MODEL,
    bundled_models,
    check_model,
    load_model,
    loaded_models,
    resolve_model_path,
)
from spbe_calc.model.records import (
    Aspect,
    Band,
    BandingRule,
    Domain,
    Indicator,
    Level,
    LevelValue,
    Model,
    Note,
    Regulation,
    Scale,
    Text,
    Units,
)

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_SPEC",
    "Aspect",
    "Band",
    "BandingRule",
    "Domain",
    "Indicator",
    "Level",
    "LevelValue",
    "Model",
    "Note",
    "Regulation",
    "Scale",
    "Text",
    "Units",
    "build",
    "bundled_models",
    "check_model",
    "load_model",
    "loaded_models",
    "resolve_model_path",
]
