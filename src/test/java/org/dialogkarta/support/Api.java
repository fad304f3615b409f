package org.dialogkarta.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running service, so tests see exactly what a browser or curl sees. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response postJson(String path, String body, String... headers) {
    return post(path, "application/json", body, headers);
  }

  public Response post(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Location").orElse(null), r.body(), r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The receipt of {@code token}, sent in its header as the receipt page does. */
  public Response receipt(String token) {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/receipt")).header("X-Receipt-Token", token).GET());
  }

  public String base() {
    return base;
  }

  public record Response(int status, String contentType, String location, String body,
      HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  /** A pin body in the public contract's shape; text is JSON-escaped here. */
  public static String pinJson(String category, String text, double lon, double lat) {
    return """
        {"category": %s, "text": %s, "location": {"type": "Point", "coordinates": [%s, %s]}}"""
        .formatted(JSON.writeValueAsString(category), JSON.writeValueAsString(text), lon, lat);
  }
}
