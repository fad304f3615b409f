-- Following by e-mail (issue 18): a citizen's confirmed address for updates on their receipt's
-- pins, and area subscriptions (a dialogue, a drawn area or a neighbourhood) with a daily or
-- weekly digest. Addresses live only here, apart from the pins: never in exports, the OGC API or
-- the audit log. Written by follow.Follows; read by follow.FollowNotices and follow.Digests.

CREATE TABLE follow_subscription (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address            text NOT NULL CHECK (length(address) BETWEEN 3 AND 254),
    language           text NOT NULL CHECK (language IN ('sv', 'en')),
    kind               text NOT NULL CHECK (kind IN ('receipt', 'dialogue', 'area', 'neighbourhood')),
    receipt_id         bigint REFERENCES receipt (id) ON DELETE CASCADE,
    dialogue_id        bigint REFERENCES dialogue (id) ON DELETE CASCADE,
    neighbourhood_id   bigint REFERENCES neighbourhood (id) ON DELETE CASCADE,
    area               geometry(Polygon, 4326) CHECK (area IS NULL OR ST_IsValid(area)),
    frequency          text CHECK (frequency IN ('daily', 'weekly')),
    -- the SHA-256 of the single-use confirmation token; null once confirmed
    confirm_hash       bytea UNIQUE,
    confirm_expires_at timestamptz,
    confirmed_at       timestamptz,
    -- where links in its messages point when dialogkarta.public-url is not set (the site it was made on)
    site_url           text NOT NULL CHECK (site_url ~ '^https?://'),
    last_digest_at     timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'receipt') = (receipt_id IS NOT NULL)),
    CHECK ((kind = 'receipt') = (frequency IS NULL)),
    CHECK (kind <> 'dialogue' OR dialogue_id IS NOT NULL),
    CHECK ((kind = 'area') = (area IS NOT NULL)),
    CHECK ((kind = 'neighbourhood') = (neighbourhood_id IS NOT NULL)),
    CHECK ((confirm_hash IS NULL) = (confirmed_at IS NOT NULL))
);

CREATE INDEX follow_subscription_receipt_idx ON follow_subscription (receipt_id) WHERE receipt_id IS NOT NULL;
CREATE INDEX follow_subscription_address_idx ON follow_subscription (lower(address));
CREATE INDEX follow_subscription_area_idx ON follow_subscription USING gist (area) WHERE area IS NOT NULL;

-- The key that signs unsubscribe links (an HMAC of the subscription id), made once at random by
-- the first node that needs it (follow.UnsubscribeTokens).
CREATE TABLE follow_secret (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    secret    bytea NOT NULL
);

-- Extra receipt tokens: "send my receipt link again" issues a new token for the same receipt, since
-- the first one cannot be rebuilt from its hash. receipt.Receipts.find accepts either.
CREATE TABLE receipt_token (
    token_hash  bytea PRIMARY KEY,
    receipt_id  bigint NOT NULL REFERENCES receipt (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipt_token_receipt_idx ON receipt_token (receipt_id);

-- Counts of confirmation and resend messages per address and per client (keyed hashes, never the
-- address in clear nor an IP address) and day; older days are deleted by the next day's first count.
CREATE TABLE follow_rate (
    day     date NOT NULL,
    key     bytea NOT NULL,
    count   integer NOT NULL,
    PRIMARY KEY (day, key)
);

-- One citizen's updates waiting to be written as a message: the public pin events and published
-- report versions of one transaction for one confirmed receipt subscription, so a bulk reply to
-- forty of one person's pins is one message. Written by triggers in the transaction that made the
-- events; follow.FollowNotices turns each row into one outbox message and deletes it.
CREATE TABLE follow_notice (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  bigint NOT NULL REFERENCES follow_subscription (id) ON DELETE CASCADE,
    tx               bigint NOT NULL,
    event_ids        bigint[] NOT NULL DEFAULT '{}',
    report_version_ids bigint[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, tx)
);

CREATE FUNCTION follow_notice_of_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_notice (subscription_id, tx, event_ids)
    SELECT s.id, txid_current(), array_agg(n.id ORDER BY n.id)
    FROM new_events n
    JOIN pin p ON p.id = n.pin_id
    JOIN follow_subscription s ON s.receipt_id = p.receipt_id AND s.confirmed_at IS NOT NULL
    WHERE n.public
    GROUP BY s.id
    ON CONFLICT (subscription_id, tx) DO UPDATE
        SET event_ids = follow_notice.event_ids || excluded.event_ids;
    RETURN NULL;
END $$;

CREATE TRIGGER pin_event_follow_notice AFTER INSERT ON pin_event
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION follow_notice_of_events();

-- A published report version: at commit, when its pins (report_version_pin) are written too.
CREATE FUNCTION follow_notice_of_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_notice (subscription_id, tx, report_version_ids)
    SELECT DISTINCT s.id, txid_current(), ARRAY[NEW.id]
    FROM report_version_pin v
    JOIN pin p ON p.id = v.pin_id
    JOIN follow_subscription s ON s.receipt_id = p.receipt_id AND s.confirmed_at IS NOT NULL
    WHERE v.version_id = NEW.id
    ON CONFLICT (subscription_id, tx) DO UPDATE
        SET report_version_ids = follow_notice.report_version_ids || excluded.report_version_ids;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER report_version_follow_notice AFTER INSERT ON report_version
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION follow_notice_of_report();

-- A receipt without pins has nothing to follow: when its last pin is deleted by its submitter, or
-- retention cuts the pins' link to it with their text, its addresses go too.
CREATE FUNCTION follow_forget_empty_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM follow_subscription s
    WHERE s.receipt_id = OLD.receipt_id
      AND NOT EXISTS (SELECT 1 FROM pin p WHERE p.receipt_id = OLD.receipt_id);
    RETURN NULL;
END $$;

CREATE TRIGGER pin_delete_follow AFTER DELETE ON pin
    FOR EACH ROW WHEN (OLD.receipt_id IS NOT NULL) EXECUTE FUNCTION follow_forget_empty_receipt();
CREATE TRIGGER pin_update_follow AFTER UPDATE OF receipt_id ON pin
    FOR EACH ROW WHEN (OLD.receipt_id IS NOT NULL AND NEW.receipt_id IS DISTINCT FROM OLD.receipt_id)
    EXECUTE FUNCTION follow_forget_empty_receipt();

-- One digest a day per address at most, however many subscriptions it has.
CREATE TABLE follow_digest_sent (
    -- SHA-256 of the lower-cased address
    address_hash  bytea PRIMARY KEY,
    sent_at       timestamptz NOT NULL
);
