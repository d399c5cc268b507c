package com.crosspoint.conference;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.Optional;

/** The tenant's conference room numbers: dialling one enters that room. */
public final class ConferenceRooms implements ServiceNumbers {
    private final ConferenceService conferences;

    public ConferenceRooms(ConferenceService conferences) {
        this.conferences = conferences;
    }

    @Override
    public Optional<CallApplication> answer(Tenant tenant, User caller, String dialled) {
        return conferences.byNumber(tenant.id(), dialled)
                .map(room -> new ConferenceApp(conferences, room, label(caller)));
    }

    private static String label(User caller) {
        if (caller == null) {
            return "unknown";
        }
        String name = caller.displayName();
        return name == null || name.isBlank() ? caller.extension() : caller.extension() + " " + name;
    }
}
