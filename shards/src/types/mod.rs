//! Command handlers per data type, one file each as in Redis (`t_string.c` -> `string.rs`,
//! `t_list.c` -> `list.rs`, ...). Each collection module also defines its value type and its
//! compact and large encodings.

pub mod hash;
pub mod list;
pub mod packed;
pub mod set;
pub mod string;
pub mod zset;
