package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.ForbiddenException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one rule for profile answers (age band, gender) in analyses: they never single anyone out.
 * Every analysis endpoint, the OGC analysis collections and the analysis exports ask it.
 *
 * <ol>
 *   <li><b>Pin-level answers</b> (pin ids, texts, single pins, cluster members, a hexagon's
 *       {@code pinIds}) of a selection narrowed by {@code ageBand} or {@code gender} are given
 *       only to planners (and administrators, whom {@code security.SecurityConfig}'s role
 *       hierarchy makes planners). GIS staff are refused with a 403 problem naming the field,
 *       the public (OGC API) never gets them. Never silently unfiltered data: an answer without
 *       the filter would be read as the group's.
 *       403, not 422: the query is valid and is answered for a planner; what is missing is the
 *       caller's right to it, and the client should not "fix" the filter but ask someone who may.</li>
 *   <li><b>Small selections</b>: a planner whose profile-filtered selection holds fewer than
 *       {@value #MIN_GROUP} pins gets no ids or texts either, only "fewer than 5".</li>
 *   <li><b>Counts</b>: with a profile filter every count of pins under {@value #MIN_GROUP}
 *       (statistics, hexagons, clusters, neighbourhoods) is written as {@code null} beside
 *       {@code "masked": "fewer than 5"}, for every role. Zero is masked too, as the
 *       "who has been heard" table always did: a 0 shown beside a masked cell tells the reader
 *       the masked one is 1–4, and with a known total it can be found by subtraction.</li>
 * </ol>
 *
 * Without a profile filter nothing here applies: a selection by category or date names no one.
 */
@Component
public class ProfileDisclosure {

  /** The smallest group of pins that is shown as a number or as pins. */
  public static final int MIN_GROUP = 5;
  /** What a masked count says instead of its number. */
  public static final String FEWER_THAN = "fewer than " + MIN_GROUP;
  /** The problem's code, translated by the pages as {@code staff.error.<code>}. */
  public static final String REFUSED = "analysis.profile_group.pin_level";

  private final RoleHierarchy roles;

  ProfileDisclosure(RoleHierarchy roles) {
    this.roles = roles;
  }

  /** The rule for {@code filter} asked by the signed-in caller of this request. */
  public Decision of(AnalysisFilter filter) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    boolean planner = who != null && who.isAuthenticated()
        && isPlanner(roles.getReachableGrantedAuthorities(who.getAuthorities()));
    return new Decision(filter, planner);
  }

  /** The rule for a caller who is no planner: the public OGC API, GIS exports. */
  public static Decision withoutPlannerRole(AnalysisFilter filter) {
    return new Decision(filter, false);
  }

  /**
   * Primary and secondary suppression, as statistics offices do with small cells: every count
   * under {@code minimum} is hidden; while the hidden ones sum to between 1 and minimum - 1, the
   * smallest shown count is hidden as well.
   */
  static boolean[] suppress(long[] counts, int minimum) {
    boolean[] hidden = new boolean[counts.length];
    long hiddenSum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < minimum) {
        hidden[i] = true;
        hiddenSum += counts[i];
      }
    }
    while (hiddenSum > 0 && hiddenSum < minimum) {
      int smallest = -1;
      for (int i = 0; i < counts.length; i++) {
        if (!hidden[i] && (smallest < 0 || counts[i] < counts[smallest])) {
          smallest = i;
        }
      }
      if (smallest < 0) {
        break;
      }
      hidden[smallest] = true;
      hiddenSum += counts[smallest];
    }
    return hidden;
  }

  private static boolean isPlanner(Collection<? extends GrantedAuthority> reachable) {
    return reachable.stream().anyMatch(a -> StaffRole.PLANNER.authority().equals(a.getAuthority()));
  }

  /** What may be said about one selection to one caller. */
  public record Decision(AnalysisFilter filter, boolean planner) {

    /** Whether the selection is narrowed to a profile group. */
    public boolean profileGroup() {
      return !filter.ageBands().isEmpty() || !filter.genders().isEmpty();
    }

    /** Refuses (403, naming {@code ageBand}/{@code gender}) a pin-level answer this caller may not have. */
    public Decision requirePinLevel() {
      if (profileGroup() && !planner) {
        List<FieldViolation> faults = new ArrayList<>();
        for (String field : List.of("ageBand", "gender")) {
          if (!(field.equals("ageBand") ? filter.ageBands() : filter.genders()).isEmpty()) {
            faults.add(FieldViolation.of(field, REFUSED, "Pin ids, texts and single pins of a profile group ('"
                + field + "') are given to planners only; statistics by profile group are open to your role"));
          }
        }
        throw new ForbiddenException(REFUSED, faults);
      }
      return this;
    }

    /** Whether a count of {@code pins} of this selection is hidden (and the pins behind it). */
    public boolean masks(long pins) {
      return profileGroup() && pins < MIN_GROUP;
    }

    /** The count as written: the number, or null when masked. */
    public Long count(long pins) {
      return masks(pins) ? null : pins;
    }

    /**
     * Which of {@code counts}, parts of one total that is shown, are hidden: each under
     * {@value #MIN_GROUP}, and while the hidden ones together hold 1 to 4 pins, the smallest shown
     * one too, so that no hidden count can be found by subtracting the others from the total.
     * Nothing is hidden without a profile filter.
     */
    public boolean[] masked(long... counts) {
      return profileGroup() ? suppress(counts, MIN_GROUP) : new boolean[counts.length];
    }

    /** A map of counts as written: masked ones (see {@link #masked}) are null, order kept. */
    public Map<String, Long> counts(Map<String, ? extends Number> byKey) {
      return counts(byKey, false);
    }

    /**
     * The parts of a count as written; when that count itself is masked ({@code whole}), every
     * part is null, since the parts would add up to it.
     */
    public Map<String, Long> counts(Map<String, ? extends Number> byKey, boolean whole) {
      List<String> keys = List.copyOf(byKey.keySet());
      boolean[] hidden = whole ? all(keys.size())
          : masked(keys.stream().mapToLong(k -> byKey.get(k).longValue()).toArray());
      Map<String, Long> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), hidden[i] ? null : byKey.get(keys.get(i)).longValue());
      }
      return out;
    }

    private static boolean[] all(int n) {
      boolean[] out = new boolean[n];
      Arrays.fill(out, true);
      return out;
    }

    /** Puts {@code name} (the count or null) and, when masked, {@code "masked": "fewer than 5"}. */
    public void putCount(Map<String, Object> properties, String name, long pins) {
      properties.put(name, count(pins));
      if (masks(pins)) {
        properties.put("masked", FEWER_THAN);
      }
    }
  }
}
