-- Name keys version 4: a final "-ane" read both as Burmese "ein" (Thane = Thein) and as Lao "an"
-- (Phommasane), a final "-ay" as "e" and "ai"; the Lao Mr written in Thai (ท้าว) set aside; Thai
-- วงศ์ after a consonant read "wong"; Lao x a syllable of its own; the medial w kept. Names stored
-- under version 3 are re-keyed at start.
ALTER TABLE person_names ALTER COLUMN keys_version SET DEFAULT 4;
