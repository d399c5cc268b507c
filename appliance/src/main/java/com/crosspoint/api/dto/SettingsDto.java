package com.crosspoint.api.dto;

import com.crosspoint.model.CallSettings;

/**
 * A user's forwarding and do-not-disturb settings. Forward targets are extensions of the same
 * tenant or null; a missing {@code noAnswerSeconds} means the default, a missing
 * {@code doNotDisturb} or {@code doNotDisturbToVoicemail} means off.
 */
public record SettingsDto(String forwardAlways, String forwardBusy, String forwardNoAnswer,
                          Integer noAnswerSeconds, Boolean doNotDisturb, Boolean doNotDisturbToVoicemail) {

    public static SettingsDto of(CallSettings s) {
        return new SettingsDto(s.forwardAlways(), s.forwardBusy(), s.forwardNoAnswer(), s.noAnswerSeconds(),
                s.doNotDisturb(), s.dndToVoicemail());
    }

    public CallSettings toModel() {
        return new CallSettings(blankToNull(forwardAlways), blankToNull(forwardBusy), blankToNull(forwardNoAnswer),
                noAnswerSeconds == null ? CallSettings.DEFAULT_NO_ANSWER_SECONDS : noAnswerSeconds,
                Boolean.TRUE.equals(doNotDisturb), Boolean.TRUE.equals(doNotDisturbToVoicemail));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
