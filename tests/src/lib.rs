//! Integration tests and the trybuild UI suite live under `tests/`.
