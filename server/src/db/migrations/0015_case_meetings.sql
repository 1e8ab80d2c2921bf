-- Slot reserved for case meetings; filled by the work that owns it.
SELECT 1;
