package org.dialogkarta.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** With no SMTP host (as under {@code make run}) the outbox only queues. */
@IntegrationTest
class OutboxWithoutSmtpTest {

  @Autowired Outbox outbox;
  @Autowired OutboxWorker worker;
  @Autowired SmtpMailer mailer;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void nothingIsSentAndTheRowStaysQueued() throws Exception {
    long id = new TransactionTemplate(transactions).execute(s -> outbox.enqueue(
        new Mail("confirm", "someone@example.test", "sv", "Bekräfta", "Text", null, null)));

    assertThat(mailer.configured()).isFalse();
    assertThat(worker.runOnce()).isZero();
    worker.poll();

    record Row(String state, int attempts, String lastError) {}
    Row row = jdbc.sql("SELECT state, attempts, last_error FROM mail_outbox WHERE id = :id").param("id", id)
        .query(Row.class).single();
    assertThat(row).isEqualTo(new Row("queued", 0, null));
  }
}
