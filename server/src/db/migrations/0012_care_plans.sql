-- Slot reserved for care plans; filled by the work that owns it.
SELECT 1;
