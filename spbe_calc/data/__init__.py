"""Data shipped with spbe-calc: the published 2023-2024 results (see README.md beside this file)."""
