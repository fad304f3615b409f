package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Pins down the error body that clients and the pages rely on (RFC 9457 plus our fields). */
@IntegrationTest
class ProblemDetailsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aValidationProblemHasTheAgreedShape() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String path = "/api/v1/dialogues/" + d.slug() + "/pins";
    Api.Response r = new Api(port).postJson(path,
        "{\"category\": \"complaint\", \"text\": \"  \", \"location\": {\"type\": \"Point\", \"coordinates\": [16.18, 58.59]}}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code", "errors");
    assertThat(p.get("type").asString()).isEqualTo("about:blank");
    assertThat(p.get("title").asString()).isEqualTo("Invalid input");
    assertThat(p.get("status").asInt()).isEqualTo(422);
    assertThat(p.get("detail").asString()).isEqualTo("Invalid fields: category, text");
    assertThat(p.get("instance").asString()).isEqualTo(path);
    assertThat(p.get("code").asString()).isEqualTo("validation");
    assertThat(p.get("errors")).hasSize(2);
    JsonNode first = p.get("errors").get(0);
    assertThat(first.propertyNames()).containsExactly("field", "code", "message");
    assertThat(first.get("field").asString()).isEqualTo("category");
    assertThat(first.get("code").asString()).isEqualTo("category.unknown");
    assertThat(first.get("message").asString()).contains("suggestion, safety_concern, service_gap, valued_place");
    assertThat(p.get("errors").get(1).get("code").asString()).isEqualTo("text.blank");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    Api api = new Api(port);
    Api.Response missing = api.get("/api/v1/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(missing.json().get("code").asString()).isEqualTo("http.404");

    Api.Response method = api.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(api.base() + "/api/v1/dialogues/some-dialogue/pins"))
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get("code").asString()).isEqualTo("http.405");
    assertThat(method.body()).doesNotContain("Exception", "at org.");
  }
}
