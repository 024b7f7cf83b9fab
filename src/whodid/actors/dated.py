"""Which dated code of a named actor applies: the office held on the publication date, and the
choices made when the text or the date says otherwise.

* With a publication date, a person is coded by the office held on that date, as a former
  official (``CCCELI``) after the last office ended, and by ``before`` (default ``ELI``) before
  the first began (``ActorEntry.code_at``).
* With **no publication date**, a person out of office today is coded by their **most recent
  office** (status ``last``): undated news text about "Jean Dupont" is far more likely to have
  been written while Dupont was in office than to call Dupont a former official; a user who wants
  the status on a given day passes that date.
* An explicit title in the text ("Prime Minister X") beats the dated status when the person is
  out of office (or not yet in office) on the date: the office that matches the title, else the
  person's country with the title's sector (``titled_code``). "former X"/"ex-X" stay ``ELI``.
"""

from __future__ import annotations

from datetime import date

from whodid.actors.entries import ActorEntry, AgentEntry, CodeWindow, sector_of, split_code

__all__ = ["office_code", "titled_code"]


def _last_window(entry: ActorEntry) -> CodeWindow | None:
    ended = [w for w in entry.windows if w.end is not None and w.code]
    return max(ended, key=lambda w: w.end or date.min) if ended else None


def office_code(entry: ActorEntry, when: date | None) -> tuple[str | None, str | None, str]:
    """(code, sector, status) of ``entry`` on ``when``; status as ``ActorEntry.code_at``, or
    ``last`` for a person coded by their most recent office because no date was given."""
    code, sector, status = entry.code_at(when)
    if when is None and entry.kind == "person" and status == "former":
        last = _last_window(entry)
        if last is not None:
            return last.code, last.sector or sector_of(last.code, entry.country), "last"
    return code, sector, status


def titled_code(entry: ActorEntry, title: AgentEntry) -> tuple[str, str]:
    """(code, sector) for a person named with ``title`` ("Prime Minister X") on a date when they
    hold no office: their latest office of the title's sector, else country + the title's code."""
    matching = [
        w for w in entry.windows if w.code and (w.sector or sector_of(w.code)) == title.sector
    ]
    if matching:
        w = max(matching, key=lambda w: w.start or date.min)
        assert w.code is not None
        return w.code, w.sector or title.sector
    country = entry.country or next(
        (c for c in (split_code(w.code)[0] for w in entry.windows) if c), None
    )
    return (country or "---") + title.code, title.sector
