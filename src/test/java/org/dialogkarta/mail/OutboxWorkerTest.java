package org.dialogkarta.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.dialogkarta.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox worker against a real SMTP server (GreenMail, {@link TestMail}) and the real database. */
@TestMail.WithSmtp
class OutboxWorkerTest {

  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MailSettings settings;
  @Autowired MailBounces bounces;

  private final TestMail smtp = TestMail.server();

  @Test
  void aMessageArrivesWithTextAndHtmlAndTheOneClickUnsubscribeHeaders() throws Exception {
    String to = TestMail.address("update");
    long id = enqueue(new Mail("update", to, "sv", "Nytt om din synpunkt på Åbygatan",
        "Hej!\nKommunen har svarat.", "<p>Hej! <b>Kommunen</b> har svarat.</p>",
        "https://dialog.kommun.example/avsluta?t=abc"));

    MimeMessage m = smtp.awaitOne(to);

    assertThat(m.getSubject()).isEqualTo("Nytt om din synpunkt på Åbygatan");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("dialogkarta@kommun.example");
    assertThat(m.isMimeType("multipart/alternative")).isTrue();
    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(TestMail.text(m)).isEqualTo("Hej!\nKommunen har svarat.");
    assertThat(TestMail.html(m)).isEqualTo("<p>Hej! <b>Kommunen</b> har svarat.</p>");
    assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://dialog.kommun.example/avsluta?t=abc>");
    assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    awaitTrue(() -> "sent".equals(state(id)));
    assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE id = :id").param("id", id)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void aMessageWithoutHtmlOrSubscriptionIsPlainTextWithoutListHeaders() throws Exception {
    String to = TestMail.address("confirm");
    enqueue(new Mail("confirm", to, "en", "Confirm your address", "Open the link.", null, null));

    MimeMessage m = smtp.awaitOne(to);

    assertThat(m.isMimeType("text/plain")).isTrue();
    assertThat(TestMail.text(m)).isEqualTo("Open the link.");
    assertThat(m.getHeader("List-Unsubscribe")).isNull();
  }

  @Test
  void whileTheServerIsDownTheWorkerBacksOffAndSendsExactlyOnceWhenItIsBack() throws Exception {
    String to = TestMail.address("down");
    smtp.stop();
    long id;
    try {
      id = enqueue(new Mail("update", to, "sv", "Medan servern var nere", "Text", null, null));
      long other = enqueue(new Mail("update", TestMail.address("down-too"), "sv", "Också", "Text", null, null));
      awaitTrue(() -> attempts(id) >= 1 && attempts(other) >= 1);
      assertThat(state(id)).isEqualTo("queued");
      assertThat(jdbc.sql("SELECT last_error FROM mail_outbox WHERE id = :id").param("id", id)
          .query(String.class).single()).isNotBlank();
      assertThat(jdbc.sql("SELECT next_attempt_at > now() + interval '0.5 seconds' FROM mail_outbox WHERE id = :id")
          .param("id", id).query(Boolean.class).single()).as("the next attempt waits").isTrue();
    } finally {
      smtp.start();
    }

    smtp.awaitOne(to);
    awaitTrue(() -> "sent".equals(state(id)));
    Thread.sleep(1500); // several more turns of the worker
    assertThat(smtp.received(to)).hasSize(1);
    assertThat(attempts(id)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void twoWorkersOnOneDatabaseSendEachMessageOnce() throws Exception {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      addresses.add(TestMail.address("twice" + i));
    }
    // Node B and node C beside this context's own scheduled worker: each its own SMTP client.
    List<OutboxWorker> nodes = List.of(
        new OutboxWorker(jdbc, transactions, new SmtpMailer(settings), settings, bounces),
        new OutboxWorker(jdbc, transactions, new SmtpMailer(settings), settings, bounces));
    AtomicInteger byNodes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (OutboxWorker node : nodes) {
        running.add(pool.submit(() -> {
          long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
          while (System.nanoTime() < until) {
            byNodes.addAndGet(node.runOnce());
          }
        }));
      }
      new TransactionTemplate(transactions).executeWithoutResult(s -> addresses.forEach(to ->
          outbox.enqueue(new Mail("digest", to, "sv", "Veckans nytt", "Text", null, null))));
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(byNodes.get()).as("nodes B and C sent some").isPositive();
    for (String to : addresses) {
      smtp.await(to, 1);
    }
    Thread.sleep(1000);
    for (String to : addresses) {
      assertThat(smtp.received(to)).as(to).hasSize(1);
    }
  }

  @Test
  void aRecipientRefusedWith5xxBouncesAndLaterMessagesToItAreNotSent() throws Exception {
    String to = TestMail.address("gone");
    smtp.refuse(to);
    long first = enqueue(new Mail("update", to, "sv", "Första", "Text", null, null));

    awaitTrue(() -> "bounced".equals(state(first)));
    assertThat(attempts(first)).isEqualTo(1);
    assertThat(bounces.bounced(to.toUpperCase())).isTrue();
    assertThat(jdbc.sql("SELECT reason FROM mail_bounce WHERE address = :a").param("a", to)
        .query(String.class).single()).contains("550");

    long later = enqueue(new Mail("update", to.toUpperCase(), "sv", "Andra", "Text", null, null));
    assertThat(state(later)).isEqualTo("bounced");
    String other = TestMail.address("alive");
    enqueue(new Mail("update", other, "sv", "Till en annan", "Text", null, null));
    smtp.awaitOne(other);
    assertThat(smtp.received(to)).isEmpty();
    assertThat(state(later)).isEqualTo("bounced");
  }

  private long enqueue(Mail mail) {
    return new TransactionTemplate(transactions).execute(s -> outbox.enqueue(mail));
  }

  private String state(long id) {
    return jdbc.sql("SELECT state FROM mail_outbox WHERE id = :id").param("id", id).query(String.class).single();
  }

  private int attempts(long id) {
    return jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = :id").param("id", id).query(Integer.class).single();
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Condition not met within 10 s");
      }
      Thread.sleep(50);
    }
  }
}
