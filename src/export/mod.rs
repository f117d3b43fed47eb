//! stage: export (work in progress)
