package org.dialogkarta.security;

import jakarta.servlet.http.HttpServletRequest;
import org.dialogkarta.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Citizens need no account: everything public is open. Staff sign in with a
 * local account (form login, or HTTP Basic for scripts and GIS clients) or, when configured,
 * through the municipality's identity provider (OpenID Connect). The rules are by path, all here,
 * and {@code AccessMatrixTest} checks every request mapping against them.
 */
@Configuration
class SecurityConfig {

  static final String LOGIN_PAGE = "/logga-in";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidcClients, StaffOidcUserService oidcUsers,
      SignInThrottle throttle, StaffAccountRepository accounts) throws Exception {
    // Before any password is checked: locked accounts and clients stop here. After the session's
    // sign-in is restored: a session whose account changed since ends here.
    http.addFilterBefore(new SignInGuard(throttle), UsernamePasswordAuthenticationFilter.class);
    http.addFilterAfter(new StaffSessionCheck(accounts), SecurityContextHolderFilter.class);
    RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
    http.authorizeHttpRequests(rules -> rules
            // The questionnaire builder (survey): administrators, like the dialogue's other settings.
            .requestMatchers("/api/v1/staff/dialogues/*/questions/*/translations", "/api/v1/staff/dialogues/*/questions/*/translations/*").hasRole("ADMIN")
            .requestMatchers("/api/v1/staff/dialogues/*/questions", "/api/v1/staff/dialogues/*/questions/**").hasRole("ADMIN")
            // Forwarding (issue 18): planners forward and follow forwardings and keep reply templates.
            .requestMatchers("/api/v1/staff/forwardings", "/api/v1/staff/forwardings/**",
                "/api/v1/staff/dialogues/*/reply-templates", "/api/v1/staff/dialogues/*/reply-templates/**").hasRole("PLANNER")
            // Before the administrators' dialogue rule: planners plan walks, enter meeting pins and
            // register views that came by letter, e-mail, phone, meeting or remiss (with senders'
            // personal data, which moderators and GIS staff never see).
            .requestMatchers("/api/v1/staff/walks/**", "/api/v1/staff/walks",
                "/api/v1/staff/dialogues/*/meeting-pins",
                "/api/v1/staff/dialogues/*/views", "/api/v1/staff/dialogues/*/views/**",
                "/api/v1/staff/dialogues/*/report/**").hasRole("PLANNER")
            .requestMatchers("/api/v1/staff/accounts/**", "/api/v1/staff/accounts",
                "/api/v1/staff/audit/**", "/api/v1/staff/audit",
                // the outbox (mail): e-mail addresses, for administrators only
                "/api/v1/staff/mail/**", "/api/v1/staff/mail",
                // Open311 clients and their API keys (open311.Open311ClientController)
                "/api/v1/staff/open311/**", "/api/v1/staff/open311",
                "/api/v1/staff/audit/**", "/api/v1/staff/audit", "/api/v1/staff/languages",
                "/api/v1/staff/dialogues/**", "/api/v1/staff/dialogues").hasRole("ADMIN")
            .requestMatchers(HttpMethod.GET, "/api/v1/staff/departments").authenticated()
            .requestMatchers("/api/v1/staff/departments/**", "/api/v1/staff/departments").hasRole("ADMIN")
            .requestMatchers("/api/v1/staff/moderation/**").hasRole("MODERATOR")
            .requestMatchers("/api/v1/staff/accessibility/**").hasRole("ADMIN") // accessibility reports
            .requestMatchers("/api/v1/staff/walk-actions/**", "/api/v1/staff/walk-actions").hasRole("MODERATOR")
            .requestMatchers("/api/v1/staff/pins/**").hasRole("PLANNER")
            .requestMatchers("/api/v1/staff/neighbourhoods/**", "/api/v1/staff/neighbourhoods").hasRole("PLANNER")
            .requestMatchers("/api/v1/staff/places/**", "/api/v1/staff/places").hasRole("PLANNER")
            .requestMatchers("/api/v1/analysis/**").hasAnyRole("PLANNER", "GIS")
            .requestMatchers("/api/v1/exports/**").hasRole("GIS")
            .requestMatchers("/api/v1/staff/**", "/personal/**", "/personal").authenticated()
            // A dialogue's neighbourhoods as areas a citizen may choose instead of drawing (pin.NeighbourhoodShapeController).
            .requestMatchers(HttpMethod.GET, "/api/v1/dialogues/*/neighbourhoods").permitAll()
            // A large dialogue's published lines and areas in a view (pin.ShapesInView).
            .requestMatchers(HttpMethod.GET, "/api/v1/dialogues/*/shapes").permitAll()
            // The live OGC API – Features for GIS clients: public, read-only, published pins only.
            .requestMatchers(HttpMethod.GET, "/ogc", "/ogc/**").permitAll()
            // Atom feeds of published pins, replies and status changes (feed.FeedController).
            .requestMatchers(HttpMethod.GET, "/feeds/**").permitAll()
            // Open311 GeoReport v2: reads public; a post carries its own API key (open311.Open311Controller).
            .requestMatchers("/open311/v2/**").permitAll()
            // Place search on the citizens' maps: public, read-only, the gazetteer only.
            .requestMatchers(HttpMethod.GET, "/api/v1/places", "/api/v1/places/study-area-parts").permitAll()
            // Following by e-mail without an account (follow.FollowController).
            .requestMatchers("/api/v1/follow/**").permitAll()
            .anyRequest().permitAll())
        .formLogin(form -> form
            .loginPage(LOGIN_PAGE)
            .loginProcessingUrl("/login")
            .defaultSuccessUrl("/personal/", false)
            .failureUrl(LOGIN_PAGE + "?fel=1")
            .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .httpBasic(basic -> basic.authenticationEntryPoint(problem401()))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(problem401(), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true)
            .accessDeniedHandler(problem403()))
        .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::isCitizenWrite, SecurityConfig::hasCredentials,
            // an Open311 post authenticates by its api_key parameter, never by a session
            request -> request.getRequestURI().startsWith("/open311/")))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc
          .loginPage(LOGIN_PAGE)
          .defaultSuccessUrl("/personal/", false)
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
    }
    return http.build();
  }

  /**
   * Citizens' writes carry no session and no staff rights, so a forged cross-site request could
   * do nothing a citizen cannot do directly; requiring a token would only break offline retries.
   */
  static boolean isCitizenWrite(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/api/v1/dialogues/") || path.startsWith("/api/v1/pins/")
        || path.startsWith("/api/v1/receipt/") || path.startsWith("/api/v1/walks/")
        || path.startsWith("/api/v1/accessibility/")
        || path.startsWith("/api/v1/forwarding/") // a body answering through its link (no session)
        || path.startsWith("/api/v1/follow/"); // follow.FollowController; one-click unsubscribe from mail clients
  }

  /**
   * A request that carries its own credentials (HTTP Basic from a script or GIS client) cannot be
   * forged cross-site: a browser never adds that header to another site's request by itself, and
   * we never ask browsers to remember Basic credentials (no WWW-Authenticate challenge). Only a
   * Basic header counts, since only it authenticates the request (then by itself: a wrong one is
   * 401, whatever session cookie comes along); any other Authorization header leaves a
   * session-authenticated request under the CSRF check.
   */
  static boolean hasCredentials(HttpServletRequest request) {
    return SignInGuard.basicUsername(request) != null;
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("""
        ROLE_ADMIN > ROLE_PLANNER
        ROLE_PLANNER > ROLE_MODERATOR
        ROLE_ADMIN > ROLE_GIS
        """);
  }

  /**
   * bcrypt, with at most one check per core at a time ({@link BoundedPasswordEncoder}). The cost
   * is 12 (about a quarter of a second a check); only the tests lower it, since a cost-12 check on
   * every HTTP Basic call made the access matrix alone take two minutes.
   */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${dialogkarta.password-hash-cost:12}") int cost) {
    return new BoundedPasswordEncoder(new BCryptPasswordEncoder(cost), Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  private static AuthenticationEntryPoint problem401() {
    return (request, response, e) -> ProblemWriter.write(request, response, 401, "Sign-in required",
        "Sign in as staff to use this", "auth.required");
  }

  private static AccessDeniedHandler problem403() {
    return (request, response, e) -> {
      if (e instanceof CsrfException) {
        ProblemWriter.write(request, response, 403, "Forbidden",
            "The form's security token is missing or out of date; reload the page and try again", "csrf.invalid");
      } else {
        ProblemWriter.write(request, response, 403, "Forbidden", "Your role does not allow this", "auth.forbidden");
      }
    };
  }
}
