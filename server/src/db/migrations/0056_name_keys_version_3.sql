-- Name keys version 3: a Latin "-awe" (Kyawe, Zawe) is one syllable heard as "aw", as Burmese
-- ကျော် and ဇော် are; names stored under version 2 are re-keyed at start.
ALTER TABLE person_names ALTER COLUMN keys_version SET DEFAULT 3;
