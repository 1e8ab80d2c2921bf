-- Issue 15, the import at national scale: which of a batch's exact identity keys anyone already
-- held has — sorted name keys, document and phone blind indexes — in one statement. The name keys
-- have a btree index, but the trigram GIN index also answers `=`, and the planner takes it,
-- underestimating it badly: a few hundred keys cost seconds where the btree answers in
-- milliseconds. Bitmap scans (the only kind GIN offers) are turned off inside this function alone.
-- It runs as its caller (SECURITY INVOKER): row-level security decides, as for any read of these
-- tables, which keys the actor may see.
CREATE FUNCTION held_identity_keys(p_name_keys text[], p_document_bidx text[], p_phone_bidx text[])
RETURNS SETOF text LANGUAGE sql STABLE SECURITY INVOKER SET search_path = public SET enable_bitmapscan = off AS $$
  SELECT 'n:' || n.search_key FROM unnest(p_name_keys) AS k(key) JOIN person_names n ON n.search_key = k.key
  UNION
  SELECT 'd:' || d.number_bidx FROM unnest(p_document_bidx) AS k(key) JOIN person_documents d ON d.number_bidx = k.key
  UNION
  SELECT 'p:' || c.value_bidx FROM unnest(p_phone_bidx) AS k(key) JOIN person_contacts c ON c.kind = 'phone' AND c.value_bidx = k.key
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION held_identity_keys(text[], text[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION held_identity_keys(text[], text[], text[]) TO seamless_app;
