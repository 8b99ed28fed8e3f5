"""Time frames and dates in free text (no spaCy needed: headings use this too)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|\d+"
_PERIOD_UNIT = r"days?|weeks?|months?|quarters?|years?|sprints?|semesters?|terms?"

TIMEFRAME = re.compile(
    r"(?ix)"
    r"\b(?:"
    # Q3, Q3 2026, Q3'26, 2026-Q3, FY24, FY2024 Q1, CY19-Q3, H2, H2 2026, 1Q2018
    r"(?:FY|CY)\s?'?\d{2,4}(?:[\s-]*Q[1-4])?"
    r"|Q[1-4](?:\s*[-/' ]?\s*(?:FY)?(?:19|20)?\d{2}\b)?"
    r"|[1-4]Q\s?(?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}\s*[-/ ]?\s*(?:Q[1-4]|H[12])"
    r"|H[12](?:\s*(?:19|20)?\d{2})?"
    # dates: 2026-07-01, 01.07.2026, 1/7/2026, July 1(st), 1 July 2026, July 2026
    r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)?\d{2}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|(?:{_MONTHS})\s+(?:19|20)\d{{2}}"
    rf"|(?:by|before|until|in|end of|during|through|in early|in late|mid)\s+(?:{_MONTHS})\b"
    # relative: this quarter, next quarter, by end of year, EOQ, EOY, in the next 3 months
    r"|(?:this|next|the|current|coming)\s+(?:quarter|half|year|month|semester|term|"
    r"fiscal\s+year|cycle|sprint|season|summer|winter|spring|autumn|fall)"
    r"|(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:quarter|year|month|half|"
    r"q[1-4]|h[12]|semester|term|cycle|sprint|season|summer|winter|spring|autumn|fall|\w+)"
    r"|end\s+of\s+(?:the\s+)?(?:quarter|year|q[1-4]|h[12]|cycle)"
    r"|EO[QYM]|EOFY|YTD|QTD"
    rf"|(?:in|within|over|during)\s+(?:the\s+)?(?:next|coming|first|last)\s+(?:{_NUMBER_WORDS})?"
    rf"\s*(?:{_PERIOD_UNIT})"
    rf"|(?:in|within)\s+(?:{_NUMBER_WORDS})\s+(?:{_PERIOD_UNIT})"
    r"|by\s+(?:week|day|sprint|month)\s+\d+"
    r"|(?:quarterly|annual|yearly|monthly)\s+(?:okrs?|goals?|objectives?)"
    r"|(?:19|20)\d{2}"
    r")\b"
)

_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_DMY = re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)?\d{2})")
_MDY_WORDS = re.compile(
    rf"(?P<mon>{_MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})", re.I
)
_DMY_WORDS = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTHS})\.?,?\s+(?P<y>(?:19|20)\d{{2}})",
    re.I,
)
_MY_WORDS = re.compile(rf"(?P<mon>{_MONTHS})\.?\s+(?P<y>(?:19|20)\d{{2}})", re.I)


@lru_cache(maxsize=1024)
def timeframe_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of every time frame in ``text``: the analysis asks twice per
    statement (its time frames, and which numbers are dates), the pattern is long."""
    return tuple((m.start(), m.end(), m.group(0)) for m in TIMEFRAME.finditer(text))


def find_timeframes(text: str) -> list[str]:
    """Time frames and deadlines mentioned in ``text`` ("Q3 2026", "by end of year", ...)."""
    return [found for _, _, found in timeframe_matches(text or "")]


def has_timeframe(text: str) -> bool:
    return bool(TIMEFRAME.search(text or ""))


def _month(name: str) -> int:
    key = name.lower()[:3]
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(key) + 1


def parse_date(value: object) -> dt.date | None:
    """A date written in the usual ways; a month without a day means its last day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if m := _ISO.search(text):
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m := _MDY_WORDS.search(text):
            return dt.date(int(m["y"]), _month(m["mon"]), int(m["d"]))
        if m := _DMY_WORDS.search(text):
            return dt.date(int(m["y"]), _month(m["mon"]), int(m["d"]))
        if m := _DMY.search(text):
            year = int(m["y"])
            year = year + 2000 if year < 100 else year
            return dt.date(year, int(m["m"]), int(m["d"]))
        if m := _MY_WORDS.search(text):
            year, month = int(m["y"]), _month(m["mon"])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return None
