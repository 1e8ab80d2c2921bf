-- An assessment domain names the section its scores, notes and risks belong to (DESIGN.md §4:
-- medical, psychosocial and legal content stays closed to readers without that section).
-- Instruments saved before carry none: a domain keyed as health, psychosocial or legal content
-- takes that specialist section (so the shipped reintegration instrument's are closed), every
-- other stays `care`. An administrator may save a new version to say otherwise.
UPDATE assessment_instruments AS instrument
SET domains = (
  SELECT jsonb_agg(
    CASE
      WHEN domain ? 'section' THEN domain
      ELSE domain || jsonb_build_object('section', CASE
        WHEN domain->>'key' ~ '^(health|medical)' THEN 'medical'
        WHEN domain->>'key' ~ '^psycho' THEN 'psychosocial'
        WHEN domain->>'key' ~ '^legal' THEN 'legal'
        ELSE 'care'
      END)
    END
    ORDER BY position
  )
  FROM jsonb_array_elements(instrument.domains) WITH ORDINALITY AS element(domain, position)
);
