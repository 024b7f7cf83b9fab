"""The event fields of the batch interface (INTERFACE.md contract v1), for tests to check."""

INTERFACE_EVENT_FIELDS = frozenset(
    {
        "sentence",
        "trigger",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "quad_class",
        "goldstein",
        "plover",
        "acled",
        "date",
        "date_precision",
        "location",
        "negated",
        "hypothetical",
        "confidence",
        "rule",
    }
)
