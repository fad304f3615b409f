package org.dialogkarta.report.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;

/**
 * Appends tagged A4 pages to a tagged PDF (the one openhtmltopdf made): what is drawn between
 * {@link #beginTagged} and {@link #endTagged} becomes the content of a structure element, what is
 * drawn between {@link #beginArtifact} and {@link #endArtifact} (rules, repeated headers, page
 * numbers) is marked as not part of the text. {@link #finish} then records every page in the
 * structure tree's parent tree, as PDF/UA requires.
 */
final class TaggedPages {

  static final PDRectangle A4 = PDRectangle.A4;

  private final PDDocument document;
  private final PdfFonts fonts;
  private final PDStructureTreeRoot root;
  private final COSArray parentTree;
  private int nextKey;

  private PDPage page;
  private PDPageContentStream stream;
  /** The structure element of each marked content on the current page, by MCID. */
  private final List<PDStructureElement> pageParents = new ArrayList<>();

  TaggedPages(PDDocument document, PdfFonts fonts) {
    this.document = document;
    this.fonts = fonts;
    this.root = document.getDocumentCatalog().getStructureTreeRoot();
    if (root == null || root.getParentTree() == null) {
      throw new IllegalStateException("the PDF has no structure tree to add the appendix to; was it made with PDF/UA on?");
    }
    COSArray nums = root.getParentTree().getCOSObject().getCOSArray(COSName.NUMS);
    if (nums == null) {
      nums = new COSArray();
      root.getParentTree().getCOSObject().setItem(COSName.NUMS, nums);
    }
    this.parentTree = nums;
    this.nextKey = root.getParentTreeNextKey();
  }

  /** The structure tree's Document element, where the appended content goes after what is there. */
  PDStructureElement documentElement() {
    for (Object kid : root.getKids()) {
      if (kid instanceof PDStructureElement element) {
        return element;
      }
    }
    throw new IllegalStateException("the PDF's structure tree has no Document element");
  }

  /** Starts a new page with its page number at the foot, and returns its content stream. */
  PDPageContentStream newPage() throws IOException {
    finishPage();
    page = new PDPage(A4);
    document.addPage(page);
    page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
    page.setStructParents(nextKey);
    stream = new PDPageContentStream(document, page);
    pageNumber(document.getNumberOfPages());
    return stream;
  }

  PDPageContentStream stream() {
    return stream;
  }

  /** Marks what follows as content of {@code element} until {@link #endTagged}. */
  void beginTagged(PDStructureElement element) throws IOException {
    int mcid = pageParents.size();
    pageParents.add(element);
    COSName tag = COSName.getPDFName(element.getStructureType());
    COSDictionary properties = new COSDictionary();
    properties.setInt(COSName.MCID, mcid);
    stream.beginMarkedContent(tag, PDPropertyList.create(properties));
    if (element.getPage() == null) {
      element.setPage(page);
    }
    if (element.getCOSObject().getCOSDictionary(COSName.PG) == page.getCOSObject()) {
      element.appendKid(new PDMarkedContent(tag, properties));
    } else {
      PDMarkedContentReference reference = new PDMarkedContentReference();
      reference.setMCID(mcid);
      reference.setPage(page);
      element.appendKid(reference);
    }
  }

  void endTagged() throws IOException {
    stream.endMarkedContent();
  }

  /** Marks what follows as an artifact of {@code type} ("Layout" or "Pagination") until {@link #endArtifact}. */
  void beginArtifact(String type) throws IOException {
    COSDictionary properties = new COSDictionary();
    properties.setItem(COSName.TYPE, COSName.getPDFName(type));
    stream.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(properties));
  }

  void endArtifact() throws IOException {
    stream.endMarkedContent();
  }

  /** Closes the last page and updates the parent tree's next key. */
  void finish() throws IOException {
    finishPage();
    root.setParentTreeNextKey(nextKey);
  }

  private void finishPage() throws IOException {
    if (page == null) {
      return;
    }
    stream.close();
    COSArray parents = new COSArray();
    pageParents.forEach(parent -> parents.add(parent.getCOSObject()));
    parentTree.add(COSInteger.get(nextKey));
    parentTree.add(parents);
    nextKey++;
    pageParents.clear();
    page = null;
  }

  private void pageNumber(int number) throws IOException {
    String text = "Sida " + number;
    float size = 8;
    float width = PdfFonts.width(fonts.regular, size, text);
    beginArtifact("Pagination");
    stream.beginText();
    stream.setFont(fonts.regular, size);
    stream.setNonStrokingColor(0.27f, 0.27f, 0.27f);
    stream.newLineAtOffset((A4.getWidth() - width) / 2, 24);
    stream.showText(text);
    stream.endText();
    stream.setNonStrokingColor(0f, 0f, 0f);
    endArtifact();
  }
}
