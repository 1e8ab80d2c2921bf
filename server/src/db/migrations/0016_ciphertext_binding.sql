-- Slot reserved for ciphertext binding; filled by the work that owns it.
SELECT 1;
