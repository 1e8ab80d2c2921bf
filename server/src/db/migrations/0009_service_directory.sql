-- Slot reserved for service directory; filled by the work that owns it.
SELECT 1;
