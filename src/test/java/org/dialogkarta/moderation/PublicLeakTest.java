package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A hidden pin, a pending pin and a merged duplicate, each with a photo, are absent from every
 * public read: the dialogue's pins, one pin, the dialogue's count, and the photos.
 */
class PublicLeakTest extends StaffApiTest {

  @Test
  void hiddenPendingAndMergedPinsNeverAppearInPublic() {
    Submitted kept = pin("Synlig", 16.18, 58.59);
    Submitted hidden = pin("Dold", 16.18, 58.59);
    Submitted duplicate = pin("Dubblett", 16.18, 58.59);
    preModerated(dialogue);
    Submitted pending = pin("Väntar", 16.18, 58.59);
    moderator.post("/api/v1/staff/moderation/pins/" + hidden.id() + "/hide", "{\"reason\": \"Spam\"}");
    planner.post("/api/v1/staff/pins/merge", "{\"into\": %d, \"duplicates\": [%d]}".formatted(kept.id(), duplicate.id()));

    long keptPhoto = photo(kept);
    assertThat(publicPinIds(dialogue)).containsExactly(kept.id());
    assertThat(api.get("/api/v1/pins/" + kept.id()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/photos/" + keptPhoto).status()).isEqualTo(200);
    assertThat(pinCount()).isEqualTo(1);

    for (Submitted absent : List.of(hidden, pending, duplicate)) {
      long photo = photo(absent);
      assertThat(api.get("/api/v1/pins/" + absent.id()).status()).as("pin " + absent.id()).isEqualTo(404);
      assertThat(api.get("/api/v1/photos/" + photo).status()).as("photo of " + absent.id()).isEqualTo(404);
      assertThat(api.get("/api/v1/photos/" + photo + "/thumbnail").status()).isEqualTo(404);
      // Staff and the submitter still see it.
      assertThat(moderator.get("/api/v1/staff/moderation/photos/" + photo).status()).isEqualTo(200);
      assertThat(receiptPin(absent).get("photos")).hasSize(1);
    }
    assertThat(publicPinIds(dialogue)).containsExactly(kept.id());
    assertThat(pinCount()).isEqualTo(1);
    for (JsonNode d : api.get("/api/v1/dialogues").json()) {
      if (d.get("id").asLong() == dialogue.id()) {
        assertThat(d.get("pinCount").asLong()).isEqualTo(1);
      }
    }
  }

  private long pinCount() {
    Api.Response r = api.get("/api/v1/dialogues/" + dialogue.id());
    return r.json().get("pinCount").asLong();
  }

  /** A stored photo (the bytes do not matter to who may read them). */
  private long photo(Submitted pin) {
    return jdbc.sql("""
            INSERT INTO photo (pin_id, image, thumbnail, width, height, byte_size)
            VALUES (:pin, '\\xffd8ffd9'::bytea, '\\xffd8ffd9'::bytea, 1, 1, 4) RETURNING id""")
        .param("pin", pin.id()).query(Long.class).single();
  }
}
