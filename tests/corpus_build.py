"""Write the binary members of the test corpus (gzip, WARC, junk) from text kept here.

Run from anywhere: ``python tests/corpus_build.py``.  The output is deterministic
(gzip timestamps are zero), so re-running changes nothing.  The tests also call ``build()``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent / "corpus"

GHANA = (
    "Ghana and Togo reopen border\n\n"
    "Ghana's government reopened its border with Togo on Wednesday after a two-week closure, "
    "and traders on both sides welcomed the decision.\n"
)
RECORDS = [
    # text: that of text/sovereignty.txt, the same story under another name (see build())
    {"id": "gz-1", "published": "2024-03-10", "source": "Frontier Herald", "text": ""},
    {
        "id": "gz-2",
        "published": "2024-03-10",
        "source": "Frontier Herald",
        "text": "Nigeria's army attacked Boko Haram camps near Lake Chad on Sunday, "
        "a military spokesman said.",
    },
]
PAGE = """<!DOCTYPE html><html><head><title>{title} | Delta Observer</title>
<meta property="og:site_name" content="Delta Observer">
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"""
LEGACY = (
    "France criticises Germany\u2019s budget plan\n\n"
    "France\u2019s finance minister criticised Germany on Monday over its "
    "\u201cshort-sighted\u201d budget plan, speaking at a caf\u00e9 in Brussels "
    "after the meeting.\n"
)


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as stream:
        stream.write(data)
    return buffer.getvalue()


def _record_id(url: str) -> str:
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"


def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    pages = [
        (
            "https://delta-observer.example/sinai-clash",
            "text/html; charset=utf-8",
            PAGE.format(
                title="Egyptian troops clash with militants",
                date="2024-03-10",
                body="<p>Egyptian troops clashed with militants in northern Sinai on Sunday, "
                "the army said in a statement, adding that four soldiers were wounded.</p>"
                "<p>The militants attacked a checkpoint near El Arish before dawn.</p>",
            ),
        ),
        ("https://delta-observer.example/style.css", "text/css", "body { color: black; }"),
        (
            "https://delta-observer.example/empty",
            "text/html",
            "<html><body><nav>Home</nav></body></html>",
        ),
    ]
    for url, content_type, body in pages:
        payload = body.encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=headers,
            warc_headers_dict={
                "WARC-Date": "2024-03-10T09:00:00Z",
                "WARC-Record-ID": _record_id(url),
            },
        )
        writer.write_record(record)
    return buffer.getvalue()


def build(root: Path = HERE) -> list[Path]:
    """Write the binary files under ``root`` (the corpus folder); return their paths."""
    records = [dict(r) for r in RECORDS]
    records[0]["text"] = (root / "text" / "sovereignty.txt").read_text(encoding="utf-8")
    rng = random.Random(7)
    files = {
        root / "text" / "ghana.txt.gz": _gzip(GHANA.encode("utf-8")),
        root / "text" / "legacy_cp1252.txt": LEGACY.encode("cp1252"),
        root / "records" / "more.jsonl.gz": _gzip(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        ),
        root / "archives" / "crawl.warc.gz": _warc(),
        root / "junk" / "noise.bin": bytes(rng.randrange(256) for _ in range(4096)),
        root / "junk" / "truncated.txt.gz": _gzip(GHANA.encode("utf-8") * 20)[:60],
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    return sorted(files)


if __name__ == "__main__":
    for written in build():
        print(written.relative_to(HERE))
