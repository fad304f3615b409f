package org.dialogkarta.follow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Following by e-mail end to end through a real SMTP server (GreenMail): the confirmation arrives
 * and its link confirms; a status change reaches the subscriber once; the unsubscribe address in
 * the received message's List-Unsubscribe header ends the subscription; a digest groups a day's
 * events.
 */
@TestMail.WithSmtp
class FollowMailTest extends FollowTestSupport {

  @Autowired Digests digests;

  private static String header(MimeMessage m, String name) throws Exception {
    String[] values = m.getHeader(name);
    return values == null ? null : values[0];
  }

  @Test
  void doubleOptInThenAStatusChangeReachesTheSubscriberOnce() throws Exception {
    Submitted pin = pin("Gatlyktan blinkar hela natten");
    String to = TestMail.address("follow");
    assertThat(followReceipt(pin.receipt(), to, "sv").status()).isEqualTo(202);

    MimeMessage confirmation = TestMail.server().awaitOne(to);
    assertThat(confirmation.getSubject()).contains("Bekräfta");
    assertThat(header(confirmation, "List-Unsubscribe")).as("not a subscription yet").isNull();
    Matcher link = CONFIRM_LINK.matcher(TestMail.text(confirmation));
    assertThat(link.find()).isTrue();
    assertThat(TestMail.html(confirmation)).contains("/folj#bekrafta=" + link.group(1));

    status(pin.id(), "in_review"); // before confirmation: nothing to send
    notices.sendWaiting();
    assertThat(confirm(link.group(1)).status()).isEqualTo(200);
    status(pin.id(), "planned");
    notices.sendWaiting();

    List<MimeMessage> got = TestMail.server().await(to, 2);
    MimeMessage update = got.get(1);
    assertThat(update.getSubject()).contains("Nytt om dina synpunkter");
    assertThat(TestMail.text(update)).contains("Ny status: Åtgärd planerad").doesNotContain("Under handläggning");
    assertThat(header(update, "List-Unsubscribe")).startsWith("<http").contains("/api/v1/follow/unsubscribe?token=");
    assertThat(header(update, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    Thread.sleep(1500); // time for a duplicate to arrive, if there were one
    notices.sendWaiting();
    assertThat(TestMail.server().received(to)).hasSize(2);
  }

  @Test
  void theUnsubscribeAddressInTheReceivedMessageEndsTheSubscription() throws Exception {
    Submitted pin = pin("Hål i asfalten");
    String to = TestMail.address("unsub");
    followReceipt(pin.receipt(), to, "en");
    Matcher link = CONFIRM_LINK.matcher(TestMail.text(TestMail.server().awaitOne(to)));
    assertThat(link.find()).isTrue();
    confirm(link.group(1));
    status(pin.id(), "in_review");
    notices.sendWaiting();
    MimeMessage update = TestMail.server().await(to, 2).get(1);
    assertThat(TestMail.text(update)).contains("New status");

    String url = header(update, "List-Unsubscribe").replaceAll("^<|>$", "");
    Api.Response r = api.post(url.substring(api.base().length()), "application/x-www-form-urlencoded",
        "List-Unsubscribe=One-Click");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :a").param("a", to)
        .query(Long.class).single()).isZero();

    status(pin.id(), "planned");
    notices.sendWaiting();
    assertThat(sentTo(to)).as("nothing queued after unsubscribing").hasSize(2);
  }

  @Test
  void aDigestOfADaysEventsArrivesAsOneMessage() throws Exception {
    String to = TestMail.address("digest");
    Api.Response r = api.postJson("/api/v1/follow/subscriptions", "{\"email\": \"" + to + "\", \"frequency\": \"daily\","
        + " \"dialogue\": \"" + dialogue.slug() + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    Matcher link = CONFIRM_LINK.matcher(TestMail.text(TestMail.server().awaitOne(to)));
    assertThat(link.find()).isTrue();
    confirm(link.group(1));
    Submitted a = pin("Mörkt vid busshållplatsen");
    pin("Önskar fler papperskorgar");
    status(a.id(), "in_review");

    digests.send(OffsetDateTime.now(ZoneOffset.UTC).plusHours(25));
    MimeMessage digest = TestMail.server().await(to, 2).get(1);
    assertThat(TestMail.text(digest)).contains("2 nya synpunkter", "1 synpunkt har fått ny status",
        "/dialoger/" + dialogue.slug());
    assertThat(header(digest, "List-Unsubscribe")).contains(".all.");
  }
}
