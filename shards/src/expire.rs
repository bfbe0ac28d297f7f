//! Expiry (Redis's `expire.c`): the EXPIRE family, TTL queries, and the active expiry cycle.
