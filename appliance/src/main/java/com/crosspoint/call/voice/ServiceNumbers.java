package com.crosspoint.call.voice;

import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.Optional;

/**
 * Numbers of a tenant that the appliance answers itself rather than ringing a user: mailbox codes, conference
 * rooms, auto-attendant menus. The B2BUA asks each in turn, before it looks for a user with that extension.
 */
@FunctionalInterface
public interface ServiceNumbers {

    /**
     * The voice application that answers {@code dialled} when {@code caller} of {@code tenant} calls it, or empty
     * when the number is not one of these services'.
     */
    Optional<CallApplication> answer(Tenant tenant, User caller, String dialled);
}
