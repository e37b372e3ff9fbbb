//! Asynchronous trade failures (issue #3 fills this in).
