package com.crosspoint.acd.voice;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.List;
import java.util.Optional;

/**
 * Feature codes for agents on their phones: {@value #LOGIN} logs in to every queue the agent is a member of,
 * {@value #LOGOUT} logs out, {@value #PAUSE} pauses ({@value #PAUSE} followed by one or two digits pauses with
 * that reason code, e.g. *521), {@value #RESUME} ends the pause. The agent hears what happened, then the call
 * ends.
 */
public final class AgentCodes implements ServiceNumbers {
    public static final String LOGIN = "*50";
    public static final String LOGOUT = "*51";
    public static final String PAUSE = "*52";
    public static final String RESUME = "*53";
    /** The pause reason of {@code *52} without a code. */
    public static final String PHONE_PAUSE = "phone";

    private final ContactCenter center;
    private final int chatCapacity;

    /** @param chatCapacity the chats an agent logging in by phone may take at once */
    public AgentCodes(ContactCenter center, int chatCapacity) {
        this.center = center;
        this.chatCapacity = chatCapacity;
    }

    @Override
    public Optional<CallApplication> answer(Tenant tenant, User caller, String dialled) {
        AgentBoard.Change change;
        String done;
        if (LOGIN.equals(dialled)) {
            change = new AgentBoard.Login(tenant.id(), caller.id(), caller.extension(), chatCapacity);
            done = "agent-logged-in";
        } else if (LOGOUT.equals(dialled)) {
            change = new AgentBoard.Logout(caller.id());
            done = "agent-logged-out";
        } else if (dialled.matches("\\*52[0-9]{0,2}")) {
            String code = dialled.substring(PAUSE.length());
            change = new AgentBoard.Pause(caller.id(), code.isEmpty() ? PHONE_PAUSE : "code " + code);
            done = "agent-paused";
        } else if (RESUME.equals(dialled)) {
            change = new AgentBoard.Resume(caller.id());
            done = "agent-available";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Confirmation(dialled, change, done));
    }

    /** Makes the change when the call is answered, says how it went, hangs up. */
    private final class Confirmation implements CallApplication {
        private final String code;
        private final AgentBoard.Change change;
        private final String done;
        private CallChannel channel;

        Confirmation(String code, AgentBoard.Change change, String done) {
            this.code = code;
            this.change = change;
            this.done = done;
        }

        @Override
        public String label() {
            return "agent " + code;
        }

        @Override
        public void start(CallChannel ch) {
            channel = ch;
            String prompt;
            if (!center.isAgent(change.userId())) {
                prompt = "agent-not-agent";
            } else {
                try {
                    AgentState after = center.agent(change);
                    prompt = change instanceof AgentBoard.Logout || after.status().loggedIn() ? done : "invalid-entry";
                } catch (IllegalStateException notLoggedIn) {
                    prompt = "agent-logged-out";
                }
            }
            channel.play(List.of(Audio.prompt(prompt)), false);
        }

        @Override
        public void onPlayed() {
            channel.hangUp();
        }
    }
}
