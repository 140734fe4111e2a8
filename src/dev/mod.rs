//! Developer and demonstration data: the generated county and the demo branch.
//! Kept apart from the domain; the front ends call them, nothing else does.

pub mod demo;
pub mod gen;
