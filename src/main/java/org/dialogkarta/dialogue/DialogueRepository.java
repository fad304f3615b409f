package org.dialogkarta.dialogue;

import java.util.List;
import java.util.Optional;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DialogueRepository extends JpaRepository<Dialogue, Long> {

  Optional<Dialogue> findBySlug(String slug);

  /**
   * Published pins per dialogue, merged duplicates not counted, as rows of (dialogue id, count):
   * read from the counter the pin trigger keeps exact (V11), not by counting pins.
   */
  @Query(value = "SELECT dialogue_id, published FROM dialogue_pin_count", nativeQuery = true)
  List<Object[]> countPublishedPins();

  /** The same count for one dialogue. */
  @Query(value = "SELECT coalesce((SELECT published FROM dialogue_pin_count WHERE dialogue_id = :dialogue), 0)",
      nativeQuery = true)
  long countPublishedPins(long dialogue);

  /** A dialogue by numeric id or by slug, as the API's {@code {id}} allows both. */
  default Dialogue getByIdOrSlug(String ref) {
    DialogueIdOrSlug named = new DialogueIdOrSlug(ref);
    Optional<Dialogue> found = named.isId()
        ? findById((Long) named.value())
        : findBySlug(named.ref());
    return found.orElseThrow(() -> new NotFoundException("No dialogue '" + ref + "'"));
  }
}
