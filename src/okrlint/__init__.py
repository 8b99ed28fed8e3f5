"""okrlint: a linter for OKRs (Objectives and Key Results)."""

__version__ = "0.2.0"
