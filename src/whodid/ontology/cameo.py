"""CAMEO event codes: names, Goldstein values, quad classes and Phoenix penta classes."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from whodid.ontology._files import DataPath, OntologyDataError, default_file, read_tsv

logger = logging.getLogger(__name__)

CAMEO_FILE = "cameo_codes.tsv"
_COLUMNS = ("code", "name", "goldstein", "quad_class", "root", "penta")
_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")

_QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_PENTA_NAMES = {
    0: "neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what the ontology says about it."""

    code: str  # "112", "0214", "01" (roots are 2 digits)
    name: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    root: str  # "11"
    penta: int  # Phoenix penta class 0..4

    @property
    def level(self) -> int:
        """1 for a root ("18"), 2 for a three-digit code ("182"), 3 for four digits ("1823")."""
        return len(self.code) - 1


def quad_class_name(q: int) -> str:
    """Name of a CAMEO quad class: 1 → "verbal cooperation" … 4 → "material conflict"."""
    try:
        return _QUAD_CLASS_NAMES[q]
    except KeyError:
        raise ValueError(f"quad class must be 1, 2, 3 or 4, not {q!r}") from None


def penta_class_name(p: int) -> str:
    """Name of a Phoenix penta class: 0 → "neutral", 1 → "verbal cooperation" … 4."""
    try:
        return _PENTA_NAMES[p]
    except KeyError:
        raise ValueError(f"penta class must be 0 to 4, not {p!r}") from None


def penta_for_root(root: str) -> int:
    """Phoenix penta class of a CAMEO root: 0 for 01–02, 1 for 03–05, 2 for 06–08,
    3 for 09–13 and 16, 4 for 14–15 and 17–20."""
    if not re.fullmatch(r"0[1-9]|1[0-9]|20", root):
        raise ValueError(f"not a CAMEO root: {root!r}")
    n = int(root)
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13 or n == 16:
        return 3
    return 4


def load_cameo_codes(path: DataPath | None = None) -> dict[str, CameoCode]:
    """Read and check a CAMEO code table (default: the packaged one), in file order.

    Raises :class:`~whodid.ontology.OntologyDataError` naming the file and line of the first
    bad row: a malformed or repeated code, a root that does not match the code, a Goldstein
    value outside −10…10, a quad class outside 1–4, a penta class that disagrees with the
    root, or a code whose parent code is missing.
    """
    source = path if path is not None else default_file(CAMEO_FILE)
    codes: dict[str, CameoCode] = {}
    for line, row in read_tsv(source, columns=_COLUMNS):
        code = row["code"]

        def bad(message: str, line: int = line) -> OntologyDataError:
            return OntologyDataError(message, path=source, line=line)

        if not _CODE_RE.match(code):
            raise bad(f"malformed CAMEO code {code!r}")
        if code in codes:
            raise bad(f"CAMEO code {code} appears twice")
        if not row["name"]:
            raise bad(f"CAMEO code {code} has no name")
        if row["root"] != code[:2]:
            raise bad(f"root of {code} should be {code[:2]}, not {row['root']!r}")
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
            penta = int(row["penta"])
        except ValueError:
            raise bad("goldstein must be a number, quad_class and penta integers") from None
        if not -10.0 <= goldstein <= 10.0:
            raise bad(f"Goldstein value {goldstein} outside -10..10")
        if quad not in _QUAD_CLASS_NAMES:
            raise bad(f"quad class {quad} not in 1..4")
        if penta != penta_for_root(code[:2]):
            raise bad(f"penta class of root {code[:2]} is {penta_for_root(code[:2])}, not {penta}")
        parent = code[:-1]
        if len(code) > 2 and parent not in codes:
            raise bad(f"parent code {parent} of {code} must come before it")
        codes[code] = CameoCode(code, row["name"], goldstein, quad, code[:2], penta)
    if not codes:
        raise OntologyDataError("no CAMEO codes", path=source)
    logger.debug("loaded %d CAMEO codes from %s", len(codes), source)
    return codes


@functools.cache
def _table() -> dict[str, CameoCode]:
    return load_cameo_codes()


def cameo_info(code: str) -> CameoCode:
    """Everything about one CAMEO code; ``KeyError`` names unknown codes."""
    try:
        return _table()[code]
    except (KeyError, TypeError):
        raise KeyError(
            f"unknown CAMEO code {code!r} (codes are 2-4 digit strings such as '112' or '0214')"
        ) from None


def all_cameo_codes() -> list[CameoCode]:
    """Every code of the table, roots included, in table order (each code after its parent)."""
    return list(_table().values())


def is_cameo_code(code: str) -> bool:
    """Whether ``code`` is a CAMEO code of the table (exact string, leading zeros kept)."""
    return isinstance(code, str) and code in _table()


def nearest_cameo_code(code: str) -> str | None:
    """The longest known CAMEO code that ``code`` starts with ("1213" → "121"), or None.

    For codes from other CAMEO variants that go one level deeper than this table.
    """
    if not isinstance(code, str):
        return None
    code = code.strip()
    table = _table()
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return code[:end]
    return None
