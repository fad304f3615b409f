package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.dialogkarta.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Forwarding over a real SMTP server (GreenMail): one message arrives for the forwarding, and the
 * body's answer through the link in it becomes a public reply once a planner approves it.
 */
@TestMail.WithSmtp
class ForwardingMailTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void forwardingSendsOneMessageAndTheBodysAnswerThroughItsLinkBecomesAReplyAfterApproval() throws Exception {
    Api api = new Api(port);
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    String to = TestMail.address("bostadsbolaget");
    long housing = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'external') RETURNING id")
        .param("n", "Bostadsbolaget " + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
    jdbc.sql("INSERT INTO department_contact (department_id, address) VALUES (:d, :a)").param("d", housing).param("a", to).update();
    long[] pins = new long[2];
    for (int i = 0; i < 2; i++) {
      Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
          Api.pinJson("safety_concern", i == 0 ? "Porten i hus B går inte att låsa" : "Trasig lampa i trapphuset", 16.18, 58.59));
      pins[i] = r.json().get("id").asLong();
    }

    Api.Response forwarded = api.postJson("/api/v1/staff/forwardings",
        "{\"pinIds\": [" + pins[0] + "," + pins[1] + "], \"departmentId\": " + housing + "}", "Authorization", planner);
    assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(201);

    MimeMessage message = TestMail.server().awaitOne(to);
    Thread.sleep(1500); // a second message would have come by now
    assertThat(TestMail.server().received(to)).hasSize(1);
    assertThat(message.getSubject()).contains("2");
    String text = TestMail.text(message);
    assertThat(text).contains("Porten i hus B går inte att låsa", "Trasig lampa i trapphuset");
    assertThat(TestMail.html(message)).contains("Porten i hus B går inte att låsa");
    Matcher link = ForwardingApiTest.LINK.matcher(text);
    assertThat(link.find()).isTrue();
    String token = link.group(1);

    Api.Response answer = api.postJson("/api/v1/forwarding/pins/" + pins[0], "{\"action\": \"planned\", \"date\": \""
        + LocalDate.now().plusDays(14) + "\", \"text\": \"Vi byter låset nästa vecka.\"}", "X-Answer-Token", token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/pins/" + pins[0]).body()).doesNotContain("Vi byter låset");

    long reply = answer.json().get("answers").get(1).get("id").asLong();
    Api.Response approved = api.postJson("/api/v1/staff/forwardings/answers/" + reply + "/approve", "{}", "Authorization", planner);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    String publicPin = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/pins/" + pins[0])).GET()).body();
    assertThat(publicPin).contains("Vi byter låset nästa vecka.", "planned");
  }
}
