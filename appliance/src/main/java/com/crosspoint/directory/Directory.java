package com.crosspoint.directory;

import com.crosspoint.events.DeviceEvent;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.Stores;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants, users and devices held in memory for the SIP hot path (every REGISTER and INVITE looks
 * them up). Loaded from the store at start; after that it changes only by {@link #apply} of the
 * provisioning events, which the provisioning service applies once the store committed them (so
 * the directory never shows what is not committed) and before it answers its caller (so a phone
 * may register the moment its device was created). Reads take no lock; changes are applied one at
 * a time.
 */
public final class Directory {
    private final Map<Long, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, Tenant> tenantsByDomain = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<String, User> usersByExtension = new ConcurrentHashMap<>();
    private final Map<Long, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Device> devicesByUsername = new ConcurrentHashMap<>();

    /** Fills a directory from every tenant, user and device in the store. */
    public static Directory load(Stores stores) {
        Directory d = new Directory();
        stores.tenants().list().forEach(d::putTenant);
        stores.users().listAll().forEach(d::putUser);
        stores.devices().listAll().forEach(d::putDevice);
        return d;
    }

    public Optional<Tenant> tenant(long id) {
        return Optional.ofNullable(tenants.get(id));
    }

    public Optional<Tenant> tenantByDomain(String domain) {
        return domain == null ? Optional.empty()
                : Optional.ofNullable(tenantsByDomain.get(domain.toLowerCase(Locale.ROOT)));
    }

    /** The tenant that answers for the appliance's own address: the oldest one. */
    public Optional<Tenant> defaultTenant() {
        return tenants.values().stream().min(Comparator.comparingLong(Tenant::id));
    }

    public List<Tenant> tenants() {
        return tenants.values().stream().sorted(Comparator.comparingLong(Tenant::id)).toList();
    }

    public Optional<User> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public Optional<User> userByExtension(long tenantId, String extension) {
        return Optional.ofNullable(usersByExtension.get(key(tenantId, extension)));
    }

    public Optional<Device> device(long id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Optional<Device> deviceBySipUsername(long tenantId, String sipUsername) {
        return Optional.ofNullable(devicesByUsername.get(key(tenantId, sipUsername)));
    }

    public List<Device> devicesOf(long userId) {
        return devices.values().stream().filter(d -> d.userId() == userId)
                .sorted(Comparator.comparingLong(Device::id)).toList();
    }

    /** Applies a committed change: the one way the directory changes after {@link #load}. */
    public synchronized void apply(ProvisioningEvent e) {
        if (e instanceof TenantEvent t) {
            if (e.deleted()) {
                removeTenant(t.tenant().id());
            } else {
                putTenant(t.tenant());
            }
        } else if (e instanceof UserEvent u) {
            if (e.deleted()) {
                removeUser(u.user().id());
            } else {
                putUser(u.user());
            }
        } else if (e instanceof DeviceEvent d) {
            if (e.deleted()) {
                removeDevice(d.device().id());
            } else {
                putDevice(d.device());
            }
        }
    }

    private void putTenant(Tenant t) {
        Tenant old = tenants.put(t.id(), t);
        if (old != null) {
            tenantsByDomain.remove(old.domain().toLowerCase(Locale.ROOT));
        }
        tenantsByDomain.put(t.domain().toLowerCase(Locale.ROOT), t);
    }

    private void removeTenant(long id) {
        Tenant old = tenants.remove(id);
        if (old != null) {
            tenantsByDomain.remove(old.domain().toLowerCase(Locale.ROOT));
            users.values().stream().filter(u -> u.tenantId() == id).map(User::id).toList()
                    .forEach(this::removeUser);
        }
    }

    private void putUser(User u) {
        User old = users.put(u.id(), u);
        if (old != null) {
            usersByExtension.remove(key(old.tenantId(), old.extension()));
        }
        usersByExtension.put(key(u.tenantId(), u.extension()), u);
    }

    private void removeUser(long id) {
        User old = users.remove(id);
        if (old != null) {
            usersByExtension.remove(key(old.tenantId(), old.extension()));
            devices.values().stream().filter(d -> d.userId() == id).map(Device::id).toList()
                    .forEach(this::removeDevice);
        }
    }

    private void putDevice(Device d) {
        Device old = devices.put(d.id(), d);
        if (old != null) {
            devicesByUsername.remove(key(old.tenantId(), old.sipUsername()));
        }
        devicesByUsername.put(key(d.tenantId(), d.sipUsername()), d);
    }

    private void removeDevice(long id) {
        Device old = devices.remove(id);
        if (old != null) {
            devicesByUsername.remove(key(old.tenantId(), old.sipUsername()));
        }
    }

    private static String key(long tenantId, String name) {
        return tenantId + "/" + name;
    }
}
