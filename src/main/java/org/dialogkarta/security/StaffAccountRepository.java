package org.dialogkarta.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

  Optional<StaffAccount> findByUsername(String username);

  Optional<StaffAccount> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);

  @Query(value = "SELECT count(*) > 0 FROM staff_account WHERE 'admin' = ANY (roles) AND enabled",
      nativeQuery = true)
  boolean anyEnabledAdmin();
}
