"""Zip bombs for the tests: small real files that unpack to far more than any real document.

Each is built streaming, level-1 deflate, 1 MB at a time, and cached, so a test spends well under a
second on it: 100 MB of a repeated string packs into 450 to 700 KB.
"""

import functools
import io
import zipfile

from openpyxl import Workbook

MEGABYTE = 1024 * 1024
SHARED_STRINGS_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_STRINGS_RELATION = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
WORD_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def workbook_parts(rows=(("heading",),)):
    """The members of an .xlsx openpyxl writes, by name."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts, *, big_name=None, big_start=b"", big_end=b"", megabytes=0, filler=b"A"):
    """A zip of `parts`, then `big_name`: `big_start`, `megabytes` MB of `filler`, `big_end`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
        if big_name:
            with archive.open(big_name, "w", force_zip64=True) as member:
                member.write(big_start)
                chunk = filler * (MEGABYTE // len(filler))
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(big_end)
    return buffer.getvalue()


@functools.cache
def spreadsheet_bomb(megabytes=100):
    """A real .xlsx (a number in A1) whose shared strings are `megabytes` MB of `<si><t>A</t></si>` (about
    6 million strings for 100 MB): openpyxl would parse every one when it opens the workbook."""
    parts = workbook_parts(rows=((1,),))
    parts.pop("xl/sharedStrings.xml", None)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + SHARED_STRINGS_TYPE + b'"/></Types>'
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="' + SHARED_STRINGS_RELATION + b'" Target="sharedStrings.xml"/>'
        b"</Relationships>",
    )
    return zipped(
        parts,
        big_name="xl/sharedStrings.xml",
        big_start=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        big_end=b"</sst>",
        megabytes=megabytes,
        filler=b"<si><t>A</t></si>",
    )


@functools.cache
def document_bomb(megabytes=100):
    """A .docx whose document part is `megabytes` MB of "A" inside one paragraph."""
    return zipped(
        {"[Content_Types].xml": WORD_TYPES},
        big_name="word/document.xml",
        big_start=b"<w:document><w:body><w:p><w:r><w:t>",
        big_end=b"</w:t></w:r></w:p></w:body></w:document>",
        megabytes=megabytes,
    )
