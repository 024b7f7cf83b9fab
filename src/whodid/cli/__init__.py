"""cli stage."""

from whodid.nlp.threads import one_blas_thread

one_blas_thread()  # before anything imports numpy: the command runs one BLAS thread
