"""Every document the tool writes, one registry per document kind.

Data from plan and partner files is data in every format: each output kind escapes it with the
one function of `ilotc.output.text` made for that kind, never with a fix of its own.
"""
