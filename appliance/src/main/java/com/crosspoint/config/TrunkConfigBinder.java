package com.crosspoint.config;

import com.crosspoint.trunk.GatewayRoute;
import com.crosspoint.trunk.NumberPlan;
import com.crosspoint.trunk.OutsidePolicy;
import com.crosspoint.trunk.TrunkTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Binds {@code trunk.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class TrunkConfigBinder {
    private final ConfigValues values;

    TrunkConfigBinder(ConfigValues values) {
        this.values = values;
    }

    TrunkConfig trunk() {
        return new TrunkConfig(outside(), parsedList("trunk.routers", TrunkTarget::parse),
                parsedList("trunk.gateways", GatewayRoute::parse), ranged("trunk.probeSeconds", 0, 3600),
                ranged("trunk.failuresToDown", 1, 100), ranged("trunk.responseTimeoutSeconds", 1, 60));
    }

    private OutsidePolicy outside() {
        NumberPlan plan;
        try {
            plan = new NumberPlan(values.string("trunk.countryCode").trim(),
                    values.string("trunk.internationalPrefix").trim(), values.string("trunk.nationalPrefix").trim(),
                    ranged("trunk.nationalLength", 0, 15), values.string("trunk.areaCode").trim(),
                    ranged("trunk.localLength", 0, 15));
        } catch (IllegalArgumentException e) {
            throw values.error("trunk.countryCode", "the number plan cannot work: " + e.getMessage());
        }
        Set<String> emergency = new LinkedHashSet<>();
        for (String number : values.stringList("trunk.emergencyNumbers")) {
            if (!number.matches("[0-9]{2,6}")) {
                throw values.error("trunk.emergencyNumbers", "an emergency number is 2 to 6 digits, not \"" + number
                        + "\"");
            }
            emergency.add(number);
        }
        List<String> barred = prefixes("trunk.barredPrefixes");
        List<String> allowed = prefixes("trunk.allowedPrefixes");
        return new OutsidePolicy(plan, emergency, barred, values.bool("trunk.allowInternational"), allowed);
    }

    private List<String> prefixes(String key) {
        List<String> prefixes = values.stringList(key);
        for (String p : prefixes) {
            if (!p.matches("\\+[1-9][0-9]{0,14}")) {
                throw values.error(key, "a prefix is + and the digits of an E.164 number, not \"" + p + "\"");
            }
        }
        return prefixes;
    }

    private <T> List<T> parsedList(String key, Function<String, T> parser) {
        List<T> parsed = new ArrayList<>();
        for (String text : values.stringList(key)) {
            try {
                parsed.add(parser.apply(text));
            } catch (IllegalArgumentException e) {
                throw values.error(key, e.getMessage());
            }
        }
        return parsed;
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
