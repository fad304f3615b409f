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
