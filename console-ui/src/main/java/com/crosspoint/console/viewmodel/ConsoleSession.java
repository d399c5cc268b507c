package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.Login;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * A logged-in console: the API of one appliance and the login. The password stays in memory only,
 * for logging in again after the appliance restarted (its logins do not survive a restart).
 */
public final class ConsoleSession {
    private final ConsoleApi api;
    private final URI url;
    private final String username;
    private final String password;
    private volatile Login login;

    public ConsoleSession(ConsoleApi api, URI url, String username, String password, Login login) {
        this.api = api;
        this.url = url;
        this.username = username;
        this.password = password;
        this.login = login;
    }

    public ConsoleApi api() {
        return api;
    }

    public URI url() {
        return url;
    }

    public Login login() {
        return login;
    }

    public CompletableFuture<Login> relogin() {
        return api.login(username, password).thenApply(l -> {
            login = l;
            return l;
        });
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + username + "@" + url + "]";
    }
}
