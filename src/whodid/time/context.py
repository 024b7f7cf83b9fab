"""What the resolver knows while it walks a document: the DCT, the last dates, tense cues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from whodid.time.calendar import Point, quarter_of
from whodid.time.lexicon import Lexicon
from whodid.time.verbs import verb_tense

_FUTURE = re.compile(
    r"\b(?:will|won't|wo\s+n't|'ll|shall|next\s+(?:week|month|year|\w+day)|scheduled|plans?\s+to|planned|"
    r"planning|expected\s+to|expects?|is\s+to|are\s+to|going\s+to|upcoming|coming|set\s+to|"
    r"intends?|hopes?\s+to|takes?\s+effect|effective|later\s+this|as\s+(?:soon|early)\s+as|"
    r"would\s+be|payable|tomorrow)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|says|was|were|had|did|ago|last|yesterday|earlier|since|reported|announced|"
    r"told|ended|closed|fell|rose|died|killed|arrested|(?P<ed>(?-i:[a-z]\w*(?:[^e\W]|[rt]e)ed)))\b",
    re.IGNORECASE,
)
# an -ed word after a determiner or a form of "be" is an adjective or a passive participle
# ("an as yet undisclosed date", "the planned talks", "is expected"): it says nothing of tense
_NOT_A_VERB = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|still|yet|be|been|being|is|are|"
    r"am)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_HAD = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj")
# a sentence ends at . ! ? ; before a capital, but not after an initial ("Daniel P. Davison")
# or a title ("Mr. Davison"); the mark comes first and the look-behinds after it (the same
# matches as testing them before it, but the scan only stops at a mark or a line break)
_BOUNDARY = re.compile(
    r"[.!?;](?<![A-Z][.!?;])"
    + "".join(rf"(?<!\b{t}[.!?;])" for t in _TITLES)
    + r"\s+(?=[A-Z\"'])|\n"
)
_QUARTER_WORD = re.compile(r"\b(?:quarter|period|quarterly)\b", re.IGNORECASE)
# the periods an earnings report compares: a quarter, or a longer stretch of months
_PERIOD_NAMED = re.compile(
    r"\b(?:(?P<q>quarter|three[\s-]+months?)|(?P<long>(?:six|nine|6|9)[\s-]+months?|"
    r"(?:first|second)\s+half|half[\s-]+year|year[\s-]+to[\s-]+date))\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Context:
    """Mutable state of one pass over a text."""

    text: str
    dct: date | None
    lex: Lexicon
    last: Point | None = None
    last_quarter: Point | None = None
    last_quarter_end: int = -10_000
    first_quarter: Point | None = None
    used_dct: bool = False
    keep_anchor: bool = False
    doc: Doc | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def today(self) -> date:
        """The document creation time (a placeholder when unknown; values get masked)."""
        self.used_dct = True
        return self.dct or date(2000, 1, 1)

    def anchor(self, granularity: str = "day") -> Point | None:
        """The last mentioned date if it is at least as fine as ``granularity``, else None."""
        order = ["day", "week", "month", "quarter", "half", "season", "year"]
        if self.last is None:
            return None
        if order.index(self.last.granularity) <= order.index(granularity):
            return self.last
        return None

    def recent_quarter(self, pos: int, *, window: int = 600) -> Point | None:
        """The last quarter mentioned, if it was close enough before ``pos``."""
        if self.last_quarter is not None and pos - self.last_quarter_end <= window:
            return self.last_quarter
        return None

    def reported_quarter(self) -> Point:
        """The quarter a "year-ago" or "the quarter" refers to: the first one the story names
        (an earnings report leads with the quarter it reports on; later mentions are often
        comparisons), unless it lies after the DCT (an outlook); else the completed one."""
        first = self.first_quarter
        if first is not None and (self.dct is None or first.start <= self.dct):
            return first
        return self.completed_quarter()

    def completed_quarter(self) -> Point:
        """The quarter before the DCT's quarter (the one just reported on)."""
        d = self.today()
        q = quarter_of(d) - 1
        y = d.year
        if q == 0:
            q, y = 4, y - 1
        return Point(date(y, 3 * q - 2, 1), "quarter")

    def quarter_talk(self, start: int, end: int) -> bool:
        """Does the sentence around [start, end) talk about quarters or periods?"""
        lo, hi = self.sentence_bounds(start, end)
        return bool(_QUARTER_WORD.search(self.text, lo, hi))

    def longer_period_compared(self, pos: int, *, window: int = 300) -> bool:
        """Is the last period named before ``pos`` a stretch of six or nine months (or a half),
        not a quarter? A year-ago comparison then looks back to that stretch of the year before,
        which no quarter value names: the year is the nearest TIMEX3 value ("For the nine
        months, net fell 5% from a year earlier")."""
        last = None
        for m in _PERIOD_NAMED.finditer(self.text, max(0, pos - window), pos):
            last = m
        return last is not None and last["long"] is not None

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        lo = max(0, start - 300)
        for m in _BOUNDARY.finditer(self.text, lo, start):
            lo = m.end()
        m2 = _BOUNDARY.search(self.text, end, min(len(self.text), end + 300))
        hi = m2.start() if m2 else min(len(self.text), end + 300)
        return lo, hi

    def _pluperfect(self, pos: int) -> bool:
        """A plan told in the past perfect ("had been scheduled to") lies in the past."""
        return bool(_HAD.search(self.text, max(0, pos - 24), pos))

    def _not_a_verb(self, pos: int) -> bool:
        return bool(_NOT_A_VERB.search(self.text, max(0, pos - 24), pos))

    def tense(self, start: int, end: int) -> int:
        """+1 if the nearest tense cue around the expression is a future one, -1 past, 0 none.

        With no cue before the expression, the tense of the verb it hangs from in the parse (if
        any) decides: "the ministers meet Monday" is ahead, "On Friday, the team planned" past.
        """
        lo, hi = self.sentence_bounds(start, end)
        lo = max(lo, start - 80)
        hi = min(hi, end + 40)
        before: tuple[int, int] | None = None
        after: tuple[int, int] | None = None
        for sign, rx in ((1, _FUTURE), (-1, _PAST)):
            for m in rx.finditer(self.text, lo, start):
                if sign < 0 and m["ed"] and self._not_a_verb(m.start()):
                    continue
                dist = start - m.end()
                if before is None or dist < before[0]:
                    before = (dist, -1 if sign > 0 and self._pluperfect(m.start()) else sign)
            for m in rx.finditer(self.text, end, hi):
                if sign < 0 and m["ed"] and self._not_a_verb(m.start()):
                    continue
                dist = m.start() - end
                if after is None or dist < after[0]:
                    after = (dist, sign)
        # a cue before the expression governs it; one after is often a reporting verb
        if before is None and self.doc is not None:
            parsed = verb_tense(self.doc, start, end)
            if parsed is not None:
                return parsed
        best = before or after
        return best[1] if best else 0
