package com.crosspoint.voicemail;

import com.crosspoint.provisioning.ValidationException;
import java.util.regex.Pattern;

/** A mailbox PIN: 4 to 10 digits, entered on a keypad. */
public final class PinPolicy {
    private static final Pattern PIN = Pattern.compile("^[0-9]{4,10}$");

    private PinPolicy() {
    }

    public static boolean valid(String pin) {
        return pin != null && PIN.matcher(pin).matches();
    }

    /** @throws ValidationException naming {@code field} when the PIN is not 4 to 10 digits */
    public static String require(String pin, String field) {
        if (!valid(pin)) {
            throw new ValidationException(field, "must be 4 to 10 digits");
        }
        return pin;
    }
}
