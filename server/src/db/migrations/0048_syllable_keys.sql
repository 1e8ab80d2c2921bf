-- Issue 16, a name heard in one script and written in another: a Thai officer writes a Burmese
-- name as one run of Thai syllables (พยูพยูเต็ง), an NGO as words in Burmese script or Latin
-- letters (Phyu Phyu Thein). Their letters share too few trigrams for the trigram indexes to
-- fetch one for the other; their syllables are the same sounds. Each name keeps its syllable keys
-- (syllableSounds.ts: neighbouring syllables as initial+vowel codes, made by code like the other
-- keys and re-keyed at start through keys_version 2), searched by a GIN index on the array.
ALTER TABLE person_names ADD COLUMN syllable_keys text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE person_names ALTER COLUMN keys_version SET DEFAULT 2;
--> statement-breakpoint
CREATE INDEX person_names_syllable_keys_gin ON person_names USING gin (syllable_keys);
--> statement-breakpoint
-- The three ways in to a name, in one call: the trigram indexes on the search and phonetic keys
-- (each at its own pg_trgm threshold; the function's SET clause puts the threshold and the
-- planner setting back when it returns) and the syllable keys, best p_limit of each, among the
-- names the actor reads with identity — the same rule as row-level security
-- (app_reads_identity), merged-away persons left out. enable_seqscan is off because the planner
-- costs similarity() like a cheap operator and would read every row rather than the GIN indexes.
CREATE FUNCTION match_person_name_keys(p_search_key text, p_search_threshold real, p_phonetic_key text,
    p_phonetic_threshold real, p_syllable_keys text[], p_limit integer)
RETURNS TABLE (person_id uuid, name_id uuid, kind text, search_key text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public SET enable_seqscan = off SET pg_trgm.similarity_threshold = 0.3 AS $$
BEGIN
  IF app_user_id() IS NULL THEN
    RETURN;
  END IF;
  IF p_search_key <> '' THEN
    PERFORM set_config('pg_trgm.similarity_threshold', p_search_threshold::text, true);
    RETURN QUERY SELECT n.person_id, n.id, n.kind, n.search_key FROM person_names n
      JOIN persons p ON p.id = n.person_id AND p.merged_into_id IS NULL
      WHERE n.search_key % p_search_key AND app_reads_identity(n.person_id, n.recorded_by_agency_id)
      ORDER BY similarity(n.search_key, p_search_key) DESC LIMIT p_limit;
  END IF;
  IF p_phonetic_key <> '' THEN
    PERFORM set_config('pg_trgm.similarity_threshold', p_phonetic_threshold::text, true);
    RETURN QUERY SELECT n.person_id, n.id, n.kind, n.search_key FROM person_names n
      JOIN persons p ON p.id = n.person_id AND p.merged_into_id IS NULL
      WHERE n.phonetic_key % p_phonetic_key AND app_reads_identity(n.person_id, n.recorded_by_agency_id)
      ORDER BY similarity(n.phonetic_key, p_phonetic_key) DESC LIMIT p_limit;
  END IF;
  IF cardinality(p_syllable_keys) > 0 THEN
    RETURN QUERY SELECT n.person_id, n.id, n.kind, n.search_key FROM person_names n
      JOIN persons p ON p.id = n.person_id AND p.merged_into_id IS NULL
      WHERE n.syllable_keys && p_syllable_keys AND app_reads_identity(n.person_id, n.recorded_by_agency_id)
      ORDER BY (SELECT count(*) FROM unnest(n.syllable_keys) k WHERE k = ANY (p_syllable_keys)) DESC LIMIT p_limit;
  END IF;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION match_person_name_keys(text, real, text, real, text[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION match_person_name_keys(text, real, text, real, text[], integer) TO seamless_app;
