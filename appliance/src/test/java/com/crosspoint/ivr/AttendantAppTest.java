package com.crosspoint.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.FakeChannel;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.MenuOption;
import com.crosspoint.model.User;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The menu logic against a fake channel: the test plays the caller and the media side. */
class AttendantAppTest {
    private static final User BEN = new User(2, 1, "1002", "Ben", null, CallSettings.defaults());
    private static final User CY = new User(3, 1, "1003", "Cy", null, CallSettings.defaults());
    private static final User OPERATOR = new User(9, 1, "1009", "Op", null, CallSettings.defaults());

    private final FakeChannel channel = new FakeChannel();
    private final Map<Long, AttendantMenu> menus = new HashMap<>();
    private final Map<User, CallApplication> mailboxes = new HashMap<>();

    private final AttendantApp.Targets targets = new AttendantApp.Targets() {
        @Override
        public Optional<AttendantMenu> menu(long id) {
            return Optional.ofNullable(menus.get(id));
        }

        @Override
        public Optional<User> user(String extension) {
            return List.of(BEN, CY, OPERATOR).stream().filter(u -> u.extension().equals(extension)).findFirst();
        }

        @Override
        public CallApplication voicemail(User box) {
            return mailboxes.computeIfAbsent(box, b -> new CallApplication() {
                @Override
                public String label() {
                    return "voicemail " + b.extension();
                }

                @Override
                public void start(CallChannel c) {
                }
            });
        }
    };

    private static AttendantMenu menu(long id, String number, String greeting, int retries, String operator,
                                      MenuOption... options) {
        return new AttendantMenu(id, 1, number, "Main", greeting, true, 5, retries, operator, List.of(options));
    }

    private static final AttendantMenu MAIN = menu(1, "700", "aa-welcome", 3, null,
            MenuOption.extension('2', "1002"), MenuOption.menu('3', 2), MenuOption.voicemail('4', "1003"),
            MenuOption.hangUp('0'), MenuOption.extension('5', "1099"));

    private AttendantApp started(AttendantMenu menu) {
        menus.put(MAIN.id(), MAIN);
        AttendantApp app = new AttendantApp(menu, targets);
        app.start(channel);
        return app;
    }

