//! stage: graph (work in progress)
