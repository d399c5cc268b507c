package com.crosspoint.model;

/**
 * A user's call features. A forward target is an extension of the same tenant, or null when unset.
 *
 * @param forwardAlways     every call goes here instead of ringing the user
 * @param forwardBusy       used when every device answered 486 Busy Here
 * @param forwardNoAnswer   used when nobody answered within {@code noAnswerSeconds}
 * @param noAnswerSeconds   ring time before no-answer forwarding (or giving up)
 * @param doNotDisturb      reject (or forward-busy) every call without ringing
 */
public record CallSettings(String forwardAlways, String forwardBusy, String forwardNoAnswer,
                           int noAnswerSeconds, boolean doNotDisturb) {

    public static final int DEFAULT_NO_ANSWER_SECONDS = 20;

    public static CallSettings defaults() {
        return new CallSettings(null, null, null, DEFAULT_NO_ANSWER_SECONDS, false);
    }
}
