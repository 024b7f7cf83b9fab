"""A faster stand-in for the model's ``attribute_ruler``, with the same output (issue 8).

The stock component runs spaCy's ``Matcher`` over every token and evaluates its ``IN``,
``NOT_IN`` and ``REGEX`` tests in Python for each token, then sets the attributes match by
match. The model's rules are all short fixed-length patterns over a few token attributes
(TAG, LOWER, DEP, IS_SPACE in en_core_web_sm 3.8), so what a token matches depends only on
those attribute values. This component reads the model's own rules at load time, evaluates
them once per distinct combination of attribute values (cached), and writes the result with one
``Doc.from_array``: the same values as the stock ruler, as ``Doc.from_array`` and the stock
``set_token_attrs`` both store the raw value on the token.

Rule semantics copied from ``spacy.pipeline.AttributeRuler``: every pattern is matched against
the Doc before anything is written; matches are applied in rule order, so for each token and
attribute the last rule (highest index) that matches and sets the attribute wins.

:func:`compile_rules` returns ``None`` for any rule shape it does not handle (quantifiers,
extension attributes, other predicates or attributes, rules that set something other than
token-level tags); the model loader then keeps the stock component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

NAME = "whodid_attribute_rules"

# Attributes a rule may test: string-valued token attributes (compared by hash, REGEX on the
# string) and the lexeme's boolean flags (IS_*), all readable with Doc.to_array.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"})
# Attributes a rule may set: stored on the token only (set_token_attrs and from_array agree).
_WRITABLE = frozenset({POS, TAG, MORPH, LEMMA, DEP, NORM})
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
_MAX_LENGTH = 4  # tokens in a pattern (each longer pattern has this many bits of a mask)
_CACHE_LIMIT = 100_000  # distinct attribute combinations kept (≈ 35 MB) before a clear


def _is_flag(attr: str) -> bool:
    return attr.startswith("IS_") and attr in IDS and IDS[attr] < 64


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute test of one pattern token."""

    column: int  # index into the attributes read from the Doc
    equals: int | None = None
    within: frozenset[int] | None = None
    outside: frozenset[int] | None = None
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # offset of the token the rule writes, 0 <= target < len(tokens)


@dataclass(slots=True)
class CompiledRules:
    """The model's attribute rules, ready for :class:`AttributeRules`."""

    read: list[int]  # attribute ids the tests read, in column order
    single: list[_Pattern]
    multi: list[_Pattern]
    attrs: list[dict[int, int]]  # per rule: attribute id -> value (normalised, as spaCy stores)
    write: list[int]  # attribute ids any rule sets, in column order
    _cache: dict[tuple[int, ...], tuple[int, int]] = field(default_factory=dict)
    _results: list[tuple[int, ...]] = field(default_factory=list)  # rule ids per result id
    _result_ids: dict[tuple[int, ...], int] = field(default_factory=dict)
    _rows: list[Any] = field(default_factory=list)  # per result id: [has value?, value] each
    _columns: Any = None  # _rows as one array, rebuilt when a result is added


def _compile_test(attr: str, value: Any, column: int, strings: Any) -> list[_Test] | None:
    is_flag = _is_flag(attr)
    if not is_flag and attr not in _STRING_ATTRS:
        return None
    if isinstance(value, dict):
        tests = []
        for predicate, argument in value.items():
            if predicate not in _PREDICATES:
                return None
            if predicate == "REGEX":
                if is_flag or not isinstance(argument, str):
                    return None
                tests.append(_Test(column, regex=re.compile(argument)))
                continue
            if is_flag or not isinstance(argument, list):
                return None
            if not all(isinstance(v, str) for v in argument):
                return None
            hashes = frozenset(get_string_id(v) for v in argument)
            if predicate == "IN":
                tests.append(_Test(column, within=hashes))
            else:
                tests.append(_Test(column, outside=hashes))
        return tests
    if is_flag:
        if not isinstance(value, bool):
            return None
        return [_Test(column, equals=int(value))]
    if not isinstance(value, str):
        return None
    return [_Test(column, equals=int(strings.add(value)))]


def compile_rules(ruler: Any) -> CompiledRules | None:
    """The rules of a stock ``AttributeRuler``, or None if one of them has a shape this
    component does not handle (the caller then keeps the stock component)."""
    try:
        patterns = ruler.patterns
        attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        indices: list[int] = list(ruler.indices)
    except AttributeError:
        return None
    vocab: Vocab = ruler.vocab
    read: list[str] = []
    single: list[_Pattern] = []
    multi: list[_Pattern] = []
    for rule, (entry, rule_attrs, index) in enumerate(zip(patterns, attrs, indices, strict=True)):
        if not rule_attrs or not set(rule_attrs) <= _WRITABLE:
            return None
        if not all(isinstance(k, int) and isinstance(v, int) for k, v in rule_attrs.items()):
            return None
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            length = len(pattern)
            if length > _MAX_LENGTH or not -length <= index < length:
                return None
            tokens = []
            for spec in pattern:
                if not isinstance(spec, dict) or not spec:
                    return None
                token_tests: list[_Test] = []
                for key, value in spec.items():
                    if not isinstance(key, str):
                        return None
                    attr = key.upper()
                    if attr == "TEXT":
                        attr = "ORTH"
                    if attr not in read:
                        read.append(attr)
                    tests = _compile_test(attr, value, read.index(attr), vocab.strings)
                    if tests is None:
                        return None
                    token_tests.extend(tests)
                tokens.append(tuple(token_tests))
            compiled = _Pattern(rule, tuple(tokens), index % length)
            (single if length == 1 else multi).append(compiled)
    write = sorted({k for a in attrs for k in a})
    return CompiledRules(
        read=[IDS[a] for a in read], single=single, multi=multi, attrs=attrs, write=write
    )


