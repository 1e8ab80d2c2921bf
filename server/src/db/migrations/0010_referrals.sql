-- Slot reserved for referrals; filled by the work that owns it.
SELECT 1;
