package org.dialogkarta.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.TooManyRequestsException;
import org.dialogkarta.ratelimit.RateBudget;
import org.dialogkarta.ratelimit.RateLimiter;
import org.dialogkarta.receipt.Receipts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing, confirming (double opt-in), unsubscribing and the lost receipt link. Every request
 * that names an address gets the same answer whatever is known about it: a confirmation goes out
 * only for something not yet confirmed, a receipt link only to a confirmed address, and an address
 * that has had its day's messages gets nothing more, silently. A client that asks too often is
 * refused (429). The audit log records that it happened, never the address.
 */
@Service
class Follows {

  private final JdbcClient jdbc;
  private final FollowRules rules;
  private final RateLimiter limiter;
  /** Confirmation and receipt-link messages one address may cause in a (UTC) day. */
  private final RateBudget perAddress;
  /** Subscriptions and resends one client may ask for in a (UTC) day. */
  private final RateBudget perClient;
  private final FollowMails mails;
  private final FollowTokens tokens;
  private final Receipts receipts;
  private final AuditLog audit;
  private final Duration confirmFor;

  Follows(JdbcClient jdbc, FollowRules rules, RateLimiter limiter, FollowMails mails, FollowTokens tokens,
      Receipts receipts, AuditLog audit, @Value("${dialogkarta.follow.confirm-within:PT48H}") Duration confirmFor,
      @Value("${dialogkarta.follow.messages-per-address-per-day:5}") int perAddress,
      @Value("${dialogkarta.follow.requests-per-client-per-day:30}") int perClient) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.limiter = limiter;
    this.perAddress = new RateBudget("follow.address", Duration.ofDays(1), perAddress);
    this.perClient = new RateBudget("follow.client", Duration.ofDays(1), perClient);
    this.mails = mails;
    this.tokens = tokens;
    this.receipts = receipts;
    this.audit = audit;
    this.confirmFor = confirmFor;
  }

  /** Updates on the pins of receipt {@code receiptToken} to the address in {@code body}, once confirmed. */
  @Transactional
  void followReceipt(String receiptToken, FollowRequests.AddressRequest body, String siteUrl, String client) {
    long receiptId = receipts.require(receiptToken);
    String[] checked = FollowRules.checkAddress(body);
    limitClient(client);
    String address = checked[0];
    String language = checked[1];
    Long existing = jdbc.sql("""
            SELECT id FROM follow_subscription WHERE receipt_id = :receipt AND lower(address) = lower(:address)
            ORDER BY id LIMIT 1 FOR UPDATE""")
        .param("receipt", receiptId).param("address", address).query(Long.class).optional().orElse(null);
    if (existing != null) {
      boolean confirmed = jdbc.sql("SELECT confirmed_at IS NOT NULL FROM follow_subscription WHERE id = :id")
          .param("id", existing).query(Boolean.class).single();
      jdbc.sql("UPDATE follow_subscription SET language = :lang WHERE id = :id")
          .param("lang", language).param("id", existing).update();
      if (!confirmed) {
        askAgain(existing, address);
      }
    } else {
      String token = FollowTokens.random();
      long id = jdbc.sql("""
              INSERT INTO follow_subscription (address, language, kind, receipt_id, site_url, confirm_hash, confirm_expires_at)
              VALUES (:address, :lang, 'receipt', :receipt, :site, :hash, now() + CAST(:ttl AS interval)) RETURNING id""")
          .param("address", address).param("lang", language).param("receipt", receiptId).param("site", siteUrl)
          .param("hash", FollowTokens.sha256(token)).param("ttl", confirmFor.toString())
          .query(Long.class).single();
      send(id, address, token);
    }
    audit.record("follow.receipt", "receipt", receiptId, null, Map.of("language", language));
  }

  /** A daily or weekly digest of a dialogue, a neighbourhood or a drawn area, once confirmed. */
  @Transactional
  void subscribe(FollowRequests.SubscriptionRequest body, String siteUrl, String client) {
    List<FieldViolation> faults = new ArrayList<>();
    if (body == null) {
      throw InvalidInputException.of("email", "follow.email_missing", "Give an e-mail address");
    }
    String address = FollowRules.address(body.email(), faults);
    String language = FollowRules.language(body.language(), faults);
    FollowRules.Target target = rules.target(body, faults);
    FollowRules.throwIfAny(faults);
    limitClient(client);
    String token = FollowTokens.random();
    long id = jdbc.sql("""
            INSERT INTO follow_subscription (address, language, kind, dialogue_id, neighbourhood_id, area, frequency,
                                             site_url, confirm_hash, confirm_expires_at)
            VALUES (:address, :lang, :kind, :dialogue, :neighbourhood, ST_GeomFromText(:area, 4326), :frequency,
                    :site, :hash, now() + CAST(:ttl AS interval)) RETURNING id""")
        .param("address", address).param("lang", language).param("kind", target.kind())
        .param("dialogue", target.dialogueId()).param("neighbourhood", target.neighbourhoodId())
        .param("area", target.areaWkt()).param("frequency", body.frequency()).param("site", siteUrl)
        .param("hash", FollowTokens.sha256(token)).param("ttl", confirmFor.toString())
        .query(Long.class).single();
    send(id, address, token);
    audit.record("follow.subscribe", "follow_subscription", id, null,
        Map.of("kind", target.kind(), "frequency", body.frequency()));
  }

  /**
   * A fresh single-use confirmation link for subscription {@code id}, mailed unless the address
   * has had its day's share (then silently nothing, and the row waits without a usable link).
   */
  private void askAgain(long id, String address) {
    String token = FollowTokens.random();
    jdbc.sql("""
            UPDATE follow_subscription SET confirm_hash = :hash, confirm_expires_at = now() + CAST(:ttl AS interval)
            WHERE id = :id""")
        .param("hash", FollowTokens.sha256(token)).param("ttl", confirmFor.toString()).param("id", id).update();
    send(id, address, token);
  }

  private void send(long id, String address, String token) {
    if (addressAllows(address)) {
      mails.confirmation(subscription(id), token);
    }
  }

  /** Confirms the subscription of a confirmation token; used, expired and unknown tokens are all 422. */
  @Transactional
  FollowRequests.Confirmed confirm(String token) {
    Long id = !FollowTokens.isRandomToken(token) ? null : jdbc.sql("""
            UPDATE follow_subscription SET confirmed_at = now(), confirm_hash = NULL, confirm_expires_at = NULL
            WHERE confirm_hash = :hash AND confirm_expires_at > now() RETURNING id""")
        .param("hash", FollowTokens.sha256(token)).query(Long.class).optional().orElse(null);
    if (id == null) {
      throw InvalidInputException.of("token", "follow.confirm_invalid",
          "This confirmation link is used, expired or unknown; subscribe again to get a new one");
    }
    audit.record("follow.confirm", "follow_subscription", id, null, null);
    return jdbc.sql("""
            SELECT s.kind, d.title, d.slug, n.name, s.frequency FROM follow_subscription s
            LEFT JOIN dialogue d ON d.id = s.dialogue_id LEFT JOIN neighbourhood n ON n.id = s.neighbourhood_id
            WHERE s.id = :id""")
        .param("id", id)
        .query((rs, i) -> new FollowRequests.Confirmed(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .single();
  }

  /** Ends the subscription an unsubscribe token names; one already ended is no fault. */
  @Transactional
  void unsubscribe(String token) {
    FollowTokens.Unsubscribe what = tokens.unsubscribeOf(token).orElseThrow(() -> InvalidInputException.of("token",
        "follow.unsubscribe_invalid", "This unsubscribe link is not one we made; copy the whole link from the message"));
    int ended = what.allDigests()
        ? jdbc.sql("""
              DELETE FROM follow_subscription WHERE kind <> 'receipt' AND lower(address) =
                (SELECT lower(address) FROM follow_subscription WHERE id = :id)""")
            .param("id", what.subscriptionId()).update()
        : jdbc.sql("DELETE FROM follow_subscription WHERE id = :id").param("id", what.subscriptionId()).update();
    if (ended > 0) {
      audit.record("follow.unsubscribe", "follow_subscription", what.subscriptionId(), null,
          Map.of("subscriptions", ended));
    }
  }

  /**
   * Sends a new receipt link for every receipt the address follows, confirmed. Unknown and
   * unconfirmed addresses get nothing, with the same answer.
   */
  @Transactional
  void sendReceiptLinks(FollowRequests.AddressRequest body, String client) {
    String[] checked = FollowRules.checkAddress(body);
    limitClient(client);
    String address = checked[0];
    List<Subscription> following = jdbc.sql("SELECT " + Subscription.COLUMNS + """
             FROM follow_subscription s
            WHERE s.kind = 'receipt' AND s.confirmed_at IS NOT NULL AND lower(s.address) = lower(:address)
            ORDER BY s.id""")
        .param("address", address).query(Subscription::read).list();
    if (following.isEmpty() || !addressAllows(address)) {
      return;
    }
    for (Subscription s : following) {
      mails.receiptLink(s.address(), s.language(), s.siteUrl(), receipts.issueAnother(s.receiptId()));
      audit.record("follow.receipt_link", "receipt", s.receiptId(), null, null);
    }
  }

  /** Counts one message to {@code address}, under its SHA-256; false when the address has had its day's share. */
  private boolean addressAllows(String address) {
    return limiter.allowsKey(perAddress, FollowTokens.addressHash(address));
  }

  private void limitClient(String client) {
    if (!limiter.allows(perClient, client)) {
      throw new TooManyRequestsException("follow.rate_limited",
          "Too many subscriptions or resends from this device today; try again tomorrow",
          (int) limiter.secondsLeft(perClient));
    }
  }

  Subscription subscription(long id) {
    return jdbc.sql("SELECT " + Subscription.COLUMNS + " FROM follow_subscription s WHERE s.id = :id")
        .param("id", id).query(Subscription::read).single();
  }
}
