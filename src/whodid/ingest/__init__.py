"""ingest stage: read articles from text, HTML and JSON Lines batch files."""

from whodid.ingest.errors import ReadError
from whodid.ingest.html import read_html
from whodid.ingest.readers import read_article
from whodid.ingest.records_io import article_from_record, iter_jsonl_records, parse_date
from whodid.ingest.textfile import decode_bytes, guess_title, read_text_file

__all__ = [
    "ReadError",
    "article_from_record",
    "decode_bytes",
    "guess_title",
    "iter_jsonl_records",
    "parse_date",
    "read_article",
    "read_html",
    "read_text_file",
]
