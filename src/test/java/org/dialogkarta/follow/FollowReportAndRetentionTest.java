package org.dialogkarta.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dialogkarta.privacy.Retention;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A followed pin that ends up in a published report is news; retention takes the address with the text. */
@IntegrationTest
class FollowReportAndRetentionTest extends FollowTestSupport {

  @Autowired Retention retention;

  @Test
  void publishingTheReportTellsTheFollowersOfItsPins() throws Exception {
    Submitted first = pin("Bygg en lekplats");
    Submitted second = pin("Och en bänk bredvid", first.receipt());
    String to = followConfirmed(first.receipt(), "sv");

    Api.Response started = staffPost(planner, "/api/v1/staff/dialogues/" + dialogue.id() + "/report/versions",
        "{\"number\": 1}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String path = "/api/v1/staff/dialogues/" + dialogue.id() + "/report/builds/" + started.json().get("id").asString();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode build = started.json();
    while ("running".equals(build.get("state").asString()) && System.nanoTime() < deadline) {
      Thread.sleep(300);
      build = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
          .header("Authorization", planner).GET()).json();
    }
    assertThat(build.get("state").asString()).as(build.toString()).isEqualTo("done");
    assertThat(jdbc.sql("SELECT count(*) FROM report_version_pin WHERE pin_id IN (:a, :b)")
        .param("a", first.id()).param("b", second.id()).query(Long.class).single()).isEqualTo(2);

    notices.sendWaiting();
    List<Sent> updates = sentTo(to, "follow_update");
    assertThat(updates).as("one message for the report, however many of the pins are in it").hasSize(1);
    assertThat(updates.getFirst().text()).contains("publicerade sammanställningen", "(version 1)",
        "/dialoger/" + dialogue.slug());
  }

  @Test
  void retentionDeletesTheAddressWithThePinsText() {
    Submitted pin = pin("Ring mig på 070-123 45 67");
    String to = followConfirmed(pin.receipt(), "sv");
    jdbc.sql("UPDATE dialogue SET status = 'completed', ends_on = DATE '2020-06-30' WHERE id = :id")
        .param("id", dialogue.id()).update();

    retention.run();

    assertThat(jdbc.sql("SELECT text IS NULL FROM pin WHERE id = :id").param("id", pin.id())
        .query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :a").param("a", to)
        .query(Long.class).single()).isZero();
  }
}
