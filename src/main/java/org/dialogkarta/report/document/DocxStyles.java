package org.dialogkarta.report.document;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word document's styles and page: Swedish (sv-SE) as the language of all text, Normal,
 * Heading1–3 (named "heading 1"–"heading 3" with outline levels, so Word lists them in the
 * navigation pane and a table of contents), Caption and an A4 page with 2 cm margins.
 */
final class DocxStyles {

  static final String LANGUAGE = "sv-SE";
  /** The text width in EMU (17 cm), for pictures. */
  static final int TEXT_WIDTH_EMU = 17 * 360_000;
  /** The text width in twentieths of a point, for tables. */
  static final int TEXT_WIDTH_TWIPS = 9638;

  private DocxStyles() {}

  static void apply(XWPFDocument document) {
    CTStyles ctStyles = CTStyles.Factory.newInstance();
    CTRPr defaults = ctStyles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
    defaults.addNewLang().setVal(LANGUAGE);
    CTFonts fonts = defaults.addNewRFonts();
    fonts.setAscii("Calibri");
    fonts.setHAnsi("Calibri");
    fonts.setCs("Calibri");
    defaults.addNewSz().setVal(BigInteger.valueOf(22));
    XWPFStyles styles = document.createStyles();
    styles.setStyles(ctStyles);
    styles.addStyle(paragraphStyle("Normal", "Normal", null, -1, 0, false, true));
    styles.addStyle(paragraphStyle("Heading1", "heading 1", "Normal", 0, 36, true, false));
    styles.addStyle(paragraphStyle("Heading2", "heading 2", "Normal", 1, 26, true, false));
    styles.addStyle(paragraphStyle("Heading3", "heading 3", "Normal", 2, 24, true, false));
    styles.addStyle(paragraphStyle("Caption", "caption", "Normal", -1, 20, false, false));
    page(document);
  }

  /**
   * @param outlineLevel 0 for a first level heading, -1 for body text
   * @param halfPoints the font size in half points, 0 to inherit
   */
  private static XWPFStyle paragraphStyle(String id, String name, String basedOn, int outlineLevel,
      int halfPoints, boolean bold, boolean isDefault) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setType(STStyleType.PARAGRAPH);
    style.setStyleId(id);
    style.addNewName().setVal(name);
    if (isDefault) {
      style.setDefault(true);
    }
    if (basedOn != null) {
      style.addNewBasedOn().setVal(basedOn);
      style.addNewNext().setVal("Normal");
    }
    style.addNewQFormat();
    CTPPrGeneral paragraph = style.addNewPPr();
    var spacing = paragraph.addNewSpacing();
    spacing.setAfter(BigInteger.valueOf(outlineLevel >= 0 ? 120 : 100));
    if (outlineLevel >= 0) {
      paragraph.addNewKeepNext();
      spacing.setBefore(BigInteger.valueOf(outlineLevel == 0 ? 360 : 240));
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
    }
    CTRPr run = style.addNewRPr();
    if (bold) {
      run.addNewB();
    }
    if (halfPoints > 0) {
      run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    }
    if (id.equals("Caption")) {
      run.addNewI();
    }
    return new XWPFStyle(style);
  }

  private static void page(XWPFDocument document) {
    CTSectPr section = document.getDocument().getBody().isSetSectPr()
        ? document.getDocument().getBody().getSectPr()
        : document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    BigInteger twoCm = BigInteger.valueOf(1134);
    margins.setTop(twoCm);
    margins.setBottom(twoCm);
    margins.setLeft(twoCm);
    margins.setRight(twoCm);
  }
}
