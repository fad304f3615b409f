package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Forwarding reaches the department: one message per forwarding, with the pins and the answer link. */
class ForwardingTest extends ForwardingApiTest {

  @Test
  void forwardingOnePinQueuesOneMessageWithThePinAndTheLink() {
    String to = unique("gata");
    long streets = department("Gatukontoret", to);
    Submitted pin = pin("Lampan vid busshållplatsen är trasig");

    Api.Response r = planner.post("/api/v1/staff/pins/" + pin.id() + "/status",
        "{\"status\": \"forwarded\", \"departmentId\": " + streets + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);

    List<Message> messages = messagesTo(to);
    assertThat(messages).hasSize(1);
    Message m = messages.get(0);
    assertThat(m.subject()).contains("1");
    assertThat(m.text()).contains("#" + pin.id(), "Lampan vid busshållplatsen är trasig", "Trygghet",
        "58.590000, 16.180000", "https://www.openstreetmap.org/?mlat=58.590000&mlon=16.180000");
    assertThat(m.html()).contains("Lampan vid busshållplatsen är trasig", "/svar#" + m.token());

    JsonNode view = planner.get("/api/v1/staff/pins/" + pin.id() + "/forwardings").json();
    JsonNode f = view.get("forwardings").get(0);
    assertThat(f.get("departmentId").asLong()).isEqualTo(streets);
    assertThat(f.get("recipients").get(0).asString()).isEqualTo(to);
    assertThat(f.get("state").asString()).isEqualTo("active");
    assertThat(f.get("sentAt").isNull()).isFalse();
    assertThat(f.get("createdBy").asString()).isEqualTo(planner.username);
    // Only the token's SHA-256 hash is kept.
    assertThat(jdbc.sql("SELECT count(*) FROM forwarding WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
        .param("t", m.token()).query(Long.class).single()).isEqualTo(1);
    assertThat(body(m.token()).json().get("pins").get(0).get("pin").get("id").asLong()).isEqualTo(pin.id());
  }

  @Test
  void bulkForwardingSendsExactlyOneMessageWithAllPinsAndOneLink() {
    String to = unique("bostad");
    long housing = department("Bostadsbolaget", to);
    Submitted a = pin("Trasig port i trapphus A");
    Submitted b = pin("suggestion", "Fler cykelställ vid gården", 16.181, 58.591);
    Submitted c = pin("Mörkt i gången mellan husen");

    Api.Response r = planner.post("/api/v1/staff/forwardings",
        "{\"pinIds\": [" + a.id() + "," + b.id() + "," + c.id() + "], \"departmentId\": " + housing + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("forwardings")).hasSize(1);
    assertThat(r.json().get("forwardings").get(0).get("pinIds")).hasSize(3);

    List<Message> messages = messagesTo(to);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).text()).contains("Trasig port i trapphus A", "Fler cykelställ vid gården",
        "Mörkt i gången mellan husen", "Förslag");
    assertThat(LINK.matcher(messages.get(0).text()).results().map(m -> m.group(1)).distinct()).hasSize(1);

