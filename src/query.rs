//! query (work in progress)
