package com.crosspoint.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.call.voice.FakeChannel;
import com.crosspoint.conference.ConferenceBridge.Participant;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.ConferenceEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ValidationException;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.derby.DerbyStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conference application against a fake channel; rooms in a real store (Derby). */
class ConferenceAppTest {
    @TempDir
    Path dir;
    private DerbyStores stores;
    private EventBus events;
    private final List<ConferenceEvent> published = new CopyOnWriteArrayList<>();
    private ConferenceService service;
    private ConferenceRooms rooms;
    private Tenant tenant;
    private User ann;

    @BeforeEach
    void start() {
        stores = DerbyStores.open(dir.resolve("db"));
        tenant = stores.tenants().create("T", "t.example.com");
        ann = stores.users().create(tenant.id(), "1001", "Ann", null, CallSettings.defaults());
        events = new EventBus(100);
        events.subscribe("test", e -> e instanceof ConferenceEvent, e -> published.add((ConferenceEvent) e));
        service = new ConferenceService(stores.conferences(), Directory.load(stores), events, Clock.systemUTC());
        rooms = new ConferenceRooms(service);
    }

    @AfterEach
    void stop() {
        events.close();
        stores.close();
    }

    private ConferenceApp dial(String number, FakeChannel channel) {
        ConferenceApp app = (ConferenceApp) rooms.answer(tenant, ann, number).orElseThrow();
        app.start(channel);
        return app;
    }

    /** Dials an open room and plays the welcome through: the caller is connected. */
    private ConferenceApp enter(String number, FakeChannel channel) {
        ConferenceApp app = dial(number, channel);
        app.onPlayed();
        assertThat(channel.audioOut).isNotNull();
        return app;
    }

    @Test
    void onlyTheTenantsRoomNumbersAreAnswered() {
        service.create(tenant.id(), "800", "Board", null, null);
        Tenant other = stores.tenants().create("O", "o.example.com");

        assertThat(rooms.answer(tenant, ann, "800")).isPresent();
        assertThat(rooms.answer(tenant, ann, "801")).isEmpty();
        assertThat(rooms.answer(tenant, ann, "*97")).isEmpty();
        assertThat(rooms.answer(other, ann, "800")).isEmpty();
        assertThat(rooms.answer(tenant, ann, "800").orElseThrow().label()).isEqualTo("conference 800");

        // the numbers are cached for the call path: a change is answered at once
        long id = service.byNumber(tenant.id(), "800").orElseThrow().id();
        service.update(tenant.id(), id, "810", "Board", null, null);
        assertThat(rooms.answer(tenant, ann, "800")).isEmpty();
        assertThat(rooms.answer(tenant, ann, "810")).isPresent();
        service.create(tenant.id(), "811", null, null, null);
        assertThat(rooms.answer(tenant, ann, "811")).isPresent();
    }

    @Test
    void theFirstCallerIsToldSheIsAloneTheSecondIsNot() {
        service.create(tenant.id(), "800", null, null, null);
        FakeChannel first = new FakeChannel();
        FakeChannel second = new FakeChannel();

        ConferenceApp a = dial("800", first);
        assertThat(first.last()).containsExactly("conf-joined", "conf-alone");
        assertThat(first.audioOut).as("not connected during the prompt").isNull();
        a.onPlayed();
        assertThat(first.audioOut).isNotNull();
        assertThat(first.audioIn).isNotNull();
        assertThat(first.timer).as("polls for admin actions").isEqualTo(ConferenceApp.POLL);

        dial("800", second);
        assertThat(second.last()).containsExactly("conf-joined");
        long roomId = service.byNumber(tenant.id(), "800").orElseThrow().id();
        assertThat(service.participants(tenant.id(), roomId)).hasSize(2);
    }

