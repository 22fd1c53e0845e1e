"""Light immutable records for the model and the results.

``@dataclass`` writes and compiles several methods for every class when the module is
imported; for the twenty-odd record types of the model and the results that came to several
milliseconds on every start of the command. :class:`Record` gives the same convenience
(keyword or positional construction, defaults, a readable ``repr``, immutability) with one
``__init__`` shared by all. Records compare by identity, like ``eq=False`` dataclasses.
"""

from __future__ import annotations

from typing import Any


class Record:
    """Base class: list the fields in ``__slots__`` (in constructor order) and defaults in
    ``_defaults``."""

    __slots__: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self.__slots__
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}: too many arguments")
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in names or key in values:
                raise TypeError(f"{type(self).__name__}: bad argument {key!r}")
            values[key] = value
        setter = object.__setattr__
        for name in names:
            if name in values:
                setter(self, name, values[name])
            elif name in self._defaults:
                setter(self, name, self._defaults[name])
            else:
                raise TypeError(f"{type(self).__name__}: missing argument {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickle as a call of the constructor with every field (``__setattr__`` is blocked)."""
        return (type(self), tuple(getattr(self, name) for name in self.__slots__))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__ if not name.startswith("_"))
        return f"{type(self).__name__}({inner})"
