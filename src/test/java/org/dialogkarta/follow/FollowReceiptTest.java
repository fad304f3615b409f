package org.dialogkarta.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A citizen follows their receipt's pins by e-mail: double opt-in, one message per change, unsubscribe. */
@IntegrationTest
class FollowReceiptTest extends FollowTestSupport {

  @Test
  void nothingButTheConfirmationIsQueuedBeforeTheAddressIsConfirmed() {
    Submitted pin = pin("Mörk gångväg vid skolan");
    String to = address();

    Api.Response asked = followReceipt(pin.receipt(), to, "sv");
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    List<Sent> sent = sentTo(to);
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().kind()).isEqualTo("follow_confirm");
    assertThat(sent.getFirst().subject()).contains("Bekräfta");
    assertThat(sent.getFirst().html()).contains("/folj#bekrafta=");

    status(pin.id(), "in_review");
    notices.sendWaiting();
    assertThat(sentTo(to)).as("nothing before confirmation").hasSize(1);

    Api.Response confirmed = confirm(confirmToken(to));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().get("kind").asString()).isEqualTo("receipt");

    status(pin.id(), "planned");
    notices.sendWaiting();
    notices.sendWaiting();
    List<Sent> updates = sentTo(to, "follow_update");
    assertThat(updates).as("exactly one update for one change").hasSize(1);
    Sent update = updates.getFirst();
    assertThat(update.text()).contains("Ny status: Åtgärd planerad").contains("Mörk gångväg vid skolan");
    assertThat(update.unsubscribeUrl()).startsWith(api.base() + "/api/v1/follow/unsubscribe?token=");
    assertThat(update.text()).contains(update.unsubscribeUrl());
  }

  @Test
  void aBulkReplyToSeveralOfOnePersonsPinsIsOneMessageInTheirLanguage() {
    Submitted first = pin("Lampan är trasig");
    Submitted second = pin("Buskarna skymmer", first.receipt());
    Submitted third = pin("Ingen trottoar", first.receipt());
    String to = followConfirmed(first.receipt(), "en");

    Api.Response r = staffPost(planner, "/api/v1/staff/pins/replies", """
        {"pinIds": [%d, %d, %d], "text": "We will look at this <soon>", "status": "in_review"}"""
        .formatted(first.id(), second.id(), third.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    notices.sendWaiting();

    List<Sent> updates = sentTo(to, "follow_update");
    assertThat(updates).hasSize(1);
    Sent update = updates.getFirst();
    assertThat(update.language()).isEqualTo("en");
    assertThat(update.subject()).contains("(3)");
    assertThat(update.text()).contains("Lampan är trasig", "Buskarna skymmer", "Ingen trottoar",
        "The municipality replied:", "We will look at this <soon>");
    assertThat(update.html()).contains("We will look at this &lt;soon&gt;").doesNotContain("<soon>");
  }

  @Test
  void aHiddenPinsSubmitterIsToldTheReason() {
    Submitted pin = pin("Köp billiga <script>klockor</script>");
    String to = followConfirmed(pin.receipt(), "sv");

    Api.Response hidden = staffPost(moderator, "/api/v1/staff/moderation/pins/" + pin.id() + "/hide",
        "{\"reason\": \"Reklam hör inte hemma här\"}");
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
    notices.sendWaiting();

    Sent update = sentTo(to, "follow_update").getFirst();
    assertThat(update.text()).contains("visas inte längre", "Reklam hör inte hemma här");
    assertThat(update.html()).contains("&lt;script&gt;").doesNotContain("<script>");
  }

  @Test
  void publicationAfterReviewAndAMergeAreNews() {
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", dialogue.id()).update();
    Submitted pin = pin("Bänken vid dammen är trasig");
    Submitted other = pin("Trasig bänk vid dammen");
    String to = followConfirmed(pin.receipt(), "sv");

    Api.Response approved = staffPost(moderator, "/api/v1/staff/moderation/pins/" + pin.id() + "/approve", "{}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    staffPost(moderator, "/api/v1/staff/moderation/pins/" + other.id() + "/approve", "{}");
    notices.sendWaiting();
    assertThat(sentTo(to, "follow_update")).hasSize(1);
    assertThat(sentTo(to, "follow_update").getFirst().text()).contains("visas nu på kartan");

    Api.Response merged = staffPost(planner, "/api/v1/staff/pins/merge",
        "{\"into\": %d, \"duplicates\": [%d]}".formatted(other.id(), pin.id()));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    notices.sendWaiting();
    List<Sent> updates = sentTo(to, "follow_update");
    assertThat(updates).hasSize(2);
    assertThat(updates.getLast().text()).contains("slagits ihop");
  }

  @Test
  void unsubscribingFromTheLinkStopsTheUpdates() {
    Submitted pin = pin("Cykelbanan tar slut");
    String to = followConfirmed(pin.receipt(), "sv");
    status(pin.id(), "in_review");
    notices.sendWaiting();
    String link = sentTo(to, "follow_update").getFirst().unsubscribeUrl();
    String path = link.substring(api.base().length());

    Api.Response page = getRaw(path);
    assertThat(page.status()).as("a click leads to a page that asks first").isEqualTo(303);
    assertThat(page.location()).startsWith("/folj#avsluta=");
    assertThat(subscriptions(to)).as("a GET ends nothing").isEqualTo(1);

    Api.Response oneClick = api.post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
    assertThat(subscriptions(to)).isZero();
    assertThat(api.post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status())
        .as("twice is no fault").isEqualTo(200);

    status(pin.id(), "planned");
    notices.sendWaiting();
    assertThat(sentTo(to, "follow_update")).hasSize(1);

    Api.Response forged = api.post("/api/v1/follow/unsubscribe?token=1.AAAAAAAAAAAAAAAAAAAAAA",
        "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    assertThat(forged.status()).isEqualTo(422);
    assertThat(forged.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
  }

  @Test
  void aLostReceiptLinkIsSentAgainAsANewTokenAndUnknownAddressesGetTheSameAnswer() {
    Submitted pin = pin("Saknar busskur");
    String to = followConfirmed(pin.receipt(), "sv");

    Api.Response known = api.postJson("/api/v1/follow/receipt-link", "{\"email\": \"" + to.toUpperCase() + "\"}");
    String unknownAddress = address();
    Api.Response unknown = api.postJson("/api/v1/follow/receipt-link", "{\"email\": \"" + unknownAddress + "\"}");
    assertThat(known.status()).isEqualTo(202);
    assertThat(unknown.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(known.body());
    assertThat(sentTo(unknownAddress)).isEmpty();

    Sent link = sentTo(to, "receipt_link").getFirst();
    Matcher m = RECEIPT_LINK.matcher(link.text());
    assertThat(m.find()).as(link.text()).isTrue();
    String newToken = m.group(1);
    assertThat(newToken).isNotEqualTo(pin.receipt());
    Api.Response receipt = api.receipt(newToken);
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
    assertThat(receipt.json().get("pins").get(0).get("id").asLong()).isEqualTo(pin.id());
    assertThat(api.receipt(pin.receipt()).status()).as("the old link still works").isEqualTo(200);
  }

  @Test
  void anUnconfirmedAddressGetsNoReceiptLink() {
    Submitted pin = pin("Trasig bänk");
    String to = address();
    followReceipt(pin.receipt(), to, "sv");
    Api.Response r = api.postJson("/api/v1/follow/receipt-link", "{\"email\": \"" + to + "\"}");
    assertThat(r.status()).isEqualTo(202);
    assertThat(sentTo(to, "receipt_link")).isEmpty();
  }

  @Test
  void aConfirmationLinkWorksOnceAndNotAfterItExpires() {
    Submitted pin = pin("Halt vid trappan");
    String to = address();
    followReceipt(pin.receipt(), to, "sv");
    String token = confirmToken(to);
    assertThat(confirm(token).status()).isEqualTo(200);
    Api.Response again = confirm(token);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().get("errors").get(0).get("code").asString()).isEqualTo("follow.confirm_invalid");

    String late = address();
    followReceipt(pin.receipt(), late, "sv");
    jdbc.sql("UPDATE follow_subscription SET confirm_expires_at = now() - interval '1 minute' WHERE address = :a")
        .param("a", late).update();
    assertThat(confirm(confirmToken(late)).status()).isEqualTo(422);
    assertThat(confirm("not-a-token").status()).isEqualTo(422);
  }

  @Test
  void subscribingTwiceGivesTheSameAnswerAndAConfirmedAddressGetsNoNewConfirmation() {
    Submitted pin = pin("Mörkt i parken");
    String to = followConfirmed(pin.receipt(), "sv");
    String fresh = address();
    Api.Response again = followReceipt(pin.receipt(), to, "sv");
    Api.Response first = followReceipt(pin.receipt(), fresh, "sv");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(sentTo(to, "follow_confirm")).as("no second confirmation to a confirmed address").hasSize(1);
  }

  @Test
  void anAddressGetsAtMostItsDaysShareOfConfirmations() {
    Submitted pin = pin("Högt gräs");
    String to = address();
    for (int i = 0; i < 8; i++) {
      assertThat(followReceipt(pin.receipt(), to, "sv").status()).isEqualTo(202);
    }
    assertThat(sentTo(to, "follow_confirm")).hasSize(5);
  }

  @Test
  void aClientThatAsksTooOftenIsRefusedForTheDay() {
    for (int i = 0; i < 30; i++) {
      assertThat(api.postJson("/api/v1/follow/receipt-link", "{\"email\": \"" + address() + "\"}").status())
          .isEqualTo(202);
    }
    Api.Response refused = api.postJson("/api/v1/follow/receipt-link", "{\"email\": \"" + address() + "\"}");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("code").asString()).isEqualTo("follow.rate_limited");
    assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(jdbc.sql("SELECT count(*) FROM rate_count WHERE budget = 'follow.client' AND count > 0").query(Long.class).single())
        .as("counted under keyed hashes, no address in clear").isPositive();
  }

  @Test
  void badInputIsRefusedByFieldAndStoresNothing() {
    Submitted pin = pin("Farlig korsning");
    long before = jdbc.sql("SELECT count(*) FROM follow_subscription").query(Long.class).single();
    Api.Response bad = followReceipt(pin.receipt(), "inte en adress", "sv");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    Api.Response injected = followReceipt(pin.receipt(), "a@example.se\r\nBcc: victim@example.se", "sv");
    assertThat(injected.status()).isEqualTo(422);
    assertThat(injected.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    Api.Response language = followReceipt(pin.receipt(), address(), "de");
    assertThat(language.status()).isEqualTo(422);
    assertThat(language.json().get("errors").get(0).get("field").asString()).isEqualTo("language");
    assertThat(followReceipt("x".repeat(43), address(), "sv").status()).as("unknown receipt").isEqualTo(404);
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void deletingTheLastPinDeletesTheAddressAndTheAuditLogNeverHoldsIt() {
    Submitted pin = pin("Sten på vägen");
    String to = followConfirmed(pin.receipt(), "sv");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE CAST(before AS text) LIKE :a OR CAST(after AS text) LIKE :a")
        .param("a", "%" + to + "%").query(Long.class).single()).isZero();
    Api.Response deleted = api.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(api.base() + "/api/v1/receipt/pins/" + pin.id())).header("X-Receipt-Token", pin.receipt()).DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(subscriptions(to)).isZero();
  }

  long subscriptions(String to) {
    return jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :a").param("a", to)
        .query(Long.class).single();
  }
}
