-- Answers to country-form fields of the identity section (e.g. Thailand's ID-card and pink-card
-- numbers) are identity data: they are kept apart from the other answers, as one AES-GCM
-- ciphertext of their JSON object, and `form_answers` holds the other sections' answers only.
-- No production instance holds form answers yet and the demo seed writes none, so there is no
-- clear identity answer to move.
ALTER TABLE cases ADD COLUMN form_identity_enc text;