    @Test
    void aRightPinLetsTheCallerIn() {
        service.create(tenant.id(), "800", null, "4321", null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = dial("800", channel);
        assertThat(channel.last()).containsExactly("conf-enter-pin");
        assertThat(channel.bargeIn).containsExactly(true);

        app.onPlayed();
        assertThat(channel.timer).isEqualTo(ConferenceApp.PIN_TIMEOUT);
        "4321#".chars().forEach(c -> app.onDigit((char) c));

        assertThat(channel.last()).containsExactly("conf-joined", "conf-alone");
        assertThat(app.participant()).isPresent();
    }

    @Test
    void aPauseAfterThePinCountsAsPound() {
        service.create(tenant.id(), "800", null, "4321", null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = dial("800", channel);
        "4321".chars().forEach(c -> app.onDigit((char) c));
        app.onTimer();
        assertThat(channel.last()).containsExactly("conf-joined", "conf-alone");
    }

    @Test
    void threeWrongPinsEndTheCall() {
        service.create(tenant.id(), "800", null, "4321", null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = dial("800", channel);

        "1111#".chars().forEach(c -> app.onDigit((char) c));
        assertThat(channel.last()).containsExactly("conf-wrong-pin", "conf-enter-pin");
        "2222#".chars().forEach(c -> app.onDigit((char) c));
        assertThat(channel.last()).containsExactly("conf-wrong-pin", "conf-enter-pin");
        app.onTimer(); // nothing entered at all
        assertThat(channel.last()).containsExactly("conf-wrong-pin", "goodbye");
        assertThat(app.participant()).isEmpty();
        assertThat(channel.hungUp).isFalse();

        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void aFullRoomSaysSoAndHangsUp() {
        service.create(tenant.id(), "800", null, null, 2);
        enter("800", new FakeChannel());
        enter("800", new FakeChannel());
        FakeChannel third = new FakeChannel();
        ConferenceApp app = dial("800", third);

        assertThat(third.last()).containsExactly("conf-full");
        assertThat(app.participant()).isEmpty();
        app.onPlayed();
        assertThat(third.hungUp).isTrue();
    }

    @Test
    void starTogglesSelfMuteWithAnAnnouncementThenReconnects() {
        service.create(tenant.id(), "800", null, null, null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = enter("800", channel);
        Participant me = app.participant().orElseThrow();
        channel.audioOut = null;

        app.onDigit(ConferenceApp.MUTE_KEY);
        assertThat(me.muted()).isTrue();
        assertThat(channel.last()).containsExactly("conf-muted");
        app.onPlayed();
        assertThat(channel.audioOut).as("back in the room after the announcement").isNotNull();

        app.onDigit('5');
        assertThat(channel.last()).containsExactly("conf-muted");
        app.onDigit(ConferenceApp.MUTE_KEY);
        assertThat(me.muted()).isFalse();
        assertThat(channel.last()).containsExactly("conf-unmuted");
    }

    @Test
    void anAdminMuteIsAnnouncedAndAKickHangsUp() {
        ConferenceRoom room = service.create(tenant.id(), "800", null, null, null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = enter("800", channel);
        Participant me = app.participant().orElseThrow();

        service.mute(service.participant(tenant.id(), room.id(), me.id()), true);
        app.onTimer();
        assertThat(channel.last()).containsExactly("conf-muted");
        app.onPlayed();

        service.kick(tenant.id(), room.id(), me.id());
        assertThat(service.participants(tenant.id(), room.id())).isEmpty();
        app.onTimer();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void hangingUpLeavesTheRoom() {
        ConferenceRoom room = service.create(tenant.id(), "800", null, null, null);
        FakeChannel channel = new FakeChannel();
        ConferenceApp app = enter("800", channel);
        enter("800", new FakeChannel());

        app.onHangup();

        assertThat(service.participants(tenant.id(), room.id())).hasSize(1);
        assertThat(channel.timer).isNull();
    }

    @Test
    void joiningAndLeavingArePublishedOnceEach() {
        ConferenceRoom room = service.create(tenant.id(), "800", null, null, null);
        ConferenceApp a = enter("800", new FakeChannel());
        ConferenceApp b = enter("800", new FakeChannel());
        long kicked = b.participant().orElseThrow().id();

        service.kick(tenant.id(), room.id(), kicked);
        b.onTimer(); // the kicked call hangs up: no second "left"
        a.onHangup();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> published.size() >= 4);
        assertThat(published).extracting(ConferenceEvent::type, ConferenceEvent::participants)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conference.joined", 1),
                        org.assertj.core.groups.Tuple.tuple("conference.joined", 2),
                        org.assertj.core.groups.Tuple.tuple("conference.left", 1),
                        org.assertj.core.groups.Tuple.tuple("conference.left", 0));
        assertThat(published.get(2).participantId()).isEqualTo(kicked);
        assertThat(published).allSatisfy(e -> {
            assertThat(e.number()).isEqualTo("800");
            assertThat(e.conferenceId()).isEqualTo(room.id());
            assertThat(e.caller()).startsWith("1001");
        });
    }

    // ---- the rooms themselves -------------------------------------------------------------------------------

    @Test
    void aRoomNumberMustNotBeAUsersExtensionOrAMailboxCode() {
        assertThatThrownBy(() -> service.create(tenant.id(), "1001", null, null, null))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("extension of a user");
        assertThatThrownBy(() -> service.create(tenant.id(), "*97", null, null, null))
                .isInstanceOf(ValidationException.class);
        service.create(tenant.id(), "800", null, null, null);
        assertThatThrownBy(() -> service.create(tenant.id(), "800", null, null, null))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> service.create(tenant.id(), "800", null, "12", null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("pin");
        assertThatThrownBy(() -> service.create(tenant.id(), "800", null, null, 1))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("maxParticipants");
        assertThatThrownBy(() -> service.create(tenant.id(), "800", null, null, 101))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("maxParticipants");
        assertThatThrownBy(() -> service.create(tenant.id(), "8a", null, null, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("number");
    }

    @Test
    void thePinIsStoredHashedAndAnUpdateWithoutAPinKeepsIt() {
        ConferenceRoom r = service.create(tenant.id(), "800", "Board", "4321", null);
        assertThat(r.pinHash()).isNotNull().doesNotContain("4321");
        assertThat(service.checkPin(r, "4321")).isTrue();
        assertThat(service.checkPin(r, "1234")).isFalse();

        ConferenceRoom kept = service.update(tenant.id(), r.id(), "801", "Board 2", null, 30);
        assertThat(kept.pinHash()).isEqualTo(r.pinHash());
        assertThat(kept.maxParticipants()).isEqualTo(30);
        ConferenceRoom open = service.update(tenant.id(), r.id(), "801", "Board 2", "", 30);
        assertThat(open.pinRequired()).isFalse();
        assertThat(service.checkPin(open, null)).isTrue();
    }

    @Test
    void deletingALiveRoomKicksEveryone() {
        ConferenceRoom room = service.create(tenant.id(), "800", null, null, null);
        List<FakeChannel> channels = List.of(new FakeChannel(), new FakeChannel());
        List<ConferenceApp> apps = channels.stream().map(c -> enter("800", c)).toList();

        service.delete(tenant.id(), room.id());

        apps.forEach(ConferenceApp::onTimer);
        assertThat(channels).allMatch(c -> c.hungUp);
        assertThat(rooms.answer(tenant, ann, "800")).isEmpty();
    }
}
