"""Text colour on a rating's colour: whichever of GOV.UK black or white contrasts more (WCAG formula)."""

BLACK = "#0b0c0c"
WHITE = "#ffffff"


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(hex_colour):
    hex_colour = (hex_colour or "#b1b4b6").lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    try:
        red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        red = green = blue = 0xB1
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def needs_white_text(hex_colour):
    return contrast(hex_colour, WHITE) > contrast(hex_colour, BLACK)


def safe_colour(hex_colour):
    """Only a plain #rrggbb reaches an SVG attribute or the generated stylesheet."""
    value = (hex_colour or "").strip()
    if len(value) == 7 and value.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in value[1:]):
        return value.lower()
    return "#b1b4b6"
