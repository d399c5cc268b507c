package com.crosspoint.console.viewmodel;

import java.util.Optional;

/** What the login dialog remembers between runs: the appliance address and the username, never the password. */
public interface LoginMemory {

    Optional<String> url();

    Optional<String> username();

    void remember(String url, String username);
}
