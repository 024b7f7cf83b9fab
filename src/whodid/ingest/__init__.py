"""ingest stage: read articles from text, HTML, JSON Lines/JSON/CSV, feeds and web archives."""

from whodid.ingest.corpus import STDIN, CorpusOptions, estimate_count, iter_corpus, iter_files
from whodid.ingest.errors import ReadError
from whodid.ingest.feeds import html_to_text, iter_feed
from whodid.ingest.html import read_html
from whodid.ingest.items import Found, Problem, Sourced
from whodid.ingest.readers import read_article
from whodid.ingest.records_io import (
    article_from_record,
    iter_jsonl_objects,
    iter_jsonl_records,
    parse_date,
)
from whodid.ingest.sniff import detect_format, looks_binary
from whodid.ingest.tabular import FieldMap, iter_csv, iter_json, iter_jsonl, record_to_article
from whodid.ingest.textfile import decode_bytes, guess_title, read_text_file

__all__ = [
    "STDIN",
    "CorpusOptions",
    "FieldMap",
    "Found",
    "Problem",
    "ReadError",
    "Sourced",
    "article_from_record",
    "decode_bytes",
    "detect_format",
    "estimate_count",
    "guess_title",
    "html_to_text",
    "iter_corpus",
    "iter_csv",
    "iter_feed",
    "iter_files",
    "iter_json",
    "iter_jsonl",
    "iter_jsonl_objects",
    "iter_jsonl_records",
    "looks_binary",
    "parse_date",
    "read_article",
    "read_html",
    "read_text_file",
    "record_to_article",
]
