package com.crosspoint.trunk;

import java.util.Objects;

/** What a dialled number that is no extension is, as {@link OutsidePolicy} classifies it. */
public sealed interface ExternalNumber {

    /**
     * An emergency number: goes out first and is never barred, whatever the balance or policy; sent to the carrier
     * as dialled (emergency services are reached by their short number, not by an E.164 number).
     */
    record Emergency(String dialled) implements ExternalNumber {
        public Emergency {
            Objects.requireNonNull(dialled, "dialled");
        }
    }

    /** A public number the tenant may call, in E.164 ({@code +} and digits). */
    record Public(String e164) implements ExternalNumber {
        public Public {
            Objects.requireNonNull(e164, "e164");
        }
    }

    /** A public number the tenant may not call (premium rate, or international when not allowed): {@code why}. */
    record Barred(String e164, String why) implements ExternalNumber {
        public Barred {
            Objects.requireNonNull(e164, "e164");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Not a number of the public network in the tenant's plan (too short, letters, ...). */
    record NotANumber(String dialled) implements ExternalNumber {
    }
}
