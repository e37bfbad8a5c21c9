"""Printing the desk's documents: per-kind paper and printer, preview, direct printing, PDF fallback.

The PDFs come from ``app.services.letters`` (issued letters are records: issuing numbers and stores them,
asking again reprints the stored letter). This package only decides *where* the bytes go.
"""
