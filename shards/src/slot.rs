//! Key to hash slot, exactly as Redis Cluster computes it: CRC16 (XMODEM) of the key, or of the
//! part between the first `{` and the next `}` when that part is non-empty, mod 16384.
//! The server maps slots to shards, so hash tags keep related keys on one shard.

/// Number of hash slots, as in Redis Cluster.
pub const SLOTS: u16 = 16384;

/// CRC16-CCITT (XMODEM) of each byte value, computed at compile time: the slot of a key is
/// on every request's path when there are several shards.
const CRC16_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC16-CCITT (XMODEM), the checksum Redis Cluster uses.
pub fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &b| {
        (crc << 8) ^ CRC16_TABLE[((crc >> 8) as u8 ^ b) as usize]
    })
}

/// The hash slot of a key, honouring `{hashtag}`s.
pub fn key_slot(key: &[u8]) -> u16 {
    let tagged = key.iter().position(|&b| b == b'{').and_then(|open| {
        let rest = &key[open + 1..];
        match rest.iter().position(|&b| b == b'}') {
            Some(0) | None => None,
            Some(close) => Some(&rest[..close]),
        }
    });
    crc16(tagged.unwrap_or(key)) & (SLOTS - 1)
}

/// The shard that owns a key when slots are spread evenly over `shards` shards.
pub fn key_shard(key: &[u8], shards: usize) -> usize {
    if shards <= 1 {
        return 0;
    }
    key_slot(key) as usize * shards / SLOTS as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_match_redis_cluster() {
        // Values from `CLUSTER KEYSLOT` on a real Redis.
        assert_eq!(key_slot(b"foo"), 12182);
        assert_eq!(key_slot(b"bar"), 5061);
        assert_eq!(key_slot(b"somekey"), 11058);
        assert_eq!(key_slot(b"foo{hash_tag}"), 2515);
        assert_eq!(crc16(b"123456789"), 0x31C3);
    }

    #[test]
    fn hashtags_pick_the_tagged_part() {
        assert_eq!(key_slot(b"{user1000}.following"), key_slot(b"user1000"));
        assert_eq!(key_slot(b"foo{}{bar}"), key_slot(b"foo{}{bar}"));
        assert_ne!(key_slot(b"foo{}{bar}"), key_slot(b"bar"));
        assert_eq!(key_slot(b"foo{{bar}}zap"), key_slot(b"{bar"));
        assert_eq!(key_slot(b"foo{bar}{zap}"), key_slot(b"bar"));
    }

    #[test]
    fn shards_cover_all_slots_evenly() {
        assert_eq!(key_shard(b"anything", 1), 0);
        let mut seen = [0usize; 4];
        for i in 0..4000 {
            seen[key_shard(format!("key:{i}").as_bytes(), 4)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 800), "{seen:?}");
    }
}
