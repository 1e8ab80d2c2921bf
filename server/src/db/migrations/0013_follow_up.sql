-- Slot reserved for follow up; filled by the work that owns it.
SELECT 1;
