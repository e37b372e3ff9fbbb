//! axum integration (issue #5 fills this in).
