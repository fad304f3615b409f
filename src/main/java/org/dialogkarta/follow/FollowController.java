package org.dialogkarta.follow;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.dialogkarta.receipt.Receipts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Following by e-mail, for citizens without an account ({@link Follows}). Requests that name an
 * address answer 202 with the same body whatever is known about the address. The unsubscribe
 * address is the one in every message's {@code List-Unsubscribe}: a POST there unsubscribes in one
 * click (RFC 8058); a GET (a person clicking the link) leads to the page that asks first, so that
 * a mail scanner following links ends nothing.
 */
@RestController
class FollowController {

  private final Follows follows;
  private final FollowLinks links;
  private final JdbcClient jdbc;

  FollowController(Follows follows, FollowLinks links, JdbcClient jdbc) {
    this.follows = follows;
    this.links = links;
    this.jdbc = jdbc;
  }

  /** The neighbourhoods one may follow: id and name only (their boundaries are public elsewhere). */
  record Neighbourhood(long id, String name) {}

  @GetMapping("/api/v1/follow/neighbourhoods")
  List<Neighbourhood> neighbourhoods() {
    return jdbc.sql("SELECT id, name FROM neighbourhood ORDER BY name, id")
        .query((rs, i) -> new Neighbourhood(rs.getLong(1), rs.getString(2))).list();
  }

  @PostMapping("/api/v1/follow/receipt")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> followReceipt(@RequestHeader(name = Receipts.HEADER, required = false) String token,
      @RequestBody(required = false) FollowRequests.AddressRequest body, HttpServletRequest request) {
    follows.followReceipt(token, body, site(), request.getRemoteAddr());
    return FollowRequests.accepted();
  }

  @PostMapping("/api/v1/follow/subscriptions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> subscribe(@RequestBody(required = false) FollowRequests.SubscriptionRequest body,
      HttpServletRequest request) {
    follows.subscribe(body, site(), request.getRemoteAddr());
    return FollowRequests.accepted();
  }

  @PostMapping("/api/v1/follow/confirm")
  FollowRequests.Confirmed confirm(@RequestBody(required = false) FollowRequests.TokenRequest body) {
    return follows.confirm(body == null ? null : body.token());
  }

  @GetMapping("/api/v1/follow/unsubscribe")
  ResponseEntity<Void> unsubscribePage(@RequestParam(required = false) String token) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/folj#avsluta=" + (token == null ? "" : token.replaceAll("[^0-9A-Za-z._-]", ""))))
        .build();
  }

  @PostMapping("/api/v1/follow/unsubscribe")
  Map<String, Object> unsubscribe(@RequestParam(required = false) String token) {
    follows.unsubscribe(token);
    return Map.of("status", "unsubscribed");
  }

  @PostMapping("/api/v1/follow/receipt-link")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> receiptLink(@RequestBody(required = false) FollowRequests.AddressRequest body,
      HttpServletRequest request) {
    follows.sendReceiptLinks(body, request.getRemoteAddr());
    return FollowRequests.accepted();
  }

  private String site() {
    return links.base(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }
}
