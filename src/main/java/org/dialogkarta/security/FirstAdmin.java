package org.dialogkarta.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator on a fresh installation, from {@code DIALOGKARTA_ADMIN_USERNAME}
 * and {@code DIALOGKARTA_ADMIN_PASSWORD} (or the same as command-line options). Does nothing once
 * any enabled administrator exists, so the settings can be removed after the first start.
 *
 * <p>Two nodes starting at once must not both create one. The check and the creation are one
 * transaction under a transaction-level advisory lock: the second node waits at the lock until
 * the first has committed, then sees its administrator and does nothing. A unique constraint
 * could not say "at most one first administrator" (the username is unique already, but two nodes
 * given different names would make two, and with the same name the second would fail to start);
 * the lock needs no schema change and is released with the transaction, whatever happens. It
 * runs before {@code demo.DemoData} ({@code @Order}), so every node takes its start-up steps in
 * the same order; {@code demo.TwoNodesStartTogetherTest} starts two nodes at once.
 */
@Component
@Order(1)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
  /** Any number will do ("dialadmn"); it only keeps two starting nodes from creating at once. */
  private static final long LOCK = 0x6469_616c_6164_6d6eL;

  private final StaffAccountRepository accounts;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final String username;
  private final String password;

  FirstAdmin(StaffAccountRepository accounts, JdbcClient jdbc, PasswordEncoder encoder,
      @Value("${dialogkarta.admin.username:}") String username,
      @Value("${dialogkarta.admin.password:}") String password) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.username = username.strip().toLowerCase();
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Integer.class).single();
    if (accounts.anyEnabledAdmin()) {
      return;
    }
    if (username.isEmpty() || password.isEmpty()) {
      log.warn("No administrator yet: set DIALOGKARTA_ADMIN_USERNAME and DIALOGKARTA_ADMIN_PASSWORD to create one");
      return;
    }
    PasswordPolicy.check(password);
    accounts.save(new StaffAccount(username, username, encoder.encode(password), List.of(StaffRole.ADMIN)));
    log.info("Created the first administrator '{}'", username);
  }
}
