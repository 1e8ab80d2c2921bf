-- Slot reserved for jobs notifications; filled by the work that owns it.
SELECT 1;
