package com.crosspoint.ivr;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.MenuOption;
import com.crosspoint.model.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A caller in an auto-attendant menu: the greeting plays (a key stops it), then the menu waits
 * {@code timeoutSeconds} for a key. A key with an option routes the call (a person, another menu, a mailbox,
 * goodbye); an unassigned key ("invalid-entry") or no key ("no-entry") replays the menu, at most
 * {@code maxRetries} times, after which the caller goes to the operator extension or hears goodbye. With
 * dial-by-extension, {@code #} asks for an extension ended by {@code #} or a pause.
 */
public final class AttendantApp implements CallApplication {
    /** Menus leading to menus: a caller may move this many times before the call ends (no endless loops). */
    static final int MAX_MENU_HOPS = 10;
    static final char DIAL_BY_EXTENSION = '#';
    private static final int MAX_EXTENSION_LENGTH = 15;

    /** What a menu routes to, looked up in the caller's tenant when the key is pressed. */
    public interface Targets {
        Optional<AttendantMenu> menu(long id);

        Optional<User> user(String extension);

        /** Leaving a message in {@code box}'s mailbox. */
        CallApplication voicemail(User box);
    }

    private enum Step { MENU, DIALLING, TRANSFERRING, CLOSING, DONE }

    private final Targets targets;
    private AttendantMenu menu;
    private CallChannel channel;
    private Step step = Step.MENU;
    private int retries;
    private int hops;
    private String transferTo;
    private final StringBuilder dialled = new StringBuilder();

    public AttendantApp(AttendantMenu menu, Targets targets) {
        this.menu = menu;
        this.targets = targets;
    }

    @Override
    public String label() {
        return "menu " + menu.number();
    }

    @Override
    public void start(CallChannel channel) {
        this.channel = channel;
        playMenu(List.of());
    }

    /** {@code before} (a complaint such as invalid-entry) and the greeting; a key stops them. */
    private void playMenu(List<String> before) {
        step = Step.MENU;
        dialled.setLength(0);
        List<Audio> items = new ArrayList<>();
        before.forEach(p -> items.add(Audio.prompt(p)));
        items.add(Audio.prompt(menu.greeting()));
        channel.play(items, true);
    }

    @Override
    public void onPlayed() {
        switch (step) {
            case MENU, DIALLING -> channel.startTimer(Duration.ofSeconds(menu.timeoutSeconds()));
            case TRANSFERRING -> {
                step = Step.DONE;
                channel.transferTo(transferTo);
            }
            case CLOSING -> {
                step = Step.DONE;
                channel.hangUp();
            }
            default -> {
            }
        }
    }

    @Override
    public void onDigit(char digit) {
        if (step == Step.MENU) {
            channel.cancelTimer();
            if (digit == DIAL_BY_EXTENSION && menu.dialByExtension()) {
                step = Step.DIALLING;
                channel.play(Audio.prompts("aa-dial-extension"), true);
                return;
            }
            Optional<MenuOption> option = menu.option(digit);
            if (option.isEmpty() || !route(option.get())) {
                retry("invalid-entry");
            }
        } else if (step == Step.DIALLING) {
            channel.cancelTimer();
            if (digit == '#') {
                dialledExtension();
            } else if (Character.isDigit(digit) && dialled.length() < MAX_EXTENSION_LENGTH) {
                dialled.append(digit);
                channel.startTimer(Duration.ofSeconds(menu.timeoutSeconds()));
            } else {
                channel.startTimer(Duration.ofSeconds(menu.timeoutSeconds()));
            }
        }
    }

    @Override
    public void onTimer() {
        if (step == Step.MENU) {
            retry("no-entry");
        } else if (step == Step.DIALLING) {
            if (dialled.isEmpty()) {
                retry("no-entry");
            } else {
                dialledExtension();
            }
        }
    }

    @Override
    public void onHangup() {
        step = Step.DONE;
    }

    /** The person did not take the caller: their mailbox does, where they have one; otherwise goodbye. */
    @Override
    public void onTransferFailed(String extension, Reason reason, CallApplication instead, CallChannel channel) {
        if (instead != null) {
            step = Step.DONE;
            channel.switchTo(instead);
        } else {
            goodbye();
        }
    }

    /** The caller keyed an extension: ring it, or say there is none and replay the menu. */
    private void dialledExtension() {
        Optional<User> user = targets.user(dialled.toString());
        if (user.isPresent()) {
            transfer(user.get());
        } else {
            retry("aa-no-such-extension");
        }
    }

    /** Carries out an option; false when its target is gone (deleted since the menu was saved). */
    private boolean route(MenuOption option) {
        switch (option.action()) {
            case EXTENSION -> {
                Optional<User> user = targets.user(option.extension());
                user.ifPresent(this::transfer);
                return user.isPresent();
            }
            case VOICEMAIL -> {
                Optional<User> box = targets.user(option.extension());
                if (box.isEmpty()) {
                    return false;
                }
                step = Step.DONE;
                channel.switchTo(targets.voicemail(box.get()));
                return true;
            }
            case MENU -> {
                Optional<AttendantMenu> next = targets.menu(option.menuId());
                if (next.isEmpty()) {
                    return false;
                }
                if (++hops > MAX_MENU_HOPS) {
                    goodbye();
                    return true;
                }
                menu = next.get();
                retries = 0;
                playMenu(List.of());
                return true;
            }
            case HANGUP -> {
                goodbye();
                return true;
            }
            default -> throw new IllegalStateException("unknown action " + option.action());
        }
    }

    private void transfer(User user) {
        step = Step.TRANSFERRING;
        transferTo = user.extension();
        channel.play(Audio.prompts("aa-transferring"), false);
    }

    /** A wrong or missing choice: say so and replay the menu, until the retries run out. */
    private void retry(String complaint) {
        if (++retries > menu.maxRetries()) {
            Optional<User> operator = Optional.ofNullable(menu.operatorExtension()).flatMap(targets::user);
            if (operator.isPresent()) {
                transfer(operator.get());
            } else {
                goodbye();
            }
            return;
        }
        playMenu(List.of(complaint));
    }

    private void goodbye() {
        step = Step.CLOSING;
        channel.play(Audio.prompts("goodbye"), false);
    }
}
