package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;

/**
 * Speaks to the photo API as a browser's form would: multipart/form-data built by hand (the JDK's
 * HTTP client has no multipart), photos fetched as bytes.
 */
final class PhotoClient {

  /** A pin made through the public API, with the receipt token that owns it. */
  record OwnPin(long id, String receipt) {}

  /** One part of a multipart body; a null file name makes it a plain form field. */
  record Part(String name, String fileName, String contentType, byte[] bytes) {
    static Part photo(String fileName, String contentType, byte[] bytes) {
      return new Part("photo", fileName, contentType, bytes);
    }
  }

  private final Api api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PhotoClient(int port) {
    this.api = new Api(port);
  }

  Api api() {
    return api;
  }

  OwnPin pin(TestData.Dialogue dialogue) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("safety_concern", "Mörk gångtunnel", 16.18, 58.59));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new OwnPin(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  Api.Response upload(OwnPin pin, byte[] jpeg) {
    return upload(pin.id(), pin.receipt(), Part.photo("IMG_0001.jpg", "image/jpeg", jpeg));
  }

  /** Uploads and insists on 201; the new photo's id. */
  long uploaded(OwnPin pin, byte[] image) {
    Api.Response r = upload(pin, image);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  Api.Response upload(long pinId, String receipt, Part... parts) {
    String boundary = "----dialogkarta" + UUID.randomUUID();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/pins/" + pinId + "/photos"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)));
    if (receipt != null) {
      request.header("X-Receipt-Token", receipt);
    }
    return api.send(request);
  }

  static byte[] multipart(String boundary, Part... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
      if (p.fileName() != null) {
        head.append("; filename=\"").append(p.fileName()).append('"');
      }
      head.append("\r\n");
      if (p.contentType() != null) {
        head.append("Content-Type: ").append(p.contentType()).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(p.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  HttpResponse<byte[]> get(String path) {
    return get(path, null);
  }

  /** With {@code receipt}, sent in the X-Receipt-Token header, as the receipt page fetches own photos. */
  HttpResponse<byte[]> get(String path, String receipt) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30));
      if (receipt != null) {
        request.header("X-Receipt-Token", receipt);
      }
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GETs a photo and insists on a 200 JPEG. */
  byte[] jpegAt(String path) {
    return jpegAt(path, null);
  }

  byte[] jpegAt(String path, String receipt) {
    HttpResponse<byte[]> r = get(path, receipt);
    assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    return r.body();
  }
}
