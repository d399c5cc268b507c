package com.crosspoint.provisioning;

import com.crosspoint.auth.StoredCredential;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.DeviceEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.ProvisioningEvent.Kind;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tenants, users and devices: validates, writes the store, then announces the committed change as a
 * {@link ProvisioningEvent}: applied to the in-memory directory the SIP edge reads before the
 * method returns (so SIP never sees an uncommitted change, and sees the caller's change at once),
 * then published on the event bus for everyone else. Changes run one at a time, so the directory
 * and the bus see them in the order the store committed them.
 */
public final class ProvisioningService {
    private static final Pattern DOMAIN = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.?)*[A-Za-z0-9]$|^[0-9.]+$");
    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,15}$");
    private static final Pattern SIP_USERNAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MIN_SIP_PASSWORD = 8;

    private final Stores stores;
    private final Directory directory;
    private final Registrar registrar;
    private final EventBus events;
    private final Clock clock;

    public ProvisioningService(Stores stores, Directory directory, Registrar registrar, EventBus events, Clock clock) {
        this.stores = stores;
        this.directory = directory;
        this.registrar = registrar;
        this.events = events;
        this.clock = clock;
    }

    // ---- tenants ------------------------------------------------------------------------------

    public synchronized Tenant createTenant(String name, String domain) {
        Tenant t = stores.tenants().create(requireName(name), requireDomain(domain));
        announce(new TenantEvent(Kind.CREATED, t, clock.instant()));
        return t;
    }

    public synchronized Tenant updateTenant(long id, String name, String domain) {
        tenant(id);
        Tenant t = stores.tenants().update(new Tenant(id, requireName(name), requireDomain(domain)));
        announce(new TenantEvent(Kind.CHANGED, t, clock.instant()));
        return t;
    }

    public synchronized void deleteTenant(long id) {
        Tenant t = tenant(id);
        List<Device> devices = stores.devices().listByTenant(id);
        if (!stores.tenants().delete(id)) {
            throw new NotFoundException("no tenant " + id);
        }
        devices.forEach(d -> registrar.forgetDevice(d.id()));
        announce(new TenantEvent(Kind.DELETED, t, clock.instant()));
    }

    public Tenant tenant(long id) {
        return stores.tenants().find(id).orElseThrow(() -> new NotFoundException("no tenant " + id));
    }

    // ---- users --------------------------------------------------------------------------------

    public synchronized User createUser(long tenantId, String extension, String displayName, String email,
                                        CallSettings settings) {
        tenant(tenantId);
        CallSettings s = validSettings(settings == null ? CallSettings.defaults() : settings);
        requireNoRoom(tenantId, extension);
        User u = stores.users().create(tenantId, notAMenu(tenantId, requireExtension(extension)), optionalText("displayName", displayName, 128),
                validEmail(email), s);
        announce(new UserEvent(Kind.CREATED, u, clock.instant()));
        return u;
    }

    public synchronized User updateUser(long tenantId, long userId, String extension, String displayName,
                                        String email, CallSettings settings) {
        User old = user(tenantId, userId);
        if (!old.extension().equals(extension)) {
            requireNoRoom(tenantId, extension);
        }
        User u = stores.users().update(new User(userId, tenantId, notAMenu(tenantId, requireExtension(extension)),
                optionalText("displayName", displayName, 128), validEmail(email),
                validSettings(settings == null ? old.settings() : settings)));
        announce(new UserEvent(Kind.CHANGED, u, clock.instant()));
        return u;
    }

    public synchronized User updateSettings(long tenantId, long userId, CallSettings settings) {
        User old = user(tenantId, userId);
        User u = stores.users().update(old.withSettings(validSettings(settings)));
        announce(new UserEvent(Kind.CHANGED, u, clock.instant()));
        return u;
    }

    public synchronized void deleteUser(long tenantId, long userId) {
        User u = user(tenantId, userId);
        List<Device> devices = stores.devices().listByUser(u.id());
        stores.users().delete(u.id());
        devices.forEach(d -> registrar.forgetDevice(d.id()));
        announce(new UserEvent(Kind.DELETED, u, clock.instant()));
    }

    /** A user's extension and a conference room's number are both numbers of the tenant: one owner each. */
    private void requireNoRoom(long tenantId, String extension) {
        if (extension != null && stores.conferences().findByNumber(tenantId, extension).isPresent()) {
            throw new com.crosspoint.store.DuplicateKeyException("extension",
                    "extension " + extension + " is the number of a conference room");
        }
    }

    public User user(long tenantId, long userId) {
        return stores.users().find(userId).filter(u -> u.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("no user " + userId + " in tenant " + tenantId));
    }

    // ---- devices ------------------------------------------------------------------------------

    /**
     * Adds a SIP device to a user. A null username becomes the extension (first device) or
     * extension-N; a null password is generated. Only the realm's HA1 hashes are stored.
     */
    public synchronized CreatedDevice createDevice(long tenantId, long userId, String sipUsername, String password) {
        Tenant t = tenant(tenantId);
        User u = user(tenantId, userId);
        String name = sipUsername == null || sipUsername.isBlank() ? freeUsername(t, u) : sipUsername.trim();
        if (!SIP_USERNAME.matcher(name).matches()) {
            throw new ValidationException("sipUsername", "letters, digits, '.', '_' and '-' only, 1-64 characters");
        }
        String pw = password == null || password.isEmpty() ? Passwords.generate(16) : password;
        requirePassword(pw);
        StoredCredential c = StoredCredential.fromPassword(name, t.domain(), pw);
        Device d = stores.devices().create(tenantId, userId, name, c.ha1Md5(), c.ha1Sha256());
        announce(new DeviceEvent(Kind.CREATED, d, u.extension(), clock.instant()));
        return new CreatedDevice(d, pw);
    }

    /** Replaces a device's SIP password (its HA1 hashes); its registrations stay. */
    public synchronized Device setDevicePassword(long tenantId, long deviceId, String password) {
        Tenant t = tenant(tenantId);
        Device d = device(tenantId, deviceId);
        requirePassword(password);
        StoredCredential c = StoredCredential.fromPassword(d.sipUsername(), t.domain(), password);
        Device updated = stores.devices().updateCredentials(d.id(), c.ha1Md5(), c.ha1Sha256());
        announce(new DeviceEvent(Kind.CHANGED, updated, extensionOf(updated), clock.instant()));
        return updated;
    }

    public synchronized void deleteDevice(long tenantId, long deviceId) {
        Device d = device(tenantId, deviceId);
        String extension = extensionOf(d);
        stores.devices().delete(d.id());
        registrar.forgetDevice(d.id());
        announce(new DeviceEvent(Kind.DELETED, d, extension, clock.instant()));
    }

    public Device device(long tenantId, long deviceId) {
        return stores.devices().find(deviceId).filter(d -> d.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("no device " + deviceId + " in tenant " + tenantId));
    }

    /** The directory first: the API caller may use the change the moment this returns (read your writes). */
    private void announce(ProvisioningEvent e) {
        directory.apply(e);
        events.publish(e);
    }

    private String extensionOf(Device d) {
        return directory.user(d.userId()).map(User::extension).orElse(null);
    }

    private String freeUsername(Tenant t, User u) {
        if (directory.deviceBySipUsername(t.id(), u.extension()).isEmpty()) {
            return u.extension();
        }
        for (int i = 2; ; i++) {
            String candidate = u.extension() + "-" + i;
            if (directory.deviceBySipUsername(t.id(), candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    // ---- validation ---------------------------------------------------------------------------

    private static void requirePassword(String pw) {
        if (pw == null || pw.length() < MIN_SIP_PASSWORD || pw.length() > 128) {
            throw new ValidationException("password", "must be 8 to 128 characters");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "is required");
        }
        return optionalText("name", name.trim(), 128);
    }

    private static String requireDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253 || !DOMAIN.matcher(domain.trim()).matches()) {
            throw new ValidationException("domain", "must be a DNS name or IPv4 address");
        }
        return domain.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String requireExtension(String extension) {
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new ValidationException("extension", "must be 2 to 15 digits");
        }
        return extension;
    }

    /** A call to a menu's number reaches the menu, so no user may have it (nor a menu a user's: AttendantService). */
    private String notAMenu(long tenantId, String extension) {
        if (stores.attendantMenus().findByNumber(tenantId, extension).isPresent()) {
            throw new DuplicateKeyException("extension", "extension " + extension + " is an auto-attendant menu's number");
        }
        return extension;
    }

    private static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ValidationException(field, "at most " + max + " characters");
        }
        return withoutControlCharacters(field, value);
    }

    /**
     * Names end up in SIP headers (a user's display name in the From of every INVITE to the callee's phones): a
     * line break there starts a header of the caller's choosing. No provisioned text may hold control characters.
     */
    private static String withoutControlCharacters(String field, String value) {
        if (value != null && value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new ValidationException(field, "must not contain control characters (line breaks, tabs)");
        }
        return value;
    }

    private static String validEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new ValidationException("email", "is not an email address");
        }
        return withoutControlCharacters("email", email);
    }

    private static CallSettings validSettings(CallSettings s) {
        checkTarget("settings.forwardAlways", s.forwardAlways());
        checkTarget("settings.forwardBusy", s.forwardBusy());
        checkTarget("settings.forwardNoAnswer", s.forwardNoAnswer());
        if (s.noAnswerSeconds() < 5 || s.noAnswerSeconds() > 300) {
            throw new ValidationException("settings.noAnswerSeconds", "must be 5 to 300");
        }
        return s;
    }

    private static void checkTarget(String field, String target) {
        if (target != null && !target.isBlank() && !EXTENSION.matcher(target.trim()).matches()) {
            throw new ValidationException(field, "must be an extension (2 to 15 digits)");
        }
    }
}
