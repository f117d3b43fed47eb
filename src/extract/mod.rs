//! stage: extract (work in progress)
