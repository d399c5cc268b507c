package com.crosspoint.gateway;

import com.crosspoint.trunk.TrunkTarget;
import java.util.Objects;

/**
 * DIDs starting with {@code prefix} (E.164; a whole number is a prefix too) are served by the PBX node
 * {@code primary}, and by {@code backup} while the primary is down.
 */
public record DidRoute(String prefix, TrunkTarget primary, TrunkTarget backup) {
    public DidRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(backup, "backup");
        if (!prefix.matches("\\+[0-9]{1,15}")) {
            throw new IllegalArgumentException("a DID prefix is + and digits: " + prefix);
        }
        if (primary.equals(backup)) {
            throw new IllegalArgumentException("the backup of " + prefix + " is its primary: " + primary);
        }
    }

    /** {@code +prefix=primary|backup}, each {@code host:port[;transport=…]}, as config lists it. */
    public static DidRoute parse(String text) {
        int eq = text.indexOf('=');
        int bar = text.indexOf('|', eq + 1);
        if (eq < 0 || bar < 0) {
            throw new IllegalArgumentException("not +prefix=primary|backup: \"" + text + "\"");
        }
        return new DidRoute(text.substring(0, eq).trim(), TrunkTarget.parse(text.substring(eq + 1, bar)),
                TrunkTarget.parse(text.substring(bar + 1)));
    }
}
