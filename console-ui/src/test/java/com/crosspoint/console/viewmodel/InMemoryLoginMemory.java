package com.crosspoint.console.viewmodel;

import java.util.Optional;

/** {@link LoginMemory} for tests. */
public final class InMemoryLoginMemory implements LoginMemory {
    private String url;
    private String username;

    public InMemoryLoginMemory() {
    }

    public InMemoryLoginMemory(String url, String username) {
        this.url = url;
        this.username = username;
    }

    @Override
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    @Override
    public void remember(String url, String username) {
        this.url = url;
        this.username = username;
    }
}
