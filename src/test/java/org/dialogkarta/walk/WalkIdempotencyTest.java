package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Walk mode on a flaky network retries everything it sends, sometimes several times at once: the
 * same Idempotency-Key must make one pin, one photo.
 */
class WalkIdempotencyTest extends WalkApiTest {

  @Test
  void concurrentRetriesOfAWalkPinCreateOnePin() throws Exception {
    long walkId = walkNow();
    String key = UUID.randomUUID().toString();
    String body = walkPinJson(walkId, "safety_concern", "Trasig belysning i tunneln", LON, LAT,
        java.time.Instant.now().minusSeconds(120));
    List<Api.Response> answers = all(12, () ->
        api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body, "Idempotency-Key", key));

    long firstId = answers.getFirst().json().get("id").asLong();
    String receipt = answers.getFirst().json().get("receipt").asString();
    assertThat(answers).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("id").asLong()).isEqualTo(firstId);
      assertThat(r.json().get("receipt").asString()).isEqualTo(receipt);
    });
    assertThat(walkPinCount(walkId)).isOne();
    assertThat(answers.stream().filter(r -> r.raw().headers().firstValue("Idempotent-Replayed").isPresent()))
        .hasSize(11);

    // Sent once more after the walk was closed: still the same pin, not a refusal.
    asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/close", null);
    Api.Response late = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body, "Idempotency-Key", key);
    assertThat(late.status()).as(late.body()).isEqualTo(201);
    assertThat(late.json().get("id").asLong()).isEqualTo(firstId);

    Api.Response other = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        body.replace("tunneln", "gången"), "Idempotency-Key", key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("errors").get(0).get("code").asString()).isEqualTo("idempotency_key.reused");
    assertThat(walkPinCount(walkId)).isOne();
  }

  @Test
  void aPhotoUploadRetriedWithTheSameKeyGivesOnePhoto() throws Exception {
    long walkId = walkNow();
    Pinned pin = pinned(walkId, "safety_concern", "Klotter och krossat glas", null);
    byte[] photo = jpeg(Color.ORANGE);
    String key = UUID.randomUUID().toString();

    Api.Response first = uploadPhoto(pin.id(), pin.receipt(), photo, key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Api.Response retry = uploadPhoto(pin.id(), pin.receipt(), photo, key);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.location()).isEqualTo(first.location());
    assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(photoCount(pin.id())).isOne();

    List<Api.Response> together = all(6, () -> uploadPhoto(pin.id(), pin.receipt(), photo, key));
    assertThat(together).allSatisfy(r -> assertThat(r.body()).isEqualTo(first.body()));
    assertThat(photoCount(pin.id())).isOne();

    Api.Response otherBytes = uploadPhoto(pin.id(), pin.receipt(), jpeg(Color.CYAN), key);
    assertThat(otherBytes.status()).isEqualTo(422);
    assertThat(otherBytes.json().get("errors").get(0).get("code").asString()).isEqualTo("idempotency_key.reused");
    Pinned otherPin = pinned(walkId, "safety_concern", "Ännu en plats", null);
    Api.Response otherPinSameKey = uploadPhoto(otherPin.id(), otherPin.receipt(), photo, key);
    assertThat(otherPinSameKey.status()).isEqualTo(422);
    assertThat(photoCount(pin.id())).isOne();
    assertThat(photoCount(otherPin.id())).isZero();

    // A new key is a new photo.
    assertThat(uploadPhoto(pin.id(), pin.receipt(), photo, UUID.randomUUID().toString()).status()).isEqualTo(201);
    assertThat(photoCount(pin.id())).isEqualTo(2);
  }

  @Test
  void concurrentFirstUploadsWithOneKeyStoreOnePhoto() throws Exception {
    long walkId = walkNow();
    Pinned pin = pinned(walkId, "suggestion", "Plantera träd här", null);
    byte[] photo = jpeg(Color.PINK);
    String key = UUID.randomUUID().toString();
    List<Api.Response> answers = all(8, () -> uploadPhoto(pin.id(), pin.receipt(), photo, key));
    assertThat(answers).allSatisfy(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.body()).isEqualTo(answers.getFirst().body());
    });
    assertThat(photoCount(pin.id())).isOne();
  }

  private long photoCount(long pinId) {
    return jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :p").param("p", pinId).query(Long.class).single();
  }

  /** Runs the call from n threads released at the same moment. */
  private static List<Api.Response> all(int n, Callable<Api.Response> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> futures;
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      futures = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
        start.await();
        return call.call();
      })).toList();
      start.countDown();
    }
    List<Api.Response> out = new java.util.ArrayList<>();
    for (Future<Api.Response> f : futures) {
      out.add(f.get());
    }
    return out;
  }
}
