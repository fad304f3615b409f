package org.dialogkarta.pin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** "Me too" ({@link Supports}): 201 when the support is new, 200 when the receipt had given it. */
@RestController
class SupportController {

  /** Optional: the supporter's earlier receipt token, to gather everything on one link. */
  record SupportRequest(String receipt) {}

  private final Supports supports;

  SupportController(Supports supports) {
    this.supports = supports;
  }

  @PostMapping("/api/v1/pins/{id}/supports")
  ResponseEntity<Supports.Supported> support(@PathVariable long id,
      @RequestBody(required = false) SupportRequest body) {
    Supports.Supported supported = supports.support(id, body == null ? null : body.receipt());
    return ResponseEntity.status(supported.added() ? HttpStatus.CREATED : HttpStatus.OK).body(supported);
  }
}
