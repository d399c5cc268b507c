package com.crosspoint.ivr;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.voicemail.GreetingKind;
import com.crosspoint.voicemail.VoicemailApps;
import java.util.Optional;

/** The numbers of auto-attendant menus: a call to one is answered by an {@link AttendantApp}. */
public final class AttendantMenus implements ServiceNumbers {
    private final AttendantService menus;
    private final Directory directory;
    private final VoicemailApps voicemail;

    public AttendantMenus(AttendantService menus, Directory directory, VoicemailApps voicemail) {
        this.menus = menus;
        this.directory = directory;
        this.voicemail = voicemail;
    }

    @Override
    public Optional<CallApplication> answer(Tenant tenant, User caller, String dialled) {
        return menus.byNumber(tenant.id(), dialled).map(m -> new AttendantApp(m, targets(tenant, caller)));
    }

    /** Targets looked up when the caller chooses, so a menu edited meanwhile routes as it now says. */
    private AttendantApp.Targets targets(Tenant tenant, User caller) {
        return new AttendantApp.Targets() {
            @Override
            public Optional<AttendantMenu> menu(long id) {
                return menus.menu(tenant.id(), id);
            }

            @Override
            public Optional<User> user(String extension) {
                return directory.userByExtension(tenant.id(), extension);
            }

            @Override
            public CallApplication voicemail(User box) {
                return voicemail.deposit(box, GreetingKind.UNAVAILABLE, caller);
            }
        };
    }
}
