"""runners: where annotation runs — processes on this machine (local); a Dask runner comes later."""

from whodid.runners.local import annotate_chunk, annotate_ordered

__all__ = ["annotate_chunk", "annotate_ordered"]
