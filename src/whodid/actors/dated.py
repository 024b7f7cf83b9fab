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


def _latest(windows: list[CodeWindow]) -> CodeWindow | None:
    return max(windows, key=lambda w: w.start or date.min) if windows else None


def titled_code(
    entry: ActorEntry, title: AgentEntry | None, country: str | None = None
) -> tuple[str, str | None] | None:
    """(code, sector) for a person named with a ``title`` ("Prime Minister X") or a ``country``
    ("U.S. X") on a date when they hold no office: their latest office of the title's sector
    (and country, if given); else, with a title, the person's (or the given) country + the
    title's code; None when only a country was given and no office matches it."""
    windows = [w for w in entry.windows if w.code]
    if country is not None:
        windows = [w for w in windows if split_code(w.code)[0] == country]
    if title is not None:
        windows = [w for w in windows if (w.sector or sector_of(w.code)) == title.sector]
    w = _latest(windows)
    if w is not None and w.code is not None:
        return w.code, w.sector or sector_of(w.code)
    if title is None:
        return None
    own = (
        country
        or entry.country
        or next((c for c in (split_code(w.code)[0] for w in entry.windows) if c), None)
    )
    return (own or "---") + title.code, title.sector
