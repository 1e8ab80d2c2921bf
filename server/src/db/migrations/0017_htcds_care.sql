-- Slot reserved for htcds care; filled by the work that owns it.
SELECT 1;
