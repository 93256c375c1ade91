"""The importer: a Wilson Center Digital Archive transcription becomes a TEI
document of the edition, its brackets pre-classified and its names linked,
with a report of what the editor must still review and write."""
