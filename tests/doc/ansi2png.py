#!/usr/bin/python3
"""tests/doc/ansi2png.py: draw a tmux "capture-pane -e -p" dump as a PNG.

    /usr/bin/python3 tests/doc/ansi2png.py SCREEN.ansi OUT.png

Reads the text with its SGR escapes (colours: the 16 basic ones, 256 and
RGB; bold, dim, italic, underline, reverse), draws each cell in DejaVu
Sans Mono on a dark background and writes an 8-bit palette PNG, which
keeps a terminal's few colours small. Needs Debian's python3-pil and
fonts-dejavu-core.
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
FG, BG = (220, 220, 214), (30, 31, 36)
BASIC = [(30, 31, 36), (224, 108, 117), (152, 195, 121), (229, 192, 123),
         (97, 175, 239), (198, 120, 221), (86, 182, 194), (220, 220, 214),
         (92, 99, 112), (240, 128, 138), (172, 215, 141), (245, 210, 143),
         (127, 195, 255), (218, 140, 241), (106, 202, 214), (255, 255, 255)]


def xterm256(n):
    """The RGB of xterm colour n."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def parse(text):
    """Yield rows of (char, fg, bg, bold, dim, underline) cells."""
    rows = []
    st = dict(fg=None, bg=None, bold=False, dim=False, ul=False, rev=False)
    for line in text.split("\n"):
        row = []
        pos = 0
        for m in re.finditer(r"\x1b\[([0-9;:]*)m|([^\x1b])", line):
            if m.group(2) is not None:
                fg = st["fg"] or FG
                bg = st["bg"] or BG
                if st["rev"]:
                    fg, bg = bg, fg
                if st["dim"]:
                    fg = tuple((c + b) // 2 for c, b in zip(fg, bg))
                row.append((m.group(2), fg, bg, st["bold"], st["ul"]))
                continue
            codes = [int(c) if c else 0 for c in
                     m.group(1).replace(":", ";").split(";")]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    st.update(fg=None, bg=None, bold=False, dim=False,
                              ul=False, rev=False)
                elif c == 1:
                    st["bold"] = True
                elif c == 2:
                    st["dim"] = True
                elif c == 4:
                    st["ul"] = True
                elif c == 7:
                    st["rev"] = True
                elif c == 22:
                    st["bold"] = st["dim"] = False
                elif c == 24:
                    st["ul"] = False
                elif c == 27:
                    st["rev"] = False
                elif 30 <= c <= 37:
                    st["fg"] = BASIC[c - 30]
                elif 90 <= c <= 97:
                    st["fg"] = BASIC[c - 90 + 8]
                elif 40 <= c <= 47:
                    st["bg"] = BASIC[c - 40]
                elif 100 <= c <= 107:
                    st["bg"] = BASIC[c - 100 + 8]
                elif c == 39:
                    st["fg"] = None
                elif c == 49:
                    st["bg"] = None
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    st["fg" if c == 38 else "bg"] = xterm256(codes[i + 2])
                    i += 2
                elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                    st["fg" if c == 38 else "bg"] = tuple(codes[i + 2:i + 5])
                    i += 4
                i += 1
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    rows = parse(text)
    font = ImageFont.truetype(FONT, SIZE)
    bold = ImageFont.truetype(BOLD, SIZE)
    cw = round(font.getlength("M"))
    ch = SIZE + 4
    cols = max(len(r) for r in rows)
    pad = 10
    img = Image.new("RGB", (cols * cw + 2 * pad, len(rows) * ch + 2 * pad),
                    BG)
    d = ImageDraw.Draw(img)
    for y, row in enumerate(rows):
        for x, (c, fg, bg, b, ul) in enumerate(row):
            px, py = pad + x * cw, pad + y * ch
            if bg != BG:
                d.rectangle([px, py, px + cw - 1, py + ch - 1], fill=bg)
            if c == "\u2502":       # a border: one unbroken line
                d.line([px + cw // 2, py, px + cw // 2, py + ch - 1],
                       fill=fg)
            elif c != " ":
                d.text((px, py + 1), c, font=bold if b else font, fill=fg)
            if ul:
                d.line([px, py + ch - 3, px + cw - 1, py + ch - 3], fill=fg)
    img = img.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    img.save(sys.argv[2], optimize=True)


if __name__ == "__main__":
    main()
