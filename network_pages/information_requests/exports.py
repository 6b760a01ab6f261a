"""Compilations as files an office suite opens: CSV, XLSX (openpyxl) and DOCX (python-docx).

Every writer takes compilations built by `compilation.build` for the user who asked, so it holds
exactly what the page shows them; each prints the handling marking of its content as a header.
Labels follow the active language (the URL's).
"""

import datetime
import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bs4 import BeautifulSoup

from network_pages.core.downloads import attachment, csv_attachment
from network_pages.core.spreadsheets import XLSX_TYPE, clean, date_cell, sheet_title, text_cell
from network_pages.information_requests.compilation import label_of, narrowest

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _day(value):
    """The day of a date or a moment (in Europe/Paris), or None."""
    if value is None:
        return None
    return timezone.localtime(value).date() if hasattr(value, "hour") else value


def _date(value):
    day = _day(value)
    return date_format(day, "DATE_FORMAT") if day else ""


def marking_line(marking_label):
    return _("Handling marking: %(marking)s") % {"marking": marking_label}


def disclaimer():
    return _(
        "The answers reflect the information given by each member state's correspondents; they "
        "are not official positions of the member states unless stated otherwise."
    )


def facts(compilation):
    """(label, value) pairs of the compilation's header; dates stay dates (a spreadsheet holds
    them as date cells, a document writes them out)."""
    page = compilation.page
    rows = [
        (_("Requested by"), compilation.requester),
        (_("Opened"), _day(page.opened_at)),
        (_("Deadline"), page.deadline),
    ]
    if page.closed_at:
        rows.append((_("Closed"), _day(page.closed_at)))
    rows += [
        (_("States that answered"), _names(compilation.answered)),
        (_("States that did not answer"), _names(compilation.not_answered)),
    ]
    return rows


def _names(states):
    return f"{len(states)}: " + ", ".join(state.name for state in states) if states else "0"


def answer_text(answer):
    return _("No information / not applicable") if answer.no_information else clean(answer.text)


def background_paragraphs(page):
    soup = BeautifulSoup(page.background or "", "html.parser")
    blocks = soup.find_all(["p", "li"]) or [soup]
    texts = (clean(block.get_text(" ", strip=True)) for block in blocks)
    return [text for text in texts if text]


def _filename(compilations, extension):
    if len(compilations) == 1:
        return f"{compilations[0].page.slug}-compilation.{extension}"
    return f"information-requests.{extension}"


def write_csv(compilations):
    """One row per state and question."""
    marking = narrowest(c.marking for c in compilations)
    rows = [
        [marking_line(label_of(marking))],
        [
            _("Information request"),
            _("Question number"),
            _("Question"),
            _("Member state"),
            _("Answer"),
            _("No information / not applicable"),
            _("Language"),
            _("Handling marking"),
            _("Late"),
            _("Submitted"),
        ],
    ]
    for compilation in compilations:
        for item in compilation.items:
            for entry in item.entries:
                answer, response = entry.answer, entry.response
                row = [
                    compilation.page.title,
                    item.number,
                    item.question,
                    entry.state.name,
                    "" if answer.no_information else answer.text,
                    _("yes") if answer.no_information else "",
                    answer.get_language_display(),
                    answer.get_marking_display(),
                    _("yes") if response.late else "",
                    _date(response.submitted_at),
                ]
                rows.append(row)
    return csv_attachment(rows, _filename(compilations, "csv"))


