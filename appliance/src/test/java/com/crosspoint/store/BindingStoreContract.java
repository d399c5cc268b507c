package com.crosspoint.store;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Binding;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.BindingStore.BindingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link BindingStore} shows. */
public interface BindingStoreContract {
    Stores stores();

    private BindingStore bindings() {
        return stores().bindings();
    }

    /** A tenant with one user and device, to register contacts for. */
    record Registrant(Tenant tenant, User user, Device device) {
        Binding binding(String contact) {
            return StoreFixtures.binding(tenant, user, device, contact);
        }
    }

    private Registrant registrant() {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        return new Registrant(tenant, user, StoreFixtures.device(stores(), user));
    }

    private List<Binding> stored(Registrant registrant) {
        return StoreFixtures.bindingsOf(stores(), registrant.tenant());
    }

    @Test
    default void pathAndOutboundFlowSurviveTheStore() {
        Registrant r = registrant();
        Binding plain = r.binding("sip:ann@192.0.2.1:5060");
        Binding flow = new Binding(r.tenant().id(), r.user().id(), r.device().id(), plain.aor(),
                "sip:ann@192.168.1.20:5062;transport=tcp;ob", "cid-ob", 7, T0.plusMillis(600_000), "TCP",
                "203.0.113.7:40001", "baresip", T0, List.of("<sip:edge1.example;lr>", "<sip:[2001:db8::9]:5070;lr>"),
                "<urn:uuid:00000000-0000-0000-0000-000000000001>", 2);

        bindings().apply(List.of(plain, flow), List.of());

        assertThat(stored(r)).containsExactlyInAnyOrder(plain, flow);
    }

    @Test
    default void appliedBindingsAreListedWithEveryField() {
        Registrant r = registrant();
        Binding udp = r.binding("sip:ann@192.0.2.1:5060");
        Binding wss = new Binding(r.tenant().id(), r.user().id(), r.device().id(), udp.aor(),
                "sip:df7jal23@df7jal23ls0d.invalid;transport=ws", "a84b4c76e66710", 314159,
                T0.plusMillis(600_001), "WSS", "[2001:db8::1]:49152", null, T0.plusMillis(1));

        bindings().apply(List.of(udp, wss), List.of());

        assertThat(stored(r)).containsExactlyInAnyOrder(udp, wss);
    }

    @Test
    default void upsertReplacesTheBindingWithTheSameAorAndContact() {
        Registrant r = registrant();
        Binding first = r.binding("sip:ann@192.0.2.1:5060");
        bindings().apply(List.of(first), List.of());
        Binding refreshed = new Binding(r.tenant().id(), r.user().id(), r.device().id(), first.aor(),
                first.contact(), "new-call-id", 2, T0.plusSeconds(7200), "TCP", "192.0.2.1:40000", "Phone/2.0",
                T0.plusSeconds(60));

        bindings().apply(List.of(refreshed), List.of());

        assertThat(stored(r)).containsExactly(refreshed);
    }

    @Test
    default void removalsRemoveOnlyTheirKeys() {
        Registrant r = registrant();
        Binding kept = r.binding("sip:ann@192.0.2.1");
        Binding removed = r.binding("sip:ann@192.0.2.2");
        bindings().apply(List.of(kept, removed), List.of());

        bindings().apply(List.of(), List.of(new BindingKey(removed.aor(), removed.contact()),
                new BindingKey(removed.aor(), "sip:never-registered@192.0.2.9")));

        assertThat(stored(r)).containsExactly(kept);
    }

    @Test
    default void oneCallUpsertsAndRemovesTogether() {
        Registrant r = registrant();
        Binding old = r.binding("sip:ann@192.0.2.1");
        Binding refreshed = r.binding("sip:ann@192.0.2.2");
        bindings().apply(List.of(old, refreshed), List.of());
        Binding added = r.binding("sip:ann@192.0.2.3");
        Binding refreshedAgain = new Binding(r.tenant().id(), r.user().id(), r.device().id(), refreshed.aor(),
                refreshed.contact(), refreshed.callId(), refreshed.cseq() + 1, T0.plusSeconds(9000),
                refreshed.transport(), refreshed.source(), refreshed.userAgent(), T0.plusSeconds(1));

        bindings().apply(List.of(added, refreshedAgain), List.of(new BindingKey(old.aor(), old.contact())));

        assertThat(stored(r)).containsExactlyInAnyOrder(added, refreshedAgain);
    }

