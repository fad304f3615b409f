package org.dialogkarta.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Local sign-in: a staff account with a password hash. SSO-only accounts have none and cannot. */
@Service
class StaffUserDetailsService implements UserDetailsService {

  private final StaffAccountRepository accounts;

  StaffUserDetailsService(StaffAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    StaffAccount account = accounts.findByUsername(username.strip().toLowerCase())
        .filter(a -> a.passwordHash() != null)
        .orElseThrow(() -> new UsernameNotFoundException("No local account"));
    return User.withUsername(account.username())
        .password(account.passwordHash())
        .disabled(!account.enabled())
        .authorities(account.roles().stream().map(StaffRole::authority).toArray(String[]::new))
        .build();
  }
}
