-- Idempotency records keep the receipt token only sealed (AES-GCM with a key made from the
-- request itself, pin.TokenSeal) and a hash of the request's digest, never the token in clear
-- (issue 14, item 7). Tokens kept in clear before this change are dropped: a retry of such a
-- request within its 24 hours gets its pin without the receipt link instead of a second pin.
UPDATE idempotency_key SET receipt_token = NULL WHERE receipt_token IS NOT NULL AND receipt_token NOT LIKE 'v1:%';
COMMENT ON COLUMN idempotency_key.receipt_token IS 'The receipt token sealed by pin.TokenSeal (v1:...), never in clear';
