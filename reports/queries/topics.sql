-- Topic descriptions (the tagger's data files) and reader-facing names, for headings.
SELECT id, description, name_zh, name_en FROM topics ORDER BY id
