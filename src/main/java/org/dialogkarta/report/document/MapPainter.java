package org.dialogkarta.report.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Draws a report map ({@link MapFigure}) as a print-quality PNG with Java2D, no tile service: a
 * light background, the neighbourhoods with their names, the study area emphasised, hotspot
 * hexagons, cluster outlines, one dot per view coloured by category, then a scale bar, a north
 * arrow and a legend ({@link MapDecorations}).
 *
 * <p>The picture is {@code width} pixels wide (1600 by default: about 240 dpi across an A4 text
 * column) and as high as the extent's shape allows, between 9:16 and 7:8 of the width. The
 * extent is the study area, else everything the figure holds, padded by 6 %. Runs headless.
 */
public final class MapPainter {

  /** The default picture width in pixels. */
  public static final int DEFAULT_WIDTH = 1600;

  private static final double PADDING = 0.06;
  private static final Color BACKGROUND = new Color(0xF5F3EE);
  private static final Color OUTSIDE_VEIL = new Color(255, 255, 255, 140);
  private static final Color NEIGHBOURHOOD = new Color(0x8C8C8C);
  private static final Color NEIGHBOURHOOD_NAME = new Color(0x5A5A5A);
  static final Color STUDY_AREA = new Color(0x1F1F1F);
  static final Color HOTSPOT_FILL = new Color(215, 25, 28, 100);
  static final Color HOTSPOT_EDGE = new Color(0xB2182B);
  static final Color CLUSTER = new Color(0x3B3B98);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private final int width;

  public MapPainter() {
    this(DEFAULT_WIDTH);
  }

  /** @param width the picture width in pixels, at least 200 */
  public MapPainter(int width) {
    if (width < 200) {
      throw new IllegalArgumentException("a map must be at least 200 pixels wide, not " + width);
    }
    this.width = width;
  }

  /** The map as PNG bytes. */
  public byte[] png(MapFigure figure) {
    return encode(paint(figure));
  }