def write_xlsx(compilations):
    """A sheet per request, a column per question, a row per state."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for compilation in compilations:
        sheet = workbook.create_sheet(sheet_title(compilation.page.title, taken))
        label = marking_line(compilation.marking_label)
        sheet.oddHeader.center.text = label
        sheet.evenHeader.center.text = label
        text_cell(sheet, 1, 1, label).font = bold
        text_cell(sheet, 2, 1, compilation.page.title).font = Font(bold=True, size=14)
        row = 3
        for name, value in facts(compilation):
            text_cell(sheet, row, 1, name).font = bold
            if isinstance(value, datetime.date):
                date_cell(sheet, row, 2, value)
            else:
                text_cell(sheet, row, 2, value)
            row += 1
        text_cell(sheet, row, 1, disclaimer()).font = Font(italic=True)
        header = row + 2
        for column, title in enumerate([_("Member state"), _("Submitted")], start=1):
            text_cell(sheet, header, column, title).font = bold
        for item in compilation.items:
            cell = text_cell(sheet, header, item.number + 2, f"{item.number}. {item.question}")
            cell.font, cell.alignment = bold, wrap
        answers = {}
        for item in compilation.items:
            for entry in item.entries:
                answers.setdefault(entry.response.pk, {})[item.number] = entry.answer
        row = header + 1
        for response in compilation.responses:
            text_cell(sheet, row, 1, response.member_state.name).font = bold
            # A date cell; a late answer says so in the cell's format, which keeps it a date.
            late = f" ({_('late')})" if response.late else ""
            date_cell(sheet, row, 2, _day(response.submitted_at), suffix=late)
            for number, answer in answers.get(response.pk, {}).items():
                # Every answer carries its own marking, whatever the sheet's header says.
                text = f"{answer_text(answer)}\n[{answer.get_marking_display()}]"
                text_cell(sheet, row, number + 2, text).alignment = wrap
            row += 1
        sheet.freeze_panes = sheet.cell(row=header + 1, column=3)
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 16
        for item in compilation.items:
            letter = sheet.cell(row=header, column=item.number + 2).column_letter
            sheet.column_dimensions[letter].width = 40
    if not compilations:
        workbook.create_sheet(_("Requests"))
    workbook.properties.title = _("Compilation of answers")
    workbook.properties.keywords = marking_line(
        label_of(narrowest(c.marking for c in compilations))
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_TYPE, _filename(compilations, "xlsx"))


def write_docx(compilations):
    """A document for circulation: header, background, numbered questions, answers by state."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    label = marking_line(label_of(narrowest(c.marking for c in compilations)))
    header = document.sections[0].header.paragraphs[0]
    header.text = label
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, compilation in enumerate(compilations):
        if index:
            document.add_page_break()
        document.add_paragraph().add_run(marking_line(compilation.marking_label)).bold = True
        document.add_heading(clean(compilation.page.title), level=0)
        for name, value in facts(compilation):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{name}: ").bold = True
            paragraph.add_run(_date(value) if isinstance(value, datetime.date) else value)
        document.add_paragraph().add_run(disclaimer()).italic = True
        background = background_paragraphs(compilation.page)
        if background:
            document.add_heading(_("Background"), level=1)
            for text in background:
                document.add_paragraph(text)
        document.add_heading(_("Questions"), level=1)
        for item in compilation.items:
            document.add_paragraph(f"{item.number}. {clean(item.question)}")
        document.add_heading(_("Answers by question"), level=1)
        for item in compilation.items:
            document.add_heading(f"{item.number}. {clean(item.question)}", level=2)
            if not item.entries:
                document.add_paragraph().add_run(_("No answer can be shown.")).italic = True
            for entry in item.entries:
                details = [entry.answer.get_marking_display()]
                if entry.response.late:
                    details.append(_("late"))
                title = document.add_paragraph()
                title.add_run(entry.state.name).bold = True
                title.add_run(" · " + " · ".join(str(detail) for detail in details))
                for line in answer_text(entry.answer).splitlines() or [""]:
                    document.add_paragraph(line)
    document.core_properties.title = clean(compilations[0].page.title) if compilations else ""
    document.core_properties.keywords = label
    buffer = io.BytesIO()
    document.save(buffer)
    return attachment(buffer.getvalue(), DOCX_TYPE, _filename(compilations, "docx"))


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "docx": write_docx}
