package com.crosspoint.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dial plan as a table: a tenant whose users have every kind of forwarding, a menu at 700 and voicemail;
 * each row dials a number and names where the call must go.
 */
class DialPlanTest {
    private static final Tenant ACME = new Tenant(1, "Acme", "acme.test");
    private static final Tenant OTHER = new Tenant(2, "Other", "other.test");
    private static final Directory DIRECTORY = new Directory();
    private static final User CALLER = user(ACME, 10, "1000", plain());

    static {
        DIRECTORY.apply(new TenantEvent(ProvisioningEvent.Kind.CREATED, ACME, Instant.EPOCH));
        DIRECTORY.apply(new TenantEvent(ProvisioningEvent.Kind.CREATED, OTHER, Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, CALLER, Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 11, "1001", plain()), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 12, "1002", new CallSettings("1003", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 13, "1003", plain()), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 14, "1004", new CallSettings(null, "1001", null, 20, true)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 15, "1005", new CallSettings(null, null, null, 20, true)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 27, "1017", new CallSettings(null, null, null, 20, true, true)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 16, "1006", new CallSettings("1007", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 17, "1007", new CallSettings("1006", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 18, "1008", new CallSettings("9999", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 19, "1009", new CallSettings("1009", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 20, "1010", new CallSettings(null, "1003", "1001", 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 21, "1011", new CallSettings("1012", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 22, "1012", new CallSettings("1013", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 23, "1013", new CallSettings("1014", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 24, "1014", new CallSettings("1015", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 25, "1015", new CallSettings("1016", null, null, 20, false)), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(ACME, 26, "1016", plain()), Instant.EPOCH));
        DIRECTORY.apply(new UserEvent(ProvisioningEvent.Kind.CREATED, user(OTHER, 30, "1001", plain()), Instant.EPOCH));
    }

    private static final DialPlan WITH_VOICEMAIL = new DialPlan(DIRECTORY, List.of(DialPlanTest::menu),
            (owner, reason, caller) -> new Labelled("mailbox " + owner.extension() + " " + reason + " for "
                    + (caller == null ? "-" : caller.extension())));
    private static final DialPlan WITHOUT_MEDIA = new DialPlan(DIRECTORY, List.of(), null);

    static Stream<Arguments> newCalls() {
        return Stream.of(
                Arguments.of("a user rings", "1001", "ring 1001 via [1001]"),
                Arguments.of("forward-always rings the target", "1002", "ring 1003 via [1002, 1003]"),
                Arguments.of("do-not-disturb goes to the forward-busy target", "1004", "ring 1001 via [1004, 1001]"),
                Arguments.of("do-not-disturb without forwarding: callers hear busy", "1005", "rejected BUSY"),
                Arguments.of("do-not-disturb to voicemail: the mailbox, with the busy greeting", "1017",
                        "mailbox of 1017 BUSY: mailbox 1017 BUSY for 1000"),
                Arguments.of("a forward-always loop is refused", "1006", "rejected FORWARDING_LOOP"),
                Arguments.of("a forward target that does not exist is ignored", "1008", "ring 1008 via [1008]"),
                Arguments.of("forwarding to oneself is ignored", "1009", "ring 1009 via [1009]"),
                Arguments.of("at most five users in a row", "1011", "rejected FORWARDING_LOOP"),
                Arguments.of("a service number answers before any user", "700", "app menu 700"),
                Arguments.of("an unknown number", "4242", "rejected NO_SUCH_NUMBER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newCalls")
    void routesANewCall(String why, String dialled, String expected) {
        assertThat(describe(WITH_VOICEMAIL.route(call(dialled, OptionalLong.of(ACME.id()))))).isEqualTo(expected);
    }

    static Stream<Arguments> withoutMedia() {
        return Stream.of(
                Arguments.of("a user still rings", "1001", "ring 1001 via [1001]"),
                Arguments.of("no service numbers", "700", "rejected NO_SUCH_NUMBER"),
                Arguments.of("do-not-disturb is busy", "1005", "rejected BUSY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutMedia")
    void routesWithoutVoicemailOrServices(String why, String dialled, String expected) {
        assertThat(describe(WITHOUT_MEDIA.route(call(dialled, OptionalLong.of(ACME.id()))))).isEqualTo(expected);
    }

    static Stream<Arguments> otherDomains() {
        return Stream.of(
                Arguments.of("another tenant's domain", OptionalLong.of(OTHER.id())),
                Arguments.of("a domain of no tenant", OptionalLong.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherDomains")
    void neverRelaysToAnotherDomain(String why, OptionalLong calledTenant) {
        assertThat(describe(WITH_VOICEMAIL.route(call("1001", calledTenant)))).isEqualTo("rejected RELAYING_DENIED");
    }

    static Stream<Arguments> unanswered() {
        return Stream.of(
                Arguments.of("busy goes to the forward-busy target", "1010", Reason.BUSY, "ring 1003 via [1010, 1003]"),
                Arguments.of("no answer goes to the forward-no-answer target", "1010", Reason.NO_ANSWER,
                        "ring 1001 via [1010, 1001]"),
                Arguments.of("unreachable counts as no answer", "1010", Reason.UNAVAILABLE, "ring 1001 via [1010, 1001]"),
                Arguments.of("without forwarding: the mailbox, with the reason", "1001", Reason.NO_ANSWER,
                        "mailbox of 1001 NO_ANSWER: mailbox 1001 NO_ANSWER for 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unanswered")
    void routesACallAUserCouldNotTake(String why, String extension, Reason reason, String expected) {
        User user = DIRECTORY.userByExtension(ACME.id(), extension).orElseThrow();
        ForwardingPath path = ForwardingPath.START.then(extension).orElseThrow();
        assertThat(describe(WITH_VOICEMAIL.unanswered(user, reason, path, CALLER))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unanswered")
    void withoutVoicemailAnUnansweredCallIsRefusedForItsReason(String why, String extension, Reason reason,
                                                               String withVoicemail) {
        User user = DIRECTORY.userByExtension(ACME.id(), extension).orElseThrow();
        ForwardingPath path = ForwardingPath.START.then(extension).orElseThrow();
        String expected = withVoicemail.startsWith("mailbox") ? "rejected " + reason : withVoicemail;
        assertThat(describe(WITHOUT_MEDIA.unanswered(user, reason, path, CALLER))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void forwardingBackToAUserAlreadyRungIsALoop() {
        User busy = DIRECTORY.userByExtension(ACME.id(), "1010").orElseThrow();
        ForwardingPath path = new ForwardingPath(List.of("1003", "1010"));
        assertThat(describe(WITH_VOICEMAIL.unanswered(busy, Reason.BUSY, path, CALLER)))
                .isEqualTo("rejected FORWARDING_LOOP");
    }

    private static DialledCall call(String number, OptionalLong calledTenant) {
        return new DialledCall(ACME, CALLER, number, calledTenant);
    }

    private static String describe(Destination d) {
        if (d instanceof Destination.Extension e) {
            return "ring " + e.user().extension() + " via " + e.path().extensions();
        }
        if (d instanceof Destination.Application a) {
            return "app " + a.app().label();
        }
        if (d instanceof Destination.Mailbox m) {
            return "mailbox of " + m.owner().extension() + " " + m.reason() + ": " + m.app().label();
        }
        return "rejected " + ((Destination.Rejected) d).why();
    }

    private static Optional<CallApplication> menu(Tenant tenant, User caller, String dialled) {
        return "700".equals(dialled) && tenant.id() == ACME.id() ? Optional.of(new Labelled("menu 700")) : Optional.empty();
    }

    private static CallSettings plain() {
        return CallSettings.defaults();
    }

    private static User user(Tenant t, long id, String extension, CallSettings settings) {
        return new User(id, t.id(), extension, "User " + extension, null, settings);
    }

    private record Labelled(String label) implements CallApplication {
        @Override
        public void start(CallChannel channel) {
            throw new AssertionError("routing never starts an application");
        }
    }
}
