package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A dialogue's reply templates: create, list, change, delete, bad input, who may. */
class ReplyTemplatesTest extends ForwardingApiTest {

  private String base() {
    return "/api/v1/staff/dialogues/" + dialogue.id() + "/reply-templates";
  }

  @Test
  void plannersKeepTheirFrequentAnswers() {
    Api.Response created = planner.post(base(), "{\"title\": \"Vidarebefordrad\", \"text\": \"Tack! Vi har skickat detta vidare.\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    planner.post(base(), "{\"title\": \"Belysning\", \"text\": \"Gatubelysningen ses över i höst.\"}");
    List<String> titles = new ArrayList<>();
    planner.get(base()).json().forEach(t -> titles.add(t.get("title").asString()));
    assertThat(titles).containsExactly("Belysning", "Vidarebefordrad");
    // The slug works as the dialogue reference too.
    assertThat(planner.get("/api/v1/staff/dialogues/" + dialogue.slug() + "/reply-templates").json()).hasSize(2);

    Api.Response changed = planner.put(base() + "/" + id, "{\"title\": \"Skickad vidare\", \"text\": \"Tack! Vi har skickat det till den som ansvarar.\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("text").asString()).isEqualTo("Tack! Vi har skickat det till den som ansvarar.");
    assertThat(planner.delete(base() + "/" + id).status()).isEqualTo(204);
    assertThat(planner.get(base()).json()).hasSize(1);
    assertThat(audit("reply_template.create", planner.username)).isEqualTo(2);
    assertThat(audit("reply_template.change", planner.username)).isEqualTo(1);
    assertThat(audit("reply_template.delete", planner.username)).isEqualTo(1);
    // Another dialogue's templates are apart.
    assertThat(planner.put("/api/v1/staff/dialogues/" + data.openDialogue().id() + "/reply-templates/" + id,
        "{\"title\": \"x\", \"text\": \"y\"}").status()).isEqualTo(404);
  }

  @Test
  void badInputIsNamedAndStoresNothing() {
    Api.Response blank = planner.post(base(), "{\"title\": \"  \", \"text\": \"\"}");
    assertThat(blank.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    blank.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("title", "text");
    assertThat(planner.post(base(), "{\"title\": \"" + "x".repeat(201) + "\", \"text\": \"ok\"}").status()).isEqualTo(422);
    assertThat(planner.post(base(), "{\"title\": \"ok\", \"text\": \"" + "x".repeat(2001) + "\"}").status()).isEqualTo(422);
    planner.post(base(), "{\"title\": \"Tack\", \"text\": \"Tack för din synpunkt.\"}");
    JsonNode taken = planner.post(base(), "{\"title\": \"TACK\", \"text\": \"Annan text\"}").json();
    assertThat(taken.get("errors").get(0).get("code").asString()).isEqualTo("template.title_taken");
    assertThat(planner.get(base()).json()).hasSize(1);
    assertThat(moderator.post(base(), "{\"title\": \"M\", \"text\": \"m\"}").status()).isEqualTo(403);
    assertThat(moderator.get(base()).status()).isEqualTo(403);
    assertThat(planner.get("/api/v1/staff/dialogues/99999999/reply-templates").status()).isEqualTo(404);
  }
}
