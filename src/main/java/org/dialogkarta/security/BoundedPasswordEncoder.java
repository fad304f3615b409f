package org.dialogkarta.security;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password check (bcrypt, about a quarter of a second of CPU) only runs when one of a few
 * permits is free, so that a flood of bogus sign-ins, wrong or not, cannot take every core from the
 * citizens' pages. A check that waits longer than {@link #WAIT_MS} is refused as a failed sign-in
 * that does not count against the account.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  static final long WAIT_MS = 2_000;

  private final PasswordEncoder delegate;
  private final Semaphore checks;

  BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentChecks) {
    this.delegate = delegate;
    this.checks = new Semaphore(concurrentChecks, true);
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    try {
      if (!checks.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw new InternalAuthenticationServiceException("Too many sign-ins at once; try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InternalAuthenticationServiceException("Interrupted while waiting to check a password", e);
    }
    try {
      return delegate.matches(rawPassword, encodedPassword);
    } finally {
      checks.release();
    }
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }
}
