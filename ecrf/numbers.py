"""Numbers as they were typed (issue 19 item 3): stored decimals are padded to their
column's places (numeric(14, 4) gives 5.2000); people read 5.2 and 120."""

from decimal import Decimal


def plain(value) -> str:
    """5.2000 -> "5.2", 120.0000 -> "120", 1E+2 -> "100"; None -> ""."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    # normalize() strips trailing zeros but writes 100 as 1E+2; "f" writes it out again.
    return format(value.normalize(), "f")
