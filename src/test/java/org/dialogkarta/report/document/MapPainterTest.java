package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MapPainterTest {

  private final MapPainter painter = new MapPainter();

  @Test
  void drawsAPngAsWideAsAskedAndShapedLikeTheStudyArea() throws IOException {
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(painter.png(ReportFixture.overviewMap())));
    assertThat(png.getWidth()).isEqualTo(1600);
    assertThat(png.getHeight()).isEqualTo(1400);
    assertThat(new MapPainter(800).paint(ReportFixture.overviewMap()).getWidth()).isEqualTo(800);
  }

  @Test
  void drawsEachViewInItsCategoryColourWhereItIs() {
    MapFigure figure = ReportFixture.topicMap();
    BufferedImage image = painter.paint(figure);
    MapFrame frame = MapFrame.fit(MapPainter.extentOf(figure), 0.06, image.getWidth(), image.getHeight());
    int coloured = 0;
    for (MapFigure.MapView view : figure.views()) {
      int x = (int) Math.round(frame.x(view.place().getX()));
      int y = (int) Math.round(frame.y(view.place().getY()));
      if (image.getRGB(x, y) == ViewCategory.of(view.category()).colour.getRGB()) {
        coloured++;
      }
    }
    assertThat(coloured).as("views drawn in their colour (some may lie under the legend or another dot)")
        .isGreaterThanOrEqualTo(figure.views().size() * 2 / 3);
  }

  @Test
  void drawsALineInItsCategoryColourAlongItsLength() {
    org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();
    org.locationtech.jts.geom.Coordinate[] along = {new org.locationtech.jts.geom.Coordinate(568_000, 6_495_000),
        new org.locationtech.jts.geom.Coordinate(569_000, 6_495_000)};
    org.locationtech.jts.geom.Geometry line = f.createLineString(along);
    org.locationtech.jts.geom.Geometry area = f.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(568_000, 6_495_200), new org.locationtech.jts.geom.Coordinate(568_400, 6_495_200),
        new org.locationtech.jts.geom.Coordinate(568_400, 6_495_500), new org.locationtech.jts.geom.Coordinate(568_000, 6_495_500),
        new org.locationtech.jts.geom.Coordinate(568_000, 6_495_200)});
    MapFigure figure = new MapFigure("Linjer", "En linje och ett område",
        f.toGeometry(new org.locationtech.jts.geom.Envelope(567_800, 569_200, 6_494_800, 6_495_800)), List.of(),
        List.of(new MapFigure.MapView(f.createPoint(new org.locationtech.jts.geom.Coordinate(568_500, 6_495_000)),
                "safety_concern", line),
            new MapFigure.MapView(f.createPoint(new org.locationtech.jts.geom.Coordinate(568_200, 6_495_350)),
                "suggestion", area)),
        List.of(), List.of());
    BufferedImage image = painter.paint(figure);
    MapFrame frame = MapFrame.fit(MapPainter.extentOf(figure), 0.06, image.getWidth(), image.getHeight());
    int safety = ViewCategory.of("safety_concern").colour.getRGB();
    int y = (int) Math.round(frame.y(6_495_000));
    // A quarter of the way along, far from the dot at the middle: the line itself.
    assertThat(image.getRGB((int) Math.round(frame.x(568_250)), y)).isEqualTo(safety);
    assertThat(image.getRGB((int) Math.round(frame.x(568_900)), y)).isEqualTo(safety);
    // Inside the area, away from its dot: tinted with the suggestion colour, not the background.
    Color inside = new Color(image.getRGB((int) Math.round(frame.x(568_350)), (int) Math.round(frame.y(6_495_450))));
    Color suggestion = ViewCategory.of("suggestion").colour;
    Color plain = new Color(painter.paint(new MapFigure("Tom", "Tom", figure.studyArea(), List.of(), List.of(), List.of(),
        List.of())).getRGB((int) Math.round(frame.x(568_350)), (int) Math.round(frame.y(6_495_450))));
    assertThat(inside).isNotEqualTo(plain);
    assertThat(Math.abs(inside.getBlue() - suggestion.getBlue())).isLessThan(Math.abs(plain.getBlue() - suggestion.getBlue()));
  }

  @Test
  void anEmptyMapWithoutStudyAreaStillDrawsAScaleAndNorthArrow() {
    BufferedImage image = painter.paint(ReportFixture.emptyMap());
    assertThat(image.getWidth()).isEqualTo(1600);
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() + c.getGreen() + c.getBlue() < 200) {
          ink++;
        }
      }
    }
    assertThat(ink).as("dark pixels of the arrow, the scale bar and the message").isGreaterThan(200);
  }

  @Test
  void categoriesHaveDistinctColoursAndUnknownCodesCountAsOther() {
    assertThat(List.of(ViewCategory.values()).stream().map(c -> c.colour).distinct()).hasSize(5);
    assertThat(ViewCategory.of("nonsense")).isEqualTo(ViewCategory.OTHER);
    assertThat(ViewCategory.of(null)).isEqualTo(ViewCategory.OTHER);
  }

  @Test
  void scaleBarLengthsAreRound() {
    assertThat(MapDecorations.roundLength(430)).isEqualTo(200);
    assertThat(MapDecorations.roundLength(999)).isEqualTo(500);
    assertThat(MapDecorations.roundLength(1200)).isEqualTo(1000);
  }
}
