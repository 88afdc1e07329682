"""yuqi reports: read-only queries over the warehouse rendered as HTML and Markdown."""
