"""store stage: the embedded DuckDB event store — schema, batch writer, de-duplication, queries."""

from whodid.store.consolidate import consolidate, outlet_of
from whodid.store.db import Batch, Store, StoredArticle, StoreError
from whodid.store.dedup import content_hash, minhash, near_duplicate_groups, normalise_text
from whodid.store.ingest import DEFAULT_DB, IngestOptions, IngestReport, ingest
from whodid.store.rows import annotation_from_dict, annotation_rows, event_from_dict

__all__ = [
    "DEFAULT_DB",
    "Batch",
    "IngestOptions",
    "IngestReport",
    "Store",
    "StoreError",
    "StoredArticle",
    "annotation_from_dict",
    "annotation_rows",
    "consolidate",
    "content_hash",
    "event_from_dict",
    "ingest",
    "minhash",
    "near_duplicate_groups",
    "normalise_text",
    "outlet_of",
]
