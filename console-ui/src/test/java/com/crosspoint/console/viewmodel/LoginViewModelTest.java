package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.UnreachableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {
    private final InMemoryLoginMemory memory = new InMemoryLoginMemory();
    private final FakeConsoleApi api = new FakeConsoleApi();
    private final List<URI> bases = new ArrayList<>();

    private LoginViewModel vm(String urlArg, String userArg) {
        return new LoginViewModel(memory, uri -> {
            bases.add(uri);
            return api;
        }, Runnable::run, urlArg, userArg);
    }

    @Test
    void startsFromRememberedFieldsAndTheCommandLineWins() {
        assertThat(vm(null, null).urlProperty().get()).isEqualTo(LoginViewModel.DEFAULT_URL);
        assertThat(vm(null, null).usernameProperty().get()).isEmpty();

        memory.remember("http://pbx.example:8080", "olga");
        LoginViewModel remembered = vm(null, null);
        assertThat(remembered.urlProperty().get()).isEqualTo("http://pbx.example:8080");
        assertThat(remembered.usernameProperty().get()).isEqualTo("olga");
        assertThat(remembered.passwordProperty().get()).isEmpty();

        LoginViewModel overridden = vm("http://other:9000", "ivan");
        assertThat(overridden.urlProperty().get()).isEqualTo("http://other:9000");
        assertThat(overridden.usernameProperty().get()).isEqualTo("ivan");
    }

    @Test
    void loginNeedsAllThreeFieldsAndIsDisabledWhileBusy() {
        LoginViewModel vm = vm("http://pbx:8080", "olga");
        assertThat(vm.canLoginProperty().get()).isFalse();
        vm.passwordProperty().set("secret");
        assertThat(vm.canLoginProperty().get()).isTrue();
        vm.usernameProperty().set("  ");
        assertThat(vm.canLoginProperty().get()).isFalse();
        vm.usernameProperty().set("olga");

        vm.login();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canLoginProperty().get()).isFalse();
        api.loginResults.get(0).complete(Fixtures.login("olga", "OPERATOR", null));
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void invalidAddressesAreRefusedWithoutAsking() {
        LoginViewModel vm = vm("ftp://pbx", "olga");
        vm.passwordProperty().set("secret");
        assertThat(vm.login()).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).contains("http://");
        vm.urlProperty().set("http://");
        assertThat(vm.login()).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).startsWith("Not a valid address");
        assertThat(bases).isEmpty();
        assertThat(api.logins).isEmpty();
    }

    @Test
    void hostAndPortAloneMeanHttp() {
        LoginViewModel vm = vm("127.0.0.1:8080", "olga");
        vm.passwordProperty().set("secret");
        vm.login();
        assertThat(bases).containsExactly(URI.create("http://127.0.0.1:8080/"));
    }

    @Test
    void successRemembersAddressAndUserButNotThePassword() {
        LoginViewModel vm = vm("http://pbx.example:8080/ignored/path", "olga");
        vm.passwordProperty().set("secret");
        CompletableFuture<ConsoleSession> result = vm.login();
        assertThat(api.logins).containsExactly("olga:secret");
        assertThat(result).isNotDone();
        api.loginResults.get(0).complete(Fixtures.login("olga", "OPERATOR", 1L));

        assertThat(result).isCompleted();
        ConsoleSession session = result.join();
        assertThat(session.login().username()).isEqualTo("olga");
        assertThat(session.url()).isEqualTo(URI.create("http://pbx.example:8080/"));
        assertThat(memory.url()).contains("http://pbx.example:8080");
        assertThat(memory.username()).contains("olga");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void failuresBecomeMessagesInTheDialogAndNothingIsRemembered() {
        LoginViewModel vm = vm("http://pbx:8080", "olga");
        vm.passwordProperty().set("wrong");
        CompletableFuture<ConsoleSession> r1 = vm.login();
        api.loginResults.get(0).completeExceptionally(new ApiException(401, "wrong username or password", null));
        assertThat(r1).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong username or password.");
        assertThat(vm.passwordProperty().get()).isEqualTo("wrong");

        vm.login();
        api.loginResults.get(1).completeExceptionally(new java.util.concurrent.CompletionException(
                new UnreachableException(URI.create("http://pbx:8080/api/v1/auth/login"), new ConnectException("Connection refused"))));
        assertThat(vm.errorProperty().get()).isEqualTo("The appliance does not answer at http://pbx:8080. Check the address and that it is running.");

        vm.login();
        api.loginResults.get(2).completeExceptionally(new ApiException(429,
                "too many failed logins from this address; try again in 5 minutes", null));
        assertThat(vm.errorProperty().get())
                .isEqualTo("Too many failed logins from this address; try again in 5 minutes.");

        vm.login();
        api.loginResults.get(3).completeExceptionally(new ApiException(500, "internal error", null));
        assertThat(vm.errorProperty().get()).isEqualTo("The appliance answered HTTP 500: internal error");

        vm.login();
        api.loginResults.get(4).completeExceptionally(new IOException("boom"));
        assertThat(vm.errorProperty().get()).isEqualTo("Login failed: boom");
        assertThat(memory.url()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void accountsThatMayNotWatchCallsAreTurnedAway() {
        LoginViewModel vm = vm("http://pbx:8080", "1001");
        vm.passwordProperty().set("pw");
        CompletableFuture<ConsoleSession> r = vm.login();
        api.loginResults.get(0).complete(Fixtures.login("1001", "USER", 1L));
        assertThat(r).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).contains("may not use the operator console");
        assertThat(memory.username()).isEmpty();
    }
}
