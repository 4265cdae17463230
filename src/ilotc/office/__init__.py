"""Office files as tables of cells: read from CSV, .xlsx and .docx, written as .xlsx and .docx."""
