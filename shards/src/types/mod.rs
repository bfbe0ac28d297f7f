//! Command handlers per data type, one file each as in Redis (`t_string.c` -> `string.rs`).

pub mod string;
