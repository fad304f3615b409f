package org.dialogkarta.follow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.mail.Mail;
import org.dialogkarta.mail.Outbox;
import org.dialogkarta.pin.PublicPins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily and weekly digests of area subscriptions. For each address with a subscription due,
 * one message gathers what happened since each subscription's last digest (or its confirmation):
 * new published pins inside it, new public replies to them, status changes, published reports and
 * new dialogues whose study area touches it, counted per dialogue with a link to its map. Only
 * pins that may leave the system count ({@link PublicPins#condition}): never hidden, pending or
 * merged ones. Never more than one digest a day per address ({@code follow_digest_sent}); nothing
 * is sent when nothing is new.
 */
@Component
public class Digests {

  /** A day less an hour, so that a job that runs a little earlier tomorrow still sends. */
  private static final String DAY = "23 hours";
  private static final String WEEK = "6 days 23 hours";

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final FollowMails mails;
  private final FollowLinks links;
  private final FollowTokens tokens;

  Digests(JdbcClient jdbc, Outbox outbox, FollowMails mails, FollowLinks links, FollowTokens tokens) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.mails = mails;
    this.links = links;
    this.tokens = tokens;
  }

  /** What happened in one dialogue for one subscription. */
  record Counts(String title, String slug, int newPins, int replies, int statuses, Integer reportNumber,
      boolean newDialogue) {

    boolean any() {
      return newPins + replies + statuses > 0 || reportNumber != null || newDialogue;
    }
  }

  @Scheduled(cron = "${dialogkarta.follow.digest-cron:0 0 6 * * *}")
  @SchedulerLock(name = "follow-digests", lockAtMostFor = "PT1H")
  @Transactional
  public void run() {
    send(OffsetDateTime.now(ZoneOffset.UTC));
    forgetUnconfirmed();
  }

  /**
   * Addresses never confirmed are kept no longer than a day after their link expired, and the
   * memory of who had a digest no longer than it takes to keep to one a day.
   */
  @Transactional
  public int forgetUnconfirmed() {
    jdbc.sql("DELETE FROM follow_digest_sent WHERE sent_at < now() - interval '2 days'").update();
    return jdbc.sql("""
            DELETE FROM follow_subscription
            WHERE confirmed_at IS NULL AND confirm_expires_at < now() - interval '1 day'""").update();
  }

  /** Writes the digests due at {@code now}; returns how many messages were queued. */
  @Transactional
  public int send(OffsetDateTime now) {
    List<Subscription> due = jdbc.sql("SELECT " + Subscription.COLUMNS + """
             FROM follow_subscription s
            WHERE s.kind <> 'receipt' AND s.confirmed_at IS NOT NULL
              AND coalesce(s.last_digest_at, s.confirmed_at)
                  <= :now - CAST(CASE s.frequency WHEN 'daily' THEN :day ELSE :week END AS interval)
              AND NOT EXISTS (SELECT 1 FROM follow_digest_sent x
                              WHERE x.address_hash = sha256(convert_to('address:' || lower(btrim(s.address)), 'UTF8'))
                                AND x.sent_at > :now - CAST(:day AS interval))
            ORDER BY lower(s.address), s.id FOR UPDATE OF s""")
        .param("now", now).param("day", DAY).param("week", WEEK)
        .query(Subscription::read).list();
    Map<String, List<Subscription>> byAddress = new LinkedHashMap<>();
    due.forEach(s -> byAddress.computeIfAbsent(s.address().strip().toLowerCase(java.util.Locale.ROOT),
        k -> new ArrayList<>()).add(s));
    int sent = 0;
    for (List<Subscription> subscriptions : byAddress.values()) {
      if (write(subscriptions, now)) {
        sent++;
      }
      jdbc.sql("UPDATE follow_subscription SET last_digest_at = :now WHERE id = ANY (:ids)")
          .param("now", now).param("ids", subscriptions.stream().map(Subscription::id).toArray(Long[]::new)).update();
    }
    return sent;
  }

  private boolean write(List<Subscription> subscriptions, OffsetDateTime now) {
    Subscription first = subscriptions.getFirst();
    String lang = subscriptions.getLast().language();
    MailBody body = new MailBody().para(FollowMails.t(lang, "follow.mail.hello"))
        .para(FollowMails.t(lang, "follow.mail.digest.intro"));
    boolean any = false;
    for (Subscription s : subscriptions) {
      List<Counts> counts = counts(s, now).stream().filter(Counts::any).toList();
      if (counts.isEmpty()) {
        continue;
      }
      any = true;
      String what = mails.what(new Subscription(s.id(), s.address(), lang, s.kind(), s.receiptId(), s.dialogueId(),
          s.neighbourhoodId(), s.frequency(), s.siteUrl()));
      body.heading(Character.toUpperCase(what.charAt(0)) + what.substring(1));
      for (Counts c : counts) {
        body.para(c.title());
        if (c.newDialogue()) {
          body.item(FollowMails.t(lang, "follow.mail.digest.newDialogue", Map.of("name", c.title())));
        }
        if (c.newPins() > 0) {
          body.item(Messages.plural(lang, "follow.mail.digest.newPins", c.newPins(), Map.of()));
        }
        if (c.replies() > 0) {
          body.item(Messages.plural(lang, "follow.mail.digest.replies", c.replies(), Map.of()));
        }
        if (c.statuses() > 0) {
          body.item(Messages.plural(lang, "follow.mail.digest.statuses", c.statuses(), Map.of()));
        }
        if (c.reportNumber() != null) {
          body.item(FollowMails.t(lang, "follow.mail.digest.report", Map.of("number", c.reportNumber())));
        }
        body.link(FollowMails.t(lang, "follow.mail.openDialogue"), links.dialogue(s.siteUrl(), c.slug()));
      }
      body.link(FollowMails.t(lang, "follow.mail.digest.stopThis"), links.unsubscribe(s.siteUrl(), tokens.unsubscribe(s.id())));
    }
    if (!any) {
      return false;
    }
    String all = links.unsubscribe(first.siteUrl(), tokens.unsubscribeAllDigests(first.id()));
    body.footer(FollowMails.t(lang, "follow.mail.digest.footer"), FollowMails.t(lang, "follow.mail.digest.stopAll"), all);
    outbox.enqueue(new Mail("follow_digest", first.address(), lang, FollowMails.t(lang, "follow.mail.digest.subject"),
        body.text(), body.html(), all));
    jdbc.sql("""
            INSERT INTO follow_digest_sent (address_hash, sent_at) VALUES (:hash, :now)
            ON CONFLICT (address_hash) DO UPDATE SET sent_at = excluded.sent_at""")
        .param("hash", FollowTokens.addressHash(first.address())).param("now", now).update();
    return true;
  }

  /** Per dialogue, what happened for subscription {@code s} between its last digest and {@code now}. */
  private List<Counts> counts(Subscription s, OffsetDateTime now) {
    String inside = """
        (s.kind = 'dialogue' AND p.dialogue_id = s.dialogue_id)
        OR (s.kind = 'area' AND ST_Intersects(p.location, s.area))
        OR (s.kind = 'neighbourhood' AND ST_Intersects(p.location, n.boundary))""";
    String touches = """
        (s.kind = 'dialogue' AND d.id = s.dialogue_id)
        OR (s.kind = 'area' AND ST_Intersects(d.study_area, s.area))
        OR (s.kind = 'neighbourhood' AND ST_Intersects(d.study_area, n.boundary))""";
    return jdbc.sql("""
            WITH sub AS (SELECT s.*, coalesce(s.last_digest_at, s.confirmed_at) AS since
                         FROM follow_subscription s WHERE s.id = :id),
            pins AS (
              SELECT p.id, p.dialogue_id, p.created_at FROM pin p, sub s
              LEFT JOIN neighbourhood n ON n.id = s.neighbourhood_id
              WHERE (%s) AND %s),
            per_pin AS (
              SELECT p.dialogue_id,
                     count(*) FILTER (WHERE (p.created_at > s.since AND p.created_at <= :now) OR EXISTS (
                       SELECT 1 FROM pin_event e WHERE e.pin_id = p.id AND e.kind = 'moderation'
                         AND e.to_value = 'published' AND e.at > s.since AND e.at <= :now)) AS new_pins,
                     count(*) FILTER (WHERE EXISTS (SELECT 1 FROM pin_event e WHERE e.pin_id = p.id
                         AND e.kind = 'status' AND e.at > s.since AND e.at <= :now)) AS statuses
              FROM pins p, sub s GROUP BY p.dialogue_id),
            replies AS (
              SELECT p.dialogue_id, count(DISTINCT e.to_value) AS replies
              FROM pins p JOIN pin_event e ON e.pin_id = p.id AND e.kind = 'reply', sub s
              WHERE e.at > s.since AND e.at <= :now GROUP BY p.dialogue_id),
            dialogues AS (
              SELECT d.id, d.title, d.slug, d.created_at > s.since AND d.created_at <= :now AND s.kind <> 'dialogue' AS is_new,
                     (SELECT max(v.number) FROM report_version v WHERE v.dialogue_id = d.id
                        AND v.published_at > s.since AND v.published_at <= :now) AS report
              FROM dialogue d, sub s LEFT JOIN neighbourhood n ON n.id = s.neighbourhood_id
              WHERE (%s) OR d.id IN (SELECT dialogue_id FROM pins))
            SELECT d.title, d.slug, coalesce(pp.new_pins, 0), coalesce(r.replies, 0), coalesce(pp.statuses, 0),
                   d.report, d.is_new
            FROM dialogues d LEFT JOIN per_pin pp ON pp.dialogue_id = d.id LEFT JOIN replies r ON r.dialogue_id = d.id
            ORDER BY d.title, d.id""".formatted(inside, PublicPins.condition("p"), touches))
        .param("id", s.id()).param("now", now)
        .query((rs, i) -> new Counts(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            rs.getObject(6, Integer.class), rs.getBoolean(7)))
        .list();
  }
}
