package org.dialogkarta.dialogue;

import java.util.List;
import java.util.Optional;
import org.dialogkarta.web.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DialogueRepository extends JpaRepository<Dialogue, Long> {

  Optional<Dialogue> findBySlug(String slug);

  /** Published pins per dialogue, merged duplicates not counted, as rows of (dialogue id, count). */
  @Query(value = "SELECT dialogue_id, count(*) FROM pin WHERE moderation_state = 'published'"
      + " AND merged_into IS NULL GROUP BY dialogue_id", nativeQuery = true)
  List<Object[]> countPublishedPins();

  /** The same count for one dialogue, so that reading one dialogue does not count them all. */
  @Query(value = "SELECT count(*) FROM pin WHERE dialogue_id = :dialogue AND moderation_state = 'published'"
      + " AND merged_into IS NULL", nativeQuery = true)
  long countPublishedPins(long dialogue);

  /** A dialogue by numeric id or by slug, as the API's {@code {id}} allows both. */
  default Dialogue getByIdOrSlug(String ref) {
    DialogueRef named = new DialogueRef(ref);
    Optional<Dialogue> found = named.isId()
        ? findById((Long) named.value())
        : findBySlug(named.ref());
    return found.orElseThrow(() -> new NotFoundException("No dialogue '" + ref + "'"));
  }
}
