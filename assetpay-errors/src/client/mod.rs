//! Client-side decoding of error responses (issue #4 fills this in).
