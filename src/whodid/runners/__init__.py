"""runners: where annotation runs — processes on this machine (local) or a Dask cluster (dask)."""

from whodid.runners.dask_runner import DaskOptions, annotate_dask
from whodid.runners.local import annotate_chunk, annotate_ordered

__all__ = ["DaskOptions", "annotate_chunk", "annotate_dask", "annotate_ordered"]
