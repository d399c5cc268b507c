package com.crosspoint.console.util;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class PreferencesLoginMemoryTest {
    private final Preferences node = Preferences.userRoot().node("com/crosspoint/console-test-" + ProcessHandle.current().pid());

    @AfterEach
    void remove() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void remembersAddressAndUsernameOnly() throws BackingStoreException {
        PreferencesLoginMemory memory = new PreferencesLoginMemory(node);
        assertThat(memory.url()).isEmpty();
        memory.remember("http://pbx:8080", "olga");
        PreferencesLoginMemory again = new PreferencesLoginMemory(node);
        assertThat(again.url()).contains("http://pbx:8080");
        assertThat(again.username()).contains("olga");
        assertThat(node.keys()).containsExactlyInAnyOrder("url", "username");
    }
}
