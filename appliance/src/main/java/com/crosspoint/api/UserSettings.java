package com.crosspoint.api;

import com.crosspoint.api.dto.SettingsDto;
import com.crosspoint.conference.ConferenceService;
import com.crosspoint.directory.Directory;
import com.crosspoint.ivr.AttendantService;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.provisioning.ValidationException;

/**
 * Changes a user's forwarding and do-not-disturb settings. Besides the provisioning rules, every forward target
 * must be something of the tenant that answers a call (issue 10: a forward to a number nobody has was accepted
 * silently, and the calls went nowhere): a user's extension, an auto-attendant menu or a conference room.
 */
final class UserSettings {
    private static final String PREFIX = "settings.";

    private final ProvisioningService provisioning;
    private final Directory directory;
    private final AttendantService attendant;
    private final ConferenceService conferences;

    UserSettings(ProvisioningService provisioning, Directory directory, AttendantService attendant,
                 ConferenceService conferences) {
        this.provisioning = provisioning;
        this.directory = directory;
        this.attendant = attendant;
        this.conferences = conferences;
    }

    /** The settings are the whole request body: errors name their fields without the {@code settings.} prefix. */
    User update(long tenantId, long userId, SettingsDto body) {
        try {
            checkTargets(tenantId, body, PREFIX);
            return provisioning.updateSettings(tenantId, userId, body.toModel());
        } catch (ValidationException e) {
            String f = e.field();
            throw new ValidationException(f != null && f.startsWith(PREFIX) ? f.substring(PREFIX.length()) : f,
                    e.getMessage());
        }
    }

    /** Settings inside a user's body ({@code prefix} "settings."); null settings are not checked. */
    void checkTargets(long tenantId, SettingsDto s, String prefix) {
        if (s == null) {
            return;
        }
        check(tenantId, prefix + "forwardAlways", s.forwardAlways());
        check(tenantId, prefix + "forwardBusy", s.forwardBusy());
        check(tenantId, prefix + "forwardNoAnswer", s.forwardNoAnswer());
    }

    private void check(long tenantId, String field, String target) {
        if (target == null || target.isBlank()) {
            return;
        }
        String number = target.trim();
        boolean answered = directory.userByExtension(tenantId, number).isPresent()
                || attendant.byNumber(tenantId, number).isPresent()
                || conferences.byNumber(tenantId, number).isPresent();
        if (!answered && number.chars().allMatch(Character::isDigit)) {
            throw new ValidationException(field,
                    "no user, auto-attendant menu or conference room has number " + number);
        }
    }
}
