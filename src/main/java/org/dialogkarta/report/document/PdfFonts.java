package org.dialogkarta.report.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's embedded fonts, loaded once into the PDF and shared by openhtmltopdf and
 * {@link PdfAppendix}, with the measuring and line breaking the appendix needs. A character the
 * font cannot show becomes "?" rather than failing.
 *
 * <p>Glyph substitution is off: Swedish needs none, and DejaVu's "fi" and "fl" ligatures would
 * otherwise reach text extraction and screen readers as the single characters U+FB01 and U+FB02.
 */
final class PdfFonts {

  final PDType0Font regular;
  final PDType0Font bold;
  final PDType0Font italic;
  /** Per font: which code points were asked about, and which of them it can show. */
  private final Map<PDType0Font, BitSet[]> checked = new IdentityHashMap<>();

  final PDType0Font boldItalic;

  PdfFonts(PDDocument document, Path regular, Path bold, Path italic, Path boldItalic) throws IOException {
    this.regular = load(document, regular);
    this.bold = load(document, bold);
    this.italic = load(document, italic);
    this.boldItalic = load(document, boldItalic);
  }

  private static PDType0Font load(PDDocument document, Path file) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
    font.setEnableGsub(false);
    document.registerTrueTypeFontForClosing(font);
    return PDType0Font.load(document, font, true);
  }

  /** The text with what the font cannot encode replaced, and every kind of white space a plain space. */
  String showable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        out.append(' ');
      } else if (canShow(font, c)) {
        out.appendCodePoint(c);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  /** Asks the font once per character: the answers are kept, as an appendix repeats its letters. */
  private boolean canShow(PDType0Font font, int codePoint) {
    BitSet[] known = checked.computeIfAbsent(font, f -> new BitSet[] {new BitSet(), new BitSet()});
    if (known[0].get(codePoint)) {
      return known[1].get(codePoint);
    }
    boolean showable;
    try {
      showable = font.encode(new String(Character.toChars(codePoint))).length > 0;
    } catch (IOException | IllegalArgumentException e) {
      showable = false;
    }
    known[0].set(codePoint);
    known[1].set(codePoint, showable);
    return showable;
  }

  /** The width in points of showable text. */
  static float width(PDType0Font font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot measure text in the report font", e);
    }
  }

  /**
   * Showable text broken into lines no wider than {@code width}: at spaces where it can, inside a
   * word that is wider than a line by itself.
   */
  static List<String> wrap(PDType0Font font, float size, String text, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float lineWidth = 0;
    float space = width(font, size, " ");
    for (String word : text.strip().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      float wordWidth = width(font, size, word);
      if (line.length() > 0 && lineWidth + space + wordWidth <= width) {
        line.append(' ').append(word);
        lineWidth += space + wordWidth;
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      while (wordWidth > width) {
        int fits = charactersFitting(font, size, word, width);
        lines.add(word.substring(0, fits));
        word = word.substring(fits);
        wordWidth = width(font, size, word);
      }
      line.append(word);
      lineWidth = wordWidth;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int charactersFitting(PDType0Font font, float size, String word, float width) {
    int fits = 1;
    while (fits < word.length() && width(font, size, word.substring(0, Character.offsetByCodePoints(word, fits, 1))) <= width) {
      fits = Character.offsetByCodePoints(word, fits, 1);
    }
    return fits;
  }
}
