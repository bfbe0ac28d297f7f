//! Command handlers per data type, one module each as in Redis (`t_string.c` -> `string`,
//! `t_list.c` -> `list`, ...), each a directory of files split by job. Each collection module
//! also defines its value type and its compact and large encodings.

pub mod hash;
pub mod list;
pub mod packed;
pub mod set;
pub mod string;
#[cfg(test)]
mod test_resp;
pub mod zset;
