package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A planner moves a pin along, routes it, notes things down; the submitter follows on the receipt. */
class WorkflowTest extends StaffApiTest {

  @Test
  void statusChangesAndForwardingReachTheReceipt() {
    Submitted pin = pin("Buskarna skymmer sikten vid övergångsstället", 16.18, 58.59);
    long streets = department("Gatukontoret");

    assertThat(status(pin, "{\"status\": \"in_review\"}").status()).isEqualTo(200);
    String before = footprint();
    Api.Response noDepartment = status(pin, "{\"status\": \"forwarded\"}");
    assertThat(noDepartment.status()).as(noDepartment.body()).isEqualTo(422);
    assertThat(noDepartment.json().get("errors").get(0).get("field").asString()).isEqualTo("departmentId");
    assertThat(noDepartment.json().get("errors").get(0).get("code").asString()).isEqualTo("department.required");
    assertThat(footprint()).isEqualTo(before);
    assertThat(receiptPin(pin).get("department").isNull()).as("not shown before it is forwarded").isTrue();

    Api.Response forwarded = status(pin, "{\"status\": \"forwarded\", \"departmentId\": " + streets + "}");
    assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
    JsonNode detail = forwarded.json();
    assertThat(detail.get("pin").get("status").asString()).isEqualTo("forwarded");
    assertThat(detail.get("pin").get("department").get("id").asLong()).isEqualTo(streets);
    assertThat(kinds(detail.get("events"))).containsExactly("status", "status", "assignment");
    assertThat(detail.get("nextStatuses").toString()).contains("planned").doesNotContain("received");

    assertThat(status(pin, "{\"status\": \"planned\"}").status()).isEqualTo(200);
    JsonNode own = receiptPin(pin);
    assertThat(own.get("status").asString()).isEqualTo("planned");
    assertThat(own.get("department").asString()).isEqualTo(departmentName(streets));
    List<String> steps = new ArrayList<>();
    own.get("history").forEach(e -> steps.add(e.get("kind").asString() + ":" + e.get("from").asString() + ">"
        + e.get("to").asString()));
    assertThat(steps).as("assignments are internal").containsExactly(
        "status:received>in_review", "status:in_review>forwarded", "status:forwarded>planned");
    assertThat(own.get("history").get(0).get("at").asString()).isNotBlank();
    assertThat(auditRows("pin.status", "pin", pin.id())).isEqualTo(3);

    // The public map shows the status, never the department or the history.
    JsonNode properties = api.get("/api/v1/pins/" + pin.id()).json().get("properties");
    assertThat(properties.get("status").asString()).isEqualTo("planned");
    assertThat(properties.toString()).doesNotContain("Gatukontoret");
  }

  @Test
  void aTransitionOutsideTheTableIsRefused() {
    Submitted pin = pin("Bänkarna är trasiga", 16.18, 58.59);
    assertThat(status(pin, "{\"status\": \"done\"}").status()).isEqualTo(200);
    String before = footprint();
    Api.Response r = status(pin, "{\"status\": \"not_feasible\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("status.transition");
    assertThat(footprint()).isEqualTo(before);
    // Reopening is always possible.
    assertThat(status(pin, "{\"status\": \"in_review\"}").status()).isEqualTo(200);
  }

  @Test
  void notesAreForStaffOnly() {
    Submitted pin = pin("Här behövs en papperskorg", 16.18, 58.59);
    Api.Response note = planner.post("/api/v1/staff/pins/" + pin.id() + "/notes",
        "{\"text\": \"Parkförvaltningen har redan beställt en\"}");
    assertThat(note.status()).as(note.body()).isEqualTo(201);
    assertThat(note.json().get("author").asString()).isEqualTo(planner.username);

    JsonNode detail = moderator.get("/api/v1/staff/moderation/pins/" + pin.id()).json();
    assertThat(detail.get("notes").get(0).get("text").asString()).isEqualTo("Parkförvaltningen har redan beställt en");
    assertThat(api.receipt(pin.receipt()).body()).doesNotContain("Parkförvaltningen");
    assertThat(api.get("/api/v1/pins/" + pin.id()).body()).doesNotContain("Parkförvaltningen");
    assertThat(auditRows("pin.note", "pin", pin.id())).isEqualTo(1);
  }

  @Test
  void theWorkspaceListFilters() {
    Submitted a = pin(dialogue, "safety_concern", "Mörkt", 16.18, 58.59);
    Submitted b = pin(dialogue, "suggestion", "Fler bänkar", 16.18, 58.59);
    Submitted c = pin(dialogue, "suggestion", "Lekplats", 16.18, 58.59);
    long parks = department("Parkförvaltningen");
    status(b, "{\"status\": \"forwarded\", \"departmentId\": " + parks + "}");

    String base = "/api/v1/staff/pins?dialogue=" + dialogue.slug();
    assertThat(ids(planner.get(base))).containsExactly(a.id(), b.id(), c.id());
    assertThat(ids(planner.get(base + "&category=suggestion"))).containsExactly(b.id(), c.id());
    assertThat(ids(planner.get(base + "&status=forwarded"))).containsExactly(b.id());
    assertThat(ids(planner.get(base + "&status=received,forwarded&category=suggestion"))).containsExactly(b.id(), c.id());
    assertThat(ids(planner.get(base + "&department=" + parks))).containsExactly(b.id());
    JsonNode item = planner.get(base + "&department=" + parks).json().get("pins").get(0);
    assertThat(item.get("department").get("name").asString()).isEqualTo(departmentName(parks));
  }

  private Api.Response status(Submitted pin, String body) {
    return planner.post("/api/v1/staff/pins/" + pin.id() + "/status", body);
  }

  private static List<String> kinds(JsonNode events) {
    List<String> kinds = new ArrayList<>();
    events.forEach(e -> kinds.add(e.get("kind").asString()));
    return kinds;
  }

  private static List<Long> ids(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("pins").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }
}
