"""The report of a run and the reports for people built on its scores.

- :mod:`okrlint.report.base`: :class:`Report`, what a run hands to an output format;
- :mod:`okrlint.report.score`: the quality score of statements, objectives, sets and files;
- :mod:`okrlint.report.markdown`, :mod:`~okrlint.report.html`, :mod:`~okrlint.report.jsonreport`:
  the ``markdown``, ``html`` and ``json-report`` formats.

Each renderer takes the :class:`Report` of a run. The scores come from ``report.scores`` or,
when it is None, are computed from ``report.docs`` and the findings with the default weights.
Without documents (only findings), the reports list the findings per file with no score.
Everything is deterministic: no clock time; the day of the run (``--today``) and the commit
checked out are shown when known. Rule codes link to their docs.
"""

from okrlint.report.base import Report

__all__ = ["Report"]
