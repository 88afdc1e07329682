-- Where is the archived copy behind each document, and which extractor and tagger read it?
SELECT d.url, d.warc_file, d.warc_offset, d.warc_record_id, d.extractor_version,
       any_value(c.tagger_version) AS tagger_version
FROM documents d LEFT JOIN claims c ON c.doc_id = d.doc_id AND c.version = d.version
GROUP BY ALL
ORDER BY d.url
LIMIT 10;
