"""Every document the tool writes, one registry per document kind.

The CLI derives each command's `--format` choices (and the formats `-o FILE` suffixes may
name) from the registry of its document kind:

- listings (`list`, `show`, `overdue`, `upcoming`, `partners`): `listing.RENDERERS`, with the
  column sets of `columns` and the full views of `views` (a table on a terminal);
- problems (`validate`): `problems.PROBLEM_FORMATS`, the only writer of `::` annotations;
- a phrase's reading (`timeline`): `reading.READING_FORMATS`;
- exports (`export`): `exports.EXPORT_FORMATS`, the calendar itself in `calendar`;
- the progress report (`report`): `report_formats.REPORT_FORMATS`;
- changes between versions (`diff`): `diff.FORMATS`.

A new format is one entry in its kind's registry (and its tests). Data from plan and partner
files is data in every format: each output kind escapes it with the one function of
`ilotc.output.text` made for that kind, never with a fix of its own.
"""
