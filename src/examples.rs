//! The illustrative articles behind "load the examples": written for this
//! project (each says so on its second line), so that a class can start at
//! once. Between them they hold for, against and conditional positions,
//! dates in three forms, and one prime minister named two ways, which is
//! what merging rows is for.

/// The example articles, in column order.
pub const EXAMPLES: [&str; 3] =
    [include_str!("../examples/1-parliament.txt"), include_str!("../examples/2-experts.txt"), include_str!("../examples/3-region.txt")];
