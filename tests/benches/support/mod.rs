//! Inputs and comparison types for the `model` benchmark. Kept in a
//! directory of their own so that cargo does not take them for benchmarks.

pub mod data;
pub mod twin;
