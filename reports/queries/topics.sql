-- Topic descriptions (the tagger's data files) for headings.
SELECT id, description FROM topics ORDER BY id