    @Test
    void greetingPlaysWithBargeInThenTheMenuWaitsForAKey() {
        AttendantApp app = started(MAIN);

        assertThat(app.label()).isEqualTo("menu 700");
        assertThat(channel.last()).containsExactly("aa-welcome");
        assertThat(channel.bargeIn).containsExactly(true);
        assertThat(channel.timer).isNull();

        app.onPlayed();

        assertThat(channel.timer).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void keyWithAnExtensionOptionTransfersAfterThePleaseHold() {
        AttendantApp app = started(MAIN);

        app.onDigit('2'); // during the greeting: barge-in

        assertThat(channel.last()).containsExactly("aa-transferring");
        assertThat(channel.transferredTo).isNull();
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1002");
        assertThat(channel.hungUp).isFalse();
    }

    @Test
    void unassignedKeyReplaysTheMenuAfterInvalidEntry() {
        AttendantApp app = started(MAIN);
        app.onPlayed();

        app.onDigit('9');

        assertThat(channel.timer).as("the key stopped the timeout").isNull();
        assertThat(channel.last()).containsExactly("invalid-entry", "aa-welcome");
        assertThat(channel.bargeIn.get(channel.bargeIn.size() - 1)).isTrue();
        app.onDigit('2');
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1002");
    }

    @Test
    void optionWhoseUserIsGoneCountsAsInvalid() {
        AttendantApp app = started(MAIN);

        app.onDigit('5');

        assertThat(channel.last()).containsExactly("invalid-entry", "aa-welcome");
        assertThat(channel.transferredTo).isNull();
    }

    @Test
    void timeoutsReplayTheMenuUpToMaxRetriesThenGoodbye() {
        AttendantApp app = started(MAIN);
        for (int i = 0; i < 3; i++) {
            app.onPlayed();
            app.onTimer();
            assertThat(channel.last()).containsExactly("no-entry", "aa-welcome");
        }
        app.onPlayed();
        app.onTimer();

        assertThat(channel.last()).containsExactly("goodbye");
        assertThat(channel.bargeIn.get(channel.bargeIn.size() - 1)).isFalse();
        assertThat(channel.played).hasSize(5);
        app.onPlayed();
        assertThat(channel.hungUp).isTrue();
    }

    @Test
    void afterTheRetriesAnOperatorTakesTheCallWhenThereIsOne() {
        AttendantApp app = started(menu(1, "700", "aa-welcome", 0, "1009"));
        app.onPlayed();

        app.onDigit('7');

        assertThat(channel.last()).containsExactly("aa-transferring");
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1009");
    }

    @Test
    void dialByExtensionCollectsDigitsUntilPound() {
        AttendantApp app = started(MAIN);

        app.onDigit('#');
        assertThat(channel.last()).containsExactly("aa-dial-extension");
        app.onDigit('1'); // barges into the prompt
        app.onDigit('0');
        app.onDigit('0');
        assertThat(channel.timer).as("each digit restarts the pause").isEqualTo(Duration.ofSeconds(5));
        app.onDigit('3');
        app.onDigit('#');

        assertThat(channel.last()).containsExactly("aa-transferring");
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1003");
    }

    @Test
    void dialByExtensionEndsWithAPauseToo() {
        AttendantApp app = started(MAIN);
        app.onDigit('#');
        app.onDigit('1');
        app.onDigit('0');
        app.onDigit('0');
        app.onDigit('2');

        app.onTimer();

        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1002");
    }

    @Test
    void unknownExtensionIsSaidAndTheMenuReplays() {
        AttendantApp app = started(MAIN);
        app.onDigit('#');
        app.onDigit('4');
        app.onDigit('4');
        app.onDigit('#');

        assertThat(channel.last()).containsExactly("aa-no-such-extension", "aa-welcome");
        assertThat(channel.transferredTo).isNull();
        app.onDigit('2');
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1002");
    }

    @Test
    void dialByExtensionOffMakesPoundAnInvalidKey() {
        AttendantMenu noDial = new AttendantMenu(1, 1, "700", null, "aa-welcome", false, 5, 3, null, List.of());
        AttendantApp app = started(noDial);

        app.onDigit('#');

        assertThat(channel.last()).containsExactly("invalid-entry", "aa-welcome");
    }

    @Test
    void menuOptionPlaysTheOtherMenusGreeting() {
        menus.put(2L, menu(2, "701", "aa-dial-extension", 3, null, MenuOption.extension('1', "1003")));
        AttendantApp app = started(MAIN);

        app.onDigit('3');

        assertThat(channel.last()).containsExactly("aa-dial-extension");
        app.onDigit('1');
        app.onPlayed();
        assertThat(channel.transferredTo).isEqualTo("1003");
    }

    @Test
    void aMenuLeadingToItselfEndsAfterTheHopCap() {
        AttendantMenu loop = menu(1, "700", "aa-welcome", 3, null, MenuOption.menu('1', 1));
        AttendantApp app = new AttendantApp(loop, targets);
        menus.put(1L, loop);
        app.start(channel);

        for (int i = 0; i < AttendantApp.MAX_MENU_HOPS; i++) {
            app.onDigit('1');
            assertThat(channel.last()).containsExactly("aa-welcome");
        }
        app.onDigit('1');

        assertThat(channel.last()).containsExactly("goodbye");
    }

    @Test
    void voicemailOptionHandsTheCallToTheMailbox() {
        AttendantApp app = started(MAIN);

        app.onDigit('4');

        assertThat(channel.switchedTo).isSameAs(mailboxes.get(CY));
        assertThat(channel.switchedTo.label()).isEqualTo("voicemail 1003");
    }

    @Test
    void hangupOptionSaysGoodbye() {
        AttendantApp app = started(MAIN);

        app.onDigit('0');
        assertThat(channel.last()).containsExactly("goodbye");
        app.onPlayed();

        assertThat(channel.hungUp).isTrue();
    }
}
