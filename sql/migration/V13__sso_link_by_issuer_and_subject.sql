-- Single sign-on links a staff account to the identity provider's user by the provider's issuer
-- and subject, which the user cannot change, never by a name or e-mail they may edit (issue 14,
-- item 6). An administrator marks an account "link at next sign-in"; the first provider user
-- who signs in with that account's username is then linked for good, and the mark is cleared.
ALTER TABLE staff_account
    ADD COLUMN oidc_issuer text,
    ADD COLUMN oidc_subject text,
    ADD COLUMN oidc_link_pending boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT staff_account_oidc_both CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));

CREATE UNIQUE INDEX staff_account_oidc_idx ON staff_account (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
