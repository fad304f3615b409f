package org.dialogkarta.correspondence;

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
import tools.jackson.databind.json.JsonMapper;

/** Speaks to the registered-views API as a planner's script or page would, JSON or multipart. */
final class ViewClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One multipart part; a null file name makes it a plain field. */
  record Part(String name, String fileName, String contentType, byte[] bytes) {}

  private final Api api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ViewClient(Api api) {
    this.api = api;
  }

  static String path(long dialogue) {
    return "/api/v1/staff/dialogues/" + dialogue + "/views";
  }

  /** A view body; location null for the whole area, sender a JSON object or null. */
  static String body(String receivedOn, String channel, String senderType, String text, String location,
      String sender) {
    return """
        {"receivedOn": %s, "channel": %s, "senderType": %s, "text": %s, "location": %s, "sender": %s}"""
        .formatted(JSON.writeValueAsString(receivedOn), JSON.writeValueAsString(channel),
            JSON.writeValueAsString(senderType), JSON.writeValueAsString(text),
            location == null ? "null" : location, sender == null ? "null" : sender);
  }

  static String point(double lon, double lat) {
    return "{\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat + "]}";
  }

  Api.Response post(long dialogue, String json, String auth) {
    return api.postJson(path(dialogue), json, "Authorization", auth);
  }

  /** Registers and insists on 201; the new view's id. */
  long registered(long dialogue, String json, String auth) {
    Api.Response r = post(dialogue, json, auth);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  Api.Response postMultipart(long dialogue, String auth, Part... parts) {
    String boundary = "----dialogkarta" + UUID.randomUUID();
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path(dialogue)))
        .header("Authorization", auth)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))));
  }

  static Part view(String json) {
    return new Part("view", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  static Part attachment(String fileName, String contentType, byte[] bytes) {
    return new Part("attachment", fileName, contentType, bytes);
  }

  Api.Response get(String path, String auth) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return api.send(b);
  }

  Api.Response put(String path, String json, String auth) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", auth)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Api.Response delete(String path, String auth) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", auth).DELETE());
  }

  HttpResponse<byte[]> bytes(String path, String auth) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", auth)
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] multipart(String boundary, Part... parts) {
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
}
