"""Real documents for upload tests, made by the libraries that read them."""

import io
import zipfile

from pypdf import PdfWriter


def pdf_bytes(pages=1, *, user_password=None, owner_password=None):
    """A PDF of blank pages (pypdf's PdfWriter); with a password, encrypted (RC4, which pypdf reads unaided)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if user_password is not None or owner_password is not None:
        writer.encrypt(user_password or "", owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def zip_of(parts):
    """A zip of {name: bytes or text}, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def content_types(part="/word/document.xml", content_type=WORD_MAIN):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="{part}" ContentType="{content_type}"/></Types>'
    )


def docx_parts():
    """The parts of a minimal Word document, by name (change one to make a fake)."""
    return {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Records management policy</w:t></w:r></w:p></w:body></w:document>"
        ),
    }


def docx_bytes():
    return zip_of(docx_parts())


def odt_parts():
    """The parts of a minimal OpenDocument text, `mimetype` first as the standard requires."""
    return {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
        ),
        "META-INF/manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>',
    }
