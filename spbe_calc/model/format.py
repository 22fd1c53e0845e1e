"""The model file format: the single source of truth for loading a model and for its JSON Schema.

:data:`MODEL_SPEC` describes every key of a model file; :mod:`spbe_calc.model.checks` runs it
and then the checks a format cannot express (sums of weights, band coverage, unique ids), and
:mod:`spbe_calc.schema` turns it into the JSON Schema that editors use.
"""

from __future__ import annotations

from decimal import Decimal

from spbe_calc.spec import Bool, ByKind, Context, Custom, Field, Int, Invalid, MapOf, Nullable, Num, Obj, Seq, Spec, Str
from spbe_calc.yamlsafe import Node

#: The newest model format this version reads.
FORMAT_VERSION = 1

TEXT: Spec = ByKind(
    scalar=Str(min_length=1),
    map=Obj({"id": Field(Str(min_length=1), required=True), "en": Field(Str(min_length=1))}),
    doc="Text in Indonesian, or {id: Indonesian, en: English}.",
)

LEVEL_KEY = Int(minimum=0, maximum=10, doc="A maturity level (a whole number).")

SCALE = Obj(
    {
        "name": Field(Str(min_length=1, doc="Official name of the scale."), required=True),
        "levels": Field(
            MapOf(
                LEVEL_KEY,
                Obj(
                    {
                        "name": Field(Str(min_length=1, doc="Official level name (omit when there is none).")),
                        "description": Field(TEXT),
                    }
                ),
                doc="Levels by number; they must be consecutive.",
            ),
            required=True,
        ),
    },
    doc="A level scale (kapabilitas proses, kapabilitas layanan, ...).",
)

BAND = Obj(
    {
        "name": Field(Str(min_length=1, doc="Official predikat."), required=True),
        "min": Field(Nullable(Num(), doc="Lower edge; null for no lower edge.")),
        "max": Field(Nullable(Num(), doc="Upper edge; null for no upper edge.")),
        "min_inclusive": Field(Bool(doc="Whether an index equal to min is in this band (default: yes).")),
        "max_inclusive": Field(Bool(doc="Whether an index equal to max is in this band (default: no).")),
    },
    doc="One predikat band.",
)

WEIGHT = Num(
    minimum=Decimal(0),
    exclusive_minimum=True,
    ratio=True,
    doc='Percent of the whole index; a decimal, or a quotient such as "10/3".',
)
SCALE_REF = Str(min_length=1, doc="Id of a scale under `scales`; inherited by children.")

