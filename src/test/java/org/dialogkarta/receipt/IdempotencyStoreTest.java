package org.dialogkarta.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one store of Idempotency-Keys (V15): pins, photos and walk tracks in one table, one purge,
 * and a key forgotten with what it made.
 */
@IntegrationTest
class IdempotencyStoreTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdempotencyKeys keys;

  @Test
  void onePurgeForgetsEveryKindAfterADayAndKeepsTheRest() {
    byte[] digest = "a request".getBytes(StandardCharsets.UTF_8);
    Map<IdempotencyKeys.Kind, UUID> old = Map.of(IdempotencyKeys.Kind.PIN, UUID.randomUUID(),
        IdempotencyKeys.Kind.PHOTO, UUID.randomUUID(), IdempotencyKeys.Kind.WALK_TRACK, UUID.randomUUID());
    old.forEach((kind, key) -> {
      assertThat(keys.claim(kind, key, digest)).isEmpty();
      keys.complete(kind, key, digest, 42);
    });
    UUID fresh = UUID.randomUUID();
    keys.claim(IdempotencyKeys.Kind.PHOTO, fresh, digest);
    keys.complete(IdempotencyKeys.Kind.PHOTO, fresh, digest, 43);
    jdbc.sql("UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key IN (:keys)")
        .param("keys", old.values()).update();

    keys.purgeOld();

    assertThat(count(old.values().toArray())).isZero();
    assertThat(count(fresh)).isOne();
    assertThat(keys.find(IdempotencyKeys.Kind.PHOTO, fresh, digest)).hasValue(new IdempotencyKeys.Earlier(43, null));
  }

  @Test
  void aKeyNamesOneRequestPerKind() {
    byte[] digest = "the same bytes".getBytes(StandardCharsets.UTF_8);
    UUID key = UUID.randomUUID();
    keys.claim(IdempotencyKeys.Kind.PHOTO, key, digest);
    keys.complete(IdempotencyKeys.Kind.PHOTO, key, digest, 7);
    // The same key from a track upload is another request, not a replay of the photo.
    assertThat(keys.claim(IdempotencyKeys.Kind.WALK_TRACK, key, digest)).isEmpty();
    keys.complete(IdempotencyKeys.Kind.WALK_TRACK, key, digest, 8);
    assertThat(keys.find(IdempotencyKeys.Kind.PHOTO, key, digest)).hasValue(new IdempotencyKeys.Earlier(7, null));
    assertThat(keys.find(IdempotencyKeys.Kind.WALK_TRACK, key, digest)).hasValue(new IdempotencyKeys.Earlier(8, null));
  }

  @Test
  void aDeletedPinsKeyIsForgottenSoARetryMakesItAgain() {
    Api api = new Api(port);
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String key = UUID.randomUUID().toString();
    String body = Api.pinJson("suggestion", "En bänk vid dammen", 16.18, 58.59);
    Api.Response first = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body, "Idempotency-Key", key);
    long pin = first.json().get("id").asLong();
    assertThat(count(UUID.fromString(key))).isOne();

    Api.Response deleted = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/receipt/pins/" + pin))
        .header("X-Receipt-Token", first.json().get("receipt").asString()).DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(count(UUID.fromString(key))).isZero();

    Api.Response again = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body, "Idempotency-Key", key);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("id").asLong()).isNotEqualTo(pin);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void theMigrationsHashOfAnOldDigestIsTheOneTokenSealKeeps() {
    byte[] digest = new byte[32];
    new java.util.Random(15).nextBytes(digest);
    byte[] inSql = jdbc.sql("SELECT sha256(convert_to(E'dialogkarta-idempotency-stored\\n', 'UTF8') || :digest)")
        .param("digest", digest).query(byte[].class).single();
    assertThat(inSql).isEqualTo(TokenSeal.stored(digest)).isNotEqualTo(digest);
  }

  private long count(Object... keys) {
    return jdbc.sql("SELECT count(*) FROM idempotency_record WHERE key IN (:keys)")
        .param("keys", java.util.List.of(keys)).query(Long.class).single();
  }
}
