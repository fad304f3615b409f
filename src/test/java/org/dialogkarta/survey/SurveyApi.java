package org.dialogkarta.survey;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import tools.jackson.databind.JsonNode;

/** The questionnaire API as the tests speak it: an administrator's builder calls and a citizen's answers. */
final class SurveyApi {

  private final Api api;
  private final String admin;

  SurveyApi(Api api, StaffAccounts staff) {
    this.api = api;
    this.admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
  }

  Api.Response create(long dialogue, String questionJson) {
    return api.postJson(questions(dialogue), questionJson, "Authorization", admin);
  }

  /** Creates a question and gives its id; fails the test when refused. */
  long question(long dialogue, String questionJson) {
    Api.Response r = create(dialogue, questionJson);
    if (r.status() != 201) {
      throw new AssertionError("question not created: " + r.status() + " " + r.body());
    }
    return r.json().get("id").asLong();
  }

  Api.Response update(long dialogue, long question, String questionJson) {
    return send("PUT", questions(dialogue) + "/" + question, questionJson);
  }

  Api.Response delete(long dialogue, long question) {
    return send("DELETE", questions(dialogue) + "/" + question, null);
  }

  Api.Response reorder(long dialogue, String orderJson) {
    return send("PUT", questions(dialogue) + "/order", orderJson);
  }

  Api.Response staffGet(String path) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", admin).GET());
  }

  JsonNode questionnaire(String dialogueRef) {
    return api.get("/api/v1/dialogues/" + dialogueRef + "/questionnaire").json();
  }

  Api.Response respond(long dialogue, String answersJson) {
    return api.postJson("/api/v1/dialogues/" + dialogue + "/responses", "{\"answers\": " + answersJson + "}",
        "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Response send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
        .header("Authorization", admin)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return api.send(b);
  }

  private static String questions(long dialogue) {
    return "/api/v1/staff/dialogues/" + dialogue + "/questions";
  }

  static String choice(String kind, String label, String... codes) {
    StringBuilder options = new StringBuilder();
    for (String code : codes) {
      options.append(options.isEmpty() ? "" : ", ")
          .append("{\"code\": \"").append(code).append("\", \"sv\": \"").append(code.toUpperCase()).append("\", \"en\": \"")
          .append(code).append("\"}");
    }
    return "{\"kind\": \"" + kind + "\", \"label\": {\"sv\": \"" + label + "\", \"en\": \"" + label + " (en)\"}, \"options\": ["
        + options + "]}";
  }
}