INDICATOR = Obj(
    {
        "id": Field(Int(minimum=1, doc="Indicator number, unique in the model."), required=True),
        "name": Field(Str(min_length=1, doc="Official indicator name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "scope": Field(TEXT),
        "criteria": Field(MapOf(LEVEL_KEY, TEXT, doc="A criterion per level.")),
        "items": Field(
            Seq(Str(min_length=1), min_items=2, doc="Assessed as several items (e.g. public services), each weight/N.")
        ),
        "note": Field(TEXT),
    },
    doc="One indicator.",
)

ASPECT = Obj(
    {
        "id": Field(Int(minimum=1), required=True),
        "name": Field(Str(min_length=1, doc="Official aspect name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "indicators": Field(Seq(INDICATOR, min_items=1), required=True),
    },
    doc="One aspect.",
)

DOMAIN = Obj(
    {
        "id": Field(Int(minimum=1), required=True),
        "name": Field(Str(min_length=1, doc="Official domain name."), required=True),
        "weight": Field(WEIGHT, required=True),
        "scale": Field(SCALE_REF),
        "aspects": Field(Seq(ASPECT, min_items=1), required=True),
    },
    doc="One domain.",
)


def _format_version(node: Node, ctx: Context) -> int:
    """The format version, where a newer one than this program reads says to update the program.

    "Outside 1..1" would be true but would not tell the user that the model is fine and the
    program is old.
    """
    version = Int(minimum=1).check(node, ("format",), ctx)
    if version > FORMAT_VERSION:
        ctx.add(node, "format-too-new", version=version, newest=FORMAT_VERSION)
        raise Invalid()
    return version


FORMAT = Custom(
    func=_format_version,
    schema={"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
    name="int",
    doc="Model format version.",
)


def _figure(node: Node, ctx: Context) -> str:
    """A number as a note quotes it: written as a number (``16.5``) or as text (``"5/3/3/4"``)."""
    v = node.value
    if node.kind == "scalar" and v is not None and not isinstance(v, bool) and str(v).strip():
        return str(v)
    ctx.add(node, "wrong-type", expected="str", found=node.type_name())
    raise Invalid()


FIGURE = Custom(
    func=_figure, schema={"type": ["string", "number"]}, name="str", doc="A number, or a split such as 5/3/3/4."
)

NOTE = Obj(
    {
        "ref": Field(Str(min_length=1, doc="What the note is about."), required=True),
        "kind": Field(
            Str(
                choices=("erratum", "conflict", "inferred", "note"),
                doc="erratum: a misprint in the source; conflict: sources disagree; inferred: deduced, not read.",
            )
        ),
        "text": Field(TEXT, required=True),
        "value": Field(FIGURE._replace(doc="The number this model uses, when the note disputes one.")),
        "alternatives": Field(Seq(FIGURE, min_items=1, doc="The numbers other sources give.")),
    }
)

YEAR = Int(minimum=2000, maximum=2100)

#: The banding of one or more evaluation years: the published results of different years were
#: banded on the exact or on the rounded index, and a model says which, with why and where from.
BANDING_RULE = Obj(
    {
        "from": Field(YEAR, required=True),
        "to": Field(Nullable(YEAR._replace(doc="Last year of the rule; omitted or null: every later year."))),
        "banding": Field(Str(choices=("exact", "rounded")), required=True),
        "reason": Field(TEXT),
        "source": Field(Str(min_length=1)),
        "assumed": Field(
            Bool(
                doc="true: the rule is an assumption (no published result of those years shows it); "
                "every output that shows the rule says so."
            )
        ),
    },
    doc="How the predikat of the evaluation years from..to was decided.",
)

MODEL_SPEC = Obj(
    {
        "format": Field(FORMAT, required=True),
        "id": Field(Str(min_length=1, doc="Short model name, e.g. spbe-2020."), required=True),
        "name": Field(Str(min_length=1, doc="Name of the index."), required=True),
        "regulation": Field(
            Obj(
                {
                    "title": Field(Str(min_length=1), required=True),
                    "short": Field(Str(min_length=1), required=True),
                    "source": Field(Str()),
                    "confidence": Field(Str()),
                    "status": Field(
                        Str(
                            choices=("official", "reconstructed", "provisional", "reported"),
                            doc="official: read from the regulation; reconstructed: rebuilt from secondary sources; "
                            "provisional: reported, unverified (`reported` is its former name).",
                        )
                    ),
                    "years": Field(Obj({"from": Field(YEAR, required=True), "to": Field(Nullable(YEAR))})),
                },
                doc="The regulation the model follows: its title, short name, source, status and evaluation years.",
            ),
            required=True,
        ),
        "scoring": Field(
            Obj(
                {
                    "total_weight": Field(Num(minimum=Decimal(0), exclusive_minimum=True)),
                    "banding": Field(
                        Str(choices=("exact", "rounded"), doc="Band the exact index (default) or the rounded one.")
                    ),
                    "precision": Field(Int(minimum=0, maximum=6, doc="Decimals shown (half-up).")),
                    "banding_by_year": Field(
                        Seq(BANDING_RULE, min_items=1, doc="Banding per evaluation year; `banding` for the others.")
                    ),
                },
                doc="How the index is added up, shown and banded.",
            )
        ),
        "scales": Field(MapOf(Str(min_length=1), SCALE, doc="Level scales by id."), required=True),
        "default_scale": Field(SCALE_REF),
        "predikat": Field(Seq(BAND, min_items=1, doc="The predikat bands, each with its edges."), required=True),
        "warning": Field(TEXT),
        "notes": Field(Seq(NOTE, doc="Notes on figures that sources give differently or that were deduced.")),
        "domains": Field(Seq(DOMAIN, min_items=1, doc="The domains, each with its aspects and indicators.")),
        "aspects": Field(Seq(ASPECT, min_items=1, doc="For models without a domain layer.")),
    },
    doc="An spbe-calc assessment model.",
)