    @Test
    default void theLastUpsertOfAKeyInOneCallWins() {
        Registrant r = registrant();
        Binding first = r.binding("sip:ann@192.0.2.1");
        Binding second = new Binding(r.tenant().id(), r.user().id(), r.device().id(), first.aor(), first.contact(),
                first.callId(), first.cseq() + 1, first.expiresAt().plusSeconds(1), first.transport(),
                first.source(), first.userAgent(), first.updatedAt());

        bindings().apply(List.of(first, second), List.of());

        assertThat(stored(r)).containsExactly(second);
    }

    @Test
    default void aKeyBothUpsertedAndRemovedInOneCallIsRemoved() {
        Registrant r = registrant();
        Binding binding = r.binding("sip:ann@192.0.2.1");

        bindings().apply(List.of(binding), List.of(new BindingKey(binding.aor(), binding.contact())));

        assertThat(stored(r)).isEmpty();
    }

    @Test
    default void emptyApplyChangesNothing() {
        Registrant r = registrant();
        Binding binding = r.binding("sip:ann@192.0.2.1");
        bindings().apply(List.of(binding), List.of());

        bindings().apply(List.of(), List.of());

        assertThat(stored(r)).containsExactly(binding);
    }

    @Test
    default void largeBatchesAreAppliedWhole() {
        Registrant r = registrant();
        List<Binding> batch = IntStream.range(0, 300)
                .mapToObj(i -> r.binding("sip:ann@192.0.2.1:" + (10000 + i) + ";transport=udp")).toList();
        bindings().apply(batch, List.of());

        List<Binding> refreshed = new ArrayList<>();
        List<BindingKey> removed = new ArrayList<>();
        for (Binding b : batch) {
            if (b.contact().contains(":101")) {
                removed.add(new BindingKey(b.aor(), b.contact()));
            } else {
                refreshed.add(new Binding(b.tenantId(), b.userId(), b.deviceId(), b.aor(), b.contact(), b.callId(),
                        b.cseq() + 1, b.expiresAt().plusSeconds(3600), b.transport(), b.source(), b.userAgent(),
                        b.updatedAt().plusSeconds(1)));
            }
        }
        bindings().apply(refreshed, removed);

        assertThat(removed).hasSize(100);
        assertThat(stored(r)).containsExactlyInAnyOrderElementsOf(refreshed);
    }

    /** RFC 4475 torture contacts and other odd but legal URIs come back exactly as registered. */
    @Test
    default void oddContactsRoundTripUnchanged() {
        Registrant r = registrant();
        String longParam = ";unknownparam=" + "a1%20€".repeat(200);
        String longContact = ("sip:amazinglylongcallername@host5.example.net" + longParam).substring(0, 1024);
        List<String> contacts = List.of(
                "sip:%00@host5.example.com",
                "sip:%00%00@host5.example.com",
                "sip:null-%00-null@example.com;tag=839923423",
                "sip:user;par=u%40example.net@example.com",
                "sip:%61lice@atlanta.com;transport=TCP;%6C%72",
                "sip:j.user@example.com?Route=%3Csip:example.net%3E&Subject=Hi%20there",
                "sip:[2001:db8::9:1]:5070;transport=tcp;maddr=[2001:db8::9:255]",
                "sips:o'brien;x=\"a\\\"b\"@例え.jp;lr",
                "sip:ann@192.0.2.1;  spaced=  \t yes",
                "sip:raw-nul-\u0000-and-\u007f@example.com",
                longContact);
        List<Binding> registered = contacts.stream().map(r::binding).toList();

        bindings().apply(registered, List.of());

        assertThat(longContact).hasSize(1024);
        assertThat(stored(r)).containsExactlyInAnyOrderElementsOf(registered);
        bindings().apply(List.of(), registered.stream().map(b -> new BindingKey(b.aor(), b.contact())).toList());
        assertThat(stored(r)).isEmpty();
    }
}
