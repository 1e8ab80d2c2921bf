-- Slot reserved for shelters; filled by the work that owns it.
SELECT 1;
