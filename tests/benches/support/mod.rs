//! Inputs, comparison types and the interleaved timing of the benchmarks. Kept in a
//! directory of their own so that cargo does not take them for benchmarks.

pub mod data;
pub mod interleave;
pub mod twin;
