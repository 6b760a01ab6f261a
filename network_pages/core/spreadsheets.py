"""XLSX helpers shared by every export: text cells that are never formulas, sheet titles Excel
accepts, and one-sheet tables."""

import io
import re

from django.utils.translation import gettext as _

from network_pages.core.downloads import attachment

# Characters XML (and so XLSX and DOCX) cannot hold; they sometimes come with pasted text.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Excel refuses these sheet names.
RESERVED_SHEET_TITLES = {"history"}


SHEET_TITLE_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def clean(text):
    return XML_ILLEGAL.sub("", text or "")


def text_cell(sheet, row, column, value):
    """A cell that holds text, never a formula, whatever the text starts with."""
    cell = sheet.cell(row=row, column=column, value=clean(str(value)) if value != "" else None)
    if isinstance(value, str) and cell.value is not None:
        cell.data_type = "s"
    return cell


# Day first, as the network writes dates (cms/formats): a date cell, sorted and filtered as one.
DATE_CELL_FORMAT = "DD/MM/YYYY"


def date_cell(sheet, row, column, day, *, suffix=""):
    """A cell that holds a date (empty for None); `suffix` is shown after it by the cell's
    format, so that the value stays a date."""
    cell = sheet.cell(row=row, column=column, value=day)
    if day is not None:
        shown = suffix.replace('"', "'")
        cell.number_format = DATE_CELL_FORMAT + (f' "{shown}"' if shown else "")
    return cell


SHEET_TITLE_LENGTH = 31  # Excel's limit


def shorten(text, limit):
    """`text` in at most `limit` characters, cut after a whole word with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" '-–,.;:") + "…"


def sheet_title(title, taken):
    """A sheet title Excel accepts (31 characters, no []:*?/\\), unique in `taken`, still
    readable: a long title is cut after a whole word and ends with an ellipsis."""
    base = " ".join(SHEET_TITLE_ILLEGAL.sub(" ", clean(title)).split()).strip("'")
    base = base or _("Request")
    candidate, n = shorten(base, SHEET_TITLE_LENGTH), 2
    while candidate.lower() in taken or candidate.lower() in RESERVED_SHEET_TITLES:
        suffix = f" ({n})"
        candidate, n = shorten(base, SHEET_TITLE_LENGTH - len(suffix)) + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def table_xlsx(title, table, filename):
    """One sheet of rows, the first one a bold header (lists such as a session's participants)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title, set())
    for row_number, row in enumerate(table, start=1):
        for column, value in enumerate(row, start=1):
            cell = text_cell(sheet, row_number, column, value)
            if row_number == 1:
                cell.font = Font(bold=True)
    for letter in "ABCDEF":
        sheet.column_dimensions[letter].width = 28
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_TYPE, filename)
