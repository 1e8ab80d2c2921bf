-- Name keys version 4: a final "-ane" is read both as Burmese "ein" (Thane = Thein) and as Lao
-- "an" (Phommasane); names stored under version 3 are re-keyed at start.
ALTER TABLE person_names ALTER COLUMN keys_version SET DEFAULT 4;
