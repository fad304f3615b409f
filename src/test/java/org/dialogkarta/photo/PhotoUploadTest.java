package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A photo goes in with everything a phone writes into it and comes out as a fresh JPEG with
 * nothing but pixels: checked with Commons Imaging and by scanning the bytes themselves.
 */
@IntegrationTest
class PhotoUploadTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private PhotoClient client;
  private PhotoClient.OwnPin pin;

  @BeforeEach
  void setUp() {
    client = new PhotoClient(port);
    pin = client.pin(new TestData(jdbc).openDialogue());
  }

  @Test
  void gpsCameraAndCommentsAreGoneFromPhotoAndThumbnail() throws Exception {
    byte[] original = TestPhotos.phoneJpeg(1200, 900, 1);
    JpegImageMetadata sent = (JpegImageMetadata) Imaging.getMetadata(original);
    assertThat(sent.getExif().getGpsInfo().getLongitudeAsDegreesEast()).isCloseTo(TestPhotos.LONGITUDE, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(Imaging.getXmpXml(original)).contains("GPSLatitude");
    assertThat(TestPhotos.contains(original, TestPhotos.CAMERA_MAKE)).isTrue();
    assertThat(TestPhotos.segments(original)).extracting(TestPhotos.Segment::marker).contains(0xE1, 0xFE);

    Api.Response r = client.upload(pin, original);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    assertThat(r.location()).isEqualTo("/api/v1/photos/" + id);
    assertThat(r.json().get("width").asInt()).isEqualTo(1200);
    assertThat(r.json().get("height").asInt()).isEqualTo(900);
    assertThat(r.json().get("thumbnailUrl").asString()).isEqualTo("/api/v1/photos/" + id + "/thumbnail");

    HttpResponse<byte[]> served = client.get("/api/v1/photos/" + id);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400", "public");
    assertNothingButPixels(served.body(), 1200, 900);
    assertNothingButPixels(client.jpegAt("/api/v1/photos/" + id + "/thumbnail"), 320, 240);

    assertThat(jdbc.sql("SELECT byte_size = length(image) AND byte_size = :n FROM photo WHERE id = :id")
        .param("n", served.body().length).param("id", id).query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM photo WHERE image = :original").param("original", original)
        .query(Long.class).single()).as("the uploaded bytes are never stored").isZero();
  }

  @Test
  void aPhotoTakenSidewaysComesBackUpright() {
    // Orientation 6: the stored pixels must be turned 90° clockwise to be shown upright.
    long id = client.uploaded(pin, TestPhotos.phoneJpeg(400, 300, 6));

    BufferedImage shown = TestPhotos.read(client.jpegAt("/api/v1/photos/" + id));
    assertThat(shown.getWidth()).isEqualTo(300);
    assertThat(shown.getHeight()).isEqualTo(400);
    assertColour(shown, 300 - 40, 40, Color.RED);     // the stored top left is now top right
    assertColour(shown, 40, 400 - 40, Color.YELLOW);  // the stored bottom right is now bottom left
    BufferedImage thumb = TestPhotos.read(client.jpegAt("/api/v1/photos/" + id + "/thumbnail"));
    assertThat(List.of(thumb.getWidth(), thumb.getHeight())).containsExactly(240, 320);
  }

  @Test
  void largePhotosAreScaledToTheLongSide() {
    Api.Response r = client.upload(pin, TestPhotos.jpeg(3000, 2000));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("width").asInt()).isEqualTo(2048);
    assertThat(r.json().get("height").asInt()).isEqualTo(1365);
    long id = r.json().get("id").asLong();

    BufferedImage photo = TestPhotos.read(client.jpegAt("/api/v1/photos/" + id));
    assertThat(List.of(photo.getWidth(), photo.getHeight())).containsExactly(2048, 1365);
    assertColour(photo, 100, 100, Color.RED);
    assertColour(photo, 2048 - 100, 1365 - 100, Color.YELLOW);
    BufferedImage thumb = TestPhotos.read(client.jpegAt("/api/v1/photos/" + id + "/thumbnail"));
    assertThat(List.of(thumb.getWidth(), thumb.getHeight())).containsExactly(320, 213);
  }

  @Test
  void aTransparentPngBecomesAJpegOnWhite() {
    Api.Response r = client.upload(pin.id(), pin.receipt(),
        PhotoClient.Part.photo("karta.png", "image/png", TestPhotos.transparentPng(200, 100)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);

    byte[] served = client.jpegAt("/api/v1/photos/" + r.json().get("id").asLong());
    assertNothingButPixels(served, 200, 100);
    BufferedImage image = TestPhotos.read(served);
    assertThat(image.getColorModel().hasAlpha()).isFalse();
    assertColour(image, 50, 50, Color.WHITE);
    assertColour(image, 150, 50, Color.BLUE);
  }

  /** A baseline JPEG with a JFIF header and nothing else that could carry information. */
  private static void assertNothingButPixels(byte[] jpeg, int width, int height) {
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
    List<TestPhotos.Segment> segments = TestPhotos.segments(jpeg);
    for (TestPhotos.Segment s : segments) {
      boolean app = s.marker() >= 0xE0 && s.marker() <= 0xEF;
      assertThat(app && !(s.marker() == 0xE0 && s.payloadText().startsWith("JFIF\0")))
          .as("APP%d segment", s.marker() - 0xE0).isFalse();
      assertThat(s.marker()).as("COM segment").isNotEqualTo(0xFE);
    }
    assertThat(TestPhotos.contains(jpeg, "Exif\0\0")).isFalse();
    assertThat(TestPhotos.contains(jpeg, "http://ns.adobe.com/xap")).isFalse();
    assertThat(TestPhotos.contains(jpeg, "ICC_PROFILE")).isFalse();
    assertThat(TestPhotos.contains(jpeg, TestPhotos.CAMERA_MAKE)).isFalse();
    assertThat(TestPhotos.contains(jpeg, "Hemlig")).isFalse();
    try {
      assertThat(Imaging.getMetadata(jpeg)).as("EXIF or Photoshop metadata").isNull();
      assertThat(Imaging.getXmpXml(jpeg)).as("XMP").isNull();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    BufferedImage image = TestPhotos.read(jpeg);
    assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(width, height);
  }

  private static void assertColour(BufferedImage image, int x, int y, Color expected) {
    Color actual = new Color(image.getRGB(x, y));
    assertThat(Math.abs(actual.getRed() - expected.getRed())
        + Math.abs(actual.getGreen() - expected.getGreen())
        + Math.abs(actual.getBlue() - expected.getBlue()))
        .as("colour at %d,%d is %s, expected %s", x, y, actual, expected)
        .isLessThan(60);
  }
}
