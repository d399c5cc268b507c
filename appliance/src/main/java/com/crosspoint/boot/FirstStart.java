package com.crosspoint.boot;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.model.Did;
import com.crosspoint.model.MenuOption;
import com.crosspoint.model.Role;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.Passwords;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a node needs before it takes traffic: the admin account of a new data directory and, in
 * demo mode, a demo tenant with extensions, an auto-attendant and a conference room. Passwords that nobody chose are generated here and
 * handed back to be printed once; only hashes are kept.
 */
final class FirstStart {
    private static final java.security.SecureRandom PIN_RANDOM = new java.security.SecureRandom();
    private static final List<String> DEMO_NAMES = List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi");

    private final CrosspointConfig config;
    private final Stores stores;
    private final ProvisioningService provisioning;

    FirstStart(CrosspointConfig config, Stores stores, ProvisioningService provisioning) {
        this.config = config;
        this.stores = stores;
        this.provisioning = provisioning;
    }

    /**
     * @param adminPassword  the admin's password when it was set at this start, else null
     * @param demoTenant     the demo tenant, or null outside demo mode
     * @param demoPassword   the demo extensions' SIP and web password when set at this start, else null
     * @param demoPin        the demo extensions' voicemail PIN when set at this start, else null
     * @param demoMenu       the demo tenant's auto-attendant number, or null when it has none
     * @param demoRoom       the demo tenant's conference room number, or null when it has none
     */
    record Credentials(String adminUsername, String adminPassword, Tenant demoTenant, List<String> demoExtensions,
                       String demoPassword, String demoPin, String demoMenu, String demoRoom) {
    }

    /** The demo tenant's menu: 1 and 2 ring the first two demo extensions, # dials any. */
    static final String DEMO_MENU = "700";
    /** The demo users' DIDs: this and two digits, in the order of {@code demo.extensions}. */
    static final String DEMO_DID_PREFIX = "+164655501";
    /** The demo tenant's open conference room. */
    static final String DEMO_ROOM = "800";

    Credentials ensure() {
        String adminPassword = ensureAdmin();
        if (!config.demo().enabled()) {
            return new Credentials(config.admin().username(), adminPassword, null, List.of(), null, null, null, null);
        }
        Optional<Tenant> existing = stores.tenants().findByDomain(config.demo().domain());
        Tenant tenant = existing.orElseGet(() -> provisioning.createTenant("Demo", config.demo().domain()));
        String demoPassword = null;
        if (existing.isEmpty() || config.demo().password().isPresent()) {
            demoPassword = config.demo().password().orElseGet(() -> Passwords.generate(12));
            seedExtensions(tenant, demoPassword);
        }
        if (existing.isEmpty()) {
            seedServices(tenant);
        }
        String demoPin = seedPins(tenant);
        seedDids(tenant);
        String menu = stores.attendantMenus().findByNumber(tenant.id(), DEMO_MENU).map(m -> m.number()).orElse(null);
        String room = stores.conferences().findByNumber(tenant.id(), DEMO_ROOM).map(r -> r.number()).orElse(null);
        return new Credentials(config.admin().username(), adminPassword, tenant, config.demo().extensions(), demoPassword,
                demoPin, menu, room);
    }

    /**
     * A new demo tenant also gets something to call besides each other: an auto-attendant, an open
     * conference room and a contact-center queue ({@link DemoQueue}), unless the configured extensions already use those numbers. Created once; the admin
     * may change or delete them like any other.
     */
    private void seedServices(Tenant tenant) {
        List<String> extensions = config.demo().extensions();
        if (!extensions.contains(DEMO_MENU)) {
            List<MenuOption> options = new ArrayList<>();
            for (int i = 0; i < Math.min(2, extensions.size()); i++) {
                options.add(MenuOption.extension((char) ('1' + i), extensions.get(i)));
            }
            stores.attendantMenus().create(new AttendantMenu(0, tenant.id(), DEMO_MENU, "Demo reception",
                    AttendantMenu.DEFAULT_GREETING, true, AttendantMenu.DEFAULT_TIMEOUT_SECONDS,
                    AttendantMenu.DEFAULT_MAX_RETRIES, null, options));
        }
        if (!extensions.contains(DEMO_ROOM)) {
            stores.conferences().create(new ConferenceRoom(0, tenant.id(), DEMO_ROOM, "Demo room", null,
                    ConferenceRoom.DEFAULT_MAX_PARTICIPANTS));
        }
        DemoQueue.seed(stores, tenant, extensions);
    }

    /**
     * Voicemail PINs of the demo extensions: the configured one for all of them, else one random
     * PIN for those that have none yet (a data directory from before voicemail gets one too).
     * Returns the PIN set at this start, or null when none was.
     */
    private String seedPins(Tenant tenant) {
        Optional<String> configured = config.demo().pin();
        String pin = configured.orElseGet(() -> String.format("%06d", PIN_RANDOM.nextInt(1_000_000)));
        boolean set = false;
        for (String ext : config.demo().extensions()) {
            Optional<User> user = stores.users().findByExtension(tenant.id(), ext);
            if (user.isPresent() && (configured.isPresent() || stores.voicemails().pinHash(user.get().id()).isEmpty())) {
                stores.voicemails().setPinHash(user.get().id(), PasswordHasher.hash(pin));
                set = true;
            }
        }
        return set ? pin : null;
    }

    /**
     * A DID per demo extension, {@value #DEMO_DID_PREFIX}00, 01 ... in order, so that each can call outside (its DID
     * is the caller ID) and be called from outside. Skipped for an extension that has a DID and for a number taken.
     */
    private void seedDids(Tenant tenant) {
        List<String> extensions = config.demo().extensions();
        List<Did> existing = stores.dids().list(tenant.id());
        for (int i = 0; i < Math.min(extensions.size(), 100); i++) {
            String extension = extensions.get(i);
            String number = DEMO_DID_PREFIX + String.format("%02d", i);
            if (existing.stream().noneMatch(d -> d.extension().equals(extension))
                    && stores.dids().findByNumber(number).isEmpty()) {
                stores.dids().create(new Did(0, tenant.id(), number, extension, false));
            }
        }
    }

    private String ensureAdmin() {
        if (stores.admins().findByUsername(config.admin().username()).isPresent()) {
            return null;
        }
        String pw = config.admin().password().orElseGet(() -> Passwords.generate(16));
        stores.admins().create(config.admin().username(), PasswordHasher.hash(pw), Role.SUPERADMIN, null);
        return pw;
    }

    /** Creates the demo users and their first device, or resets their passwords to the one given. */
    private void seedExtensions(Tenant tenant, String password) {
        List<String> extensions = config.demo().extensions();
        for (int i = 0; i < extensions.size(); i++) {
            String ext = extensions.get(i);
            String name = DEMO_NAMES.get(i % DEMO_NAMES.size());
            User user = stores.users().findByExtension(tenant.id(), ext).orElseGet(() -> provisioning.createUser(
                    tenant.id(), ext, name, name.toLowerCase(java.util.Locale.ROOT) + "@" + tenant.domain(),
                    CallSettings.defaults()));
            stores.users().setWebPasswordHash(user.id(), PasswordHasher.hash(password));
            var device = stores.devices().findBySipUsername(tenant.id(), ext);
            if (device.isPresent()) {
                provisioning.setDevicePassword(tenant.id(), device.get().id(), password);
            } else {
                provisioning.createDevice(tenant.id(), user.id(), ext, password);
            }
        }
    }
}
