package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of bad photo gets a 4xx problem naming the field {@code photo} with a stable code,
 * and nothing is stored.
 */
@IntegrationTest
class PhotoBadInputTest {

  private static final int MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private PhotoClient client;
  private PhotoClient.OwnPin pin;

  @BeforeEach
  void setUp() {
    client = new PhotoClient(port);
    pin = client.pin(new TestData(jdbc).openDialogue());
  }

  static Stream<Arguments> badPhotos() {
    byte[] jpeg = TestPhotos.jpeg(800, 600);
    return Stream.of(
        bad("an empty file", "photo.jpg", "image/jpeg", new byte[0], 422, "photo.missing"),
        bad("a text file called .jpg", "photo.jpg", "image/jpeg",
            "Det här är ingen bild".getBytes(StandardCharsets.UTF_8), 422, "photo.not_image"),
        bad("an HTML page declared as PNG", "x.png", "image/png",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), 422, "photo.not_image"),
        bad("a PDF", "karta.pdf", "application/pdf",
            "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), 422, "photo.not_image"),
        bad("an iPhone HEIC photo", "IMG_0001.HEIC", "image/heic", TestPhotos.heicHeader(), 415,
            "photo.unsupported_format"),
        bad("a HEIC photo renamed to .jpg", "IMG_0001.jpg", "image/jpeg", TestPhotos.heicHeader(), 415,
            "photo.unsupported_format"),
        bad("a GIF", "anim.gif", "image/gif", TestPhotos.write(TestPhotos.quarters(40, 30), "gif"), 415,
            "photo.unsupported_format"),
        bad("a PNG claiming 50000 × 50000 (a decompression bomb)", "bomb.png", "image/png",
            TestPhotos.pngClaiming(50_000, 50_000), 422, "photo.bad_dimensions"),
        bad("a JPEG claiming 8000 × 6000 (48 megapixels)", "big.jpg", "image/jpeg",
            TestPhotos.jpegClaiming(8000, 6000), 422, "photo.bad_dimensions"),
        bad("a JPEG claiming a side of 13000", "long.jpg", "image/jpeg",
            TestPhotos.jpegClaiming(13_000, 100), 422, "photo.bad_dimensions"),
        bad("a JPEG claiming 65535 × 65535", "huge.jpg", "image/jpeg",
            TestPhotos.jpegClaiming(65_535, 65_535), 422, "photo.bad_dimensions"),
        bad("a JPEG of height zero", "flat.jpg", "image/jpeg", TestPhotos.jpegClaiming(64, 0), 422,
            "photo.bad_dimensions"),
        bad("a PNG of width zero", "thin.png", "image/png", TestPhotos.pngClaiming(0, 10), 422,
            "photo.bad_dimensions"),
        bad("a JPEG cut off halfway", "cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2), 422,
            "photo.unreadable"),
        bad("a JPEG missing its last bytes", "cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length - 20), 422,
            "photo.unreadable"),
        bad("only a JPEG's first bytes", "cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, 300), 422,
            "photo.unreadable"),
        bad("a PNG with broken image data", "broken.png", "image/png", TestPhotos.pngWithBrokenData(300, 200), 422,
            "photo.unreadable"),
        bad("a file just over 10 MB", "big.jpg", "image/jpeg", Arrays.copyOf(jpeg, 10 * MB + 1), 413,
            "photo.too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPhotos")
  void badPhotosAreRefusedAndNothingIsStored(String why, String fileName, String type, byte[] bytes,
      int status, String code) {
    Api.Response r = client.upload(pin.id(), pin.receipt(), PhotoClient.Part.photo(fileName, type, bytes));
    assertPhotoProblem(r, status, code);
    assertThat(photoCount()).isZero();
  }

  @Test
  void aRequestWithoutThePhotoPartIsRefused() {
    Api.Response r = client.upload(pin.id(), pin.receipt(),
        new PhotoClient.Part("file", "IMG_0001.jpg", "image/jpeg", TestPhotos.jpeg(80, 60)));
    assertPhotoProblem(r, 422, "photo.missing");
    assertPhotoProblem(client.upload(pin.id(), pin.receipt(),
        new PhotoClient.Part("photo", null, null, "text".getBytes(StandardCharsets.UTF_8))), 422, "photo.missing");
    assertThat(photoCount()).isZero();
  }

  @Test
  void aFileOverTheMultipartLimitIsA413ProblemToo() {
    // Past spring.servlet.multipart.max-file-size, refused while parsing: never a 500.
    Api.Response r = client.upload(pin.id(), pin.receipt(),
        PhotoClient.Part.photo("huge.jpg", "image/jpeg", Arrays.copyOf(TestPhotos.jpeg(80, 60), 11 * MB + MB / 2)));
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("code").asString()).isEqualTo("upload.too_large");
    assertThat(photoCount()).isZero();
  }

  @Test
  void aBodyThatIsNotMultipartIsRefused() {
    HttpRequest.Builder raw = HttpRequest.newBuilder(URI.create(client.api().base() + "/api/v1/pins/" + pin.id() + "/photos"))
        .header("Content-Type", "image/jpeg").header("X-Receipt-Token", pin.receipt())
        .POST(HttpRequest.BodyPublishers.ofByteArray(TestPhotos.jpeg(80, 60)));
    Api.Response notMultipart = client.api().send(raw);
    assertThat(notMultipart.status()).isEqualTo(415);
    assertThat(notMultipart.json().get("code").asString()).isEqualTo("http.415");

    HttpRequest.Builder broken = HttpRequest.newBuilder(URI.create(client.api().base() + "/api/v1/pins/" + pin.id() + "/photos"))
        .header("Content-Type", "multipart/form-data; boundary=xyz").header("X-Receipt-Token", pin.receipt())
        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\nno end"));
    Api.Response malformed = client.api().send(broken);
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.json().get("code").asString()).isEqualTo("body.malformed");
    assertThat(photoCount()).isZero();
  }

  private long photoCount() {
    return jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :pin").param("pin", pin.id()).query(Long.class).single();
  }

  static void assertPhotoProblem(Api.Response r, int status, String code) {
    Problems.assertProblem(r, status, code, "photo");
  }

  private static Arguments bad(String why, String fileName, String type, byte[] bytes, int status, String code) {
    return Arguments.of(why, fileName, type, bytes, status, code);
  }
}
