package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight EXIF orientations on a 3 × 2 image of numbered pixels, drawn as rows of the image
 * as it must be shown. Stored:
 * <pre>
 * 1 2 3
 * 4 5 6
 * </pre>
 */
class PhotoOrientationTest {

  @ParameterizedTest(name = "orientation {0}")
  @CsvSource(delimiter = '|', value = {
      "1 | 1 2 3/4 5 6",
      "2 | 3 2 1/6 5 4",
      "3 | 6 5 4/3 2 1",
      "4 | 4 5 6/1 2 3",
      "5 | 1 4/2 5/3 6",
      "6 | 4 1/5 2/6 3",
      "7 | 6 3/5 2/4 1",
      "8 | 3 6/2 5/1 4"})
  void eachOrientationTurnsAndMirrorsAsExifSays(int orientation, String shownRows) {
    BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 6; i++) {
      stored.setRGB(i % 3, i / 3, i + 1);
    }
    assertThat(rows(Orientation.apply(stored, orientation))).isEqualTo(shownRows);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "6, 6", "8, 8", "3, 3"})
  void theTagIsReadFromAPhonesJpeg(int written, int read) {
    assertThat(Orientation.of(TestPhotos.phoneJpeg(40, 30, written))).isEqualTo(read);
  }

  @org.junit.jupiter.api.Test
  void noOrBrokenExifMeansUpright() {
    assertThat(Orientation.of(TestPhotos.jpeg(40, 30))).isEqualTo(Orientation.UPRIGHT);
    assertThat(Orientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 4, 'E', 'x'}))
        .isEqualTo(Orientation.UPRIGHT);
  }

  private static String rows(BufferedImage image) {
    StringBuilder s = new StringBuilder();
    for (int y = 0; y < image.getHeight(); y++) {
      if (y > 0) {
        s.append('/');
      }
      for (int x = 0; x < image.getWidth(); x++) {
        s.append(x > 0 ? " " : "").append(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return s.toString();
  }
}