    List<Long> listed = new ArrayList<>();
    body(messages.get(0).token()).json().get("pins").forEach(p -> listed.add(p.get("pin").get("id").asLong()));
    assertThat(listed).containsExactly(a.id(), b.id(), c.id());
    for (Submitted s : List.of(a, b, c)) {
      assertThat(publicPin(s.id()).get("status").asString()).isEqualTo("forwarded");
    }
  }

  @Test
  void aBulkReplyThatForwardsAlsoSendsOneMessage() {
    String to = unique("park");
    long parks = department("Parkförvaltningen", to);
    Submitted a = pin("Buskarna skymmer sikten");
    Submitted b = pin("Buskarna vid lekplatsen är för höga");
    Api.Response r = planner.post("/api/v1/staff/pins/replies", "{\"pinIds\": [" + a.id() + "," + b.id()
        + "], \"text\": \"Vi skickar detta till parkförvaltningen.\", \"status\": \"forwarded\", \"departmentId\": " + parks + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    List<Message> messages = messagesTo(to);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).text()).contains("Buskarna skymmer sikten", "Buskarna vid lekplatsen är för höga");
  }

  @Test
  void everyContactAddressGetsTheMessageAndADepartmentWithoutAddressesIsShownUnsent() {
    String first = unique("a");
    String second = unique("b");
    long two = department("Trafikverket", first, second);
    Submitted pin = pin("Farlig korsning");
    planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + pin.id() + "], \"departmentId\": " + two + "}");
    assertThat(messagesTo(first)).hasSize(1);
    assertThat(messagesTo(second)).hasSize(1);
    assertThat(messagesTo(first).get(0).token()).isEqualTo(messagesTo(second).get(0).token());

    long none = department("Polisen");
    Submitted other = pin("Klotter på tunneln");
    Api.Response r = planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + other.id() + "], \"departmentId\": " + none + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode f = r.json().get("forwardings").get(0);
    assertThat(f.get("state").asString()).isEqualTo("unsent");
    assertThat(f.get("recipients")).isEmpty();
    Api.Response again = planner.post("/api/v1/staff/forwardings/" + f.get("id").asLong() + "/resend", "{}");
    assertThat(again.status()).as(again.body()).isEqualTo(409);
  }

  @Test
  void revokedExpiredAndUnknownLinksAreTheSame404AndSendingAgainMakesANewLink() {
    String to = unique("v");
    long water = department("Vatten", to);
    Submitted pin = pin("Vattenpölen står kvar");
    long forwarding = planner.post("/api/v1/staff/forwardings",
        "{\"pinIds\": [" + pin.id() + "], \"departmentId\": " + water + "}").json().get("forwardings").get(0).get("id").asLong();
    String token = messagesTo(to).get(0).token();
    assertThat(body(token).status()).isEqualTo(200);

    Api.Response revoked = planner.post("/api/v1/staff/forwardings/" + forwarding + "/revoke", "{}");
    assertThat(revoked.json().get("state").asString()).isEqualTo("revoked");
    Api.Response gone = body(token);
    Api.Response unknown = body("A".repeat(43));
    Api.Response malformed = body("nope");
    assertThat(List.of(gone.status(), unknown.status(), malformed.status())).containsOnly(404);
    assertThat(gone.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(answer(token, pin.id(), "{\"action\": \"accept\"}").status()).isEqualTo(404);

    Api.Response resent = planner.post("/api/v1/staff/forwardings/" + forwarding + "/resend", "{}");
    assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    assertThat(resent.json().get("state").asString()).isEqualTo("active");
    assertThat(resent.json().get("sentCount").asInt()).isEqualTo(2);
    List<Message> messages = messagesTo(to);
    assertThat(messages).hasSize(2);
    String fresh = messages.get(1).token();
    assertThat(fresh).isNotEqualTo(token);
    assertThat(body(fresh).status()).isEqualTo(200);
    assertThat(body(token).status()).isEqualTo(404);

    jdbc.sql("UPDATE forwarding SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", forwarding).update();
    assertThat(body(fresh).status()).isEqualTo(404);
    assertThat(audit("forwarding.revoke", planner.username)).isEqualTo(1);
    assertThat(audit("forwarding.resend", planner.username)).isEqualTo(1);
  }

  @Test
  void contactAddressesAreCheckedAndOnlyForAdministrators() {
    long id = department("Miljö");
    Api.Response bad = admin.put("/api/v1/staff/departments/" + id + "/contacts",
        "{\"addresses\": [\"ok@example.se\", \"inte en adress\", \"x@y.se\\r\\nBcc: z@z.se\"]}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("addresses[1]", "addresses[2]");
    assertThat(admin.get("/api/v1/staff/departments/" + id + "/contacts").json().get("addresses")).isEmpty();
    assertThat(planner.get("/api/v1/staff/departments/" + id + "/contacts").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/staff/departments/99999999/contacts").status()).isEqualTo(404);
    // Never shown publicly: the department list that every staff member reads has no addresses.
    String to = unique("miljo");
    admin.put("/api/v1/staff/departments/" + id + "/contacts", "{\"addresses\": [\"" + to + "\"]}");
    assertThat(moderator.get("/api/v1/staff/departments").body()).doesNotContain(to);
  }

  @Test
  void forwardingBadInputStoresNothing() {
    long d = department("Kultur", unique("k"));
    Submitted pin = pin("Konst i tunneln");
    assertThat(planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [], \"departmentId\": " + d + "}").status()).isEqualTo(422);
    Api.Response noDepartment = planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + pin.id() + "]}");
    assertThat(noDepartment.status()).isEqualTo(422);
    assertThat(noDepartment.json().get("errors").get(0).get("field").asString()).isEqualTo("departmentId");
    assertThat(planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + pin.id() + "], \"departmentId\": 99999999}").status())
        .isEqualTo(422);
    assertThat(moderator.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + pin.id() + "], \"departmentId\": " + d + "}").status())
        .isEqualTo(403);
    assertThat(jdbc.sql("SELECT count(*) FROM forwarding_pin WHERE pin_id = :p").param("p", pin.id()).query(Long.class).single()).isZero();
    assertThat(publicPin(pin.id()).get("status").asString()).isEqualTo("received");
  }
}
