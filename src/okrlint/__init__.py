"""okrlint: a linter for OKRs (Objectives and Key Results)."""

__version__ = "0.1.0"
