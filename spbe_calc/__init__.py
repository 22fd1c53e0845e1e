"""spbe-calc: a self-assessment calculator for the Indonesian Indeks SPBE.

The package is organised as parse -> build -> run -> render:

- :mod:`spbe_calc.yamlsafe` turns bytes into positioned YAML nodes, refusing anything that is not
  plain data;
- :mod:`spbe_calc.spec` checks node trees against a declarative format description (the single
  source of truth for both the model and the answers format);
- :mod:`spbe_calc.model` and :mod:`spbe_calc.answers` build typed, validated objects;
- :mod:`spbe_calc.scoring` computes the index with exact rational arithmetic;
- :mod:`spbe_calc.render` turns results and problems into text, JSON and other formats;
- :mod:`spbe_calc.cli` is the thin command-line layer and the only place that exits.
"""

__version__ = "0.1.0"
