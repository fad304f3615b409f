package org.dialogkarta.place;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Citizens find their place by name: public, read-only. */
@RestController
class PlaceController {

  private static final String GEO_JSON = "application/geo+json";

  private final PlaceSearch search;

  PlaceController(PlaceSearch search) {
    this.search = search;
  }

  @GetMapping(path = "/api/v1/places", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Map<String, Object>> places(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "dialogue", required = false) String dialogue) {
    PlaceQuery query = PlaceQuery.of(q, dialogue);
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(PlaceSearch.collection(search.search(query)));
  }
}
