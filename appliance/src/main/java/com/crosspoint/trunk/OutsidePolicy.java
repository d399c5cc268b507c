package com.crosspoint.trunk;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which numbers outside the PBX a tenant may call. Emergency numbers always (checked first, on the digits as
 * dialled); then the number is normalised with the tenant's {@link NumberPlan}, and barred when it matches a
 * premium prefix, or is international while international calls are not allowed, unless an allowed prefix names
 * it (the toll-fraud defaults: a stolen password then cannot run up premium or international minutes).
 *
 * @param plan               how the tenant dials
 * @param emergencyNumbers   short numbers of the emergency services ("911", "112")
 * @param barredPrefixes     E.164 prefixes never called ("+1900"), unless {@code allowedPrefixes} names them
 * @param allowInternational whether numbers of other countries may be called
 * @param allowedPrefixes    E.164 prefixes called even when barred or international ("+44")
 */
public record OutsidePolicy(NumberPlan plan, Set<String> emergencyNumbers, List<String> barredPrefixes,
                            boolean allowInternational, List<String> allowedPrefixes) {
    public OutsidePolicy {
        Objects.requireNonNull(plan, "plan");
        emergencyNumbers = Set.copyOf(emergencyNumbers);
        barredPrefixes = List.copyOf(barredPrefixes);
        allowedPrefixes = List.copyOf(allowedPrefixes);
        for (String prefix : barredPrefixes) {
            requireE164Prefix(prefix);
        }
        for (String prefix : allowedPrefixes) {
            requireE164Prefix(prefix);
        }
    }

    private static void requireE164Prefix(String prefix) {
        if (!prefix.matches("\\+[1-9][0-9]{0,14}")) {
            throw new IllegalArgumentException("not an E.164 prefix (+ and digits): " + prefix);
        }
    }

    /** What {@code dialled} is for this tenant. */
    public ExternalNumber classify(String dialled) {
        if (emergencyNumbers.contains(dialled)) {
            return new ExternalNumber.Emergency(dialled);
        }
        String e164 = plan.toE164(dialled).orElse(null);
        if (e164 == null) {
            return new ExternalNumber.NotANumber(dialled);
        }
        if (startsWithAny(e164, allowedPrefixes)) {
            return new ExternalNumber.Public(e164);
        }
        for (String prefix : barredPrefixes) {
            if (e164.startsWith(prefix)) {
                return new ExternalNumber.Barred(e164, "premium or barred prefix " + prefix);
            }
        }
        if (!allowInternational && plan.isInternational(e164)) {
            return new ExternalNumber.Barred(e164, "international calls are not allowed");
        }
        return new ExternalNumber.Public(e164);
    }

    private static boolean startsWithAny(String e164, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (e164.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
