"""The site's search: records read from the built pages (records.py),
indexed by Pagefind for the online site (pagefind_index.py) and written as
an in-page index for the file:// copy (offline_index.py), with a
vocabulary for "did you mean" (vocabulary.py). The browser side is
docs/assets/javascripts/search.js."""
