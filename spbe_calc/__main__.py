"""Allow ``python -m spbe_calc``."""

from spbe_calc.cli import main

if __name__ == "__main__":
    main()
