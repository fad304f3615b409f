package org.dialogkarta.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.dialogkarta.kernel.Coded;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of staff who signs in: moderator, planner, GIS engineer or administrator. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String displayName;
  private String passwordHash;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] roles;

  private boolean enabled;
  /** Moves on with every change of access (disabled, roles, password): older sessions end. */
  private int accessVersion;
  /** The identity provider's user this account is linked to (both or neither). */
  private String oidcIssuer;
  private String oidcSubject;
  /** An administrator asked to link the next provider user who signs in with this username. */
  private boolean oidcLinkPending;
  private Instant createdAt;

  protected StaffAccount() {}

  public StaffAccount(String username, String displayName, String passwordHash, List<StaffRole> roles) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = roles.stream().map(StaffRole::code).distinct().toArray(String[]::new);
    this.enabled = true;
    this.createdAt = Instant.now();
  }

  public List<StaffRole> roles() {
    return Arrays.stream(roles).map(r -> Coded.fromCode(StaffRole.class, r).orElseThrow()).toList();
  }

  public void changeRoles(List<StaffRole> newRoles) {
    this.roles = newRoles.stream().map(StaffRole::code).distinct().toArray(String[]::new);
  }

  public void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Long id() { return id; }
  public String username() { return username; }
  public String displayName() { return displayName; }
  public String passwordHash() { return passwordHash; }
  public boolean enabled() { return enabled; }
  public int accessVersion() { return accessVersion; }

  public boolean ssoLinked() { return oidcSubject != null; }
  public boolean ssoLinkPending() { return oidcLinkPending; }

  /** Linked for good to the provider's user; the pending mark is used up. */
  public void linkSso(String issuer, String subject) {
    this.oidcIssuer = issuer;
    this.oidcSubject = subject;
    this.oidcLinkPending = false;
  }

  /** The next provider user signing in with this username will be linked; any old link goes. */
  public void allowSsoLink() {
    this.oidcIssuer = null;
    this.oidcSubject = null;
    this.oidcLinkPending = true;
    endSessions();
  }

  public void removeSsoLink() {
    this.oidcIssuer = null;
    this.oidcSubject = null;
    this.oidcLinkPending = false;
    endSessions();
  }

  /** Ends the account's existing sessions at their next request ({@code StaffSessionCheck}). */
  public void endSessions() {
    accessVersion++;
  }
  public Instant createdAt() { return createdAt; }
}
