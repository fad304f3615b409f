package org.dialogkarta.report.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a report map has besides its data: north arrow, scale bar, legend and the message of an
 * empty map, all in Swedish. Sizes are given at the default width and multiplied by {@code scale}.
 */
final class MapDecorations {

  private static final Color INK = new Color(0x1F1F1F);
  private static final Color PAPER = new Color(255, 255, 255, 225);

  private final Graphics2D g;
  private final MapFrame frame;
  private final double scale;

  MapDecorations(Graphics2D g, MapFrame frame, double scale) {
    this.g = g;
    this.frame = frame;
    this.scale = scale;
  }

  /** A north arrow in the top right corner (SWEREF 99 TM's grid north is true north within a degree here). */
  void northArrow() {
    double size = 70 * scale;
    double cx = frame.width() - 60 * scale;
    double top = 30 * scale;
    Path2D arrow = new Path2D.Double();
    arrow.moveTo(cx, top + 30 * scale);
    arrow.lineTo(cx + size / 3, top + 30 * scale + size);
    arrow.lineTo(cx, top + 30 * scale + size * 0.72);
    arrow.lineTo(cx - size / 3, top + 30 * scale + size);
    arrow.closePath();
    g.setColor(INK);
    g.fill(arrow);
    g.setFont(font(Font.BOLD, 28));
    haloText(g, "N", cx, top + 12 * scale, INK, true);
  }

  /** A scale bar of a round length (1, 2 or 5 times a power of ten metres) in the bottom right corner. */
  void scaleBar() {
    double metres = roundLength(frame.metresPerPixel() * frame.width() / 5);
    double length = metres / frame.metresPerPixel();
    double right = frame.width() - 40 * scale;
    double left = right - length;
    double baseline = frame.height() - 40 * scale;
    double barHeight = 12 * scale;
    String label = metres >= 1000 ? formatKm(metres) : Math.round(metres) + " m";
    g.setFont(font(Font.PLAIN, 24));
    g.setColor(PAPER);
    g.fill(new RoundRectangle2D.Double(left - 14 * scale, baseline - barHeight - 44 * scale,
        length + 28 * scale, barHeight + 58 * scale, 10 * scale, 10 * scale));
    g.setColor(INK);
    g.setStroke(new BasicStroke((float) (2 * scale)));
    g.fill(new Rectangle2D.Double(left, baseline - barHeight, length / 2, barHeight));
    g.draw(new Rectangle2D.Double(left, baseline - barHeight, length, barHeight));
    text(g, "0", left, baseline - barHeight - 10 * scale, true);
    text(g, label, right, baseline - barHeight - 10 * scale, true);
  }

  /** The legend in the bottom left corner: only what the map shows. */
  void legend(MapFigure figure, Set<ViewCategory> categories) {
    List<Row> rows = new ArrayList<>();
    if (figure.studyArea() != null && !figure.studyArea().isEmpty()) {
      rows.add(new Row("Dialogens område", this::studyAreaSymbol));
    }
    for (ViewCategory category : categories) {
      rows.add(new Row(category.label, box -> dotSymbol(box, category.colour)));
    }
    if (!figure.hotspots().isEmpty()) {
      rows.add(new Row("Område med många synpunkter", this::hotspotSymbol));
    }
    if (!figure.clusters().isEmpty()) {
      rows.add(new Row("Kluster av synpunkter", this::clusterSymbol));
    }
    if (rows.isEmpty()) {
      return;
    }
    Font title = font(Font.BOLD, 24);
    Font body = font(Font.PLAIN, 22);
    double lineHeight = 36 * scale;
    double symbolWidth = 40 * scale;
    double pad = 16 * scale;
    FontMetrics metrics = g.getFontMetrics(body);
    double textWidth = g.getFontMetrics(title).stringWidth("Teckenförklaring");
    for (Row row : rows) {
      textWidth = Math.max(textWidth, symbolWidth + 10 * scale + metrics.stringWidth(row.label()));
    }
    double boxWidth = textWidth + 2 * pad;
    double boxHeight = pad * 2 + lineHeight * (rows.size() + 1);
    double left = 24 * scale;
    double top = frame.height() - 24 * scale - boxHeight;
    g.setColor(PAPER);
    g.fill(new RoundRectangle2D.Double(left, top, boxWidth, boxHeight, 12 * scale, 12 * scale));
    g.setColor(new Color(0xB0B0B0));
    g.setStroke(new BasicStroke((float) (1.5 * scale)));
    g.draw(new RoundRectangle2D.Double(left, top, boxWidth, boxHeight, 12 * scale, 12 * scale));
    g.setColor(INK);
    g.setFont(title);
    g.drawString("Teckenförklaring", (float) (left + pad), (float) (top + pad + lineHeight * 0.7));
    g.setFont(body);
    for (int i = 0; i < rows.size(); i++) {
      double rowTop = top + pad + lineHeight * (i + 1);
      rows.get(i).symbol().accept(new Rectangle2D.Double(left + pad, rowTop + 6 * scale, symbolWidth, lineHeight - 12 * scale));
      g.setColor(INK);
      g.drawString(rows.get(i).label(), (float) (left + pad + symbolWidth + 10 * scale), (float) (rowTop + lineHeight * 0.7));
    }
  }

