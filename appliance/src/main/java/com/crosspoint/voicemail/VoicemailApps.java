package com.crosspoint.voicemail;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Builds the voice applications of voicemail for calls the B2BUA hands over. */
public final class VoicemailApps implements ServiceNumbers {
    /** Dialled from a user's phone: that user's own mailbox (PIN only). */
    public static final String OWN_MAILBOX = "*97";
    /** Dialled from any phone of the tenant: asks for the mailbox number, then its PIN. */
    public static final String ANY_MAILBOX = "*98";

    private final VoicemailService voicemail;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the time zone messages' times are announced in */
    public VoicemailApps(VoicemailService voicemail, Directory directory, Clock clock, ZoneId zone) {
        this.voicemail = voicemail;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether a dialled number is a mailbox access code. */
    public static boolean isMailboxCode(String dialled) {
        return OWN_MAILBOX.equals(dialled) || ANY_MAILBOX.equals(dialled);
    }

    /** The mailbox codes: {@code *97} and {@code *98} open the mailbox menu. */
    @Override
    public Optional<CallApplication> answer(Tenant tenant, User caller, String dialled) {
        return isMailboxCode(dialled) ? Optional.of(mailbox(caller, dialled)) : Optional.empty();
    }

    /** The mailbox by phone for {@code caller} (a user of the tenant) who dialled {@code code}. */
    public CallApplication mailbox(User caller, String code) {
        return new MailboxApp(voicemail, directory, clock, zone, caller.tenantId(),
                OWN_MAILBOX.equals(code) ? caller : null);
    }

    /** A caller leaving a message for {@code box}, who is busy or did not answer. */
    public CallApplication deposit(User box, GreetingKind kind, User caller) {
        return new DepositApp(voicemail, box, kind, caller == null ? null : caller.extension(),
                caller == null ? null : caller.displayName());
    }
}