def _passes(
    tests: tuple[_Test, ...], values: tuple[int, ...], strings: Any, regex_cache: dict
) -> bool:
    for test in tests:
        value = values[test.column]
        if test.equals is not None:
            if value != test.equals:
                return False
        elif test.within is not None:
            if value not in test.within:
                return False
        elif test.outside is not None:
            if value in test.outside:
                return False
        elif test.regex is not None:
            key = (test.regex, value)
            hit = regex_cache.get(key)
            if hit is None:
                hit = regex_cache[key] = bool(test.regex.search(strings[value]))
            if not hit:
                return False
    return True


class AttributeRules:
    """The pipeline component: the model's attribute rules, matched by value (cached)."""

    def __init__(self, vocab: Vocab, name: str = NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.rules: CompiledRules | None = None
        self._regex_cache: dict[tuple[re.Pattern[str], int], bool] = {}

    def load(self, rules: CompiledRules) -> None:
        self.rules = rules
        # Result id 0: no rule; its columns say "keep the old value".
        self._result(rules, ())

    def _result(self, rules: CompiledRules, matched: tuple[int, ...]) -> int:
        """The id of the merged writes of these rules (in rule order, the last one wins)."""
        rid = rules._result_ids.get(matched)
        if rid is not None:
            return rid
        rid = len(rules._results)
        rules._result_ids[matched] = rid
        rules._results.append(matched)
        row = numpy.zeros((2, len(rules.write)), dtype=numpy.uint64)
        for rule in sorted(matched):
            for attr, value in rules.attrs[rule].items():
                column = rules.write.index(attr)
                row[0, column] = 1
                row[1, column] = value
        rules._rows.append(row)
        rules._columns = None
        return rid

    def _classify(
        self, rules: CompiledRules, values: tuple[int, ...], strings: Any
    ) -> tuple[int, int]:
        """For one combination of attribute values: the result id of the one-token rules it
        matches, and the bit mask of the (pattern, position) tests of the longer rules."""
        matched = tuple(
            sorted(
                {
                    p.rule
                    for p in rules.single
                    if _passes(p.tokens[0], values, strings, self._regex_cache)
                }
            )
        )
        bits = 0
        for number, pattern in enumerate(rules.multi):
            for position, tests in enumerate(pattern.tokens):
                if _passes(tests, values, strings, self._regex_cache):
                    bits |= 1 << (number * _MAX_LENGTH + position)
        result = (self._result(rules, matched), bits)
        if len(rules._cache) >= _CACHE_LIMIT:
            rules._cache.clear()
            self._regex_cache.clear()
        rules._cache[values] = result
        return result

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        if rules is None or len(doc) == 0:
            return doc
        cache = rules._cache
        arrays: Any = doc  # spaCy's stubs want list[int | str]; the attribute ids are ints
        table = arrays.to_array(rules.read)
        if table.ndim == 1:
            table = table[:, None]
        rows = list(map(tuple, table.tolist()))
        hits = [cache.get(values) for values in rows]
        for k, hit in enumerate(hits):
            if hit is None:
                hits[k] = cache.get(rows[k]) or self._classify(rules, rows[k], doc.vocab.strings)
        rids = [hit[0] for hit in hits]  # type: ignore[index]
        masks = [hit[1] for hit in hits]  # type: ignore[index]
        if any(masks):
            self._match_longer(rules, rids, masks)
        ids = numpy.asarray(rids, dtype=numpy.intp)
        if not ids.any():
            return doc
        if rules._columns is None:
            rules._columns = numpy.stack(rules._rows)
        columns = rules._columns[ids]  # (tokens, 2, written attributes)
        old = arrays.to_array(rules.write)
        if old.ndim == 1:
            old = old[:, None]
        new = numpy.where(columns[:, 0, :] == 1, columns[:, 1, :], old)
        arrays.from_array(rules.write, new)
        return doc

    def _match_longer(self, rules: CompiledRules, rids: list[int], masks: list[int]) -> None:
        """Add the matches of the rules longer than one token to the per-token results."""
        n = len(rids)
        extra: dict[int, set[int]] = {}
        marked = [i for i, mask in enumerate(masks) if mask]  # a pattern can start only there
        for number, pattern in enumerate(rules.multi):
            length = len(pattern.tokens)
            first = 1 << (number * _MAX_LENGTH)
            for start in marked:
                if start > n - length:
                    break
                if not masks[start] & first:
                    continue
                if all(masks[start + k] & (first << k) for k in range(1, length)):
                    extra.setdefault(start + pattern.target, set()).add(pattern.rule)
        for i, added in extra.items():
            own = rules._results[rids[i]]
            rids[i] = self._result(rules, tuple(sorted(set(own) | added)))


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """An empty component (it leaves a Doc as it is until rules are loaded); the model loader
    fills it with :func:`compile_rules` of the model's own ``attribute_ruler``. It has no
    ``to_disk``: a pipeline saved with it would lose the rules, so whodid never saves one (each
    process loads the model itself)."""
    return AttributeRules(nlp.vocab, name)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the model's attribute ruler for :class:`AttributeRules` (same name, same place);
    False, and the stock component kept, if its rules have a shape we do not handle."""
    if name not in nlp.pipe_names:
        return False
    rules = compile_rules(nlp.get_pipe(name))
    if rules is None:
        return False
    component: Any = nlp.replace_pipe(name, NAME)
    component.load(rules)
    return True
