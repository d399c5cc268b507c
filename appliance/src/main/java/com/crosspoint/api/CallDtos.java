package com.crosspoint.api;

import com.crosspoint.api.dto.CallDto;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.call.MediaPath;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import java.util.regex.Pattern;

/**
 * Calls as the API shows them, with the display names of the called and connected users from the directory,
 * so that a console can find a call by the callee's name (issue 10: "bob" found nothing).
 */
final class CallDtos {
    private static final Pattern PHONES = Pattern.compile("[0-9]+(/[0-9]+)?");
    private final Directory directory;

    CallDtos(Directory directory) {
        this.directory = directory;
    }

    CallDto of(CallSnapshot c) {
        return CallDto.of(c, name(c.tenantId(), c.callee()), name(c.tenantId(), c.connectedTo()), anchored(c));
    }

    /**
     * Whether the appliance carries the call's media (and so measures its quality): null until it is answered;
     * false while two phones talk to each other directly (their legs are labelled by extension, "1002" or
     * "1001/1003" after a transfer); true for a voice application ("voicemail", "menu 700", "conference 800").
     */
    static Boolean anchored(CallSnapshot c) {
        if (c.media() != null && c.answeredAt() != null) {
            return c.media().route() != MediaPath.Route.DIRECT;
        }
        boolean talking = c.state() == CallState.ANSWERED || c.state() == CallState.HELD
                || c.state() == CallState.TRANSFERRING;
        if (!talking && c.quality() == null) {
            return null;
        }
        return c.quality() != null || c.connectedTo() == null || !PHONES.matcher(c.connectedTo()).matches();
    }

    private String name(long tenantId, String extension) {
        return extension == null ? null
                : directory.userByExtension(tenantId, extension).map(User::displayName).orElse(null);
    }
}
