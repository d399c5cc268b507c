package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.UnreachableException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The login dialog: appliance address, username, password. Address and username start from the
 * command line, else from what was remembered, and are remembered after a successful login.
 */
public final class LoginViewModel {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    private static final Set<String> CONSOLE_ROLES = Set.of("OPERATOR", "ADMIN", "SUPERADMIN");

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final SimpleStringProperty error = new SimpleStringProperty(this, "error", "");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding canLogin;

    private final LoginMemory memory;
    private final Function<URI, ConsoleApi> apis;
    private final Executor ui;

    /**
     * @param urlArgument  {@code --url} from the command line, or null
     * @param userArgument {@code --user} from the command line, or null
     */
    public LoginViewModel(LoginMemory memory, Function<URI, ConsoleApi> apis, Executor ui,
                          String urlArgument, String userArgument) {
        this.memory = memory;
        this.apis = apis;
        this.ui = ui;
        url.set(urlArgument != null ? urlArgument : memory.url().orElse(DEFAULT_URL));
        username.set(userArgument != null ? userArgument : memory.username().orElse(""));
        canLogin = Bindings.createBooleanBinding(
                () -> !busy.get() && !url.get().isBlank() && !username.get().isBlank() && !password.get().isEmpty(),
                busy, url, username, password);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The message to show in the dialog; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canLoginProperty() {
        return canLogin;
    }

    /**
     * Logs in. Completes (on the UI executor) with the session, or exceptionally after the reason
     * was put into {@link #errorProperty()}.
     */
    public CompletableFuture<ConsoleSession> login() {
        CompletableFuture<ConsoleSession> result = new CompletableFuture<>();
        String user = username.get().trim();
        String pass = password.get();
        URI base;
        try {
            base = parseUrl(url.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            result.completeExceptionally(e);
            return result;
        }
        if (user.isEmpty() || pass.isEmpty()) {
            error.set(user.isEmpty() ? "Enter the operator username." : "Enter the password.");
            result.completeExceptionally(new IllegalArgumentException(error.get()));
            return result;
        }
        error.set("");
        busy.set(true);
        ConsoleApi api = apis.apply(base);
        api.login(user, pass).whenComplete((login, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(message(failure, base));
                result.completeExceptionally(failure);
            } else if (!CONSOLE_ROLES.contains(login.role())) {
                error.set("Account " + login.username() + " (" + login.role() + ") may not use the operator console.");
                result.completeExceptionally(new IllegalStateException(error.get()));
            } else {
                String shownUrl = base.toString().replaceAll("/$", "");
                url.set(shownUrl);
                memory.remember(shownUrl, user);
                password.set("");
                result.complete(new ConsoleSession(api, base, user, pass, login));
            }
        }));
        return result;
    }

    /** {@code host:port} alone means http; only http and https with a host are accepted. */
    static URI parseUrl(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Enter the appliance address, e.g. " + DEFAULT_URL + ".");
        }
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid address: " + text.trim(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The address must start with http:// or https://.");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Not a valid address: " + text.trim());
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + "/");
    }

    static String message(Throwable failure, URI base) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof ApiException e) {
            switch (e.status()) {
                case 401:
                    return "Wrong username or password.";
                case 429:
                    // The appliance says how long: "too many failed logins …; try again in 5 minutes".
                    return e.getMessage() == null || e.getMessage().isBlank()
                            ? "Too many failed logins: wait a few minutes, then try again."
                            : Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".";
                case 400:
                    return "The appliance refused the login: " + e.getMessage();
                default:
                    return "The appliance answered HTTP " + e.status() + ": " + e.getMessage();
            }
        }
        if (t instanceof UnreachableException) {
            return "The appliance does not answer at " + base.toString().replaceAll("/$", "")
                    + ". Check the address and that it is running.";
        }
        return "Login failed: " + t.getMessage();
    }

}
