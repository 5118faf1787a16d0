"""Signature images drawn into a PDF at the cost of reading a few PNG chunk headers.

``domain.signatures.to_png`` writes a 1-bit greyscale PNG, non-interlaced, each row with filter
byte 0. Its IDAT data is exactly a FlateDecode stream with PNG predictors, which PDF reads
itself (``/DecodeParms << /Predictor 15 … >>``): the image XObject is those bytes as they are,
drawn as a stencil mask (``/ImageMask true``: ink painted black, paper transparent, so cell
rules stay visible). Nothing is decoded or compressed again; ReportLab's ``drawImage`` would
decode each PNG with Pillow, expand it to 24-bit RGB, hash and deflate it again.

Any other PNG (a foreign picture) is drawn by ReportLab's ``drawImage``, white made
transparent."""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.errors import IntegrityProblem
from redpair_desktop.i18n import _

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ONE_BIT_GREY = (1, 0, 0, 0, 0)  # bit depth, colour type, compression, filter, interlace


@dataclass(frozen=True)
class Ink:
    width: int  # pixels
    height: int
    png: bytes
    deflated: bytes | None  # the IDAT data when the PNG is 1-bit grey, else None


def read_ink(png: bytes) -> Ink:
    """The size of ``png`` and, for a 1-bit grey PNG, its IDAT data; a damaged PNG is refused."""
    if not png.startswith(PNG_SIGNATURE):
        raise IntegrityProblem(_("签名图像已损坏，无法打印。"))
    position, header, data = len(PNG_SIGNATURE), b"", []
    while position + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            data.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    if len(header) != 13 or not data:
        raise IntegrityProblem(_("签名图像已损坏，无法打印。"))
    width, height, *mode = struct.unpack(">IIBBBBB", header)
    one_bit = tuple(mode) == ONE_BIT_GREY
    return Ink(width, height, png, b"".join(data) if one_bit else None)


def draw_ink(canvas: Canvas, ink: Ink, x: float, y: float, width: float, height: float) -> None:
    """``ink`` stretched over the box at (x, y) bottom left, ``width`` × ``height`` pt."""
    if ink.deflated is None:
        image = ImageReader(io.BytesIO(ink.png))
        canvas.drawImage(image, x, y, width, height, mask=[250, 255, 250, 255, 250, 255])
        return
    name = "ink" + hashlib.sha256(ink.png).hexdigest()[:20]
    internal = canvas._doc.getXObjectName(name)
    if internal not in canvas._doc.idToObject:
        canvas._doc.Reference(_mask_stream(ink), internal)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{internal} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)  # lists the XObject in the page's resources


def _mask_stream(ink: Ink) -> PDFStream:
    parameters = {"Predictor": 15, "Colors": 1, "BitsPerComponent": 1, "Columns": ink.width}
    dictionary = PDFDictionary(
        {
            "Type": PDFName("XObject"),
            "Subtype": PDFName("Image"),
            "Width": ink.width,
            "Height": ink.height,
            "ImageMask": "true",
            "BitsPerComponent": 1,
            "Filter": PDFName("FlateDecode"),
            "DecodeParms": PDFDictionary(parameters),
        }
    )
    return PDFStream(dictionary, ink.deflated)
