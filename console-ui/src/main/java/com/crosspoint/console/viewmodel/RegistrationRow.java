package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.Registration;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One registered contact of a device; updated in place on refresh. */
public final class RegistrationRow {
    private static final Pattern ANGLE = Pattern.compile("<([^>]*)>");

    private final String key;
    private final SimpleStringProperty extension = new SimpleStringProperty(this, "extension");
    private final SimpleStringProperty sipUsername = new SimpleStringProperty(this, "sipUsername");
    private final SimpleStringProperty contact = new SimpleStringProperty(this, "contact");
    private final SimpleStringProperty transport = new SimpleStringProperty(this, "transport");
    private final SimpleStringProperty userAgent = new SimpleStringProperty(this, "userAgent");
    private final SimpleStringProperty source = new SimpleStringProperty(this, "source");
    private final SimpleStringProperty nat = new SimpleStringProperty(this, "nat");
    private final SimpleStringProperty natDetail = new SimpleStringProperty(this, "natDetail");
    private final SimpleStringProperty tenant = new SimpleStringProperty(this, "tenant");
    private final SimpleStringProperty expiresIn = new SimpleStringProperty(this, "expiresIn");
    private final SimpleLongProperty expiresInSeconds = new SimpleLongProperty(this, "expiresInSeconds");
    private Registration registration;

    RegistrationRow(Registration r, Instant now) {
        this.key = r.key();
        update(r, now);
    }

    void update(Registration r, Instant now) {
        registration = r;
        extension.set(r.extension() == null ? "(deleted)" : r.extension());
        sipUsername.set(r.sipUsername() == null ? "(deleted)" : r.sipUsername());
        contact.set(contactUri(r.contact()));
        transport.set(Formats.orEmpty(r.transport()));
        userAgent.set(Formats.orEmpty(r.userAgent()));
        source.set(Formats.orEmpty(r.source()));
        nat.set(r.nat() == null ? "" : Formats.orEmpty(r.nat().summary()));
        natDetail.set(r.nat() == null ? "" : r.nat().detail());
        tenant.set(String.valueOf(r.tenantId()));
        tick(now);
    }

    void tick(Instant now) {
        long s = r().expiresAt() == null ? 0 : Math.max(0, Duration.between(now, r().expiresAt()).getSeconds());
        expiresInSeconds.set(s);
        expiresIn.set(s == 0 ? "expired" : Formats.duration(Duration.ofSeconds(s)));
    }

    /** The URI between {@code <>}, without header parameters such as {@code +sip.instance}. */
    static String contactUri(String contact) {
        if (contact == null) {
            return "";
        }
        Matcher m = ANGLE.matcher(contact);
        return m.find() ? m.group(1) : contact;
    }

    private Registration r() {
        return registration;
    }

    public String key() {
        return key;
    }

    public Registration registration() {
        return registration;
    }

    public ReadOnlyStringProperty extensionProperty() {
        return extension;
    }

    public ReadOnlyStringProperty sipUsernameProperty() {
        return sipUsername;
    }

    public ReadOnlyStringProperty contactProperty() {
        return contact;
    }

    public ReadOnlyStringProperty transportProperty() {
        return transport;
    }

    public ReadOnlyStringProperty userAgentProperty() {
        return userAgent;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source;
    }

    /** What was found of the device's NAT and done about it, e.g. "symmetric NAT (ports change): flow routing". */
    public ReadOnlyStringProperty natProperty() {
        return nat;
    }

    /** The evidence and actions behind {@link #natProperty()}, one per line (the cell's tooltip). */
    public ReadOnlyStringProperty natDetailProperty() {
        return natDetail;
    }

    public ReadOnlyStringProperty tenantProperty() {
        return tenant;
    }

    /** Time left until the registration lapses unless the device refreshes it, {@code m:ss}; "expired" at zero. */
    public ReadOnlyStringProperty expiresInProperty() {
        return expiresIn;
    }

    public ReadOnlyLongProperty expiresInSecondsProperty() {
        return expiresInSeconds;
    }

    boolean matches(String lowerNeedle) {
        return CallRow.contains(extension.get(), lowerNeedle) || CallRow.contains(sipUsername.get(), lowerNeedle)
                || CallRow.contains(contact.get(), lowerNeedle) || CallRow.contains(transport.get(), lowerNeedle)
                || CallRow.contains(userAgent.get(), lowerNeedle) || CallRow.contains(source.get(), lowerNeedle)
                || CallRow.contains(nat.get(), lowerNeedle);
    }

    @Override
    public String toString() {
        return "RegistrationRow[" + extension.get() + " " + contact.get() + " " + expiresIn.get() + "]";
    }
}
