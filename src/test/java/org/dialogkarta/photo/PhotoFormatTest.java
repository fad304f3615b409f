package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Magic-byte sniffing, declared sizes and their limits, without the service. */
class PhotoFormatTest {

  @Test
  void formatsAreToldByTheirFirstBytes() {
    assertThat(ImageFormat.sniff(TestPhotos.jpeg(10, 10))).hasValue(ImageFormat.JPEG);
    assertThat(ImageFormat.sniff(TestPhotos.transparentPng(10, 10))).hasValue(ImageFormat.PNG);
    assertThat(ImageFormat.sniff(TestPhotos.heicHeader())).hasValue(ImageFormat.HEIF);
    assertThat(ImageFormat.sniff(TestPhotos.write(TestPhotos.quarters(10, 10), "gif"))).hasValue(ImageFormat.GIF);
    assertThat(ImageFormat.sniff(TestPhotos.write(TestPhotos.quarters(10, 10), "bmp"))).hasValue(ImageFormat.BMP);
    assertThat(ImageFormat.sniff(TestPhotos.write(TestPhotos.quarters(10, 10), "tiff"))).hasValue(ImageFormat.TIFF);
    assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue(ImageFormat.WEBP);
    assertThat(ImageFormat.sniff(ascii("BMW i3 vid laddstolpen"))).isEmpty();
    assertThat(ImageFormat.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    assertThat(ImageFormat.JPEG.accepted()).isTrue();
    assertThat(ImageFormat.HEIF.accepted()).isFalse();
  }

  @Test
  void declaredSizesAreReadWithoutDecoding() {
    assertThat(PixelSize.declaredIn(ImageFormat.JPEG, TestPhotos.phoneJpeg(640, 480, 6)))
        .hasValue(new PixelSize(640, 480));
    assertThat(PixelSize.declaredIn(ImageFormat.JPEG, TestPhotos.jpegClaiming(65_535, 0)))
        .hasValue(new PixelSize(65_535, 0));
    assertThat(PixelSize.declaredIn(ImageFormat.PNG, TestPhotos.pngClaiming(50_000, 7))).hasValue(new PixelSize(50_000, 7));
    assertThat(PixelSize.declaredIn(ImageFormat.PNG, TestPhotos.pngClaiming(-1, 7)))
        .hasValue(new PixelSize(4_294_967_295L, 7));
    byte[] jpeg = TestPhotos.jpeg(64, 48);
    assertThat(PixelSize.declaredIn(ImageFormat.JPEG, Arrays.copyOf(jpeg, 40))).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({
      "4000, 3000, true",
      "5712, 4284, true",
      "12000, 3333, true",
      "12001, 100, false",
      "100, 12001, false",
      "8000, 6000, false",
      "0, 100, false",
      "100, 0, false",
      "1, 1, true"})
  void limits(long width, long height, boolean accepted) {
    assertThat(new PixelSize(width, height).withinLimits()).isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource({"2048, 1", "4096, 1", "4097, 2", "8192, 2", "8193, 3", "12000, 3"})
  void largeImagesAreDecodedInStepsThatLeaveMoreThanTheStoredSize(long longSide, int step) {
    assertThat(PhotoProcessing.subsampling(longSide)).isEqualTo(step);
    assertThat((longSide + step - 1) / step).isGreaterThanOrEqualTo(Reencoder.MAX_SIDE);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
