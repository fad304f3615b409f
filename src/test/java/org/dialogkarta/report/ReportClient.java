package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dialogkarta.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks to the report API as the planner's report page does, with a staff member's credentials. */
final class ReportClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Api api;
  private final String auth;

  ReportClient(Api api, String auth) {
    this.api = api;
    this.auth = auth;
  }

  static String base(long dialogue) {
    return "/api/v1/staff/dialogues/" + dialogue + "/report";
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  Api.Response get(String path) {
    return api.send(request(path).GET());
  }

  Api.Response post(String path, String json) {
    return api.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Api.Response put(String path, String json) {
    return api.send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Api.Response delete(String path) {
    return api.send(request(path).DELETE());
  }

  /** The bytes of a file download, insisting on 200. */
  byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(request(path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      return r.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a build (a draft, or with {@code publish} that version) and follows its progress to
   * the end, insisting that it finished; the last state seen.
   */
  JsonNode built(long dialogue, Integer publish) {
    Api.Response started = publish == null ? post(base(dialogue) + "/builds", "{}")
        : post(base(dialogue) + "/versions", "{\"number\": " + publish + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String path = base(dialogue) + "/builds/" + started.json().get("id").asString();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode build = started.json();
    while ("running".equals(build.get("state").asString()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      build = get(path).json();
      assertThat(build.get("percent").asInt()).isBetween(0, 100);
    }
    assertThat(build.get("state").asString()).as(build.toString()).isEqualTo("done");
    assertThat(build.get("percent").asInt()).isEqualTo(100);
    return build;
  }

  /** Creates a topic and insists on 201. */
  JsonNode topic(long dialogue, String title, String effect, String answer, String reason, String... views) {
    Api.Response r = post(base(dialogue) + "/topics", """
        {"title": %s, "effect": %s, "answer": %s, "reason": %s, "views": %s}"""
        .formatted(json(title), json(effect), json(answer), json(reason), json(views)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", auth);
  }
}
