package org.dialogkarta.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The administrators' outbox API, without an SMTP server (as under make run), and the 30-day purge. */
@IntegrationTest
class OutboxAdminTest {

  @LocalServerPort int port;
  @Autowired Outbox outbox;
  @Autowired OutboxRetention retention;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String admin;
  private String planner;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    admin = StaffAccounts.basic(accounts.create(StaffRole.ADMIN));
    planner = StaffAccounts.basic(accounts.create(StaffRole.PLANNER));
  }

  @Test
  void adminsSeeTheNewestMessagesFirstPagedWithTheNoteThatNothingIsSent() {
    long older = enqueue("first@example.test", "Äldre", "Den första texten");
    long newer = enqueue("second@example.test", "Nyare", "Den andra texten\nmed två rader");

    JsonNode page = get("/api/v1/staff/mail/outbox?size=1", admin).json();
    assertThat(page.get("smtpConfigured").asBoolean()).isFalse();
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(page.get("items")).hasSize(1);
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("id").asLong()).isEqualTo(newer);
    assertThat(first.get("to").asString()).isEqualTo("second@example.test");
    assertThat(first.get("state").asString()).isEqualTo("queued");
    assertThat(first.has("text")).as("bodies only on demand").isFalse();
    JsonNode second = get("/api/v1/staff/mail/outbox?size=1&page=1", admin).json().get("items").get(0);
    assertThat(second.get("id").asLong()).isEqualTo(older);

    JsonNode detail = get("/api/v1/staff/mail/outbox/" + newer, admin).json();
    assertThat(detail.get("text").asString()).isEqualTo("Den andra texten\nmed två rader");
    assertThat(get("/api/v1/staff/mail/outbox/999999999", admin).status()).isEqualTo(404);
    assertThat(get("/api/v1/staff/mail/outbox?state=lost", admin).status()).isEqualTo(422);
  }

  @Test
  void addressesAreForAdministratorsOnly() {
    long id = enqueue("private@example.test", "Privat", "Text");
    assertThat(get("/api/v1/staff/mail/outbox", planner).status()).isEqualTo(403);
    assertThat(get("/api/v1/staff/mail/outbox/" + id, planner).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/staff/mail/outbox").status()).isEqualTo(401);
  }

  @Test
  void finishedMessagesLeaveAfterThirtyDaysAndQueuedOnesStay() {
    long oldSent = enqueue("old@example.test", "Gammal", "Text");
    long recentSent = enqueue("recent@example.test", "Ny", "Text");
    long oldQueued = enqueue("waiting@example.test", "Väntar", "Text");
    jdbc.sql("UPDATE mail_outbox SET state = 'sent', sent_at = now() - interval '31 days' WHERE id = :id")
        .param("id", oldSent).update();
    jdbc.sql("UPDATE mail_outbox SET state = 'sent', sent_at = now() - interval '29 days' WHERE id = :id")
        .param("id", recentSent).update();
    jdbc.sql("UPDATE mail_outbox SET created_at = now() - interval '40 days' WHERE id = :id")
        .param("id", oldQueued).update();

    assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(recentSent)).isTrue();
    assertThat(exists(oldQueued)).isTrue();
  }

  private Api.Response get(String path, String auth) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", auth).GET());
  }

  private long enqueue(String to, String subject, String text) {
    return new TransactionTemplate(transactions).execute(s ->
        outbox.enqueue(new Mail("update", to, "sv", subject, text, null, null)));
  }

  private boolean exists(long id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE id = :id)").param("id", id)
        .query(Boolean.class).single();
  }
}
