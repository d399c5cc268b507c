package com.crosspoint.model;

/**
 * A user's call features. A forward target is an extension of the same tenant, or null when unset.
 *
 * @param forwardAlways     every call goes here instead of ringing the user
 * @param forwardBusy       used when every device answered 486 Busy Here, and under do-not-disturb
 * @param forwardNoAnswer   used when nobody answered within {@code noAnswerSeconds}
 * @param noAnswerSeconds   ring time before no-answer forwarding (or giving up)
 * @param doNotDisturb      nothing rings: callers go to the forward-busy target, else hear busy (486)
 * @param dndToVoicemail    under do-not-disturb without a forward-busy target, callers leave a message instead
 */
public record CallSettings(String forwardAlways, String forwardBusy, String forwardNoAnswer,
                           int noAnswerSeconds, boolean doNotDisturb, boolean dndToVoicemail) {

    public static final int DEFAULT_NO_ANSWER_SECONDS = 20;

    /** Settings whose do-not-disturb, if on, gives callers busy. */
    public CallSettings(String forwardAlways, String forwardBusy, String forwardNoAnswer, int noAnswerSeconds,
                        boolean doNotDisturb) {
        this(forwardAlways, forwardBusy, forwardNoAnswer, noAnswerSeconds, doNotDisturb, false);
    }

    public static CallSettings defaults() {
        return new CallSettings(null, null, null, DEFAULT_NO_ANSWER_SECONDS, false);
    }
}
