package com.crosspoint.console.util;

import com.crosspoint.console.viewmodel.LoginMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** {@link LoginMemory} in the user's {@link Preferences} (node {@code /com/crosspoint/console}). */
public final class PreferencesLoginMemory implements LoginMemory {
    private static final Logger LOG = LoggerFactory.getLogger(PreferencesLoginMemory.class);
    private static final String URL = "url";
    private static final String USERNAME = "username";

    private final Preferences node;

    public PreferencesLoginMemory(Preferences node) {
        this.node = node;
    }

    public static PreferencesLoginMemory forUser() {
        return new PreferencesLoginMemory(Preferences.userRoot().node("com/crosspoint/console"));
    }

    @Override
    public Optional<String> url() {
        return Optional.ofNullable(node.get(URL, null));
    }

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(node.get(USERNAME, null));
    }

    @Override
    public void remember(String url, String username) {
        node.put(URL, url);
        node.put(USERNAME, username);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("could not save the login preferences: {}", e.getMessage());
        }
    }
}