  static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the map as PNG", e);
    }
    return out.toByteArray();
  }

  /** The map as an opaque RGB picture. */
  public BufferedImage paint(MapFigure figure) {
    Envelope extent = extentOf(figure);
    int height = heightFor(extent);
    MapFrame frame = MapFrame.fit(extent, PADDING, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, width, height);
      drawNeighbourhoods(g, frame, figure);
      drawStudyArea(g, frame, figure.studyArea());
      drawHotspots(g, frame, figure);
      drawClusters(g, frame, figure);
      Set<ViewCategory> shown = drawViews(g, frame, figure);
      MapDecorations decorations = new MapDecorations(g, frame, scale());
      if (figure.views().isEmpty()) {
        decorations.message("Inga synpunkter med plats att visa");
      }
      decorations.northArrow();
      decorations.scaleBar();
      decorations.legend(figure, shown);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Line widths, dot and type sizes grow with the picture: 1 at the default width. */
  private double scale() {
    return width / (double) DEFAULT_WIDTH;
  }

  static Envelope extentOf(MapFigure figure) {
    if (figure.studyArea() != null && !figure.studyArea().isEmpty()) {
      return figure.studyArea().getEnvelopeInternal();
    }
    Envelope extent = new Envelope();
    figure.views().forEach(v -> extent.expandToInclude(v.place().getCoordinate()));
    figure.hotspots().forEach(h -> extent.expandToInclude(h.getEnvelopeInternal()));
    figure.clusters().forEach(c -> extent.expandToInclude(c.getEnvelopeInternal()));
    if (extent.isNull()) {
      figure.neighbourhoods().forEach(n -> extent.expandToInclude(n.area().getEnvelopeInternal()));
    }
    if (extent.isNull()) {
      extent.expandToInclude(0, 0);
    }
    return extent;
  }

  private int heightFor(Envelope extent) {
    double aspect = extent.getWidth() > 0 ? extent.getHeight() / extent.getWidth() : 0.75;
    double clamped = Math.max(9.0 / 16, Math.min(7.0 / 8, aspect));
    return (int) Math.round(width * clamped);
  }

  private void drawNeighbourhoods(Graphics2D g, MapFrame frame, MapFigure figure) {
    g.setStroke(new BasicStroke((float) (2 * scale())));
    for (MapFigure.NamedArea area : figure.neighbourhoods()) {
      g.setColor(NEIGHBOURHOOD);
      g.draw(frame.shape(area.area()));
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(24 * scale())));
    for (MapFigure.NamedArea area : figure.neighbourhoods()) {
      if (area.name() == null || area.name().isBlank() || area.area().isEmpty()) {
        continue;
      }
      Point inside = area.area().getInteriorPoint();
      double x = frame.x(inside.getX());
      double y = frame.y(inside.getY());
      if (frame.contains(x, y)) {
        MapDecorations.haloText(g, area.name(), x, y, NEIGHBOURHOOD_NAME, true);
      }
    }
  }

  /** Drawn lines and areas under the dots: a translucent fill for areas, a line in the category's colour. */
  private void drawShapes(Graphics2D g, MapFrame frame, MapFigure figure) {
    g.setStroke(new BasicStroke((float) (3 * scale()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (MapFigure.MapView view : figure.views()) {
      if (view.shape() == null || view.shape().isEmpty()) {
        continue;
      }
      Color colour = ViewCategory.of(view.category()).colour;
      Shape shape = frame.shape(view.shape());
      if (view.shape().getDimension() == 2) {
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
        g.fill(shape);
      }
      g.setColor(colour);
      g.draw(shape);
    }
  }

  private void drawStudyArea(Graphics2D g, MapFrame frame, Geometry studyArea) {
    if (studyArea == null || studyArea.isEmpty()) {
      return;
    }
    Shape shape = frame.shape(studyArea);
    Area outside = new Area(new Rectangle2D.Double(0, 0, frame.width(), frame.height()));
    outside.subtract(new Area(shape));
    g.setColor(OUTSIDE_VEIL);
    g.fill(outside);
    g.setColor(STUDY_AREA);
    g.setStroke(new BasicStroke((float) (5 * scale()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
  }

  private void drawHotspots(Graphics2D g, MapFrame frame, MapFigure figure) {
    g.setStroke(new BasicStroke((float) (1.5 * scale())));
    for (Geometry hexagon : figure.hotspots()) {
      Shape shape = frame.shape(hexagon);
      g.setColor(HOTSPOT_FILL);
      g.fill(shape);
      g.setColor(HOTSPOT_EDGE);
      g.draw(shape);
    }
  }

  private void drawClusters(Graphics2D g, MapFrame frame, MapFigure figure) {
    float dash = (float) (14 * scale());
    g.setStroke(new BasicStroke((float) (3.5 * scale()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
        10, new float[] {dash, dash / 2}, 0));
    g.setColor(CLUSTER);
    figure.clusters().forEach(cluster -> g.draw(frame.shape(cluster)));
  }

  /** Draws the dots and returns the categories that appear, for the legend. */
  private Set<ViewCategory> drawViews(Graphics2D g, MapFrame frame, MapFigure figure) {
    Set<ViewCategory> shown = EnumSet.noneOf(ViewCategory.class);
    double radius = 8 * scale();
    g.setStroke(new BasicStroke((float) (2 * scale())));
    drawShapes(g, frame, figure);
    for (MapFigure.MapView view : figure.views()) {
      ViewCategory category = ViewCategory.of(view.category());
      shown.add(category);
      Ellipse2D dot = new Ellipse2D.Double(
          frame.x(view.place().getX()) - radius, frame.y(view.place().getY()) - radius, 2 * radius, 2 * radius);
      g.setColor(category.colour);
      g.fill(dot);
      g.setColor(Color.WHITE);
      g.draw(dot);
    }
    return shown;
  }
}