  /** A sentence in the middle of the map, for a map without views. */
  void message(String text) {
    g.setFont(font(Font.PLAIN, 32));
    haloText(g, text, frame.width() / 2.0, frame.height() / 2.0, INK, true);
  }

  private void studyAreaSymbol(Rectangle2D box) {
    g.setColor(MapPainter.STUDY_AREA);
    g.setStroke(new BasicStroke((float) (4 * scale)));
    g.draw(box);
  }

  private void dotSymbol(Rectangle2D box, Color colour) {
    double r = 9 * scale;
    Ellipse2D dot = new Ellipse2D.Double(box.getCenterX() - r, box.getCenterY() - r, 2 * r, 2 * r);
    g.setColor(colour);
    g.fill(dot);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) (2 * scale)));
    g.draw(dot);
  }

  private void hotspotSymbol(Rectangle2D box) {
    Path2D hexagon = new Path2D.Double();
    double r = box.getHeight() / 2 + 2 * scale;
    for (int i = 0; i < 6; i++) {
      double angle = Math.PI / 3 * i;
      double x = box.getCenterX() + r * Math.cos(angle);
      double y = box.getCenterY() + r * Math.sin(angle);
      if (i == 0) {
        hexagon.moveTo(x, y);
      } else {
        hexagon.lineTo(x, y);
      }
    }
    hexagon.closePath();
    g.setColor(MapPainter.HOTSPOT_FILL);
    g.fill(hexagon);
    g.setColor(MapPainter.HOTSPOT_EDGE);
    g.setStroke(new BasicStroke((float) (1.5 * scale)));
    g.draw(hexagon);
  }

  private void clusterSymbol(Rectangle2D box) {
    float dash = (float) (8 * scale);
    g.setColor(MapPainter.CLUSTER);
    g.setStroke(new BasicStroke((float) (3 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
        new float[] {dash, dash / 2}, 0));
    g.draw(box);
  }

  private Font font(int style, int size) {
    return new Font(Font.SANS_SERIF, style, (int) Math.round(size * scale));
  }

  /** 1, 2 or 5 times a power of ten, at most {@code metres}. */
  static double roundLength(double metres) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(metres, 1))));
    for (double step : new double[] {5, 2, 1}) {
      if (step * power <= metres) {
        return step * power;
      }
    }
    return power;
  }

  private static String formatKm(double metres) {
    double km = metres / 1000;
    return (km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km).replace('.', ',')) + " km";
  }

  /** Text centred on x with its baseline at y. */
  private static void text(Graphics2D g, String text, double x, double y, boolean centred) {
    double w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, (float) (centred ? x - w / 2 : x), (float) y);
  }

  /** Text with a white halo so that it reads on any background; centred on (x, y) when asked. */
  static void haloText(Graphics2D g, String text, double x, double y, Color colour, boolean centred) {
    FontMetrics metrics = g.getFontMetrics();
    double left = centred ? x - metrics.stringWidth(text) / 2.0 : x;
    double baseline = centred ? y + (metrics.getAscent() - metrics.getDescent()) / 2.0 : y;
    GlyphVector glyphs = g.getFont().createGlyphVector(g.getFontRenderContext(), text);
    java.awt.Shape outline = glyphs.getOutline((float) left, (float) baseline);
    g.setColor(new Color(255, 255, 255, 230));
    g.setStroke(new BasicStroke(Math.max(3f, g.getFont().getSize() / 5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(outline);
    g.setColor(colour);
    g.fill(outline);
  }

  private record Row(String label, Consumer<Rectangle2D> symbol) {}
}
