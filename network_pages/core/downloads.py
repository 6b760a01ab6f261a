"""Files handed to the user's office suite: an attachment response, and CSV that a spreadsheet
reads as UTF-8 and never takes for formulas."""

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header

CSV_DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def neutralise(value):
    """A CSV cell that a spreadsheet would take for a formula is prefixed with a quote."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(CSV_DANGEROUS_PREFIXES) else value


def csv_attachment(rows, filename):
    """Rows of cells as a CSV download, every cell neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # lets spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return attachment(buffer.getvalue().encode("utf-8"), "text/csv; charset=utf-8", filename)
