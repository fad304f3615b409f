package org.dialogkarta.place;

import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Citizens find their place by name, and the parts of a study area by their names: public, read-only. */
@RestController
class PlaceController {

  private static final String GEO_JSON = "application/geo+json";

  private final PlaceSearch search;
  private final StudyAreaParts parts;

  PlaceController(PlaceSearch search, StudyAreaParts parts) {
    this.search = search;
    this.parts = parts;
  }

  @GetMapping(path = "/api/v1/places", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Map<String, Object>> places(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "dialogue", required = false) String dialogue) {
    PlaceQuery query = PlaceQuery.of(q, dialogue);
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(PlaceSearch.collection(search.search(query)));
  }

  /** The separate parts of a dialogue's study area with the village or locality inside each. */
  @GetMapping("/api/v1/places/study-area-parts")
  List<StudyAreaParts.Part> studyAreaParts(@RequestParam(name = "dialogue", required = false) String dialogue) {
    return parts.of(dialogue);
  }
}
