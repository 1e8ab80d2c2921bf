-- Every ciphertext is now bound to its table, column and row (AES-GCM associated data, format
-- `v2`). Keys never reach SQL, so the values written before are rebound by the application at
-- the first start after this migration (server/src/bootstrap.ts → rotateIdentityKey), in batches.
SELECT 1;
