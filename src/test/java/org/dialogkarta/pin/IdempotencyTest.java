package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A phone on a bad connection retries; the same Idempotency-Key must make exactly one pin. */
@IntegrationTest
class IdempotencyTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void concurrentRetriesWithOneKeyCreateOnePin() throws Exception {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue dialogue = data.openDialogue();
    String key = UUID.randomUUID().toString();
    String body = Api.pinJson("safety_concern", "Trasig belysning i tunneln", 16.18, 58.59);
    int retries = 12;

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> answers;
    try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
      answers = java.util.stream.IntStream.range(0, retries)
          .mapToObj(i -> pool.submit(() -> {
            start.await();
            return api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body, "Idempotency-Key", key);
          }))
          .toList();
      start.countDown();
    }

    long firstId = -1;
    String firstReceipt = null;
    for (Future<Api.Response> f : answers) {
      Api.Response r = f.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      long id = r.json().get("id").asLong();
      String receipt = r.json().get("receipt").asString();
      if (firstReceipt == null) {
        firstId = id;
        firstReceipt = receipt;
      }
      assertThat(id).isEqualTo(firstId);
      assertThat(receipt).isEqualTo(firstReceipt);
    }
    assertThat(data.pinCount(dialogue)).isOne();
    long replayed = answers.stream().filter(f -> f.resultNow().raw().headers()
        .firstValue("Idempotent-Replayed").isPresent()).count();
    assertThat(replayed).isEqualTo(retries - 1);
    // What the table keeps lets a retry have its receipt, but a copy of it gives no token back.
    String kept = jdbc.sql("SELECT receipt_token FROM idempotency_record WHERE kind = 'pin' AND key = CAST(:k AS uuid)")
        .param("k", key).query(String.class).single();
    assertThat(kept).startsWith("v1:").doesNotContain(firstReceipt);
    assertThat(new String(java.util.Base64.getDecoder().decode(kept.substring(3)), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(firstReceipt);
  }

  @Test
  void withoutAKeyEachPostIsANewPin() {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue dialogue = data.openDialogue();
    String body = Api.pinJson("suggestion", "Fler papperskorgar", 16.18, 58.59);
    api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body);
    api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body);
    assertThat(data.pinCount(dialogue)).isEqualTo(2);
  }
}
